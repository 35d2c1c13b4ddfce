import { describe, expect, it } from 'vitest';
import { excessCost } from './spend-at-stake.js';

describe('excessCost', () => {
  it('is the spend beyond what the results cost at the workspace value', () => {
    // CPA 25 on 500 of cost is 20 conversions; at the workspace CPA 20 they would cost 400.
    expect(excessCost(500, 25, 20, 'down')).toBeCloseTo(100, 12);
    // ROAS 2 on 1000: its revenue 2000 would cost 500 at the workspace ROAS 4.
    expect(excessCost(1000, 2, 4, 'up')).toBe(500);
    // Doing better is a negative excess: CTR 3 % against 2 %.
    expect(excessCost(100, 3, 2, 'up')).toBe(-50);
  });

  it('puts all the spend at stake for a cost per result with no result', () => {
    expect(excessCost(500, null, 20, 'down', 0)).toBe(500);
    expect(excessCost(500, null, 2, 'up', 0)).toBe(0);
    expect(excessCost(0, 30, 20, 'down')).toBe(0);
  });
});
