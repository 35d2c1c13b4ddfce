import { describe, expect, it } from 'vitest';
import { dailyHistories } from './daily-history.js';

describe('dailyHistories', () => {
  it('lays each key out over every day of the range, missing days at 0, most spend first', () => {
    const rows = [
      { date: '2026-11-01', channel: 'Email', cost: 5, revenue: 20 },
      { date: '2026-11-01', channel: 'Paid Search', cost: 10, revenue: 30 },
      { date: '2026-11-03', channel: 'Paid Search', cost: 12, revenue: 41 },
      // No key, or outside the range: left out. A null metric counts as 0.
      { date: '2026-11-02', channel: null, cost: 99, revenue: 99 },
      { date: '2026-11-04', channel: 'Email', cost: 99, revenue: 99 },
      { date: '2026-11-02', channel: 'Email', cost: null, revenue: 7 },
    ];
    expect(dailyHistories(rows, { dimension: 'channel', outcome: 'revenue', from: '2026-11-01', to: '2026-11-03' })).toEqual([
      { key: 'Paid Search', spend: [10, 0, 12], outcome: [30, 0, 41], totalSpend: 22, totalOutcome: 71 },
      { key: 'Email', spend: [5, 0, 0], outcome: [20, 7, 0], totalSpend: 5, totalOutcome: 27 },
    ]);
  });
});
