import { describe, expect, it } from 'vitest';
import {
  describeAction,
  describeCondition,
  describeDelivery,
  describeSchedule,
  describeScope,
  exactTime,
  formatContribution,
  relativeTime,
  stateTone,
} from './alerts-format';

describe('what a rule watches', () => {
  it('names the metric and the condition of each kind', () => {
    expect(describeCondition({ kind: 'threshold', op: 'above', value: 40 }, 'day', 'CPA')).toBe('CPA above 40 per day');
    expect(describeCondition({ kind: 'threshold', op: 'below', value: 1500 }, 'week', 'Revenue')).toBe('Revenue below 1,500 per week');
    expect(describeCondition({ kind: 'change', op: 'above', percent: 25 }, 'day', 'Cost')).toBe('Cost change above 25 % vs previous day');
    // "below 10" fires on a fall of more than 10 %: a change below −10 %.
    expect(describeCondition({ kind: 'change', op: 'below', percent: 10 }, 'hour', 'Clicks')).toBe('Clicks change below −10 % vs previous hour');
    expect(describeCondition({ kind: 'anomaly', sensitivity: 0.99 }, 'day', 'Cost')).toBe('Cost anomaly per day (sensitivity 0.99)');
    expect(describeCondition({ kind: 'goal_pace', goal_id: 'goal_1' }, 'day', null, 'Q4 revenue')).toBe('goal pace of Q4 revenue');
    expect(describeCondition({ kind: 'goal_pace', goal_id: 'goal_1' }, 'day', null)).toBe('goal pace of goal_1');
    expect(describeCondition({ kind: 'funnel', steps: ['signup', 'purchase'], window_days: 7, op: 'below', value: 0.2 }, 'day', null)).toBe(
      'funnel signup → purchase conversion below 0.2 % (7-day window)',
    );
  });

  it('names the scope: filters (campaigns by name), the breakdown, or everything', () => {
    expect(describeScope([], null)).toBe('everything');
    expect(describeScope([{ dimension: 'channel', op: 'eq', values: ['Paid Search'] }], 'campaign')).toBe('channel = Paid Search · per campaign');
    expect(describeScope([{ dimension: 'campaign', op: 'not_in', values: ['c1', 'c9'] }], null, new Map([['c1', 'Brand']]))).toBe('campaign not in Brand, c9');
    expect(describeScope([], 'channel')).toBe('per channel');
  });
});

describe('when a rule runs', () => {
  it('says simple schedules in words', () => {
    expect(describeSchedule('0 * * * *', false)).toBe('hourly');
    expect(describeSchedule('15 * * * *', false)).toBe('hourly at :15');
    expect(describeSchedule('*/5 * * * *', false)).toBe('every 5 minutes');
    expect(describeSchedule('0 */6 * * *', false)).toBe('every 6 hours');
    expect(describeSchedule('30 8 * * *', false)).toBe('daily at 08:30');
    expect(describeSchedule('0 9 * * 1', false)).toBe('Mondays at 09:00');
    expect(describeSchedule('0 9 * * 0', false)).toBe('Sundays at 09:00');
    expect(describeSchedule('0 7 * * 1-5', false)).toBe('weekdays at 07:00');
    expect(describeSchedule('0 6 1 * *', false)).toBe('monthly on day 1 at 06:00');
  });

  it('gives the cron text where words would not be simpler, and adds real-time', () => {
    expect(describeSchedule('0 9 * 1 *', false)).toBe('0 9 * 1 *');
    expect(describeSchedule('0,30 9-17 * * 1-5', false)).toBe('0,30 9-17 * * 1-5');
    expect(describeSchedule('0 * * * *', true)).toBe('hourly + real-time');
    expect(describeSchedule('0 9 * 1 *', true)).toBe('0 9 * 1 * + real-time');
  });
});

describe('states', () => {
  it('are red when firing, amber while acknowledged or cooling down, neutral otherwise', () => {
    expect(stateTone('firing')).toBe('bad');
    expect(stateTone('acknowledged')).toBe('warn');
    expect(stateTone('cooling_down')).toBe('warn');
    expect(stateTone('cleared')).toBe('neutral');
    expect(stateTone('idle')).toBe('neutral');
  });
});

describe('a firing', () => {
  it('says its recommended action, the campaign by name where known', () => {
    const names = new Map([['c_brand', 'Brand Search']]);
    expect(describeAction({ action: 'decrease_budget', campaign_id: 'c_brand', by_percent: 20 }, names)).toBe('Decrease budget of campaign Brand Search by 20 %');
    expect(describeAction({ action: 'increase_bid', campaign_id: 'c_x', by_percent: 12.5 }, names)).toBe('Increase bid of campaign c_x by 12.5 %');
    expect(describeAction({ action: 'pause', campaign_id: 'c_brand' }, names)).toBe('Pause campaign Brand Search');
    expect(describeAction({ action: 'decrease_budget', by_percent: 10 })).toBe('Decrease budget by 10 %');
  });

  it('says whether its webhook was delivered, with the last status or error and the attempts', () => {
    const at = '2026-12-07T18:00:00.000Z';
    expect(describeDelivery({ delivered: true, attempts: [{ attempt: 1, at, status: 200, duration_ms: 12 }] })).toEqual({ delivered: true, text: 'delivered', attempts: '1 attempt' });
    expect(
      describeDelivery({
        delivered: false,
        attempts: [
          { attempt: 1, at, status: 503, duration_ms: 5 },
          { attempt: 2, at, status: 500, duration_ms: 5 },
        ],
        error: 'the receiver answered 500',
      }),
    ).toEqual({ delivered: false, text: 'failed: HTTP 500', attempts: '2 attempts' });
    expect(describeDelivery({ delivered: false, attempts: [{ attempt: 1, at, error: 'connection refused', duration_ms: 1 }] }).text).toBe('failed: connection refused');
    expect(describeDelivery({ delivered: false, attempts: [], error: 'webhook URL refused' })).toEqual({ delivered: false, text: 'failed: webhook URL refused', attempts: '0 attempts' });
  });

  it('writes contributions signed with one decimal', () => {
    expect(formatContribution(62.54)).toBe('+62.5 %');
    expect(formatContribution(-12)).toBe('−12.0 %');
    expect(formatContribution(0)).toBe('±0.0 %');
  });
});

describe('times', () => {
  const now = Date.parse('2026-12-07T18:00:00Z');
  it('are relative to now, rounded down', () => {
    expect(relativeTime('2026-12-07T17:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-12-07T17:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-12-07T17:00:00Z', now)).toBe('1 h ago');
    expect(relativeTime('2026-12-07T19:00:00Z', now)).toBe('in 1 h');
    expect(relativeTime('2026-12-07T18:42:10Z', now)).toBe('in 42 min');
    expect(relativeTime('2026-12-06T17:00:00Z', now)).toBe('1 day ago');
    expect(relativeTime('2026-12-04T18:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime(null, now)).toBe('never');
  });

  it('are written out exactly in a time zone', () => {
    expect(exactTime('2026-12-07T18:05:09Z', 'UTC')).toBe('Dec 7, 2026, 18:05:09 UTC');
  });
});
