// A/B statistics worked out the long way, for tests that check a readout
// against numbers Beacon did not compute: the normal distribution by Simpson's
// rule over its density, the textbook two-proportion z test with Wald and
// delta-method intervals, the chance to beat the control and the expected
// losses by summing the two Beta posteriors over a fine grid, and CUPED from
// each person's own (metric, covariate) pair.

/** Φ⁻¹(0.975), the two-sided 95 % critical value. */
export const Z_975 = 1.959963984540054;

/** Φ(z): ½ + ∫₀^z φ(t) dt by Simpson's rule. */
export function normalCdf(z: number): number {
  const steps = 4000;
  const h = Math.abs(z) / steps;
  const phi = (t: number) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
  let sum = phi(0) + phi(Math.abs(z));
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * phi(k * h);
  const area = (sum * h) / 3;
  return z >= 0 ? 0.5 + area : 0.5 - area;
}

export interface RateByHand {
  absolute: number;
  relative: number;
  /** Wald, from the unpooled standard error. */
  ci: [number, number];
  /** Delta method: Var(p_B/p_A − 1) ≈ p_B(1 − p_B)/(n_B p_A²) + p_A(1 − p_A) p_B²/(n_A p_A⁴). */
  relativeCi: [number, number];
  /** Pooled two-proportion z and its two-sided p-value. */
  z: number;
  p: number;
}

/** Treatment B against control A, conversions c of n people each, at 95 %. */
export function rateByHand(cA: number, nA: number, cB: number, nB: number): RateByHand {
  const [pA, pB] = [cA / nA, cB / nB];
  const pooled = (cA + cB) / (nA + nB);
  const z = (pB - pA) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const se = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
  const relativeSe = Math.sqrt((pB * (1 - pB)) / (nB * pA * pA) + (pA * (1 - pA) * pB * pB) / (nA * pA ** 4));
  const relative = pB / pA - 1;
  return {
    absolute: pB - pA,
    relative,
    ci: [pB - pA - Z_975 * se, pB - pA + Z_975 * se],
    relativeCi: [relative - Z_975 * relativeSe, relative + Z_975 * relativeSe],
    z,
    p: 2 * (1 - normalCdf(Math.abs(z))),
  };
}

export interface PosteriorByHand {
  /** P(p_B > p_A) under Beta(1 + c, 1 + n − c) posteriors. */
  chance: number;
  /** E[max(p_A − p_B, 0)]: what shipping B is expected to lose. */
  lossOfB: number;
  /** E[max(p_B − p_A, 0)]: what keeping A is expected to lose. */
  lossOfA: number;
}

/** The two posteriors summed over 200,001 points of [0, 1]. */
export function posteriorByHand(cA: number, nA: number, cB: number, nB: number): PosteriorByHand {
  const points = 200_001;
  const xs = Array.from({ length: points }, (_, i) => i / (points - 1));
  const density = (c: number, n: number) => {
    const logs = xs.map((x) => (x === 0 || x === 1 ? -Infinity : c * Math.log(x) + (n - c) * Math.log(1 - x)));
    const top = logs.reduce((m, l) => Math.max(m, l), -Infinity);
    const raw = logs.map((l) => Math.exp(l - top));
    const total = raw.reduce((s, v) => s + v, 0);
    return raw.map((v) => v / total);
  };
  const [fA, fB] = [density(cA, nA), density(cB, nB)];
  // Suffix sums of A above each point: its mass and its mass × x.
  const above = new Float64Array(points + 1);
  const aboveX = new Float64Array(points + 1);
  for (let i = points - 1; i >= 0; i--) {
    above[i] = above[i + 1] + fA[i];
    aboveX[i] = aboveX[i + 1] + fA[i] * xs[i];
  }
  let chance = 0;
  let lossOfB = 0;
  let lossOfA = 0;
  for (let i = 0; i < points; i++) {
    const belowA = 1 - above[i];
    chance += fB[i] * (belowA + fA[i] / 2);
    lossOfB += fB[i] * (aboveX[i + 1] - xs[i] * above[i + 1]);
    // E[max(B − A, 0)] = E[B − A] + E[max(A − B, 0)].
  }
  const meanA = xs.reduce((s, x, i) => s + x * fA[i], 0);
  const meanB = xs.reduce((s, x, i) => s + x * fB[i], 0);
  lossOfA = meanB - meanA + lossOfB;
  return { chance, lossOfB, lossOfA };
}

export interface CupedByHand {
  theta: number;
  /** Per variant: ȳ − θ(x̄ − X̄) and 1 − Var(y − θx) / Var(y). */
  variants: Map<string, { people: number; mean: number; adjusted: number; varianceReduction: number }>;
}

/** CUPED over every person's (metric y, covariate x), θ pooled over all of them. */
export function cupedByHand(rows: readonly { variant: string; y: number; x: number }[]): CupedByHand {
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const covariance = (a: number[], b: number[]) => {
    const [ma, mb] = [mean(a), mean(b)];
    return a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0) / (a.length - 1);
  };
  const ys = rows.map((r) => r.y);
  const xs = rows.map((r) => r.x);
  const theta = covariance(ys, xs) / covariance(xs, xs);
  const grand = mean(xs);
  const variants = new Map<string, { people: number; mean: number; adjusted: number; varianceReduction: number }>();
  for (const name of [...new Set(rows.map((r) => r.variant))]) {
    const own = rows.filter((r) => r.variant === name);
    const y = own.map((r) => r.y);
    const x = own.map((r) => r.x);
    const adjustedValues = own.map((r) => r.y - theta * r.x);
    variants.set(name, {
      people: own.length,
      mean: mean(y),
      adjusted: mean(y) - theta * (mean(x) - grand),
      varianceReduction: 1 - covariance(adjustedValues, adjustedValues) / covariance(y, y),
    });
  }
  return { theta, variants };
}
