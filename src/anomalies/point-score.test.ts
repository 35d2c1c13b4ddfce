// One point judged: the interval, the score, the severity bands and the value
// carried forward, on numbers worked out by hand; z from the normal table.
import { describe, expect, it } from 'vitest';
import { cleanedValue, scorePoint, severityOf, thresholdOf } from './point-score.js';

describe('thresholdOf', () => {
  it('is the two-sided normal quantile of the coverage (table: 1.959964 for 95 %, 2.575829 for 99 %)', () => {
    expect(thresholdOf(0.95)).toBeCloseTo(1.959964, 5);
    expect(thresholdOf(0.99)).toBeCloseTo(2.575829, 5);
  });
});

describe('scorePoint', () => {
  it('flags a value outside expected ± z·σ, scores it |value − expected| / σ and says on which side', () => {
    // 100 ± 2·5 = [90, 110]; 130 is 30/5 = 6 σ away: 6/2 = 3 half-widths → high.
    expect(scorePoint('d', 130, 100, 5, 2)).toEqual({ date: 'd', value: 130, expected: 100, lower: 90, upper: 110, anomaly: true, severity: 'high', score: 6, direction: 'above' });
    // 88 is 12/5 = 2.4 σ below: 1.2 half-widths → low.
    expect(scorePoint('d', 88, 100, 5, 2)).toMatchObject({ anomaly: true, severity: 'low', score: 2.4, direction: 'below' });
    // 108 is inside; on the bound itself is inside too.
    expect(scorePoint('d', 108, 100, 5, 2)).toMatchObject({ anomaly: false, severity: null, score: 1.6, direction: 'above' });
    expect(scorePoint('d', 90, 100, 5, 2)).toMatchObject({ anomaly: false, direction: 'below' });
  });

  it('grades severity by half-widths beyond expected: low below 1.5, medium below 2, high from 2', () => {
    expect([1.01, 1.49, 1.5, 1.99, 2, 7].map(severityOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

describe('cleanedValue', () => {
  it('keeps a value inside the interval and clips one outside to the nearer end', () => {
    expect(cleanedValue({ value: 105, lower: 90, upper: 110 })).toBe(105);
    expect(cleanedValue({ value: 130, lower: 90, upper: 110 })).toBe(110);
    expect(cleanedValue({ value: -4, lower: 90, upper: 110 })).toBe(90);
  });
});
