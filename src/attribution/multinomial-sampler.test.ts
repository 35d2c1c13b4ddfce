import { describe, expect, it } from 'vitest';
import { logFactorial, sampleBinomial, sampleMultinomial } from './multinomial-sampler.js';
import { createSeededRandom } from './seeded-random.js';

/** P(X = k) for k = 0…min(n, kMax) by the ratio recursion, a method the sampler does not use for BTRS. */
function binomialPmf(n: number, p: number, kMax = n): number[] {
  const pmf = [Math.pow(1 - p, n)];
  for (let k = 1; k <= Math.min(n, kMax); k++) pmf.push((pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p)));
  return pmf;
}

/** Upper 99.9 % point of chi-square(df), Wilson–Hilferty (z = 3.0902). */
function chiSquareCritical(df: number): number {
  const c = 2 / (9 * df);
  return df * Math.pow(1 - c + 3.0902 * Math.sqrt(c), 3);
}

/** Pearson's statistic of draws against the pmf, bins with < 5 expected pooled into their neighbours. */
function chiSquare(draws: number[], pmf: number[]): { statistic: number; df: number } {
  const observed = new Array<number>(pmf.length).fill(0);
  for (const k of draws) observed[k]++;
  let statistic = 0;
  let bins = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let k = 0; k < pmf.length; k++) {
    pooledObserved += observed[k];
    pooledExpected += pmf[k] * draws.length;
    if (pooledExpected >= 5) {
      statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      bins++;
      pooledObserved = 0;
      pooledExpected = 0;
    }
  }
  // What is left at the top joins the last bin's test as one more bin when it has mass.
  if (pooledExpected > 0) {
    statistic += (pooledObserved - pooledExpected) ** 2 / Math.max(pooledExpected, 1e-12);
    bins++;
  }
  return { statistic, df: bins - 1 };
}

describe('logFactorial', () => {
  it('matches the plain sum of logarithms in both of its ranges', () => {
    let sum = 0;
    for (let k = 1; k <= 3000; k++) {
      sum += Math.log(k);
      expect(Math.abs(logFactorial(k) - sum)).toBeLessThan(1e-9 * Math.max(1, sum));
    }
    expect(logFactorial(0)).toBe(0);
  });
});

describe('sampleBinomial', () => {
  // Inversion (n·p < 10), BTRS (n·p ≥ 10), and p > 0.5 through n − Binomial(n, 1 − p).
  const cases: [string, number, number][] = [
    ['inversion, small n', 40, 0.1],
    ['inversion, huge n and tiny p', 1_000_000, 2e-6],
    ['BTRS', 200, 0.3],
    ['BTRS at the switch', 100, 0.1],
    ['BTRS through the complement', 100, 0.8],
    ['inversion through the complement', 30, 0.9],
  ];
  for (const [name, n, p] of cases) {
    it(`draws Binomial(${n}, ${p}) with the exact pmf (${name})`, () => {
      const random = createSeededRandom(n + Math.round(p * 1000));
      const draws = Array.from({ length: 60_000 }, () => sampleBinomial(random, n, p));
      // For the huge n the pmf beyond 200 is below 1e-300: truncating it loses nothing.
      const pmf = binomialPmf(n, p, 200);
      const { statistic, df } = chiSquare(draws, pmf);
      expect(df).toBeGreaterThan(2);
      expect(statistic).toBeLessThan(chiSquareCritical(df));
    });
  }

  it('has mean n·p and variance n·p·(1 − p) for very large n', () => {
    const random = createSeededRandom(99);
    const n = 50_000_000;
    const p = 0.37;
    const draws = 40_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < draws; i++) {
      const x = sampleBinomial(random, n, p);
      sum += x;
      sumSquares += x * x;
    }
    const mean = sum / draws;
    const variance = (sumSquares - draws * mean * mean) / (draws - 1);
    const trueVariance = n * p * (1 - p); // 11,655,000, sd ≈ 3,414
    // Mean: 5 standard errors; variance: 5 × sd of a sample variance (≈ σ²·√(2/(draws − 1)) for a near-normal law).
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(trueVariance / draws));
    expect(Math.abs(variance - trueVariance)).toBeLessThan(5 * trueVariance * Math.sqrt(2 / (draws - 1)));
  });

  it('gives the edge cases their certain answers and refuses bad arguments', () => {
    const random = createSeededRandom(1);
    expect(sampleBinomial(random, 0, 0.5)).toBe(0);
    expect(sampleBinomial(random, 17, 0)).toBe(0);
    expect(sampleBinomial(random, 17, 1)).toBe(17);
    expect(() => sampleBinomial(random, 2.5, 0.5)).toThrow();
    expect(() => sampleBinomial(random, 5, 1.5)).toThrow();
  });
});

describe('sampleMultinomial', () => {
  it('matches the multinomial mean, variance and covariance, and always sums to the trials', () => {
    // Cells of very different sizes exercise both binomial regimes in one chain.
    const weights = [5, 30, 0, 1000, 2, 40_000, 7];
    const trials = 41_044; // Σ weights, as in a bootstrap
    const total = weights.reduce((a, b) => a + b, 0);
    const p = weights.map((w) => w / total);
    const random = createSeededRandom(123);
    const draws = 30_000;
    const sum = new Array<number>(weights.length).fill(0);
    const sumSquares = new Array<number>(weights.length).fill(0);
    let sumCross = 0; // cells 1 and 3
    let wrongTotals = 0;
    for (let i = 0; i < draws; i++) {
      const x = sampleMultinomial(random, trials, weights);
      if (x.reduce((a, b) => a + b, 0) !== trials) wrongTotals++;
      for (let j = 0; j < x.length; j++) {
        sum[j] += x[j];
        sumSquares[j] += x[j] * x[j];
      }
      sumCross += x[1] * x[3];
    }
    expect(wrongTotals).toBe(0);
    expect(sum[2]).toBe(0);
    for (let j = 0; j < weights.length; j++) {
      if (weights[j] === 0) continue;
      const mean = sum[j] / draws;
      const variance = (sumSquares[j] - draws * mean * mean) / (draws - 1);
      const m = trials * p[j];
      const v = trials * p[j] * (1 - p[j]);
      // Sample variance's sd: √((μ4 − σ⁴)/draws), binomial μ4 = v·(1 + 3(n − 2)·p·q).
      const mu4 = v * (1 + 3 * (trials - 2) * p[j] * (1 - p[j]));
      expect(Math.abs(mean - m), `mean of cell ${j}`).toBeLessThan(5 * Math.sqrt(v / draws));
      expect(Math.abs(variance - v), `variance of cell ${j}`).toBeLessThan(5 * Math.sqrt((mu4 - v * v) / draws));
    }
    // Cov(X1, X3) = −n·p1·p3; its estimate's sd is about √(Var X1 · Var X3 / draws).
    const m1 = sum[1] / draws;
    const m3 = sum[3] / draws;
    const covariance = sumCross / draws - m1 * m3;
    const v1 = trials * p[1] * (1 - p[1]);
    const v3 = trials * p[3] * (1 - p[3]);
    expect(Math.abs(covariance - -trials * p[1] * p[3])).toBeLessThan(5 * Math.sqrt((v1 * v3) / draws));
  });

  it('puts every trial in the only non-empty cell, and nothing anywhere for no trials', () => {
    const random = createSeededRandom(5);
    expect(sampleMultinomial(random, 12, [0, 3, 0])).toEqual([0, 12, 0]);
    expect(sampleMultinomial(random, 0, [1, 2])).toEqual([0, 0]);
    expect(() => sampleMultinomial(random, 3, [0, 0])).toThrow(/all zero/);
    expect(() => sampleMultinomial(random, 3, [1, -1])).toThrow();
  });
});
