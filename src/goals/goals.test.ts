// Goals: body validation and pacing (worked by hand below).
import { describe, expect, it } from 'vitest';
import { validationError } from '../../test/support/validation-error.js';
import {
  AT_RISK_PACE,
  ON_TRACK_PACE,
  elapsedFraction,
  goalProgress,
  parseGoalInput,
  type GoalPacingSpec,
} from './goals.js';

const MARCH_CONVERSIONS: GoalPacingSpec = {
  target: 1000,
  direction: 'up',
  from: '2026-03-01',
  to: '2026-03-31',
  kind: 'cumulative',
};

describe('goalProgress, cumulative up goal (1000 conversions in March 2026)', () => {
  it('on 2026-03-10 ten of 31 days are elapsed: expected 322.58, 300 is a pace of 0.93 → at_risk', () => {
    const p = goalProgress(MARCH_CONVERSIONS, 300, '2026-03-10');
    expect(p.elapsed_fraction).toBeCloseTo(10 / 31, 12); // 0.32258…
    expect(p.expected_by_today).toBeCloseTo(322.580645, 5); // 1000 × 10/31
    expect(p.attained_pct).toBeCloseTo(30, 12); // 300 / 1000
    expect(p.actual).toBe(300);
    expect(p.target).toBe(1000);
    expect(p.status).toBe('at_risk'); // 300 / 322.58 = 0.93
  });

  it('is on_track at or above the expected value and off_track below 90 % of it', () => {
    expect(goalProgress(MARCH_CONVERSIONS, 330, '2026-03-10').status).toBe('on_track'); // 1.023
    expect(goalProgress(MARCH_CONVERSIONS, 280, '2026-03-10').status).toBe('off_track'); // 0.868
  });

  it('uses the exported thresholds inclusively (pace exactly 0.9 is at_risk, exactly 1 on_track)', () => {
    expect(ON_TRACK_PACE).toBe(1);
    expect(AT_RISK_PACE).toBe(0.9);
    // 10-day period, day 5: elapsed 0.5, expected 500.
    const goal: GoalPacingSpec = { ...MARCH_CONVERSIONS, to: '2026-03-10' };
    expect(goalProgress(goal, 500, '2026-03-05').status).toBe('on_track');
    expect(goalProgress(goal, 450, '2026-03-05').status).toBe('at_risk');
    expect(goalProgress(goal, 449, '2026-03-05').status).toBe('off_track');
  });

  it('counts today as elapsed: the first day is 1/31, the last day is the whole target', () => {
    expect(goalProgress(MARCH_CONVERSIONS, 40, '2026-03-01').elapsed_fraction).toBeCloseTo(1 / 31, 12);
    const last = goalProgress(MARCH_CONVERSIONS, 950, '2026-03-31');
    expect(last.elapsed_fraction).toBe(1);
    expect(last.expected_by_today).toBe(1000);
    expect(last.status).toBe('at_risk'); // still running on its last day: 950 / 1000 = 0.95
  });

  it('is not_started before the period, with nothing expected yet', () => {
    const p = goalProgress(MARCH_CONVERSIONS, null, '2026-02-28');
    expect(p.status).toBe('not_started');
    expect(p.elapsed_fraction).toBe(0);
    expect(p.expected_by_today).toBe(0);
    expect(p.attained_pct).toBeNull();
  });

  it('is achieved or missed after the period', () => {
    expect(goalProgress(MARCH_CONVERSIONS, 1000, '2026-04-01').status).toBe('achieved');
    expect(goalProgress(MARCH_CONVERSIONS, 1200, '2026-06-30').status).toBe('achieved');
    const missed = goalProgress(MARCH_CONVERSIONS, 999, '2026-04-01');
    expect(missed.status).toBe('missed');
    expect(missed.elapsed_fraction).toBe(1);
    expect(missed.attained_pct).toBeCloseTo(99.9, 12);
    expect(goalProgress(MARCH_CONVERSIONS, null, '2026-04-01').status).toBe('missed');
  });

  it('is at_risk with attained_pct null while running without an actual value', () => {
    const p = goalProgress(MARCH_CONVERSIONS, null, '2026-03-10');
    expect(p.status).toBe('at_risk');
    expect(p.attained_pct).toBeNull();
    expect(p.actual).toBeNull();
    expect(p.expected_by_today).toBeCloseTo(322.580645, 5);
  });

  it('has attained_pct null for a zero target', () => {
    expect(goalProgress({ ...MARCH_CONVERSIONS, target: 0 }, 5, '2026-03-10').attained_pct).toBeNull();
  });

  it('rejects invalid dates', () => {
    expect(validationError(() => goalProgress(MARCH_CONVERSIONS, 1, '2026-02-30')).message).toContain('today');
    expect(validationError(() => goalProgress({ ...MARCH_CONVERSIONS, from: '2026-04-01' }, 1, '2026-03-10')).message).toContain(
      'after',
    );
  });
});

describe('goalProgress, level goals', () => {
  const cpa: GoalPacingSpec = { target: 20, direction: 'down', from: '2026-03-01', to: '2026-03-31', kind: 'level' };

  it('a CPA target of 20 with actual 25 is 80 % attained and off_track (pace 20/25 = 0.8)', () => {
    const p = goalProgress(cpa, 25, '2026-03-10');
    expect(p.attained_pct).toBeCloseTo(80, 12);
    expect(p.expected_by_today).toBe(20); // a level is judged against the target itself, whatever the elapsed share
    expect(p.elapsed_fraction).toBeCloseTo(10 / 31, 12);
    expect(p.status).toBe('off_track');
  });

  it('judges lower as better for down goals', () => {
    expect(goalProgress(cpa, 21, '2026-03-10').status).toBe('at_risk'); // 20 / 21 = 0.952
    const under = goalProgress(cpa, 16, '2026-03-10');
    expect(under.status).toBe('on_track');
    expect(under.attained_pct).toBeCloseTo(125, 12); // 20 / 16
    expect(goalProgress(cpa, 20, '2026-04-01').status).toBe('achieved');
    expect(goalProgress(cpa, 20.5, '2026-04-01').status).toBe('missed');
  });

  it('has attained_pct null for an actual of 0 on a down goal, and counts it as on pace', () => {
    const p = goalProgress(cpa, 0, '2026-03-10');
    expect(p.attained_pct).toBeNull();
    expect(p.status).toBe('on_track');
  });

  it('a ROAS target of 4 with actual 3.8 is 95 % attained and at_risk', () => {
    const roas: GoalPacingSpec = { ...cpa, target: 4, direction: 'up' };
    const p = goalProgress(roas, 3.8, '2026-03-02');
    expect(p.attained_pct).toBeCloseTo(95, 12);
    expect(p.expected_by_today).toBe(4);
    expect(p.status).toBe('at_risk');
  });
});

describe('seasonality', () => {
  // 2026-03-02 is a Monday; the period is two full weeks. Weekends weigh half:
  // a week weighs 5 × 1 + 2 × 0.5 = 6, the period 12.
  const weekdays = [1, 1, 1, 1, 1, 0.5, 0.5];
  const goal: GoalPacingSpec = {
    target: 1200,
    direction: 'up',
    from: '2026-03-02',
    to: '2026-03-15',
    seasonality: weekdays,
    kind: 'cumulative',
  };

  it('weekday profile: Mon–Wed elapsed is 3 of 12 weight, so 300 of 1200 is expected', () => {
    const p = goalProgress(goal, 280, '2026-03-04');
    expect(p.elapsed_fraction).toBeCloseTo(3 / 12, 12); // plain day share would be 3/14
    expect(p.expected_by_today).toBeCloseTo(300, 9);
    expect(p.status).toBe('at_risk'); // 280 / 300 = 0.933
    expect(goalProgress(goal, 300, '2026-03-04').status).toBe('on_track');
  });

  it('weekday profile: through the first Sunday is half the weight (5 + 0.5 + 0.5 = 6 of 12)', () => {
    expect(elapsedFraction(goal.from, goal.to, '2026-03-08', weekdays)).toBeCloseTo(0.5, 12);
    // The first Saturday: 5.5 of 12.
    expect(elapsedFraction(goal.from, goal.to, '2026-03-07', weekdays)).toBeCloseTo(5.5 / 12, 12);
  });

  it('weekday profile: a period starting mid-week (Thu 2026-03-05 .. Wed 2026-03-18)', () => {
    // Thu, Fri, Sat, Sun = 1 + 1 + 0.5 + 0.5 = 3 of the period's 12.
    expect(elapsedFraction('2026-03-05', '2026-03-18', '2026-03-08', weekdays)).toBeCloseTo(3 / 12, 12);
  });

  it('month profile: Nov and Dec weigh 2 and 3, the other months 1 (year total 15)', () => {
    const months = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3];
    expect(elapsedFraction('2026-01-01', '2026-12-31', '2026-01-31', months)).toBeCloseTo(1 / 15, 12);
    // Jan..Oct = 10, plus half of November (15 of 30 days × 2) = 11 of 15.
    expect(elapsedFraction('2026-01-01', '2026-12-31', '2026-11-15', months)).toBeCloseTo(11 / 15, 12);
  });

  it('month profile: a month weight is spread over all its days, so partly covered months count pro rata', () => {
    const flat = Array(12).fill(1) as number[];
    // 2026-03-25..2026-04-30: March contributes 7/31, April 30/30. By 2026-03-31: (7/31) / (7/31 + 1) = 7/38.
    expect(elapsedFraction('2026-03-25', '2026-04-30', '2026-03-31', flat)).toBeCloseTo(7 / 38, 12);
    // Within a single month the profile gives every day the same weight: plain day share.
    expect(elapsedFraction('2026-03-01', '2026-03-31', '2026-03-10', flat)).toBeCloseTo(10 / 31, 12);
  });

  it('falls back to day counts when the profile gives the whole period zero weight', () => {
    const weekendOnly = [0, 0, 0, 0, 0, 1, 1];
    // Mon 2026-03-02 .. Fri 2026-03-06, Wednesday: 3 of 5 days.
    expect(elapsedFraction('2026-03-02', '2026-03-06', '2026-03-04', weekendOnly)).toBeCloseTo(3 / 5, 12);
  });
});

describe('parseGoalInput', () => {
  const valid = {
    name: 'Q1 conversions',
    metric: 'conversions',
    target: 1000,
    from: '2026-01-01',
    to: '2026-03-31',
  };

  it('accepts a minimal and a full body', () => {
    expect(parseGoalInput(valid)).toEqual(valid);
    const full = {
      ...valid,
      direction: 'down',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] }],
      seasonality: [1, 1, 1, 1, 1, 0.5, 0.5],
    };
    expect(parseGoalInput(full)).toEqual(full);
    expect(parseGoalInput({ ...valid, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3] }).seasonality).toHaveLength(12);
  });

  it('names a missing or mistyped field', () => {
    const missing = validationError(() => parseGoalInput({ metric: 'conversions', from: '2026-01-01', to: '2026-01-31' }));
    expect(missing.message).toContain('target');
    expect(missing.details).toEqual([{ field: 'target', message: 'Expected required property' }]);
    expect(validationError(() => parseGoalInput({ ...valid, target: '1000' })).message).toMatch(/target Expected number/);
    expect(validationError(() => parseGoalInput('nope')).message).toContain('(body)');
  });

  it('rejects a bad metric id, an overlong name and unknown fields', () => {
    expect(validationError(() => parseGoalInput({ ...valid, metric: '' })).message).toContain('metric');
    expect(validationError(() => parseGoalInput({ ...valid, name: 'x'.repeat(121) })).message).toContain('name');
    expect(validationError(() => parseGoalInput({ ...valid, owner: 'me' })).message).toContain('owner Unexpected property');
  });

  it('rejects a direction other than up or down', () => {
    expect(validationError(() => parseGoalInput({ ...valid, direction: 'neutral' })).message).toContain(
      'direction must be one of up, down',
    );
  });

  it('names the filter and its bad part', () => {
    const filter = { dimension: 'channel', op: 'eq', values: ['Email'] };
    expect(
      validationError(() => parseGoalInput({ ...valid, filters: [filter, { ...filter, dimension: 'planet' }] })).message,
    ).toContain('filters[1].dimension must be one of channel, platform');
    expect(validationError(() => parseGoalInput({ ...valid, filters: [{ ...filter, op: 'like' }] })).message).toContain(
      'filters[0].op must be one of eq, neq, in, not_in, contains',
    );
    expect(validationError(() => parseGoalInput({ ...valid, filters: [{ ...filter, values: [] }] })).message).toContain(
      'filters[0].values',
    );
    expect(validationError(() => parseGoalInput({ ...valid, filters: [{ ...filter, values: [''] }] })).message).toContain(
      'filters[0].values[0]',
    );
  });

  it('rejects malformed and impossible dates, naming the field', () => {
    expect(validationError(() => parseGoalInput({ ...valid, from: '2026-1-1' })).message).toContain(
      'from must be a date YYYY-MM-DD',
    );
    const impossible = validationError(() => parseGoalInput({ ...valid, to: '2026-02-30' }));
    expect(impossible.message).toContain('to is not a calendar date');
    expect(impossible.details).toEqual([{ field: 'to', message: 'is not a calendar date: "2026-02-30"' }]);
  });

  it('rejects from after to, naming both', () => {
    const error = validationError(() => parseGoalInput({ ...valid, from: '2026-04-01', to: '2026-03-31' }));
    expect(error.message).toContain('from');
    expect(error.message).toContain('to 2026-03-31');
    expect(error.message).toContain('2026-04-01');
    // A one-day goal is fine.
    expect(parseGoalInput({ ...valid, from: '2026-03-31', to: '2026-03-31' }).from).toBe('2026-03-31');
  });

  it('rejects seasonality of the wrong length, negative or all-zero weights', () => {
    expect(validationError(() => parseGoalInput({ ...valid, seasonality: [1, 1, 1] })).message).toContain('seasonality');
    expect(validationError(() => parseGoalInput({ ...valid, seasonality: Array(10).fill(1) })).message).toContain(
      'seasonality must have 7 weekday weights (Mon..Sun) or 12 month weights (Jan..Dec), got 10',
    );
    expect(validationError(() => parseGoalInput({ ...valid, seasonality: [1, 1, -1, 1, 1, 1, 1] })).message).toContain(
      'seasonality[2]',
    );
    expect(validationError(() => parseGoalInput({ ...valid, seasonality: Array(7).fill(0) })).message).toContain(
      'seasonality weights must not all be zero',
    );
  });

  it('rejects a profile that gives the whole period zero weight', () => {
    // Mon 2026-03-02 .. Fri 2026-03-06 with weight only on weekends.
    const error = validationError(() =>
      parseGoalInput({ ...valid, from: '2026-03-02', to: '2026-03-06', seasonality: [0, 0, 0, 0, 0, 1, 1] }),
    );
    expect(error.message).toContain('seasonality gives every day of the period 2026-03-02..2026-03-06 a weight of zero');
  });

  it('reports every bad field at once', () => {
    const shape = validationError(() => parseGoalInput({ metric: '', target: 'many', from: '2026-01-01', to: 'soon' }));
    expect((shape.details as { field: string }[]).map((p) => p.field)).toEqual(['metric', 'target', 'to']);
    const dates = validationError(() => parseGoalInput({ metric: 'x', target: 1, from: '2026-13-01', to: '2026-14-01' }));
    expect((dates.details as { field: string }[]).map((p) => p.field)).toEqual(['from', 'to']);
  });
});

describe('goal targets', () => {
  it('regression: a target of 1e308 was accepted; targets lie within ±1e15', () => {
    const goal = { metric: 'cost', from: '2026-03-01', to: '2026-03-31' };
    expect(validationError(() => parseGoalInput({ ...goal, target: 1e308 })).details).toEqual([{ field: 'target', message: 'Expected number to be less or equal to 1000000000000000' }]);
    expect(parseGoalInput({ ...goal, target: 1e15 }).target).toBe(1e15);
  });
});
