import { describe, expect, it } from 'vitest';
import type { BudgetChannel } from './channel-bounds.js';
import { amount, channelBounds } from './channel-bounds.js';

const curve = { saturation: { family: 'exponential' as const, beta: 10, gamma: 5 }, theta: 0 };
const untrusted = { ...curve, identifiable: false, observedSpend: { min: 10, max: 40, median: 20 } };

describe('channelBounds', () => {
  it('defaults to [0, ∞) and takes the planner’s min and max', () => {
    expect(channelBounds({ key: 'a', currentSpend: 5, curve }, 30)).toEqual({ lower: 0, upper: Infinity, lowerBy: 'min', upperBy: 'max', note: null });
    expect(channelBounds({ key: 'a', currentSpend: 5, curve, min: 2, max: 9 }, 30)).toMatchObject({ lower: 2, upper: 9 });
  });

  it('pins a locked channel at its current spend, whatever its min and max', () => {
    expect(channelBounds({ key: 'a', currentSpend: 5, curve, min: 7, locked: true }, 30)).toMatchObject({ lower: 5, upper: 5, lowerBy: 'locked' });
  });

  it('narrows an unidentifiable curve to its observed daily range × days', () => {
    const c: BudgetChannel = { key: 'tv', currentSpend: 600, curve: untrusted, max: 1000 };
    expect(channelBounds(c, 30)).toEqual({ lower: 300, upper: 1000, lowerBy: 'observed_range', upperBy: 'max', note: null });
  });

  it('keeps the planner’s bounds, with a note, when they miss the observed range', () => {
    const b = channelBounds({ key: 'tv', currentSpend: 600, curve: untrusted, min: 2000 }, 30);
    expect(b).toMatchObject({ lower: 2000, upper: Infinity, lowerBy: 'min' });
    expect(b.note).toMatch(/tv: its curve is not identifiable, but your min\/max lie outside the spend it was observed at \(300–1,200 over the period\)/);
  });
});

describe('amount', () => {
  it('writes whole units from 100 up and three significant digits below', () => {
    expect(amount(12345.6)).toBe('12,346');
    expect(amount(1.27174)).toBe('1.27');
    expect(amount(0.1)).toBe('0.1');
  });
});
