import { describe, expect, it } from 'vitest';
import { budgetBody, choiceParams, parseBudgetChoices, roundedBudget, spendQuery } from './budget-queries';

const range = { from: '2026-09-08', to: '2026-12-06' };
const noFilters = { channel: [], platform: [], campaign: [] };

describe('the budget choices in the address', () => {
  it('default to the range’s spend, by channel, for revenue, no target, moves of at most 50%', () => {
    expect(parseBudgetChoices(new URLSearchParams(''))).toEqual({ choices: { total: null, by: 'channel', objective: 'revenue', target: null, maxChange: 50 }, problems: [] });
  });

  it('read every choice the address gives', () => {
    const params = new URLSearchParams('budget_total=55000&budget_by=campaign&budget_objective=conversions&budget_target=40&budget_max_change=30');
    expect(parseBudgetChoices(params).choices).toEqual({ total: 55000, by: 'campaign', objective: 'conversions', target: 40, maxChange: 30 });
  });

  it('name a bad value and use the default instead', () => {
    const { choices, problems } = parseBudgetChoices(new URLSearchParams('budget_total=-5&budget_by=ad&budget_max_change=12.5&budget_target=abc'));
    expect(choices).toEqual({ total: null, by: 'channel', objective: 'revenue', target: null, maxChange: 50 });
    expect(problems).toEqual([
      'Unknown split "ad" (one of channel, campaign); using channel.',
      'The budget must be a number above 0 (the address says "-5"); using the current spend of the range.',
      'The target ROAS must be a number above 0 (the address says "abc"); spending the whole budget.',
      'The largest change must be a whole % from 0 to 1000 (the address says "12.5"); using 50%.',
    ]);
  });

  it('write only what differs from the defaults, and drop the target when the objective changes', () => {
    expect(choiceParams({ total: 55000, by: 'channel', maxChange: 50 })).toEqual({ budget_total: '55000', budget_by: null, budget_max_change: null });
    expect(choiceParams({ objective: 'conversions' })).toEqual({ budget_objective: 'conversions', budget_target: null });
    expect(choiceParams({ by: 'campaign', target: 3.5, maxChange: 20, total: null })).toEqual({ budget_by: 'campaign', budget_target: '3.5', budget_max_change: '20', budget_total: null });
  });
});

describe('the default budget', () => {
  it('is the spend rounded to three significant figures', () => {
    expect(roundedBudget(50943.18)).toBe(50900);
    expect(roundedBudget(7236.4)).toBe(7240);
    expect(roundedBudget(123456)).toBe(123000);
    expect(roundedBudget(999.6)).toBe(1000);
    expect(roundedBudget(45.678)).toBe(45.7);
    expect(roundedBudget(0.0567)).toBe(0.0567);
  });

  it('is missing when nothing was spent', () => {
    expect(roundedBudget(0)).toBeNull();
    expect(roundedBudget(Number.NaN)).toBeNull();
  });
});

describe('the questions', () => {
  it('asks the spend of the range under the filters', () => {
    expect(spendQuery(range, { ...noFilters, platform: ['meta_ads'] })).toEqual({
      metrics: ['cost'],
      from: '2026-09-08',
      to: '2026-12-06',
      filters: [{ dimension: 'platform', op: 'in', values: ['meta_ads'] }],
    });
  });

  it('sends the API’s defaults as nothing', () => {
    const choices = { total: null, by: 'channel', objective: 'revenue', target: null, maxChange: 50 } as const;
    expect(budgetBody(choices, 50900, range, noFilters)).toEqual({ total_budget: 50900, from: '2026-09-08', to: '2026-12-06' });
  });

  it('a target is a ROAS for revenue and a CPA for conversions', () => {
    const revenue = { total: 55000, by: 'campaign', objective: 'revenue', target: 3, maxChange: 30 } as const;
    expect(budgetBody(revenue, 55000, range, { ...noFilters, channel: ['Paid Search'] })).toEqual({
      total_budget: 55000,
      from: '2026-09-08',
      to: '2026-12-06',
      by: 'campaign',
      target_roas: 3,
      max_change_percent: 30,
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }],
    });
    const conversions = { ...revenue, by: 'channel', objective: 'conversions', target: 40, maxChange: 0 } as const;
    expect(budgetBody(conversions, 12000, range, noFilters)).toEqual({ total_budget: 12000, from: '2026-09-08', to: '2026-12-06', objective: 'conversions', target_cpa: 40, max_change_percent: 0 });
  });
});
