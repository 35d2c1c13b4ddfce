// The robust fallbacks on short series, worked out by hand: medians, MADs,
// σ = 1.4826 × MAD, the 99 % thresholds (z = 2.5758293 from the normal
// table) and, for the seasonal method, the values carried a season forward.
import { describe, expect, it } from 'vitest';
import { detectByMad, detectBySeasonalMad } from './mad-detectors.js';

const Z = 2.5758293035489; // Φ⁻¹(0.995)
const days = (first: number, values: (number | null)[]) => values.map((value, i) => ({ date: `2026-03-${String(first + i).padStart(2, '0')}`, value }));

describe('detectByMad', () => {
  // History 12, 15, 11, 14, 13, 40, 12, 16, 13: sorted 11 12 12 13 13 14 15 16 40 → median 13;
  // |x − 13| = 1 2 2 1 0 27 1 3 0, sorted 0 0 1 1 1 2 2 3 27 → MAD 1; σ = 1.4826; z·σ = 3.8189245.
  const history = [12, 15, 11, 14, 13, 40, 12, 16, 13];
  const { spread, points, skipped } = detectByMad(history, days(10, [16, 17, 8, 22, 19, null]), Z);

  it('centres on the median and scales the MAD by 1.4826', () => {
    expect(spread).toEqual({ median: 13, mad: 1, sigma: 1.4826, basis: 'mad' });
    for (const p of points) {
      expect(p.expected).toBe(13);
      expect(p.lower).toBeCloseTo(13 - 3.8189245, 6);
      expect(p.upper).toBeCloseTo(13 + 3.8189245, 6);
    }
  });

  it('flags what lies beyond 13 ± 3.82 and grades it by half-widths (score / z)', () => {
    const judged = points.map((p) => [p.value, p.anomaly, p.severity, p.direction, Number(p.score.toFixed(4))]);
    expect(judged).toEqual([
      [16, false, null, 'above', 2.0235], // 3 / 1.4826
      [17, true, 'low', 'above', 2.698], // 4 / 1.4826 = 1.05 half-widths
      [8, true, 'low', 'below', 3.3725], // 5 / 1.4826 = 1.31 half-widths
      [22, true, 'high', 'above', 6.0704], // 9 / 1.4826 = 2.36 half-widths
      [19, true, 'medium', 'above', 4.0469], // 6 / 1.4826 = 1.57 half-widths
    ]);
    expect(skipped).toEqual(['2026-03-15']);
  });
});

describe('detectBySeasonalMad on two weeks of days (season 7)', () => {
  // Two weeks, the second Sunday an outlier (70):
  const history = [100, 80, 82, 85, 90, 60, 50, 104, 83, 85, 90, 93, 62, 70];
  // d = 4, 3, 3, 5, 3, 2, 20: sorted 2 3 3 3 4 5 20 → median 3; |d − 3| = 1 0 0 2 0 1 17 → MAD 1; σ = 1.4826.
  const week3 = [108, 95, null, 87, 97, 66, 55];
  const week4 = [111, 93, 91];
  const { spread, points, skipped } = detectBySeasonalMad(history, days(1, [...week3, ...week4]), 7, Z);
  const at = (date: string) => points.find((p) => p.date === date)!;

  it('takes the median and MAD of the differences at the season’s lag', () => {
    expect(spread).toEqual({ median: 3, mad: 1, sigma: 1.4826, basis: 'mad' });
  });

  it('expects each point at its value a season before plus 3, within ± 3.82', () => {
    expect(points.slice(0, 6).map((p) => p.expected)).toEqual([107, 86, 93, 96, 65, 73]);
    expect(at('2026-03-01')).toMatchObject({ value: 108, anomaly: false });
    expect(at('2026-03-02')).toMatchObject({ value: 95, anomaly: true, severity: 'high', direction: 'above' }); // 9 / 1.4826 = 6.07 σ
    expect(at('2026-03-04')).toMatchObject({ value: 87, anomaly: true, severity: 'medium', direction: 'below' }); // 6 / 1.4826 = 4.05 σ
    expect(at('2026-03-05').anomaly).toBe(false);
    expect(at('2026-03-06').anomaly).toBe(false);
    // The outlier Sunday of the history sets the expectation of the next one: 70 + 3.
    expect(at('2026-03-07')).toMatchObject({ value: 55, anomaly: true, severity: 'high', direction: 'below' });
    expect(skipped).toEqual(['2026-03-03']);
  });

  it('carries a normal value, an anomaly clipped to its bound, and a missing value’s expectation a season forward', () => {
    // Monday: 108 + 3. Tuesday: 95 was clipped to 86 + 3.8189245 = 89.8189245 → 92.8189245. Wednesday: the missing day stood at 88 → 91.
    expect(at('2026-03-08').expected).toBe(111);
    expect(at('2026-03-09').expected).toBeCloseTo(89.8189245 + 3, 6);
    expect(at('2026-03-10').expected).toBe(91);
    expect(points.slice(6).every((p) => !p.anomaly)).toBe(true);
  });
});
