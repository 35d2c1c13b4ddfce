import { describe, expect, it } from 'vitest';
import { assemble, percentChange, type FactResults } from './assemble.js';
import { CATALOG_BY_ID } from './catalog.js';
import type { FactQueries } from './planner.js';

const metrics = (...ids: string[]) => ids.map((id) => CATALOG_BY_ID.get(id)!);
const plan = (fact: FactQueries['fact'], flow: string[], balance: string[] = []): FactQueries =>
  ({ fact, flowMeasures: flow, balanceMeasures: balance, totals: {} }) as unknown as FactQueries;

describe('assemble', () => {
  it('joins facts on bucket and dimensions, fills missing buckets with zero counts and null ratios', () => {
    const ad: FactResults = {
      plan: plan('ad', ['cost']),
      rows: [
        { date: '2026-01-01', channel: 'Paid Search', cost: '10.5' },
        { date: '2026-01-02', channel: 'Paid Search', cost: '4.5' },
      ],
      totals: { cost: '15' },
      openingRows: [],
      openingTotals: {},
    };
    const conversions: FactResults = {
      plan: plan('conversions', ['conversions', 'revenue']),
      rows: [
        { date: '2026-01-01', channel: 'Paid Search', conversions: 3, revenue: 30 },
        { date: '2026-01-02', channel: null, conversions: 1, revenue: 8 },
      ],
      totals: { conversions: 4, revenue: 38 },
      openingRows: [],
      openingTotals: {},
    };
    const out = assemble({ metrics: metrics('cost', 'cpa'), dimensions: ['channel'], buckets: ['2026-01-01', '2026-01-02', '2026-01-03'], results: [ad, conversions] });
    expect(out.rows).toEqual([
      // "(none)" sorts before letters; NULL channel credit gets its own row
      { date: '2026-01-01', channel: '(none)', cost: 0, cpa: null },
      { date: '2026-01-02', channel: '(none)', cost: 0, cpa: 0 }, // 0 cost / 1 conversion
      { date: '2026-01-03', channel: '(none)', cost: 0, cpa: null },
      { date: '2026-01-01', channel: 'Paid Search', cost: 10.5, cpa: 3.5 }, // 10.5 / 3
      { date: '2026-01-02', channel: 'Paid Search', cost: 4.5, cpa: null }, // no conversion that day
      { date: '2026-01-03', channel: 'Paid Search', cost: 0, cpa: null },
    ]);
    expect(out.totals).toEqual({ cost: 15, cpa: 3.75 }); // 15 / 4
  });

  it('runs balances forward: active at each bucket start, MRR at each bucket end', () => {
    const status: FactResults = {
      plan: plan('customer_status', [], ['active_at_start', 'mrr_at_end']),
      rows: [
        { date: '2026-02-01', active_at_start: 2, mrr_at_end: 100 },
        { date: '2026-03-01', active_at_start: -1, mrr_at_end: -40 },
      ],
      totals: { active_at_start: 1, mrr_at_end: 60 },
      openingRows: [],
      openingTotals: { active_at_start: 10, mrr_at_end: 500 },
    };
    const churned: FactResults = {
      plan: plan('lifecycle', ['churned_customers']),
      rows: [{ date: '2026-03-01', churned_customers: 1 }],
      totals: { churned_customers: 1 },
      openingRows: [],
      openingTotals: {},
    };
    const out = assemble({ metrics: metrics('mrr', 'churn_rate'), dimensions: [], buckets: ['2026-01-01', '2026-02-01', '2026-03-01'], results: [status, churned] });
    expect(out.rows).toEqual([
      { date: '2026-01-01', mrr: 500, churn_rate: 0 }, // 10 active at start, none churned
      { date: '2026-02-01', mrr: 600, churn_rate: 0 }, // 500 + 100
      { date: '2026-03-01', mrr: 560, churn_rate: (1 / 12) * 100 }, // 12 active at 1 March, 1 churned
    ]);
    // Totals: MRR at the end of the period, churn over customers active at its start (1 / 10).
    expect(out.totals).toEqual({ mrr: 560, churn_rate: 10 });
  });

  it('keeps the combinations it is given, in order (comparison rows align with the main ones)', () => {
    const ad: FactResults = { plan: plan('ad', ['cost']), rows: [{ channel: 'B', cost: 1 }], totals: { cost: 1 }, openingRows: [], openingTotals: {} };
    const out = assemble({ metrics: metrics('cost'), dimensions: ['channel'], buckets: null, results: [ad], combos: [['A'], ['B']] });
    expect(out.rows).toEqual([{ channel: 'A', cost: 0 }, { channel: 'B', cost: 1 }]);
  });

  it('computes % change against the absolute previous value', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(-50, -100)).toBe(50);
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(null, 3)).toBeNull();
  });
});
