import { describe, expect, it } from 'vitest';
import { checkSampleRatio } from './sample-ratio.js';

describe('checkSampleRatio', () => {
  it('computes χ² by hand for a 50/50 split: 50,000 against 51,000', () => {
    // Expected 50,500 each; χ² = 2 · 500² / 50,500 = 9.90099; with 1 df, p = P(|Z| > √9.90099 = 3.14658) = 0.0016519.
    const result = checkSampleRatio([50_000, 51_000], [0.5, 0.5]);
    expect(result.expected).toEqual([50_500, 50_500]);
    expect(result.chiSquare).toBeCloseTo(500_000 / 50_500, 12);
    expect(result.df).toBe(1);
    expect(result.pValue).toBeCloseTo(0.0016518987, 9);
    expect(result.flagged).toBe(false);
  });

  it('uses the planned split: 2,100 and 7,900 against 20/80', () => {
    // Expected 2,000 and 8,000; χ² = 100²/2000 + 100²/8000 = 6.25 = 2.5²; p = 2(1 − Φ(2.5)) = 2 · 0.0062097 = 0.0124193 (normal table).
    const result = checkSampleRatio([2100, 7900], [0.2, 0.8]);
    expect(result.chiSquare).toBeCloseTo(6.25, 12);
    expect(result.pValue).toBeCloseTo(0.0124193, 6);
  });

  it('flags a three-way mismatch below p = 0.001, with 2 degrees of freedom (p = e^(−χ²/2))', () => {
    // 1,000 / 1,100 / 900 against thirds: χ² = (0 + 100² + 100²)/1000 = 20, p = e^−10 = 4.54e−5.
    const result = checkSampleRatio([1000, 1100, 900], [1 / 3, 1 / 3, 1 / 3]);
    expect(result.chiSquare).toBeCloseTo(20, 11);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-10), 14);
    expect(result.flagged).toBe(true);
  });

  it('gives p = 1 for a perfect match and refuses mismatched lengths', () => {
    expect(checkSampleRatio([300, 700], [0.3, 0.7])).toMatchObject({ chiSquare: 0, pValue: 1, flagged: false });
    expect(() => checkSampleRatio([1, 2, 3], [0.5, 0.5])).toThrow(RangeError);
  });
});
