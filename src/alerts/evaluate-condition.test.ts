// Each condition kind judged on hand-made data, and missing data that never fires.
import { describe, expect, it } from 'vitest';
import { goalProgress, type GoalPacingSpec } from '../goals/goals.js';
import { evaluateCondition } from './evaluate-condition.js';

describe('evaluateCondition: threshold', () => {
  const above40 = { kind: 'threshold', op: 'above', value: 40 } as const;

  it('fires strictly beyond the value', () => {
    expect(evaluateCondition(above40, { current: 46.2 }, 'CPA')).toEqual({ met: true, value: 46.2, reference: 40, because: 'CPA is 46.2, above 40', noData: false });
    expect(evaluateCondition(above40, { current: 40 }, 'CPA')).toMatchObject({ met: false, because: 'CPA is 40, not above 40' });
    expect(evaluateCondition({ kind: 'threshold', op: 'below', value: 2 }, { current: 1.75 }, 'ROAS')).toMatchObject({ met: true, because: 'ROAS is 1.75, below 2' });
    expect(evaluateCondition({ kind: 'threshold', op: 'below', value: 2 }, { current: 2 }, 'ROAS').met).toBe(false);
  });

  it('never fires without a value, and says so', () => {
    expect(evaluateCondition(above40, { current: null }, 'CPA')).toEqual({ met: false, value: null, reference: 40, because: 'CPA has no value in this period', noData: true });
    expect(evaluateCondition(above40, { current: Number.NaN }, 'CPA')).toMatchObject({ met: false, noData: true });
  });

  it('treats data the caller did not fetch as its bug', () => {
    expect(() => evaluateCondition(above40, {}, 'CPA')).toThrow('a threshold condition needs data.current');
  });
});

describe('evaluateCondition: change', () => {
  const rise20 = { kind: 'change', op: 'above', percent: 20 } as const;
  const fall20 = { kind: 'change', op: 'below', percent: 20 } as const;

  it('compares the percent change against the previous period', () => {
    // 40 → 50: +10 / 40 = +25 %, more than 20 %.
    expect(evaluateCondition(rise20, { current: 50, previous: 40 }, 'CPA')).toEqual({
      met: true,
      value: 50,
      reference: 40,
      because: 'CPA rose 25 % against the previous period (40 → 50), more than the 20 % rise that fires',
      noData: false,
    });
    // 40 → 46: +15 %.
    expect(evaluateCondition(rise20, { current: 46, previous: 40 }, 'CPA')).toMatchObject({ met: false, because: 'CPA rose 15 % against the previous period (40 → 46), not more than the 20 % rise that fires' });
    // 50 → 35: −15 / 50 = −30 %, a fall of more than 20 %; the same numbers do not fire a rise.
    expect(evaluateCondition(fall20, { current: 35, previous: 50 }, 'Revenue')).toMatchObject({ met: true, because: 'Revenue fell 30 % against the previous period (50 → 35), more than the 20 % fall that fires' });
    expect(evaluateCondition(rise20, { current: 35, previous: 50 }, 'Revenue').met).toBe(false);
  });

  it('reads a rise from a negative value as a rise', () => {
    // ROI −20 → −10: +10 / |−20| = +50 %.
    expect(evaluateCondition(rise20, { current: -10, previous: -20 }, 'ROI')).toMatchObject({ met: true, because: 'ROI rose 50 % against the previous period (-20 → -10), more than the 20 % rise that fires' });
  });

  it('does not fire from a previous value of 0, nor without either value', () => {
    expect(evaluateCondition(rise20, { current: 10, previous: 0 }, 'Cost')).toEqual({ met: false, value: 10, reference: 0, because: 'Cost was 0 in the previous period: there is no percent change to judge', noData: false });
    expect(evaluateCondition(rise20, { current: 10, previous: null }, 'Cost')).toEqual({ met: false, value: 10, reference: null, because: 'Cost has no value in the previous period', noData: true });
    expect(evaluateCondition(rise20, { current: null, previous: 8 }, 'Cost')).toEqual({ met: false, value: null, reference: 8, because: 'Cost has no value in this period', noData: true });
  });
});

describe('evaluateCondition: anomaly', () => {
  const condition = { kind: 'anomaly', sensitivity: 0.99 } as const;

  it("follows the detector's verdict and says where the value lies", () => {
    const high = { value: 1250, expected: 1000, lower: 900, upper: 1100, anomaly: true };
    expect(evaluateCondition(condition, { anomaly: high }, 'Cost')).toEqual({ met: true, value: 1250, reference: 1000, because: 'Cost is 1,250, above its expected range 900 to 1,100 (expected 1,000)', noData: false });
    const low = { ...high, value: 700 };
    expect(evaluateCondition(condition, { anomaly: low }, 'Cost').because).toBe('Cost is 700, below its expected range 900 to 1,100 (expected 1,000)');
    const inside = { ...high, value: 1050, anomaly: false };
    expect(evaluateCondition(condition, { anomaly: inside }, 'Cost')).toMatchObject({ met: false, because: 'Cost is 1,050, within its expected range 900 to 1,100 (expected 1,000)' });
  });

  it('does not fire without a verdict', () => {
    expect(evaluateCondition(condition, { anomaly: null }, 'Cost')).toEqual({ met: false, value: null, reference: null, because: 'Cost has no value in this period', noData: true });
  });
});

describe('evaluateCondition: goal_pace', () => {
  const condition = { kind: 'goal_pace', goal_id: 'goal_1' } as const;
  // 1000 conversions in June: on the 15th, 15 of 30 days are elapsed, so 500 are expected by then.
  const june: GoalPacingSpec = { target: 1000, direction: 'up', from: '2026-06-01', to: '2026-06-30', kind: 'cumulative' };

  it('fires when the goal is off track (under 90 % of the pace), not when merely at risk', () => {
    // 400 / 500 = 0.8: off track.
    expect(evaluateCondition(condition, { goal: goalProgress(june, 400, '2026-06-15') }, 'Conversions')).toEqual({
      met: true,
      value: 400,
      reference: 500,
      because: 'Conversions is 400, off track: 500 expected by now (target 1,000)',
      noData: false,
    });
    // 470 / 500 = 0.94: at risk. 520 / 500: on track.
    expect(evaluateCondition(condition, { goal: goalProgress(june, 470, '2026-06-15') }, 'Conversions')).toMatchObject({ met: false, because: 'Conversions is 470, at risk: 500 expected by now (target 1,000)' });
    expect(evaluateCondition(condition, { goal: goalProgress(june, 520, '2026-06-15') }, 'Conversions').met).toBe(false);
  });

  it('fires on a goal that ended short of its target, against the target', () => {
    expect(evaluateCondition(condition, { goal: goalProgress(june, 900, '2026-07-01') }, 'Conversions')).toMatchObject({ met: true, value: 900, reference: 1000, because: 'Conversions is 900, missed: the target of 1,000' });
    expect(evaluateCondition(condition, { goal: goalProgress(june, 1100, '2026-07-01') }, 'Conversions').met).toBe(false);
  });

  it('does not fire before the goal starts, nor without data', () => {
    expect(evaluateCondition(condition, { goal: goalProgress(june, null, '2026-05-20') }, 'Conversions')).toMatchObject({ met: false, because: 'the goal has not started', noData: false });
    expect(evaluateCondition(condition, { goal: goalProgress(june, null, '2026-06-15') }, 'Conversions')).toMatchObject({ met: false, value: null, noData: true });
    expect(evaluateCondition(condition, { goal: null }, 'Conversions')).toMatchObject({ met: false, because: 'Conversions has no goal progress', noData: true });
  });
});

describe('evaluateCondition: funnel', () => {
  const condition = { kind: 'funnel', steps: ['page_view', 'purchase'], window_days: 7, op: 'below', value: 2.5 } as const;

  it('compares the conversion in percent', () => {
    expect(evaluateCondition(condition, { funnelRate: 2 }, 'Checkout conversion')).toEqual({ met: true, value: 2, reference: 2.5, because: 'Checkout conversion is 2 %, below 2.5 %', noData: false });
    expect(evaluateCondition(condition, { funnelRate: 3.1 }, 'Checkout conversion')).toMatchObject({ met: false, because: 'Checkout conversion is 3.1 %, not below 2.5 %' });
    expect(evaluateCondition(condition, { funnelRate: null }, 'Checkout conversion')).toMatchObject({ met: false, noData: true });
  });
});

describe('evaluateCondition: data_quality', () => {
  it('fires on any finding as severe as the condition, naming them, and not on none', () => {
    const condition = { kind: 'data_quality', severity: 'error' } as const;
    expect(evaluateCondition(condition, { findings: ['Orders in a currency with no fx rate', 'Days where tracking fell sharply'] }, 'data quality')).toEqual({
      met: true,
      value: 2,
      reference: 0,
      because: 'the data-quality audit found 2 errors: Orders in a currency with no fx rate; Days where tracking fell sharply',
      noData: false,
    });
    expect(evaluateCondition({ kind: 'data_quality', severity: 'warning' }, { findings: [] }, 'data quality')).toMatchObject({ met: false, value: 0, because: 'the data-quality audit found no error or warning' });
    expect(evaluateCondition(condition, { findings: null }, 'data quality')).toMatchObject({ met: false, noData: true });
  });
});
