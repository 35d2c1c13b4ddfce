import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseColumnMap } from '../column-map.js';
import { readRecords } from '../readers/read-records.js';
import type { RawRecord } from '../readers/raw-record.js';

// A HubSpot contacts export (CRM → Contacts → Export, CSV, UTF-8 with a BOM),
// with the lifecycle-stage date properties chosen as columns.
const HEADER = '"Record ID","First Name","Last Name","Email","Lifecycle Stage","Create Date","Became a Lead Date","Became a Marketing Qualified Lead Date","Became a Sales Qualified Lead Date","Became an Opportunity Date","Became a Customer Date","Original Source","Original Source Drill-Down 1","Original Source Drill-Down 2"';
const ROWS = [
  '"101","Ada","Lovelace","ada@example.com","Marketing Qualified Lead","2024-03-05 14:20","2024-03-05 14:22","2024-03-12 09:00","","","","Paid Search","google","spring_sale"',
  '"102","Alan","Turing","alan@example.com","Customer","03/05/2024 2:20 PM","03/05/2024 2:22 PM","","","","04/01/2024 11:05 AM","Organic Search","google",""',
  '"103","Grete","Hermann","grete@example.de","Lead","05.03.2024 14:20","05.03.2024 14:22","","","","","Direct Traffic","",""',
  '"104","Kurt","Gödel","kurt@example.com","Subscriber","2024-03-06 10:00","","","","","","Offline Sources","IMPORT",""',
  '"105","Emmy","Noether","emmy@example.com","Opportunity","2024-03-05 07:59","2024-03-05 08:00","","","2024-03-20 16:45","","Email Marketing","march_newsletter",""',
];

async function read(text: string, assumeTimezone?: string, map?: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  const options = { preset: 'hubspot_contacts', presetContext: { assumeTimezone }, ...(map === undefined ? {} : { map: parseColumnMap(map) }) };
  for await (const record of readRecords(Readable.from([Buffer.from(text)]), 'csv', options)) out.push(record);
  return out;
}

describe('hubspot_contacts preset', () => {
  it('gives one lifecycle record per filled stage date, in the account zone, and refuses a German-locale date at its line', async () => {
    const records = await read(`\uFEFF${HEADER}\r\n${ROWS.join('\r\n')}\r\n`, 'America/New_York');
    // New York is UTC−5 until 10 March 2024, UTC−4 after.
    expect(records).toEqual([
      { index: 0, line: 2, value: { customer_id: '101', stage: 'lead', timestamp: '2024-03-05T19:22:00.000Z', campaign_id: 'spring_sale', channel: 'Paid Search' } },
      { index: 0, line: 2, value: { customer_id: '101', stage: 'mql', timestamp: '2024-03-12T13:00:00.000Z', campaign_id: 'spring_sale', channel: 'Paid Search' } },
      { index: 1, line: 3, value: { customer_id: '102', stage: 'lead', timestamp: '2024-03-05T19:22:00.000Z', channel: 'Organic Search' } },
      { index: 1, line: 3, value: { customer_id: '102', stage: 'customer', timestamp: '2024-04-01T15:05:00.000Z', channel: 'Organic Search' } },
      {
        index: 2,
        line: 4,
        error:
          'hubspot_contacts: column "Became a Lead Date": "05.03.2024 14:22" is not a date-time Beacon reads unambiguously; accepted: ' +
          '2024-03-05 14:22 (seconds optional), 2024-03-05, 03/05/2024 2:22 PM (US: month first, 12-hour clock) or ISO-8601 with a zone (2024-03-05T14:22:00Z)',
      },
      { index: 4, line: 6, value: { customer_id: '105', stage: 'lead', timestamp: '2024-03-05T13:00:00.000Z', channel: 'Email' } },
      { index: 4, line: 6, value: { customer_id: '105', stage: 'opportunity', timestamp: '2024-03-20T20:45:00.000Z', channel: 'Email' } },
    ]);
  });

  it('refuses zone-less dates without a zone, naming the option, but reads dates that carry one', async () => {
    const text = `${HEADER}\n${ROWS[0]}\n"106","","","","","","2024-03-05T14:22:00Z","","","","","","",""\n`;
    const records = await read(text);
    expect(records[0]).toEqual({
      index: 0,
      line: 2,
      error: expect.stringContaining('column "Became a Lead Date": "2024-03-05 14:22" has no time zone: name the zone the export was written in with --assume-timezone ZONE'),
    });
    expect(records[1]).toEqual({ index: 1, line: 3, value: { customer_id: '106', stage: 'lead', timestamp: '2024-03-05T14:22:00.000Z' } });
  });

  it('finds the header below title lines, takes "Contact ID" and reads a d/m/y day with a 24-hour clock as ambiguous', async () => {
    const text = ['HubSpot export', 'All contacts', '', 'Contact ID,Email,Became a Lead Date,Became a Customer Date', '7,x@example.com,05/03/2024 14:22,'].join('\n');
    expect(await read(text, 'UTC')).toEqual([
      { index: 0, line: 5, error: expect.stringContaining('column "Became a Lead Date": "05/03/2024 14:22" is not a date-time Beacon reads unambiguously') },
    ]);
  });

  it('reads the newer "Date entered" stage properties and a renamed id column', async () => {
    const text = 'Kontakt-ID,Email,"Date entered ""Lead (Lifecycle Stage Pipeline)""","Date entered ""Customer (Lifecycle Stage Pipeline)"""\n9,z@example.com,2024-03-05 10:00,2024-05-01 10:00\n';
    expect(await read(text, 'UTC', 'Kontakt-ID=hs_object_id')).toEqual([
      { index: 0, line: 2, value: { customer_id: '9', stage: 'lead', timestamp: '2024-03-05T10:00:00.000Z' } },
      { index: 0, line: 2, value: { customer_id: '9', stage: 'customer', timestamp: '2024-05-01T10:00:00.000Z' } },
    ]);
  });

  it('refuses a row without a contact id', async () => {
    const text = 'Record ID,Email,Became a Lead Date\n,a@example.com,2024-03-05 10:00\n';
    expect(await read(text, 'UTC')).toEqual([{ index: 0, line: 2, error: 'hubspot_contacts: no contact id: expected a "Record ID" or "Contact ID" column with a value' }]);
  });
});
