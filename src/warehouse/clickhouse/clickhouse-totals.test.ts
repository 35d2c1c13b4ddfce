// The totals of WITH TOTALS, moved from FORMAT JSON's `totals` object into
// the rows as the contract's flagged row.
import { describe, expect, it } from 'vitest';
import { rowsWithTotals } from './clickhouse-totals.js';

// As 18.16 answers `SELECT … GROUP BY date, channel WITH TOTALS FORMAT JSON`
// (64-bit integers quoted, Decimals as numbers, Nullable keys NULL in the totals).
const ANSWER = JSON.parse(`{
  "meta": [
    {"name": "date", "type": "Nullable(String)"},
    {"name": "channel", "type": "Nullable(String)"},
    {"name": "orders", "type": "Int64"},
    {"name": "revenue", "type": "Decimal(38, 6)"}
  ],
  "data": [
    {"date": "2026-03-02", "channel": "Email", "orders": "2", "revenue": 30.500000},
    {"date": "2026-03-09", "channel": null, "orders": "1", "revenue": 0.000000}
  ],
  "totals": {"date": null, "channel": null, "orders": "3", "revenue": 30.500000},
  "rows": 2,
  "statistics": {"elapsed": 0.000412, "rows_read": 3, "bytes_read": 96}
}`);

describe('rowsWithTotals', () => {
  it('flags the grouped rows false and appends the totals row flagged true', () => {
    expect(rowsWithTotals(ANSWER)).toEqual([
      { date: '2026-03-02', channel: 'Email', orders: '2', revenue: 30.5, __totals: false },
      { date: '2026-03-09', channel: null, orders: '1', revenue: 0, __totals: false },
      { date: null, channel: null, orders: '3', revenue: 30.5, __totals: true },
    ]);
  });

  it('keeps the totals row when no row was grouped (ClickHouse still sends totals)', () => {
    const empty = { ...ANSWER, data: [], rows: 0, totals: { date: null, channel: null, orders: '0', revenue: 0 } };
    expect(rowsWithTotals(empty)).toEqual([{ date: null, channel: null, orders: '0', revenue: 0, __totals: true }]);
  });

  it('returns the rows as they are when the statement had no WITH TOTALS', () => {
    const plain = { meta: [{ name: 'orders', type: 'Int64' }], data: [{ orders: '3' }], rows: 1 };
    expect(rowsWithTotals(plain)).toEqual([{ orders: '3' }]);
  });
});
