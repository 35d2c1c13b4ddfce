import { describe, expect, it } from 'vitest';
import type { BudgetRow } from '../../api/client';
import { barLabel, barRows, reasonText, changePercent, curveData, expectedChange, fitSummary, formatChangeShort, formatInterval, keyLabel, marginalOf, recommendedSum } from './budget-format';

function row(over: Partial<BudgetRow> = {}): BudgetRow {
  return {
    key: 'c_brand',
    current: 2000,
    recommended: 2500,
    change: 500,
    expected: { value: 5800, low: 5000, high: 6600 },
    expected_current: { value: 5000, low: 4700, high: 5300 },
    marginal_roas: 1.5,
    marginal_cpa: null,
    marginal_roas_current: 1.8,
    binding: 'max',
    curve: {
      family: 'hill',
      params: { beta: 9000, gamma: 2000, alpha: 1.5 },
      adstock_decay: 0.3,
      r_squared: 0.5397,
      holdout: { days: 28, mape: 0.20647, rmse: 630 },
      observed_daily_spend: { min: 50, max: 90, median: 70 },
      identifiable: true,
      warnings: [],
      points: [
        { spend: 0, outcome: 0 },
        { spend: 1000, outcome: 3000 },
      ],
    },
    ...over,
  };
}

describe('changes and sums', () => {
  it('a change is in % of the current spend; a key that spent nothing has none', () => {
    expect(changePercent(2000, 2500)).toBe(25);
    expect(changePercent(2000, 1000)).toBe(-50);
    expect(changePercent(0, 100)).toBeNull();
  });

  it('short changes are whole %', () => {
    expect(formatChangeShort(50)).toBe('+50%');
    expect(formatChangeShort(-32.87)).toBe('−33%');
    expect(formatChangeShort(0.3)).toBe('±0%');
  });

  it('the recommended spends add up', () => {
    expect(recommendedSum([{ recommended: 17348.5 }, { recommended: 37651.5 }])).toBe(55000);
  });

  it('the expected outcome’s change is in % of what the current split is expected to bring', () => {
    expect(expectedChange({ expected: { value: 1200, low: null, high: null }, expected_current: { value: 1000, low: null, high: null } })).toBe(20);
    expect(expectedChange({ expected: { value: 1200, low: null, high: null }, expected_current: { value: 0, low: null, high: null } })).toBeNull();
  });
});

describe('words and numbers', () => {
  it('the marginal return is a ROAS for revenue and a CPA for conversions', () => {
    expect(marginalOf({ marginal_roas: 2.7981, marginal_cpa: null }, 'revenue', 'USD')).toBe('2.80×');
    expect(marginalOf({ marginal_roas: null, marginal_cpa: 41.5 }, 'conversions', 'USD')).toBe('$41.50');
  });

  it('a campaign by its name where one is known', () => {
    const names = new Map([['c_brand', 'Brand Search']]);
    expect(keyLabel('c_brand', names)).toBe('Brand Search');
    expect(keyLabel('Paid Social', names)).toBe('Paid Social');
  });

  it('a curve’s fit: R² and its error on the days held out', () => {
    expect(fitSummary({ r_squared: 0.5397, holdout: { days: 28, mape: 0.20647, rmse: 630 } })).toBe('R² 0.54 · holdout error 20.6% over 28 days');
    expect(fitSummary({ r_squared: 0.5397, holdout: { days: 14, mape: null, rmse: 12 } })).toBe('R² 0.54 · holdout RMSE 12 over 14 days');
    expect(fitSummary({ r_squared: 0.079, holdout: null })).toBe('R² 0.08 · no holdout');
  });
});

describe('chart data', () => {
  it('a bar per key with its change and the constraint holding it', () => {
    const bars = barRows([row(), row({ key: 'Paid Social', current: 1000, recommended: 500, binding: null })], new Map([['c_brand', 'Brand Search']]));
    expect(bars).toEqual([
      { key: 'c_brand', label: 'Brand Search', current: 2000, recommended: 2500, change: 25, binding: 'max' },
      { key: 'Paid Social', label: 'Paid Social', current: 1000, recommended: 500, change: -50, binding: null },
    ]);
    expect(barLabel(bars[0])).toBe('+25% · maximum');
    expect(barLabel(bars[1])).toBe('−50%');
    expect(barLabel({ change: null, binding: 'locked' })).toBe('locked');
  });

  it('a curve with its operating points, and the period spend its history saw', () => {
    // 50 to 90 a day over 30 days is 1,500 to 2,700 over the period.
    expect(curveData(row(), 30)).toEqual({
      points: [
        [0, 0],
        [1000, 3000],
      ],
      current: [2000, 5000],
      recommended: [2500, 5800],
      observed: [1500, 2700],
    });
  });
});

describe('intervals', () => {
  it('are the two ends, or nothing without them', () => {
    expect(formatInterval({ value: 49263, low: 35440.2, high: 63086.4 }, 'money', 'USD')).toBe('$35,440–$63,086');
    expect(formatInterval({ value: 337083.18, low: 213913.85, high: 460252.51 }, 'money', 'EUR')).toBe('€213,914–€460,253');
    expect(formatInterval({ value: 12.25, low: 9.5, high: 14.25 }, 'count', 'USD')).toBe('9.5–14.3');
    expect(formatInterval({ value: 30, low: null, high: null }, 'count', 'USD')).toBeNull();
  });
});

describe('reasons', () => {
  it('are sentences; one about a key starts with its name, an id is not capitalised', () => {
    const keys = new Set(['c_brand', 'c_generic']);
    const names = new Map([['c_brand', 'Brand Search']]);
    expect(reasonText('c_brand: up from 2,516 to 2,654: its marginal return is above the common 1.57', keys, names)).toBe('Brand Search: up from 2,516 to 2,654: its marginal return is above the common 1.57.');
    expect(reasonText('c_generic: held at its maximum of 4,208', keys, names)).toBe('c_generic: held at its maximum of 4,208.');
    expect(reasonText('spends the whole budget of 12,800 over 45 days.', keys, names)).toBe('Spends the whole budget of 12,800 over 45 days.');
    expect(reasonText('expected revenue over the period: 36,505', keys, names)).toBe('Expected revenue over the period: 36,505.');
  });
});
