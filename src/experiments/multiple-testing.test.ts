import { describe, expect, it } from 'vitest';
import { adjustBenjaminiHochberg } from './multiple-testing.js';

describe('adjustBenjaminiHochberg', () => {
  // Benjamini & Hochberg (1995), section 4: the 15 p-values of Neuhaus et al.'s trial. At q = 0.05 the
  // procedure rejects the four smallest (Bonferroni only three).
  const P = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

  it('rejects the four hypotheses the paper rejects', () => {
    const adjusted = adjustBenjaminiHochberg(P) as number[];
    expect(adjusted.map((p) => p < 0.05)).toEqual([true, true, true, true, ...Array(11).fill(false)]);
  });

  it('gives min over j ≥ i of 15 p₍ⱼ₎ / j, worked by hand', () => {
    // 15p/i: 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695, 0.063857, 0.0645, 0.0765, 0.486, 0.58118, …
    // and the running minimum from the top lowers the 6th to the 7th's 0.063857.
    const expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, (0.0298 * 15) / 7, (0.0298 * 15) / 7, 0.0645, 0.0765, 0.486, (0.4262 * 15) / 11, 0.714875, (0.6528 * 15) / 13, (0.759 * 15) / 14, 1];
    const adjusted = adjustBenjaminiHochberg(P) as number[];
    adjusted.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
  });

  it('keeps the order given and skips nulls (they are not among the m tests)', () => {
    // m = 3: 0.01 → min(0.03, 0.04, 0.04) = 0.03; 0.03 → min(0.045, 0.04) = 0.04; 0.04 → 0.04.
    expect(adjustBenjaminiHochberg([0.04, null, 0.01, 0.03])).toEqual([0.04, null, 0.03, 0.04]);
    expect(adjustBenjaminiHochberg([0.2])).toEqual([0.2]);
    expect(adjustBenjaminiHochberg([])).toEqual([]);
  });
});
