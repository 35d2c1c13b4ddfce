// The waterfall's bars, bases and heights worked out by hand for small cases:
// a KPI that stays above zero, one that crosses it, one below it.
import { describe, expect, it } from 'vitest';
import { axisFloor, stepTone, waterfallBars } from './waterfall';

const shape = (b: ReturnType<typeof waterfallBars>[number]) => [b.id, b.from, b.to, b.baseAbove, b.heightAbove, b.baseBelow, b.heightBelow, b.tone];

describe('waterfallBars', () => {
  it('chains each driver on where the one before ended, from the previous value to the current one', () => {
    // 10, then +3 (to 13), then −1 (to 12): the current value is 12.
    const bars = waterfallBars(10, 12, [{ id: 'a', label: 'A', contribution: 3 }, { id: 'b', label: 'B', contribution: -1 }], 'down');
    expect(bars.map(shape)).toEqual([
      ['previous', 0, 10, 0, 10, 0, 0, 'neutral'],
      // A rise of a KPI that should fall is bad news.
      ['a', 10, 13, 10, 3, 0, 0, 'bad'],
      ['b', 13, 12, 12, 1, 0, 0, 'good'],
      ['current', 0, 12, 0, 12, 0, 0, 'neutral'],
    ]);
    expect(bars.map((b) => b.kind)).toEqual(['previous', 'driver', 'driver', 'current']);
    expect(bars.map((b) => b.value)).toEqual([10, 3, -1, 12]);
    expect(bars.map((b) => b.label)).toEqual(['Before', 'A', 'B', 'Now']);
  });

  it('cuts a step that crosses zero into its part below and its part above', () => {
    // −5 → +3: 5 below zero and 3 above it.
    const bars = waterfallBars(-5, 3, [{ id: 'x', label: 'X', contribution: 8 }], 'up');
    expect(bars.map(shape)).toEqual([
      ['previous', 0, -5, 0, 0, 0, -5, 'neutral'],
      ['x', -5, 3, 0, 3, 0, -5, 'good'],
      ['current', 0, 3, 0, 3, 0, 0, 'neutral'],
    ]);
  });

  it('hangs a step below zero from its upper end', () => {
    // −10 → −6: transparent from 0 to −6, then 4 more down to −10.
    const [, step] = waterfallBars(-10, -6, [{ id: 'y', label: 'Y', contribution: 4 }], 'down');
    expect(shape(step)).toEqual(['y', -10, -6, 0, 0, -6, -4, 'bad']);
  });
});

describe('stepTone', () => {
  it('is good when the step moved the KPI its better way', () => {
    expect([stepTone(1, 'up'), stepTone(-1, 'up'), stepTone(1, 'down'), stepTone(-1, 'down')]).toEqual(['good', 'bad', 'bad', 'good']);
  });
  it('is neutral for no move or a KPI without a better way', () => {
    expect([stepTone(0, 'up'), stepTone(2, 'neutral')]).toEqual(['neutral', 'neutral']);
  });
});

describe('axisFloor', () => {
  it('starts one and a half spans below the lowest level, on two digits of the span', () => {
    // Levels 10, 13, 12: span 3, 10 − 4.5 = 5.5, in steps of 0.1.
    expect(axisFloor(waterfallBars(10, 12, [{ id: 'a', label: 'A', contribution: 3 }, { id: 'b', label: 'B', contribution: -1 }], 'down'))).toBeCloseTo(5.5, 9);
    // A CPA of 10.69 → 10.91 → 10.85: span 0.22, 10.69 − 0.33 = 10.36, in steps of 0.01.
    expect(axisFloor(waterfallBars(10.69, 10.85, [{ id: 'cvr', label: 'CVR', contribution: 0.22 }, { id: 'cpc', label: 'CPC', contribution: -0.06 }], 'down'))).toBeCloseTo(10.36, 9);
  });
  it('starts at zero when the steps are large, a level is at or below zero, or there are no steps', () => {
    // 10 → 20: 10 − 15 is below zero.
    expect(axisFloor(waterfallBars(10, 20, [{ id: 'a', label: 'A', contribution: 10 }], 'up'))).toBe(0);
    expect(axisFloor(waterfallBars(-5, 3, [{ id: 'x', label: 'X', contribution: 8 }], 'up'))).toBe(0);
    expect(axisFloor(waterfallBars(4, 4, [], 'up'))).toBe(0);
  });
});
