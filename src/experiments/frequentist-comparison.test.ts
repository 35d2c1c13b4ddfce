import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { compareMeansFrequentist, compareRatesFrequentist, welchDegreesOfFreedom } from './frequentist-comparison.js';
import { meanMoments } from './variant-moments.js';

const FIXED = { alpha: 0.05, sequentialTuning: null };
const Z975 = 1.959963984540054;

/** A variant's sums from its values, as the warehouse would send them. */
const sums = (values: number[]) => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((s, x) => s + x * x, 0) });

describe('compareRatesFrequentist', () => {
  const control = { name: 'A', n: 1000, conversions: 100 };
  const treatment = { name: 'B', n: 1000, conversions: 120 };

  it('gives z² equal to Pearson’s chi-square of the 2×2 table, and its p-value', () => {
    // Pearson's χ² from the table's expected counts (110 and 890 per row), computed apart from any z.
    const expected = [110, 890];
    const chiSquare = [100, 900, 120, 880].reduce((s, o, i) => s + (o - expected[i % 2]) ** 2 / expected[i % 2], 0);
    const result = compareRatesFrequentist(control, treatment, FIXED);
    expect(result.statistic.name).toBe('z');
    expect(result.statistic.value! ** 2).toBeCloseTo(chiSquare, 12);
    expect(chiSquare).toBeCloseTo(2.0429009193054135, 12); // SciPy chi2_contingency(correction=False)
    expect(result.pValue).toBeCloseTo(0.15291778186394195, 12); // its p-value
  });

  it('gives the Wald interval p_T − p_C ± 1.96 √(p_C q_C/n_C + p_T q_T/n_T)', () => {
    const result = compareRatesFrequentist(control, treatment, FIXED);
    const se = Math.sqrt((0.1 * 0.9) / 1000 + (0.12 * 0.88) / 1000);
    expect(result.absolute.estimate).toBeCloseTo(0.02, 15);
    expect(result.absolute.ci[0]).toBeCloseTo(0.02 - Z975 * se, 14);
    expect(result.absolute.ci[1]).toBeCloseTo(0.02 + Z975 * se, 14);
    expect(result.relative!.estimate).toBeCloseTo(0.2, 14);
    expect(result.relative!.ci[1] - result.relative!.estimate).toBeCloseTo(Z975 * Math.sqrt(0.02352), 12);
  });

  it('widens with a smaller alpha: a 99 % interval is 2.5758/1.96 times as wide', () => {
    const wide = compareRatesFrequentist(control, treatment, { alpha: 0.01, sequentialTuning: null });
    const narrow = compareRatesFrequentist(control, treatment, FIXED);
    const width = (ci: [number, number]) => ci[1] - ci[0];
    expect(width(wide.absolute.ci) / width(narrow.absolute.ci)).toBeCloseTo(2.5758293035489004 / Z975, 12);
  });

  it('covers the true difference about 95 % of the time over simulated experiments', () => {
    const random = createSeededRandom(5);
    const draw = (n: number, p: number) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (random() < p) k++;
      return k;
    };
    let covered = 0;
    const runs = 2000;
    for (let r = 0; r < runs; r++) {
      const { absolute } = compareRatesFrequentist({ name: 'A', n: 2000, conversions: draw(2000, 0.1) }, { name: 'B', n: 2000, conversions: draw(2000, 0.12) }, FIXED);
      if (absolute.ci[0] <= 0.02 && 0.02 <= absolute.ci[1]) covered++;
    }
    // Binomial(2000, 0.95) lies within ±0.015 of 0.95 with probability above 0.999.
    expect(Math.abs(covered / runs - 0.95)).toBeLessThan(0.015);
  });

  it('gives no statistic and no p-value (not NaN) when nobody converted anywhere', () => {
    const result = compareRatesFrequentist({ name: 'A', n: 50, conversions: 0 }, { name: 'B', n: 50, conversions: 0 }, FIXED);
    expect(result).toEqual({ absolute: { estimate: 0, ci: [0, 0] }, relative: null, statistic: { name: 'z', value: null, df: null }, pValue: null });
  });
});

describe('compareMeansFrequentist (Welch)', () => {
  // Wikipedia, "Welch's t-test", examples 1 and 2 (sample data A1/A2 and A1/A2 of sizes 10 and 20):
  // published t = 2.46 (sign by order), ν ≈ 25.0, p = 0.021; and t = 1.57, ν ≈ 9.9, p = 0.149.
  // More digits from SciPy 1.17 ttest_ind(…, equal_var=False) and its confidence_interval(0.95).
  const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
  const B1 = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
  const B2 = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];

  it('reproduces the published t, degrees of freedom, p-value and interval (example 1, equal sizes)', () => {
    const result = compareMeansFrequentist(meanMoments(sums(A1)), meanMoments(sums(A2)), FIXED);
    expect(result.statistic.value).toBeCloseTo(2.455356398286006, 10);
    expect(result.statistic.df).toBeCloseTo(24.988529290231416, 9);
    expect(result.pValue).toBeCloseTo(0.021378001462866992, 11);
    expect(result.absolute.ci[0]).toBeCloseTo(0.3492370661924069, 9);
    expect(result.absolute.ci[1]).toBeCloseTo(3.984096267140929, 9);
  });

  it('reproduces example 2 (unequal sizes and variances)', () => {
    const result = compareMeansFrequentist(meanMoments(sums(B1)), meanMoments(sums(B2)), FIXED);
    expect(result.statistic.value).toBeCloseTo(1.5654335235985037, 10);
    expect(result.statistic.df).toBeCloseTo(9.904741248650831, 9);
    expect(result.pValue).toBeCloseTo(0.14884169660532817, 11);
    expect(result.absolute.ci[0]).toBeCloseTo(-0.6484213253751658, 9);
  });

  it('has Welch–Satterthwaite degrees of freedom n_C + n_T − 2 for equal sizes and variances, n − 1 of the arm that varies', () => {
    expect(welchDegreesOfFreedom({ n: 10, mean: 0, variance: 1 }, { n: 10, mean: 0, variance: 1 })).toBeCloseTo(18, 12);
    expect(welchDegreesOfFreedom({ n: 10, mean: 0, variance: 0 }, { n: 31, mean: 0, variance: 2 })).toBeCloseTo(30, 12);
    expect(welchDegreesOfFreedom({ n: 10, mean: 0, variance: 0 }, { n: 31, mean: 0, variance: 0 })).toBeNull();
  });

  it('gives no statistic and no p-value (not NaN) when every unit has the same value', () => {
    const result = compareMeansFrequentist({ n: 5, mean: 2, variance: 0 }, { n: 5, mean: 3, variance: 0 }, FIXED);
    expect(result).toMatchObject({ absolute: { estimate: 1, ci: [1, 1] }, statistic: { name: 't', value: null, df: null }, pValue: null });
  });
});

describe('sequential results', () => {
  const control = { name: 'A', n: 10_000, conversions: 1000 };
  const treatment = { name: 'B', n: 10_000, conversions: 1100 };

  it('widen the interval beyond the fixed one and raise the p-value', () => {
    const fixed = compareRatesFrequentist(control, treatment, FIXED);
    const sequential = compareRatesFrequentist(control, treatment, { alpha: 0.05, sequentialTuning: 5000 });
    expect(sequential.absolute.estimate).toBe(fixed.absolute.estimate);
    expect(sequential.absolute.ci[0]).toBeLessThan(fixed.absolute.ci[0]);
    expect(sequential.absolute.ci[1]).toBeGreaterThan(fixed.absolute.ci[1]);
    expect(sequential.relative!.ci[1] - sequential.relative!.ci[0]).toBeGreaterThan(fixed.relative!.ci[1] - fixed.relative!.ci[0]);
    expect(sequential.pValue!).toBeGreaterThan(fixed.pValue!);
    expect(sequential.statistic).toEqual(fixed.statistic);
  });

  it('say significant exactly when the interval excludes 0', () => {
    for (const conversions of [1050, 1100, 1150, 1200, 1300]) {
      const result = compareRatesFrequentist(control, { ...treatment, conversions }, { alpha: 0.05, sequentialTuning: 5000 });
      expect(result.pValue! < 0.05).toBe(result.absolute.ci[0] > 0);
    }
  });
});
