import { describe, expect, it } from 'vitest';
import { distributeValues } from './clv-distribution.js';

describe('distributeValues', () => {
  it('bins on round edges up to the 99th percentile, with one open bin for the values above', () => {
    // p99 of [0, 1, 2, 3, 40]: position 0.99 × 4 = 3.96 → 3 + 0.96 × 37 = 38.52; 38.52 / 4 bars = 9.63 → a width of 10.
    const d = distributeValues([0, 1, 2, 3, 40], 4);
    expect(d.bins.map((b) => [b.from, b.to, b.customers])).toEqual([
      [0, 10, 4],
      [10, 20, 0],
      [20, 30, 0],
      [30, 40, 0],
      [40, null, 1],
    ]);
    expect(d.bins[0].value_share).toBeCloseTo(6 / 46, 12);
    expect(d.bins[4].value_share).toBeCloseTo(40 / 46, 12);
    expect(d.p50).toBe(2);
    // p90: position 3.6 → 3 + 0.6 × 37 = 25.2
    expect(d.p90).toBeCloseTo(25.2, 12);
    expect(d.p99).toBeCloseTo(38.52, 12);
  });

  it('uses widths of 1, 2, 2.5 or 5 times a power of ten', () => {
    // 101 values 0…100: p99 = 99; 99 / 10 = 9.9 → width 10, bins [0,10) … [90,100) and 100 in the open bin.
    const d = distributeValues(Array.from({ length: 101 }, (_, i) => i));
    expect(d.bins).toHaveLength(11);
    expect(d.bins.slice(0, 10).every((b) => b.customers === 10)).toBe(true);
    expect(d.bins[10]).toMatchObject({ from: 100, to: null, customers: 1 });
    // 0…22: p99 = 21.78 → 2.178 → width 2.5, ceil(21.78 / 2.5) = 9 bins up to 22.5; nothing above.
    const small = distributeValues(Array.from({ length: 23 }, (_, i) => i));
    expect(small.bins.map((b) => b.to)).toEqual([2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5]);
    expect(small.bins.reduce((s, b) => s + b.customers, 0)).toBe(23);
  });

  it('puts an all-zero base in one open bin and answers an empty one with no bins', () => {
    expect(distributeValues([0, 0, 0]).bins).toEqual([{ from: 0, to: null, customers: 3, value_share: 0 }]);
    expect(distributeValues([])).toEqual({ bins: [], p50: 0, p90: 0, p99: 0 });
  });
});
