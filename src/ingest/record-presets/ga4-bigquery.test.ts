import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../readers/read-records.js';
import type { RawRecord } from '../readers/raw-record.js';

// Rows as the GA4 BigQuery export writes them (events_YYYYMMDD, exported as
// NDJSON: INT64 values as strings, nested RECORDs as objects).
const pageView = {
  event_date: '20240305',
  event_timestamp: '1709648520123456',
  event_name: 'page_view',
  event_params: [
    { key: 'ga_session_id', value: { int_value: '1709648400' } },
    { key: 'page_location', value: { string_value: 'https://shop.example/shoes?utm_source=newsletter' } },
    { key: 'page_referrer', value: { string_value: 'https://mail.example/' } },
    { key: 'ga_session_number', value: { int_value: '3' } },
    { key: 'page_title', value: { string_value: 'Shoes' } },
  ],
  user_pseudo_id: '1234567890.1709640000',
  user_id: null,
  traffic_source: { name: 'spring_sale', medium: 'cpc', source: 'google' },
  collected_traffic_source: { manual_source: 'newsletter', manual_medium: 'email', manual_campaign_name: 'march_news', manual_campaign_id: null, gclid: null },
  device: { category: 'mobile', operating_system: 'iOS' },
  geo: { country: 'Germany', city: 'Berlin' },
  ecommerce: null,
};

const purchase = {
  event_timestamp: 1709649000500000,
  event_name: 'purchase',
  event_params: [
    { key: 'ga_session_id', value: { int_value: 1709648400 } },
    { key: 'currency', value: { string_value: 'EUR' } },
    { key: 'ga_session_number', value: { int_value: 3 } },
  ],
  user_pseudo_id: '1234567890.1709640000',
  user_id: 'cust-42',
  traffic_source: { name: '(direct)', medium: '(none)', source: '(direct)' },
  collected_traffic_source: null,
  device: { category: 'mobile' },
  geo: { country: 'Germany' },
  ecommerce: { transaction_id: 'T-1001', purchase_revenue: 89.9, purchase_revenue_in_usd: 97.1 },
};

async function read(lines: string[], format: 'ndjson' | 'json' = 'ndjson'): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of readRecords(Readable.from([Buffer.from(lines.join('\n') + '\n')]), format, { preset: 'ga4_bigquery' })) out.push(record);
  return out;
}

describe('ga4_bigquery preset', () => {
  it('maps a page view and a purchase, and refuses a row without event_timestamp at its line', async () => {
    const { event_timestamp: _, ...noTime } = { ...pageView, event_name: 'scroll' };
    const records = await read([JSON.stringify(pageView), JSON.stringify(noTime), JSON.stringify(purchase)]);
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({
      index: 0,
      line: 1,
      value: {
        event_id: expect.stringMatching(/^ga4_[0-9a-f]{32}$/),
        type: 'page_view',
        timestamp: '2024-03-05T14:22:00.123Z',
        anonymous_id: '1234567890.1709640000',
        session_id: '1234567890.1709640000.1709648400',
        url: 'https://shop.example/shoes?utm_source=newsletter',
        referrer: 'https://mail.example/',
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'march_news',
        properties: { page_title: 'Shoes', device: 'mobile', country: 'Germany' },
      },
    });
    expect(records[1]).toEqual({ index: 1, line: 2, error: 'ga4_bigquery: event_timestamp is missing' });
    // 1709649000500000 µs = 2024-03-05T14:30:00.500Z; traffic_source is "(direct)" and this is session 3: no UTM.
    expect(records[2]).toEqual({
      index: 2,
      line: 3,
      value: {
        event_id: expect.stringMatching(/^ga4_[0-9a-f]{32}$/),
        type: 'purchase',
        timestamp: '2024-03-05T14:30:00.500Z',
        anonymous_id: '1234567890.1709640000',
        user_id: 'cust-42',
        session_id: '1234567890.1709640000.1709648400',
        revenue: 89.9,
        order_id: 'T-1001',
        currency: 'EUR',
        properties: { device: 'mobile', country: 'Germany' },
      },
    });
  });

  it('renames GA4 events with a Beacon type and keeps other names as custom types', async () => {
    const rows = ['sign_up', 'generate_lead', 'video_progress', 'add_to_cart'].map((event_name) => JSON.stringify({ ...pageView, event_name }));
    const types = (await read(rows)).map((r) => ('value' in r ? [r.value.type, (r.value.properties as Record<string, unknown>).ga4_event_name] : r.error));
    expect(types).toEqual([['signup', 'sign_up'], ['lead', 'generate_lead'], ['video_progress', undefined], ['add_to_cart', undefined]]);
  });

  it('reads the percent of scroll and video events and the video id', async () => {
    const scroll = { ...pageView, event_name: 'scroll', event_params: [{ key: 'percent_scrolled', value: { int_value: '90' } }] };
    const video = {
      ...pageView,
      event_name: 'video_progress',
      event_params: [{ key: 'video_percent', value: { int_value: 25 } }, { key: 'video_url', value: { string_value: 'https://youtu.be/abc' } }],
    };
    const [a, b] = await read([JSON.stringify(scroll), JSON.stringify(video)]);
    expect('value' in a && a.value.properties).toMatchObject({ percent: 90 });
    expect('value' in b && b.value.properties).toMatchObject({ percent: 25, video_id: 'https://youtu.be/abc' });
  });

  it("uses the user's first touch only on first-session events that collected no source; a gclid alone is google / cpc", async () => {
    const params = (n: string) => [{ key: 'ga_session_number', value: { int_value: n } }];
    const first = { ...pageView, event_params: params('1'), collected_traffic_source: null };
    const later = { ...pageView, event_params: params('2'), collected_traffic_source: null };
    const gclid = { ...pageView, collected_traffic_source: { gclid: 'Cj0KCQ' } };
    const [a, b, c] = await read([first, later, gclid].map((r) => JSON.stringify(r)));
    expect('value' in a && [a.value.utm_source, a.value.utm_medium, a.value.utm_campaign]).toEqual(['google', 'cpc', 'spring_sale']);
    expect('value' in b && [b.value.utm_source, b.value.utm_medium]).toEqual([undefined, undefined]);
    expect('value' in c && [c.value.utm_source, c.value.utm_medium]).toEqual(['google', 'cpc']);
  });

  it('derives the same event_id from the same row (key order aside) and another from another row', async () => {
    const reordered = { ...pageView, event_params: pageView.event_params.map(({ key, value }) => ({ value, key })) };
    const otherPage = { ...pageView, event_params: [...pageView.event_params.slice(0, 1), { key: 'page_location', value: { string_value: 'https://shop.example/bags' } }] };
    const ids = (await read([pageView, reordered, otherPage, { ...pageView, event_timestamp: 1709648520123456 }].map((r) => JSON.stringify(r)))).map((r) => 'value' in r && r.value.event_id);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('reads a JSON array with each error at its batch index, and refuses CSV', async () => {
    const records = await read([JSON.stringify([pageView, { ...pageView, event_timestamp: 'yesterday' }])], 'json');
    expect(records.map((r) => ('error' in r ? [r.index, r.error] : [r.index, 'ok']))).toEqual([
      [0, 'ok'],
      [1, 'ga4_bigquery: event_timestamp is not microseconds since the epoch: "yesterday"'],
    ]);
    expect(() => readRecords(Readable.from(['a,b\n']), 'csv', { preset: 'ga4_bigquery' })).toThrow('preset ga4_bigquery reads ndjson or json exports, not csv');
  });
});
