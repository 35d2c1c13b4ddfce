// Record presets over real HTTP into a real DuckDB file: each preset family's
// export posted as a tool writes it, located refusals, idempotent re-sends and
// a preset refused for another source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-presets');
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(dir.path);
});
afterAll(async () => {
  await t.stop();
  dir.remove();
});

const post = (path: string, body: string, contentType: string) => call(t.url, 'POST', path, { key: t.keys.ingest, body, contentType });
/** A stored timestamp (a Date or its text) as ISO-8601 UTC. */
const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();
/** Stored rows of a source, oldest first (storage order is not arrival order). */
const rowsOf = async (source: 'events' | 'lifecycle' | 'surveys') =>
  (await t.warehouse.readRows('shop', source)).sort((a, b) => iso(a.timestamp).localeCompare(iso(b.timestamp)));

// GA4 BigQuery export rows, INT64 as strings as `bq extract` writes them.
const ga4Row = (name: string, micros: string | undefined, pageParam: string) =>
  JSON.stringify({
    event_name: name,
    ...(micros === undefined ? {} : { event_timestamp: micros }),
    user_pseudo_id: '555.1700000000',
    event_params: [
      { key: 'ga_session_id', value: { int_value: '1709650000' } },
      { key: 'page_location', value: { string_value: pageParam } },
    ],
    collected_traffic_source: { manual_source: 'google', manual_medium: 'cpc', manual_campaign_name: 'brand' },
    device: { category: 'desktop' },
    geo: { country: 'France' },
  });

describe('POST /v1/import/{source}?preset= (record presets)', () => {
  it('ga4_bigquery: stores NDJSON events, refuses the row without event_timestamp at its line, and a re-send stores nothing new', async () => {
    const body = [
      ga4Row('page_view', '1709650001000000', 'https://shop.example/?gclid=x'),
      ga4Row('page_view', undefined, 'https://shop.example/a'),
      ga4Row('sign_up', '1709650060250000', 'https://shop.example/welcome'),
    ].join('\n');
    const first = await post('/v1/import/events?preset=ga4_bigquery', body, 'application/x-ndjson');
    expect(first.body).toEqual({
      accepted: 2,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ index: 1, line: 2, field: '(record)', message: 'ga4_bigquery: event_timestamp is missing' }],
    });
    expect((await post('/v1/import/events?preset=ga4_bigquery', body, 'application/x-ndjson')).body).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
    const stored = (await rowsOf('events')).filter((r) => r.anonymous_id === '555.1700000000');
    // 1709650001 s = 2024-03-05T14:46:41Z; 1709650060.25 s = 2024-03-05T14:47:40.250Z.
    expect(stored.map((r) => [r.type, iso(r.timestamp), r.session_id, r.utm_source, r.utm_medium, r.utm_campaign])).toEqual([
      ['page_view', '2024-03-05T14:46:41.000Z', '555.1700000000.1709650000', 'google', 'cpc', 'brand'],
      ['signup', '2024-03-05T14:47:40.250Z', '555.1700000000.1709650000', 'google', 'cpc', 'brand'],
    ]);
  });

  it('ga4_bigquery: a JSON array body refuses a bad element at its batch index', async () => {
    const body = `[${ga4Row('scroll', '1709650100000000', 'https://shop.example/b')},${ga4Row('scroll', undefined, 'https://shop.example/c')}]`;
    expect((await post('/v1/import/events?preset=ga4_bigquery', body, 'application/json')).body).toEqual({
      accepted: 1,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ index: 1, field: '(record)', message: 'ga4_bigquery: event_timestamp is missing' }],
    });
  });

  it('hubspot_contacts: one lifecycle row per stage date read in ?assume_timezone=, a German date refused at its line', async () => {
    const csv = [
      '\uFEFF"Record ID","Email","Became a Lead Date","Became a Customer Date","Original Source","Original Source Drill-Down 2"',
      '"201","a@example.com","2024-02-01 09:30","02/20/2024 4:00 PM","Paid Social","winter_promo"',
      '"202","b@example.de","01.02.2024 09:30","","Direct Traffic",""',
    ].join('\r\n');
    const response = await post('/v1/import/lifecycle?preset=hubspot_contacts&assume_timezone=Europe/Paris', csv, 'text/csv');
    expect(response.body).toMatchObject({ accepted: 2, rejected: 1, errors: [{ index: 1, line: 3, field: '(record)', message: expect.stringContaining('column "Became a Lead Date": "01.02.2024 09:30"') }] });
    // Paris is UTC+1 in February.
    const rows = (await rowsOf('lifecycle')).filter((r) => r.customer_id === '201');
    expect(rows.map((r) => [r.stage, iso(r.timestamp), r.campaign_id, r.channel])).toEqual([
      ['lead', '2024-02-01T08:30:00.000Z', 'winter_promo', 'Paid Social'],
      ['customer', '2024-02-20T15:00:00.000Z', 'winter_promo', 'Paid Social'],
    ]);
  });

  it('mailchimp_activity: recipient rows become email events', async () => {
    const csv = 'Email Address,Campaign ID,Send Time,Opens,Last Open\nzoe@example.com,c-77,2024-03-01T08:00:00Z,1,2024-03-01T09:00:00Z\n';
    expect((await post('/v1/import/events?preset=mailchimp_activity', csv, 'text/csv')).body).toMatchObject({ accepted: 2, rejected: 0 });
    const stored = (await rowsOf('events')).filter((r) => r.campaign_id === 'c-77');
    expect(stored.map((r) => [r.type, iso(r.timestamp)])).toEqual([
      ['email_sent', '2024-03-01T08:00:00.000Z'],
      ['email_open', '2024-03-01T09:00:00.000Z'],
    ]);
  });

  it('nps_survey: stores responses; a score out of range is refused by validation at its line', async () => {
    const csv = 'Response ID,Email,Score,Comment,Submitted At\nr-9,c@example.com,10,Love it,2024-03-05T12:00:00Z\nr-10,d@example.com,11,,2024-03-05T12:05:00Z\n';
    const response = await post('/v1/import/surveys?preset=nps_survey', csv, 'text/csv');
    expect(response.body).toMatchObject({ accepted: 1, rejected: 1, errors: [{ index: 1, line: 3, field: 'score' }] });
    expect((await rowsOf('surveys')).map((r) => [r.response_id, r.kind, Number(r.score), r.customer_id, r.comment])).toEqual([['r-9', 'nps', 10, 'c@example.com', 'Love it']]);
  });

  it("refuses a preset for another source, naming the preset's source, and an unknown preset", async () => {
    const wrong = await post('/v1/import/events?preset=hubspot_contacts', 'Record ID,Email\n1,a@b.c\n', 'text/csv');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('preset "hubspot_contacts" applies to lifecycle, not events');
    const unknown = await post('/v1/import/surveys?preset=typeform', 'a\n1\n', 'text/csv');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('known presets: google_ads, meta_ads, linkedin_ads, tiktok_ads, ga4_bigquery');
    const format = await post('/v1/import/lifecycle?preset=hubspot_contacts', '{"Record ID":"1"}\n', 'application/x-ndjson');
    expect(format.status).toBe(400);
    expect(format.body.error.message).toBe('preset hubspot_contacts reads csv exports, not ndjson');
  });
});
