// The forecast of a goal's period-end value, worked out by hand: a weekly
// pattern that repeats exactly (so the seasonal models fit it without error
// and the forecast continues it), a goal's window of history, the status the
// interval gives, and every reason there is no forecast.
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/time.js';
import type { SeriesPoint } from '../forecast/forecast-input.js';
import { forecastSeries } from '../forecast/forecast.js';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { forecastGoal, forecastStatus, goalHistoryWindow, whyNotSummed, type GoalForecastSpec } from './goal-forecast.js';

// Spend per weekday, Monday first.
const WEEKDAY = [120, 100, 100, 110, 150, 60, 40];
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const pattern = (date: string) => WEEKDAY[weekday(date)];
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const seriesOf = (from: string, to: string, value: (date: string) => number): SeriesPoint[] => days(from, to).map((date) => ({ date, value: value(date) }));

// March 2026: Sunday the 1st … Tuesday the 31st. Today is Wednesday the 11th.
const MARCH: GoalForecastSpec = { metric: 'cost', target: 3000, direction: 'up', from: '2026-03-01', to: '2026-03-31' };
const TODAY = '2026-03-11';

describe('goalHistoryWindow', () => {
  it('reads eight weeks before the period through yesterday', () => {
    expect(goalHistoryWindow(MARCH, TODAY)).toEqual({ from: '2026-01-04', to: '2026-03-10' });
  });

  it('reads eight weeks before today for a period yet to start, and nothing once it has ended', () => {
    expect(goalHistoryWindow({ from: '2026-04-01', to: '2026-04-30' }, TODAY)).toEqual({ from: '2026-01-14', to: '2026-03-10' });
    expect(goalHistoryWindow(MARCH, '2026-03-31')).toEqual({ from: '2026-01-04', to: '2026-03-30' });
    expect(goalHistoryWindow(MARCH, '2026-04-01')).toBeNull();
  });
});

describe('forecastGoal on a weekly pattern that repeats exactly', () => {
  const history = seriesOf('2026-01-04', '2026-03-10', pattern);
  // Mar 1–10: Sun 40, then Mon–Sun 680 (120+100+100+110+150+60+40), Mon 120, Tue 100 → 940.
  const ACTUAL = 940;
  // Mar 11–31: Wed–Sun 460 (100+110+150+60+40), two full weeks 1,360, Mon 120, Tue 100 → 2,040.
  const REST = 2040;

  it('adds the pattern over the remaining days to the complete days so far: 940 + 2,040 = 2,980', () => {
    const { forecast, note } = forecastGoal(MARCH, history, TODAY);
    expect(note).toBeUndefined();
    expect(forecast!.actual).toBe(ACTUAL);
    expect(forecast!.value).toBeCloseTo(ACTUAL + REST, 6);
    expect(forecast!.model).toMatch(/^(additive|multiplicative)/);
    expect(forecast!.level).toBe(0.95);
    expect(forecast!.fitted).toEqual({ from: '2026-01-04', to: '2026-03-10', days: 66 });
    // An exact fit leaves (next to) nothing uncertain.
    expect(forecast!.upper - forecast!.lower).toBeLessThan(1e-3);
  });

  it('is on_track below the interval, off_track above it (up goal)', () => {
    expect(forecastGoal({ ...MARCH, target: 2950 }, history, TODAY).forecast!.status).toBe('on_track');
    expect(forecastGoal({ ...MARCH, target: 3000 }, history, TODAY).forecast!.status).toBe('off_track');
  });

  it('a goal yet to start is the forecast of its own days only: April 2026 (Wed the 1st … Thu the 30th) is 4 weeks + Wed, Thu = 2,720 + 210', () => {
    const april: GoalForecastSpec = { ...MARCH, from: '2026-04-01', to: '2026-04-30' };
    const { forecast } = forecastGoal(april, seriesOf('2026-01-14', '2026-03-10', pattern), TODAY);
    expect(forecast!.actual).toBe(0);
    expect(forecast!.value).toBeCloseTo(4 * 680 + 100 + 110, 6);
  });

  it('on the last day of the period only that day is forecast', () => {
    const { forecast } = forecastGoal(MARCH, seriesOf('2026-01-04', '2026-03-30', pattern), '2026-03-31');
    // Mar 1–30 = 40 + 4·680 + 120 = 2,880, and Tuesday the 31st forecast at 100 → 2,980.
    expect(forecast!.actual).toBe(2880);
    expect(forecast!.value).toBeCloseTo(2980, 6);
  });

  it('leaves out the zero days before any data at the start of the history', () => {
    const fresh = seriesOf('2026-01-04', '2026-03-10', (date) => (date < '2026-02-01' ? 0 : pattern(date)));
    const { forecast } = forecastGoal(MARCH, fresh, TODAY);
    expect(forecast!.fitted).toEqual({ from: '2026-02-01', to: '2026-03-10', days: 38 });
    expect(forecast!.value).toBeCloseTo(ACTUAL + REST, 6);
  });
});

describe('forecastGoal on a noisy series', () => {
  // The pattern with a fixed wiggle of up to ±6: the forecast is uncertain, and its interval is the total's.
  const WIGGLE = [4, -6, 1, 3, -2, 6, -5, 0, 2, -3, 5];
  const noisy = days('2026-01-04', '2026-03-10').map((date, i) => ({ date, value: pattern(date) + WIGGLE[i % WIGGLE.length] }));

  it('projects actual + the sum of the forecast points of Mar 11–31, and its interval holds actual + the pattern’s 2,040', () => {
    const { forecast } = forecastGoal(MARCH, noisy, TODAY);
    const actual = noisy.filter((p) => p.date >= '2026-03-01').reduce((a, p) => a + p.value, 0);
    expect(forecast!.actual).toBeCloseTo(actual, 9);
    // A second way to the same projection: forecastSeries' points on the same history, added up here.
    const points = forecastSeries({ series: noisy, horizon: 21, grain: 'day', season: 7, model: 'auto' }).points;
    expect(points[0].date).toBe(TODAY);
    expect(forecast!.value).toBeCloseTo(actual + points.reduce((a, p) => a + p.value, 0), 6);
    expect(forecast!.lower).toBeLessThan(actual + 2040);
    expect(forecast!.upper).toBeGreaterThan(actual + 2040);
    // The points' errors are shared: the total's half-width is below the sum of theirs and above what independent errors would give.
    const half = (forecast!.upper - forecast!.lower) / 2;
    const halves = points.map((p) => (p.upper - p.lower) / 2);
    expect(half).toBeLessThan(halves.reduce((a, b) => a + b, 0));
    expect(half).toBeGreaterThan(Math.sqrt(halves.reduce((a, h) => a + h * h, 0)));
  });

  it('is at_risk when the target lies inside the interval', () => {
    const { forecast } = forecastGoal(MARCH, noisy, TODAY);
    const inside = (forecast!.lower + forecast!.upper) / 2;
    expect(forecastGoal({ ...MARCH, target: inside }, noisy, TODAY).forecast!.status).toBe('at_risk');
  });
});

describe('forecastStatus', () => {
  it('up goals: the whole interval at or above the target is on track, all of it below is off track', () => {
    expect(forecastStatus({ target: 100, direction: 'up' }, 100, 120)).toBe('on_track');
    expect(forecastStatus({ target: 100, direction: 'up' }, 90, 120)).toBe('at_risk');
    expect(forecastStatus({ target: 100, direction: 'up' }, 80, 99)).toBe('off_track');
  });

  it('down goals: the whole interval at or below the target is on track, all of it above is off track', () => {
    expect(forecastStatus({ target: 100, direction: 'down' }, 80, 100)).toBe('on_track');
    expect(forecastStatus({ target: 100, direction: 'down' }, 80, 120)).toBe('at_risk');
    expect(forecastStatus({ target: 100, direction: 'down' }, 101, 120)).toBe('off_track');
  });
});

describe('no forecast, and why', () => {
  it('once the period has ended', () => {
    expect(forecastGoal(MARCH, [], '2026-04-01')).toEqual({ forecast: null, note: 'the period ended on 2026-03-31: its value is final' });
  });

  it('with fewer than 7 complete days of history, naming how many there are', () => {
    const short = seriesOf('2026-03-05', '2026-03-10', pattern);
    expect(forecastGoal(MARCH, short, TODAY)).toEqual({ forecast: null, note: 'a forecast needs at least 7 complete days of cost; there are 6 (2026-03-05 on)' });
    expect(forecastGoal(MARCH, [], TODAY).note).toBe('a forecast needs at least 7 complete days of cost; there are none yet');
  });

  it('with a period ending more than 1,000 days from today', () => {
    const far = { ...MARCH, from: '2026-03-01', to: '2099-01-31' };
    expect(forecastGoal(far, seriesOf('2026-01-04', '2026-03-10', pattern), TODAY).note).toMatch(/^the period ends \d+ days from today: a forecast reaches 1000 days at most$/);
  });

  it('for metrics whose period value is not the sum of their daily values', () => {
    expect(whyNotSummed(CATALOG_BY_ID.get('cost')!)).toBeUndefined();
    expect(whyNotSummed(CATALOG_BY_ID.get('conversions')!)).toBeUndefined();
    expect(whyNotSummed(CATALOG_BY_ID.get('cpa')!)).toBe('cpa does not add up over days (cost / conversions): its value over the period is not the sum of daily values, so the goal has a pace but no forecast');
    expect(whyNotSummed(CATALOG_BY_ID.get('mrr')!)).toMatch(/^mrr does not add up over days/);
    expect(whyNotSummed(CATALOG_BY_ID.get('visitors')!)).toMatch(/^visitors counts distinct ones over the whole period/);
  });
});
