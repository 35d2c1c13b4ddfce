import { describe, expect, it } from 'vitest';
import { compareMeansBayesian, compareRatesBayesian } from './bayesian-comparison.js';

describe('compareRatesBayesian', () => {
  const control = { name: 'A', n: 100, conversions: 10 };
  const treatment = { name: 'B', n: 100, conversions: 15 };

  it('compares the Beta(prior + conversions, prior + non-conversions) posteriors exactly', () => {
    // mpmath 1.3 quad of f_A(y)(1 − I_y(16, 86)) with A ~ Beta(11, 91): 0.853283789933966;
    // under Beta(½, ½), B ~ Beta(15.5, 85.5) and A ~ Beta(10.5, 90.5): 0.857524012209122.
    const flat = compareRatesBayesian(control, treatment, { alpha: 1, beta: 1 });
    expect(flat.probabilityToBeatControl).toBeCloseTo(0.853283789933966, 12);
    expect(flat.method).toBe('exact');
    expect(compareRatesBayesian(control, treatment, { alpha: 0.5, beta: 0.5 }).probabilityToBeatControl).toBeCloseTo(0.857524012209122, 12);
  });

  it('makes the losses of the two choices differ by the difference of posterior means', () => {
    const result = compareRatesBayesian(control, treatment, { alpha: 1, beta: 1 });
    expect(result.lossOfControl - result.lossOfTreatment).toBeCloseTo(16 / 102 - 11 / 102, 14);
    expect(result.lossOfTreatment).toBeLessThan(result.lossOfControl);
  });
});

describe('compareMeansBayesian', () => {
  it('gives Φ(difference / √(s_C²/n_C + s_T²/n_T)) under a flat prior', () => {
    // Difference 1 with standard error √(25/100 + 25/100) = √0.5: Φ(√2) = ½(1 + erf 1) = 0.9213504.
    const result = compareMeansBayesian({ n: 100, mean: 10, variance: 25 }, { n: 100, mean: 11, variance: 25 });
    expect(result.probabilityToBeatControl).toBeCloseTo(0.5 * (1 + 0.8427007929497149), 13);
    expect(result.lossOfControl - result.lossOfTreatment).toBeCloseTo(1, 13);
    expect(result.method).toBe('normal-approximation');
  });
});
