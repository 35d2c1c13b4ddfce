// Binomial and multinomial draws whose cost does not grow with the number of
// trials, so a bootstrap over millions of journeys costs O(cells) per resample.
//
// The binomial sampler is exact in both regimes (no normal approximation, whose
// skew error shows at moderate n·p):
// - n·min(p, 1 − p) < 10: inversion by sequential search from 0, which takes
//   about n·p + 1 uniform comparisons (under 11 on average);
// - otherwise: Hörmann's BTRS, transformed rejection with squeeze ("The
//   generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993),
//   a constant expected number of uniforms (about 1.15 pairs) whatever n is.
// A multinomial draw is a chain of conditional binomials: cell j gets
// Binomial(trials left, w_j / weight left).

/** A source of uniform draws in [0, 1), e.g. createSeededRandom(seed) from ./seeded-random.ts. */
export type Uniform = () => number;

/** Below this mean (of the rarer outcome) inversion is used, at or above it BTRS (valid from 10). */
const INVERSION_LIMIT = 10;

/**
 * A Binomial(n, p) draw: successes in n independent trials of chance p.
 *
 * @example sampleBinomial(createSeededRandom(1), 1_000_000, 0.3) // ≈ 300,000 ± 458
 */
export function sampleBinomial(random: Uniform, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`binomial trials must be a whole number ≥ 0, not ${n}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`binomial chance must be in [0, 1], not ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  // Both samplers assume the rarer outcome; the count of the other is n minus it.
  if (p > 0.5) return n - sampleBinomial(random, n, 1 - p);
  return n * p < INVERSION_LIMIT ? invertBinomial(random, n, p) : transformedRejection(random, n, p);
}

/**
 * A Multinomial(trials, weights / Σ weights) draw: how many of `trials`
 * independent picks land in each cell, a cell picked with chance
 * proportional to its weight. The counts sum to `trials`.
 *
 * @example sampleMultinomial(createSeededRandom(1), 10, [1, 1, 2]) // e.g. [3, 2, 5]
 */
export function sampleMultinomial(random: Uniform, trials: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(trials) || trials < 0) throw new Error(`multinomial trials must be a whole number ≥ 0, not ${trials}`);
  let weightLeft = 0;
  for (const w of weights) {
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`multinomial weights must be finite and ≥ 0, not ${w}`);
    weightLeft += w;
  }
  const counts = new Array<number>(weights.length).fill(0);
  if (trials === 0) return counts;
  if (weightLeft === 0) throw new Error('multinomial weights are all zero');
  let trialsLeft = trials;
  let last = weights.length - 1;
  while (last > 0 && weights[last] === 0) last--;
  for (let j = 0; j < last && trialsLeft > 0; j++) {
    if (weights[j] === 0) continue;
    const drawn = sampleBinomial(random, trialsLeft, Math.min(1, weights[j] / weightLeft));
    counts[j] = drawn;
    trialsLeft -= drawn;
    weightLeft -= weights[j];
  }
  // The last non-empty cell takes what is left (its conditional chance is 1).
  counts[last] += trialsLeft;
  return counts;
}

/** Sequential search of the CDF from 0 (p ≤ 0.5, n·p < 10, so q^n does not underflow). */
function invertBinomial(random: Uniform, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  const start = Math.exp(n * Math.log1p(-p)); // P(X = 0)
  for (;;) {
    let u = random();
    let pmf = start;
    let k = 0;
    while (u > pmf && k < n) {
      u -= pmf;
      k++;
      pmf *= (ratio * (n - k + 1)) / k; // P(X = k) / P(X = k − 1)
    }
    // Rounding can leave u above the whole CDF; drawing again keeps the draw exact.
    if (u <= pmf) return k;
  }
}

/** BTRS (Hörmann 1993), p ≤ 0.5 and n·p ≥ 10. */
function transformedRejection(random: Uniform, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const mode = Math.floor((n + 1) * p);
  const h = logFactorial(mode) + logFactorial(n - mode);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const scaled = (v * alpha) / (a / (us * us) + b);
    if (Math.log(scaled) <= h - logFactorial(k) - logFactorial(n - k) + (k - mode) * lpq) return k;
  }
}

const SMALL_LOG_FACTORIALS: number[] = (() => {
  const table = [0];
  for (let k = 1; k < 32; k++) table.push(table[k - 1] + Math.log(k));
  return table;
})();

/**
 * ln(k!): a table below 32, Stirling's series above (its error is under 1e-13 there).
 *
 * @example logFactorial(3) // → ln 6 ≈ 1.7918
 */
export function logFactorial(k: number): number {
  if (k < SMALL_LOG_FACTORIALS.length) return SMALL_LOG_FACTORIALS[k];
  const k2 = k * k;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k * k2) + 1 / (1260 * k2 * k2 * k);
}
