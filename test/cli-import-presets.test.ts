// `beacon import … --preset` through the built CLI (dist/cli.js, as `npm test`
// builds it first) on a real DuckDB file: one export per preset family, written
// as the tool writes it, with located refusals and idempotent re-imports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { SourceName } from '../src/model/sources.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-presets');
afterAll(() => dir.remove());

/** The shipped build (npm test builds first). */
const beacon = (args: string[]) => runCli(args, {}, { built: true });

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

async function stored(db: string, source: SourceName): Promise<Record<string, unknown>[]> {
  const warehouse = await createDuckDbWarehouse({ path: db });
  try {
    const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();
    return (await warehouse.readRows('default', source)).map((r) => ('timestamp' in r ? { ...r, timestamp: iso(r.timestamp) } : r));
  } finally {
    await warehouse.close();
  }
}

describe('beacon import --preset', () => {
  it('ga4_bigquery: imports an NDJSON export, names the line without event_timestamp, and re-imports as duplicates', async () => {
    const db = join(dir.path, 'ga4.duckdb');
    const row = (extra: Record<string, unknown>) =>
      JSON.stringify({ event_name: 'page_view', user_pseudo_id: '77.1700000000', event_params: [{ key: 'page_location', value: { string_value: 'https://shop.example/' } }], ...extra });
    const path = file('events_20240305.ndjson', [row({ event_timestamp: '1709596800000000' }), row({}), row({ event_name: 'generate_lead', event_timestamp: 1709596860000000 })].join('\n') + '\n');
    const first = await beacon(['--db', db, '--json', 'import', 'events', path, '--preset', 'ga4_bigquery']);
    expect(first.code).toBe(2);
    expect(JSON.parse(first.stdout)).toEqual({
      accepted: 2,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ index: 1, line: 2, field: '(record)', message: 'ga4_bigquery: event_timestamp is missing' }],
    });
    const again = await beacon(['--db', db, '--json', 'import', 'events', path, '--preset', 'ga4_bigquery']);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
    // 1709596800 s is 2024-03-05T00:00:00Z.
    const events = (await stored(db, 'events')).map((e) => [e.type, e.timestamp]).sort();
    expect(events).toEqual([
      ['lead', '2024-03-05T00:01:00.000Z'],
      ['page_view', '2024-03-05T00:00:00.000Z'],
    ]);
  });

  it('hubspot_contacts: imports stage dates in the --assume-timezone zone; refuses it for events, naming lifecycle', async () => {
    const db = join(dir.path, 'hubspot.duckdb');
    const path = file(
      'hubspot-crm-exports-all-contacts.csv',
      '\uFEFFRecord ID,Email,Became a Lead Date,Became a Sales Qualified Lead Date\r\n301,a@example.com,2024-01-10 08:00,01/15/2024 5:30 PM\r\n302,b@example.com,10.01.2024,\r\n',
    );
    const wrong = await beacon(['--db', db, 'import', 'events', path, '--preset', 'hubspot_contacts']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('preset "hubspot_contacts" applies to lifecycle, not events');
    const result = await beacon(['--db', db, '--json', 'import', 'lifecycle', path, '--preset', 'hubspot_contacts', '--assume-timezone', 'America/Chicago']);
    expect(JSON.parse(result.stdout)).toMatchObject({ accepted: 2, rejected: 1, errors: [{ index: 1, line: 3, message: expect.stringContaining('"10.01.2024" is not a date-time') }] });
    // Chicago is UTC−6 in January.
    expect((await stored(db, 'lifecycle')).map((r) => [r.customer_id, r.stage, r.timestamp]).sort()).toEqual([
      ['301', 'lead', '2024-01-10T14:00:00.000Z'],
      ['301', 'sql', '2024-01-15T23:30:00.000Z'],
    ]);
  });

  it('mailchimp_activity and csat_survey: import CSV exports with a title line', async () => {
    const db = join(dir.path, 'mail.duckdb');
    const mail = file('mailchimp.csv', 'Opened report\nEmail Address,Campaign Title,Send Time,Last Click,Clicks\nkim@example.com,April news,2024-04-02 10:00:00,2024-04-02 11:00:00,2\n');
    expect(JSON.parse((await beacon(['--db', db, '--json', 'import', 'events', mail, '--preset', 'mailchimp_activity', '--assume-timezone', 'UTC'])).stdout)).toMatchObject({ accepted: 2, rejected: 0 });
    expect((await stored(db, 'events')).map((e) => [e.type, e.utm_campaign, e.timestamp]).sort()).toEqual([
      ['email_click', 'April news', '2024-04-02T11:00:00.000Z'],
      ['email_sent', 'April news', '2024-04-02T10:00:00.000Z'],
    ]);
    const survey = file('csat.csv', 'CSAT responses, April\nResponse ID,Customer ID,Rating,Submitted At\nq1,cust-1,5,2024-04-03T09:00:00Z\n');
    expect(JSON.parse((await beacon(['--db', db, '--json', 'import', 'surveys', survey, '--preset', 'csat_survey'])).stdout)).toMatchObject({ accepted: 1, rejected: 0 });
    expect((await stored(db, 'surveys')).map((r) => [r.response_id, r.kind, Number(r.score), r.customer_id])).toEqual([['q1', 'csat', 5, 'cust-1']]);
  });

  it('tiktok_ads: imports an Ads Manager export as ad_performance', async () => {
    const db = join(dir.path, 'tiktok.duckdb');
    const path = file('tiktok.csv', 'By Day,Campaign name,Campaign ID,Cost,Impressions,Clicks (destination),Currency\n2024-03-05,Spring,1771,12.50,"1,000",25,USD\n');
    expect(JSON.parse((await beacon(['--db', db, '--json', 'import', 'ad_performance', path, '--preset', 'tiktok_ads'])).stdout)).toMatchObject({ accepted: 1, rejected: 0 });
    expect((await stored(db, 'ad_performance')).map((r) => [r.platform, r.campaign_id, Number(r.impressions), Number(r.cost)])).toEqual([['tiktok_ads', '1771', 1000, 12.5]]);
  });
});
