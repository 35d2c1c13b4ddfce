import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseColumnMap } from '../column-map.js';
import { readRecords } from '../readers/read-records.js';
import type { RawRecord } from '../readers/raw-record.js';

async function read(preset: string, text: string, options: { map?: string; assumeTimezone?: string } = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  const map = options.map === undefined ? undefined : parseColumnMap(options.map);
  const input = Readable.from([Buffer.from(text)]);
  for await (const record of readRecords(input, 'csv', { preset, map, presetContext: { assumeTimezone: options.assumeTimezone } })) out.push(record);
  return out;
}

/** The documented fallback id: `<kind>_` + 32 hex digits of SHA-256 over the length-prefixed respondent, time and score. */
function fallbackId(kind: string, parts: string[]): string {
  return `${kind}_` + createHash('sha256').update(parts.map((p) => `${p.length}:${p}`).join('')).digest('hex').slice(0, 32);
}

describe('survey presets', () => {
  it('nps_survey reads a Typeform export (BOM, question headers renamed, UTC submit dates) and refuses an unanswered row', async () => {
    const text = [
      "\uFEFF#,How likely are you to recommend us to a friend?,What's the main reason for your score?,utm_campaign,Start Date (UTC),Submit Date (UTC),Network ID,Tags",
      'a1b2c3,9,"Fast shipping, great support",spring_sale,2024-03-05 14:20:11,2024-03-05 14:22:10,7f3e2a,',
      'g7h8i9,,,,2024-03-05 15:00:00,2024-03-05 15:02:00,8a9b0c,',
      'j1k2l3,0,Never arrived,,2024-03-06 08:00:00,2024-03-06 08:01:30,9d8e7f,',
    ].join('\r\n');
    const map = "How likely are you to recommend us to a friend?=Score,What's the main reason for your score?=Comment";
    expect(await read('nps_survey', text, { map })).toEqual([
      {
        index: 0,
        line: 2,
        value: { response_id: 'a1b2c3', kind: 'nps', score: 9, timestamp: '2024-03-05T14:22:10.000Z', anonymous_id: '7f3e2a', campaign_id: 'spring_sale', comment: 'Fast shipping, great support' },
      },
      { index: 1, line: 3, error: 'nps_survey: no score: expected a "Score" or "NPS" or "NPS Score" or "Net Promoter Score" or "Rating" column with a value' },
      { index: 2, line: 4, value: { response_id: 'j1k2l3', kind: 'nps', score: 0, timestamp: '2024-03-06T08:01:30.000Z', anonymous_id: '9d8e7f', comment: 'Never arrived' } },
    ]);
  });

  it('csat_survey reads a Delighted-like export whose times carry a zone', async () => {
    const text = 'Response ID,Person ID,Email,Score,Comment,Created At\n5001,p-77,ada@example.com,4,Quick answer,2024-03-05T14:22:10-05:00\n';
    expect(await read('csat_survey', text)).toEqual([
      {
        index: 0,
        line: 2,
        value: { response_id: '5001', kind: 'csat', score: 4, timestamp: '2024-03-05T19:22:10.000Z', customer_id: 'ada@example.com', anonymous_id: 'p-77', comment: 'Quick answer' },
      },
    ]);
  });

  it('ces_survey gives rows without an id a stable one and reads zone-less dates in the assumed zone', async () => {
    const text = 'Title line of the poll export\nRespondent ID,Rating,Date,utm_campaign\nr-1,6,2024-03-05 10:00,onboarding\nr-2,3,05.03.2024 10:00,onboarding\n';
    const records = await read('ces_survey', text, { assumeTimezone: 'Europe/Berlin' });
    // Berlin is UTC+1 in March before the switch: 10:00 there is 09:00Z.
    expect(records).toEqual([
      {
        index: 0,
        line: 3,
        value: { response_id: fallbackId('ces', ['r-1', '2024-03-05T09:00:00.000Z', '6']), kind: 'ces', score: 6, timestamp: '2024-03-05T09:00:00.000Z', anonymous_id: 'r-1', campaign_id: 'onboarding' },
      },
      { index: 1, line: 4, error: expect.stringContaining('ces_survey: column "Date": "05.03.2024 10:00" is not a date-time Beacon reads unambiguously') },
    ]);
  });

  it('refuses a file without the header of the export', async () => {
    const text = 'just,some\nother,file\n';
    await expect(read('nps_survey', text)).rejects.toThrow('no nps_survey header row found');
  });
});
