import { describe, expect, it } from 'vitest';
import { checkHeader, rejectsEveryRecord } from './header-check.js';
import type { CsvHeader } from './readers/raw-record.js';

/** A header read without preset or map: every column fills the field of its own name. */
const plain = (names: string, extra: Partial<CsvHeader> = {}): CsvHeader => ({
  line: 1,
  columns: names.split(',').map((name) => ({ name, field: name, mapped: false })),
  fixed: [],
  ...extra,
});

describe('checkHeader', () => {
  it('names the missing required fields and suggests the field of each unknown column from the synonyms', () => {
    const report = checkHeader(plain('order_id,customer_id,ordered_at,amount'), 'orders');
    expect(report).toEqual({
      source: 'orders',
      line: 1,
      missing: ['timestamp', 'revenue'],
      unknown: [
        { column: 'ordered_at', suggestion: 'timestamp' },
        { column: 'amount', suggestion: 'revenue' },
      ],
      map: 'ordered_at=timestamp,amount=revenue',
    });
    expect(rejectsEveryRecord(report)).toBe(true);
  });

  it('suggests by edit distance where no synonym applies: case, spaces and swapped letters', () => {
    const report = checkHeader(plain('Order ID,customer_id,timestmap,reveune,note'), 'orders');
    expect(report.missing).toEqual(['order_id', 'timestamp', 'revenue']);
    expect(report.unknown).toEqual([
      { column: 'Order ID', suggestion: 'order_id' },
      { column: 'timestmap', suggestion: 'timestamp' },
      { column: 'reveune', suggestion: 'revenue' },
      { column: 'note' },
    ]);
    expect(report.map).toBe('Order ID=order_id,timestmap=timestamp,reveune=revenue');
  });

  it("takes the source's own date field for date-like names, and gives each field to one column", () => {
    const report = checkHeader(plain('cost_id,day,timestamp,category,cost'), 'costs');
    expect(report.missing).toEqual(['date', 'amount']);
    expect(report.unknown).toEqual([{ column: 'day', suggestion: 'date' }, { column: 'timestamp' }, { column: 'cost', suggestion: 'amount' }]);
    expect(report.map).toBe('day=date,cost=amount');
  });

  it("reads `id` as the source's key field where one field keys it, and as nothing where several do", () => {
    expect(checkHeader(plain('id,type,timestamp,anonymous_id'), 'events').unknown).toEqual([{ column: 'id', suggestion: 'event_id' }]);
    expect(checkHeader(plain('id,date,currency,rate'), 'fx_rates').unknown).toEqual([{ column: 'id' }]);
  });

  it('keeps the explicit map and replaces a pair that names no field', () => {
    const header: CsvHeader = {
      line: 1,
      columns: [
        { name: 'order_id', field: 'order_id', mapped: false },
        { name: 'customer_id', field: 'customer_id', mapped: false },
        { name: 'ordered_at', field: 'timestamp', mapped: true },
        { name: 'amount', field: 'revenu', mapped: true },
      ],
      fixed: [],
    };
    const report = checkHeader(header, 'orders');
    expect(report.missing).toEqual(['revenue']);
    expect(report.unknown).toEqual([{ column: 'amount', mappedTo: 'revenu', suggestion: 'revenue' }]);
    expect(report.map).toBe('ordered_at=timestamp,amount=revenue');
  });

  it('counts the fields a preset or --platform sets, and passes over the columns an export carries beside them', () => {
    const header: CsvHeader = {
      line: 3,
      preset: 'google_ads',
      columns: [
        { name: 'Day', field: 'date', mapped: false },
        { name: 'Campaign', field: 'campaign_name', mapped: false },
        { name: 'Impr.', field: 'impressions', mapped: false },
        { name: 'Clicks', field: 'clicks', mapped: false },
        { name: 'Cost', field: 'cost', mapped: false },
        { name: 'Avg. CPC', field: 'Avg. CPC', mapped: false },
      ],
      fixed: ['platform'],
    };
    expect(checkHeader(header, 'ad_performance')).toEqual({ source: 'ad_performance', line: 3, preset: 'google_ads', missing: ['campaign_id'], unknown: [] });
    const bare = plain('date,campaign_id,impressions,clicks,cost');
    expect(checkHeader(bare, 'ad_performance').missing).toEqual(['platform']);
    expect(checkHeader(bare, 'ad_performance', { platform: 'tiktok_ads' }).missing).toEqual([]);
  });

  it('lets a header that fills every required field through, naming its extra columns', () => {
    const events = checkHeader(plain('event_id,type,timestamp,anonymous_id,plan'), 'events');
    expect(events).toEqual({ source: 'events', line: 1, missing: [], unknown: [{ column: 'plan' }] });
    expect(rejectsEveryRecord(events)).toBe(false);
    expect(checkHeader(plain('order_id,customer_id,timestamp,revenue'), 'orders')).toEqual({ source: 'orders', line: 1, missing: [], unknown: [] });
  });
});
