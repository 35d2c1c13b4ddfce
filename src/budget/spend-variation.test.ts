import { describe, expect, it } from 'vitest';
import { describeSpend } from './spend-variation.js';

describe('describeSpend', () => {
  it('summarises the range, the coefficient of variation and the distinct levels', () => {
    const spend = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 100 : 300));
    const s = describeSpend(spend);
    expect(s.range).toEqual({ min: 100, max: 300, median: 200 });
    expect(s.coefficientOfVariation).toBeCloseTo(0.5, 12); // sd 100, mean 200
    expect(s.distinctLevels).toBe(2);
    expect(s.identifiable).toBe(false); // two levels cannot trace a curve
    expect(s.warnings.join(' ')).toMatch(/2 distinct level/);
  });

  it('accepts 60 days of well-spread spend', () => {
    const s = describeSpend(Array.from({ length: 60 }, (_, t) => 50 + 10 * t));
    expect(s.identifiable).toBe(true);
    expect(s.warnings).toEqual([]);
  });

  it('flags nearly constant spend, short histories and no spend', () => {
    const flat = describeSpend(Array.from({ length: 200 }, (_, t) => 1000 + 30 * Math.sin(t)));
    expect(flat.identifiable).toBe(false);
    expect(flat.warnings.join(' ')).toMatch(/barely varied/);
    const short = describeSpend(Array.from({ length: 20 }, (_, t) => 10 * t));
    expect(short.identifiable).toBe(false);
    expect(short.warnings.join(' ')).toMatch(/only 20 days/);
    const none = describeSpend([0, 0, 0]);
    expect(none.identifiable).toBe(false);
    expect(none.coefficientOfVariation).toBe(0);
    expect(none.warnings.join(' ')).toMatch(/no spend/);
  });
});
