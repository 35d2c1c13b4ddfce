import { describe, expect, it } from 'vitest';
import { initialStates } from './initial-states.js';

describe('initialStates (Hyndman et al. 2008, §2.6.1), by hand', () => {
  it('level and slope: the least-squares line through the first values at t = 0', () => {
    // 2, 4, 3, 5, 6 on t = 1…5: mean t 3, mean y 4, Σ(t−3)(y−4) = 9, Σ(t−3)² = 10 → y = 1.3 + 0.9t
    const holt = initialStates([2, 4, 3, 5, 6], { trend: 'additive', season: 'none', period: 1 });
    expect(holt.level).toBeCloseTo(1.3, 12);
    expect(holt.slope).toBeCloseTo(0.9, 12);
    const simple = initialStates([2, 4, 3, 5, 6], { trend: 'none', season: 'none', period: 1 });
    expect(simple).toEqual({ level: holt.level, slope: 0, season: [0], next: 0 });
  });

  it('reads only the first ten values for the line', () => {
    const values = [...Array.from({ length: 10 }, (_, i) => 3 + 2 * (i + 1)), 100, -50];
    const fit = initialStates(values, { trend: 'additive', season: 'none', period: 1 });
    expect(fit.level).toBeCloseTo(3, 12);
    expect(fit.slope).toBeCloseTo(2, 12);
  });

  it('additive seasons from a 2×m moving average (m = 2)', () => {
    // 1, 5, 3, 7: MA at the 2nd value (0.5 + 5 + 1.5)/2 = 3.5 → +1.5; at the 3rd (2.5 + 3 + 3.5)/2 = 4.5 → −1.5.
    // Indices (−1.5, 1.5); adjusted values 2.5, 3.5, 4.5, 5.5 → line 1.5 + t.
    const fit = initialStates([1, 5, 3, 7], { trend: 'additive', season: 'additive', period: 2 });
    expect(fit.season[0]).toBeCloseTo(-1.5, 12);
    expect(fit.season[1]).toBeCloseTo(1.5, 12);
    expect(fit.level).toBeCloseTo(1.5, 12);
    expect(fit.slope).toBeCloseTo(1, 12);
    expect(fit.next).toBe(0);
  });

  it('additive seasons from a plain m-term moving average when m is odd (m = 3)', () => {
    // 1, 5, 0, 4, 8, 3 = t + (0, 3, −3): MAs 2, 3, 4, 5 at the 2nd…5th values, detrended 3, −3, 0, 3.
    const fit = initialStates([1, 5, 0, 4, 8, 3], { trend: 'additive', season: 'additive', period: 3 });
    [0, 3, -3].forEach((s, i) => expect(fit.season[i]).toBeCloseTo(s, 12));
    expect(fit.level).toBeCloseTo(0, 12);
    expect(fit.slope).toBeCloseTo(1, 12);
  });

  it('multiplicative seasons: ratios to the moving average, scaled to average 1', () => {
    // 2, 6, 4, 12: MA (1 + 6 + 2)/2 = 4.5 at the 2nd value, (3 + 4 + 6)/2 = 6.5 at the 3rd.
    const raw = [4 / 6.5, 6 / 4.5];
    const mean = (raw[0] + raw[1]) / 2;
    const fit = initialStates([2, 6, 4, 12], { trend: 'additive', season: 'multiplicative', period: 2 });
    expect(fit.season[0]).toBeCloseTo(raw[0] / mean, 12);
    expect(fit.season[1]).toBeCloseTo(raw[1] / mean, 12);
    const adjusted = [2 / fit.season[0], 6 / fit.season[1], 4 / fit.season[0], 12 / fit.season[1]];
    // line through (1, a₁) … (4, a₄): slope Σ(t − 2.5)(a − ā)/5
    const meanA = adjusted.reduce((a, b) => a + b, 0) / 4;
    const slope = adjusted.reduce((sum, a, i) => sum + (i + 1 - 2.5) * (a - meanA), 0) / 5;
    expect(fit.slope).toBeCloseTo(slope, 12);
    expect(fit.level).toBeCloseTo(meanA - 2.5 * slope, 12);
  });

  it('uses at most four seasons for the indices', () => {
    // Five seasons of a pure pattern, then the fifth season shifted: only the first four count.
    const pattern = [1, -1];
    const values = Array.from({ length: 10 }, (_, i) => 10 + pattern[i % 2] + (i >= 8 ? (i % 2 === 0 ? 5 : 0) : 0));
    const fit = initialStates(values, { trend: 'none', season: 'additive', period: 2 });
    expect(fit.season[0]).toBeCloseTo(1, 12);
    expect(fit.season[1]).toBeCloseTo(-1, 12);
  });
});
