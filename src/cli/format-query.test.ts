// Hand-written expectations for how `beacon query` prints results as a table and as CSV.
import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../metrics/types.js';
import { formatNumberForUnit, formatQueryCsv, formatQueryTable } from './format-query.js';

const HOSTILE = 'Social, "organic"';

function result(withComparison: boolean): QueryResult {
  const base: QueryResult = {
    columns: [
      { name: 'channel', kind: 'dimension', label: 'Channel' },
      { name: 'spend', kind: 'metric', label: 'Spend', unit: 'money' },
      { name: 'roas', kind: 'metric', label: 'ROAS', unit: 'ratio' },
    ],
    rows: [
      { channel: 'Paid Search', spend: 1234.5, roas: 4.2 },
      { channel: HOSTILE, spend: -3, roas: null },
    ],
    totals: { spend: 1231.5, roas: 4.1 },
  };
  if (!withComparison) return { ...base, notes: ['roas excludes organic'] };
  return {
    ...base,
    comparison: {
      from: '2024-01-01',
      to: '2024-01-31',
      rows: [
        { channel: 'Paid Search', spend: 1097.3, roas: 4.33 },
        { channel: HOSTILE, spend: 0, roas: null },
      ],
      totals: { spend: 1119.5, roas: 4.12 },
      change: {
        rows: [
          { spend: 12.5, roas: -3 },
          { spend: null, roas: null },
        ],
        totals: { spend: 10, roas: -0.5 },
      },
    },
  };
}

describe('formatNumberForUnit', () => {
  it('formats each unit', () => {
    expect(formatNumberForUnit(12345, 'count', 'USD')).toBe('12,345');
    expect(formatNumberForUnit(1234.56, 'count', 'USD')).toBe('1,234.6');
    expect(formatNumberForUnit(1234.5, 'money', 'EUR')).toBe('EUR 1,234.50');
    expect(formatNumberForUnit(-3, 'money', 'USD')).toBe('USD -3.00');
    expect(formatNumberForUnit(3.5678, 'percent', 'USD')).toBe('3.57%');
    expect(formatNumberForUnit(4.2, 'ratio', 'USD')).toBe('4.20');
    expect(formatNumberForUnit(75.25, 'seconds', 'USD')).toBe('75.3 s');
    expect(formatNumberForUnit(14, 'months', 'USD')).toBe('14.0');
    expect(formatNumberForUnit(7.04, 'score', 'USD')).toBe('7.0');
    expect(formatNumberForUnit(-0.001, 'money', 'USD')).toBe('USD 0.00');
    expect(formatNumberForUnit(null, 'count', 'USD')).toBe('–');
  });
});

describe('formatQueryTable', () => {
  it('prints rows, a separator, totals and notes', () => {
    expect(formatQueryTable(result(false), 'USD')).toBe(
      [
        'channel                   spend  roas',
        'Paid Search        USD 1,234.50  4.20',
        'Social, "organic"     USD -3.00     –',
        '─'.repeat(37),
        'Total              USD 1,231.50  4.10',
        'note: roas excludes organic',
      ].join('\n'),
    );
  });

  it('adds a signed Δ% column after each metric when comparing', () => {
    expect(formatQueryTable(result(true), 'USD')).toBe(
      [
        'channel                   spend  spend Δ%  roas  roas Δ%',
        'Paid Search        USD 1,234.50    +12.5%  4.20    -3.0%',
        'Social, "organic"     USD -3.00         –     –        –',
        '─'.repeat(56),
        'Total              USD 1,231.50    +10.0%  4.10    -0.5%',
      ].join('\n'),
    );
  });
});

describe('formatQueryCsv', () => {
  it('prints raw values with RFC 4180 quoting and no totals', () => {
    expect(formatQueryCsv(result(false))).toBe(
      'channel,spend,roas\n' + 'Paid Search,1234.5,4.2\n' + '"Social, ""organic""",-3,\n',
    );
  });

  it('adds <metric>_change_pct columns when comparing', () => {
    expect(formatQueryCsv(result(true))).toBe(
      'channel,spend,spend_change_pct,roas,roas_change_pct\n' +
        'Paid Search,1234.5,12.5,4.2,-3\n' +
        '"Social, ""organic""",-3,,,\n',
    );
  });
});

describe('honest tables', () => {
  it('labels the Total line when a limit left rows out, and marks partial buckets', () => {
    const limited: QueryResult = {
      columns: [
        { name: 'date', kind: 'time', label: 'week' },
        { name: 'cpa', kind: 'metric', label: 'CPA', unit: 'money' },
      ],
      rows: [
        { date: '2026-11-02', cpa: null, partial: true },
        { date: '2026-11-09', cpa: 12.5 },
      ],
      totals: { cpa: 12.5 },
      totals_scope: 'all_rows',
      rows_before_limit: 5,
    };
    const lines = formatQueryTable(limited, 'USD').split('\n');
    // Columns as wide as their widest cell ("Total (all 5 rows)" 18, "USD 12.50" 9), two spaces apart.
    expect(lines[1]).toBe(`${'2026-11-02 *'.padEnd(18)}  ${'–'.padStart(9)}`);
    expect(lines[4]).toBe('Total (all 5 rows)  USD 12.50');
    expect(lines).toContain('note: 2 of 5 rows shown; the totals cover all of them');
    expect(lines).toContain('note: * the range covers only part of this bucket');
  });
});
