// Which method judges a series and why: Holt-Winters from 19 days of history,
// the seasonal MAD from 14, the plain MAD from 7, a 422 below; leading zeros
// left out; days without a value skipped; the sensitivity moving the threshold.
import { describe, expect, it } from 'vitest';
import { QueryError } from '../core/errors.js';
import { weeklySeries } from '../../test/support/weekly-series.js';
import { detectAnomalies } from './detect-anomalies.js';

const dated = (values: (number | null)[], first = 1) => values.map((value, i) => ({ date: `2026-05-${String(first + i).padStart(2, '0')}`, value }));
// The hand-worked example of mad-detectors.test.ts: two weeks, then a third with a spike (Tue), a dip (Thu) and a drop (Sun).
const TWO_WEEKS = [100, 80, 82, 85, 90, 60, 50, 104, 83, 85, 90, 93, 62, 70];
const WEEK3 = [108, 95, null, 87, 97, 66, 55];

describe('detectAnomalies', () => {
  it('runs Holt-Winters once the history holds 19 days (two weeks and σ on 10 spare errors)', () => {
    const series = weeklySeries({ seed: 7, days: 26 });
    const all = series.dates.map((date, t) => ({ date, value: series.values[t] }));
    const detection = detectAnomalies({ history: all.slice(0, 19), points: all.slice(19), grain: 'day' });
    expect(detection.method).toBe('holt_winters');
    expect(detection.reason).toMatch(/^19 days of history: enough for Holt-Winters with a season of 7 \(it needs 19\)/);
    expect(detection.params).toMatchObject({ season: 7, trend: 'none', median: null, mad: null, sigma_basis: 'fit' });
    expect(detection.params.smoothing?.gamma).not.toBeNull();
    expect(detection.training).toEqual({ from: series.dates[0], to: series.dates[18], periods: 19 });
    expect(detection.points).toHaveLength(7);
  });

  it('falls back on the seasonal MAD with 14 to 18 days, and says why', () => {
    const detection = detectAnomalies({ history: dated(TWO_WEEKS), points: dated(WEEK3, 15), grain: 'day' });
    expect(detection.method).toBe('seasonal_mad');
    expect(detection.reason).toBe(
      '14 days of history: too few for Holt-Winters with a season of 7 (it needs 19); each point is expected at its value a season before plus the median seasonal difference',
    );
    // Differences 4, 3, 3, 5, 3, 2, 20: median 3, MAD 1.
    expect(detection.params).toMatchObject({ season: 7, median: 3, mad: 1, sigma: 1.4826, trend: null, smoothing: null, sigma_basis: 'mad' });
    expect(detection.params.threshold).toBeCloseTo(2.5758293, 6);
    // Tue 95 vs 86, Thu 87 vs 93, Sun 55 vs 73 lie beyond ± 3.82; Wed has no value.
    expect(detection.anomalies).toBe(3);
    expect(detection.points.filter((p) => p.anomaly).map((p) => p.date)).toEqual(['2026-05-16', '2026-05-18', '2026-05-21']);
    expect(detection.notes).toEqual(['2026-05-17 has no value (nothing to divide by): skipped']);
  });

  it('falls back on the plain MAD below 14 days, or without a season', () => {
    const short = detectAnomalies({ history: dated(TWO_WEEKS.slice(0, 13)), points: dated([70], 14), grain: 'day' });
    expect(short.method).toBe('mad');
    expect(short.reason).toBe("13 days of history: too few for seasonal differences at a lag of 7 (they need 14); every point is expected at the history's median");
    // Sorted: 50 60 62 80 82 83 85 85 90 90 93 100 104, the 7th of 13 is 85.
    expect(short.params).toMatchObject({ season: 1, median: 85 });
    const seasonless = detectAnomalies({ history: dated(TWO_WEEKS), points: dated([70], 15), grain: 'day', season: 1 });
    expect(seasonless.method).toBe('mad');
    expect(seasonless.reason).toMatch(/: no season;/);
  });

  it('is a 422 naming from below 7 values, and leaves out the zeros before the data starts', () => {
    const failure = (history: (number | null)[]) => {
      try {
        detectAnomalies({ history: dated(history), points: dated([5], 20), grain: 'day' });
      } catch (err) {
        return err;
      }
      throw new Error('no error');
    };
    const few = failure([3, 4, 5, 4, 3, 4]);
    expect(few).toBeInstanceOf(QueryError);
    expect(few).toMatchObject({ status: 422, details: { field: 'from' } });
    expect((few as Error).message).toBe('6 days in the history before from: the detector needs at least 7 days (19 for Holt-Winters); move from later or load earlier data');
    expect((failure([0, 0, null, 0]) as Error).message).toMatch(/^no value other than 0 in the history before from/);
    const trimmed = detectAnomalies({ history: dated([0, 0, null, 5, 6, 5, 7, 6, 5, 6]), points: dated([6], 11), grain: 'day' });
    expect(trimmed.training).toEqual({ from: '2026-05-04', to: '2026-05-10', periods: 7 });
    expect(trimmed.notes[0]).toMatch(/^2026-05-01 … 2026-05-03 \(3 periods\) are left out of the training history/);
  });

  it('reads the sensitivity as the interval’s coverage: 0.95 flags what 0.99 lets pass', () => {
    // Median 13, MAD 1 (see mad-detectors.test.ts): 16 is 3 / 1.4826 = 2.02 σ away, between z₀.₉₅ = 1.96 and z₀.₉₉ = 2.58.
    const history = dated([12, 15, 11, 14, 13, 40, 12, 16, 13]);
    const at = (sensitivity: number) => detectAnomalies({ history, points: dated([16], 10), grain: 'day', sensitivity }).points[0].anomaly;
    expect(at(0.99)).toBe(false);
    expect(at(0.95)).toBe(true);
  });

  it('fills a few empty days of the history in, and judges a history over a fifth empty by the MAD of its values', () => {
    // 9 days, one empty (1/9 < 1/5): filled with (12 + 11) / 2 = 11.5; sorted 11 11.5 12 12 13 13 14 16 40 → median 13; |x − 13| sorted 0 0 1 1 1 1.5 2 3 27 → MAD 1.
    const few = detectAnomalies({ history: dated([12, null, 11, 14, 13, 40, 12, 16, 13]), points: dated([22], 10), grain: 'day' });
    expect(few).toMatchObject({ method: 'mad', params: { median: 13, mad: 1 }, training: { periods: 9 } });
    expect(few.notes).toEqual(['1 period of the training history without a value (2026-05-02) filled in between its neighbours']);
    // 10 days, three empty (3/10 > 1/5): the 7 values 12 11 14 13 40 12 16 → sorted 11 12 12 13 14 16 40, median 13; |x − 13| sorted 0 1 1 1 2 3 27 → MAD 1.
    const sparse = detectAnomalies({ history: dated([12, null, 11, 14, null, 13, 40, null, 12, 16]), points: dated([22, null], 11), grain: 'day' });
    expect(sparse).toMatchObject({ method: 'mad', params: { season: 1, median: 13, mad: 1, sigma: 1.4826 }, anomalies: 1, training: { from: '2026-05-01', periods: 10 } });
    expect(sparse.reason).toBe('3 of 10 days of history have no value (nothing to divide by): too sparse for a seasonal method; every point is expected at the median of the 7 values there are');
    expect(sparse.notes).toEqual(['2026-05-12 has no value (nothing to divide by): skipped']);
    const tooSparse = () => detectAnomalies({ history: dated([12, null, 11, null, 13, null, 40, null, 12, 16]), points: dated([22], 11), grain: 'day' });
    expect(tooSparse).toThrow('values in only 6 days in the history before from: the detector needs at least 7 days');
  });

  it('says when the history does not vary', () => {
    const flat = detectAnomalies({ history: dated([4, 4, 4, 4, 4, 4, 4, 4]), points: dated([4, 5], 9), grain: 'day' });
    expect(flat.points.map((p) => p.anomaly)).toEqual([false, true]);
    expect(flat.notes).toContain('the history does not vary (its spread is 0): any departure from the expected value is an anomaly');
  });
});
