import { describe, expect, it } from 'vitest';
import { describeDeviation, recommendAction, remainingChangePercent, type ActionRule, type PastRecommendation } from './recommended-action.js';

const today = '2026-12-01';
const cut20of30: ActionRule = { action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 30 };

describe('describeDeviation', () => {
  it('says how far from target in whole percent, and for how long', () => {
    // 55.2 / 40 = 1.38: 38 % above.
    expect(describeDeviation({ metricLabel: 'CPA', value: 55.2, target: 40, days: 3 })).toBe('CPA 38 % above target for 3 days');
    // 2.4 / 3 = 0.8: 20 % below.
    expect(describeDeviation({ metricLabel: 'ROAS', value: 2.4, target: 3, days: 1 })).toBe('ROAS 20 % below target for 1 day');
    expect(describeDeviation({ metricLabel: 'CPC', value: 1.5, target: 1.2 })).toBe('CPC 25 % above target');
  });

  it('handles a value on target and a target of zero', () => {
    expect(describeDeviation({ metricLabel: 'CPA', value: 40.1, target: 40 })).toBe('CPA on target');
    expect(describeDeviation({ metricLabel: 'Cost', value: 12, target: 0, days: 2 })).toBe('Cost 12 against a target of 0 for 2 days');
  });
});

describe('remainingChangePercent', () => {
  const history: PastRecommendation[] = [
    { action: 'decrease_budget', campaign_id: 'c1', by_percent: 10, day: today },
    { action: 'increase_budget', campaign_id: 'c1', by_percent: 5, day: today },
    { action: 'decrease_bid', campaign_id: 'c1', by_percent: 25, day: today },
    { action: 'decrease_budget', campaign_id: 'c2', by_percent: 30, day: today },
    { action: 'decrease_budget', campaign_id: 'c1', by_percent: 30, day: '2026-11-30' },
    { action: 'pause', campaign_id: 'c1', day: today },
  ];

  it("counts the same lever's changes today for the same campaign, in either direction", () => {
    // Budget of c1 today: 10 + 5 = 15 of 30 → 15 left. The bid, c2 and yesterday do not count.
    expect(remainingChangePercent(cut20of30, 'c1', today, history)).toBe(15);
    // Bid of c1 today: 25 of 30 → 5 left.
    expect(remainingChangePercent({ action: 'increase_bid', by_percent: 10, max_change_per_day_percent: 30 }, 'c1', today, history)).toBe(5);
    expect(remainingChangePercent(cut20of30, 'c2', today, history)).toBe(0);
    expect(remainingChangePercent(cut20of30, 'c3', today, history)).toBe(30);
  });

  it('is undefined without a cap, and never below zero', () => {
    expect(remainingChangePercent({ action: 'decrease_budget', by_percent: 20 }, 'c1', today, history)).toBeUndefined();
    expect(remainingChangePercent({ ...cut20of30, max_change_per_day_percent: 10 }, 'c1', today, history)).toBe(0);
  });

  it('reads 30 − 20.1 as 9.9', () => {
    expect(remainingChangePercent(cut20of30, 'c9', today, [{ action: 'decrease_budget', campaign_id: 'c9', by_percent: 20.1, day: today }])).toBe(9.9);
  });
});

describe('recommendAction', () => {
  const because = 'CPA 38 % above target for 3 days';

  it("recommends the rule's change when the day's cap leaves room", () => {
    expect(recommendAction(cut20of30, { campaignId: 'c1', because, today, history: [] })).toEqual({
      recommended: { action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, because },
    });
  });

  it('cuts the change to what is left of the cap, and says so', () => {
    // 20 already recommended today; 30 − 20 = 10 left of the 20 asked.
    const history: PastRecommendation[] = [{ action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, day: today }];
    expect(recommendAction(cut20of30, { campaignId: 'c1', because, today, history })).toEqual({
      recommended: {
        action: 'decrease_budget',
        campaign_id: 'c1',
        by_percent: 10,
        because: 'CPA 38 % above target for 3 days (cut to 10 %: 20 % already recommended today, at most 30 % a day)',
      },
    });
  });

  it('recommends nothing once the cap is used up, with a note', () => {
    const history: PastRecommendation[] = [
      { action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, day: today },
      { action: 'increase_budget', campaign_id: 'c1', by_percent: 10, day: today },
    ];
    expect(recommendAction(cut20of30, { campaignId: 'c1', because, today, history })).toEqual({
      recommended: null,
      note: '30 % of budget change already recommended today for campaign c1, at most 30 % a day',
    });
  });

  it('recommends a change without a cap as asked, and without a campaign for the whole account', () => {
    const history: PastRecommendation[] = [{ action: 'increase_bid', by_percent: 50, day: today }];
    expect(recommendAction({ action: 'increase_bid', by_percent: 15 }, { because: 'ROAS 40 % above target', today, history })).toEqual({
      recommended: { action: 'increase_bid', by_percent: 15, because: 'ROAS 40 % above target' },
    });
  });

  it('recommends a pause once a day per campaign', () => {
    const pause: ActionRule = { action: 'pause', max_change_per_day_percent: 30 };
    expect(recommendAction(pause, { campaignId: 'c1', because, today, history: [] })).toEqual({ recommended: { action: 'pause', campaign_id: 'c1', because } });
    const paused: PastRecommendation[] = [{ action: 'pause', campaign_id: 'c1', day: today }];
    expect(recommendAction(pause, { campaignId: 'c1', because, today, history: paused }).recommended).toBeNull();
    expect(recommendAction(pause, { campaignId: 'c2', because, today, history: paused }).recommended).toEqual({ action: 'pause', campaign_id: 'c2', because });
  });

  it('refuses a budget or bid change without a positive percentage', () => {
    expect(() => recommendAction({ action: 'decrease_bid' }, { because, today, history: [] })).toThrow(/by_percent/);
    expect(() => recommendAction({ action: 'decrease_bid', by_percent: 0 }, { because, today, history: [] })).toThrow(RangeError);
  });
});
