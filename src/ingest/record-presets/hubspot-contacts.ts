// hubspot_contacts: a HubSpot contacts export (CRM → Contacts → Export, CSV)
// → lifecycle, one record per filled lifecycle-stage date.
//
// Stage dates come from the "Became a … Date" properties (and the newer
// "Date entered "… (Lifecycle Stage Pipeline)"" ones). HubSpot writes them in
// the exporting user's locale and time zone, so only unambiguous forms are read
// (see export-dates.ts) and a zone-less one needs --assume-timezone.
import { ExportRow, normalizeHeader } from './export-row.js';
import { ACCEPTED_DATE_TIMES, readExportDateTime } from './export-dates.js';
import type { RecordPreset, RecordPresetContext, RecordPresetResult } from './record-preset.js';

const ID_HEADERS = ['Record ID', 'Contact ID', 'Record ID - Contact', 'Contact id', 'hs_object_id', 'vid'];

/** HubSpot's lifecycle stage labels (as in its date properties) → Beacon stages; others have none. */
const STAGES: ReadonlyMap<string, string> = new Map([
  ['lead', 'lead'],
  ['marketing qualified lead', 'mql'],
  ['sales qualified lead', 'sql'],
  ['opportunity', 'opportunity'],
  ['customer', 'customer'],
]);

// "Became a Lead Date", "Became an Opportunity Date"
const BECAME = /^became an? (.+) date$/;
// Date entered "Lead (Lifecycle Stage Pipeline)"
const DATE_ENTERED = /^date entered ["'“]?(.+?) \(lifecycle stage pipeline\)["'”]?$/;

/** HubSpot's Original Source values → Beacon's channel names where they differ; others are kept as written. */
const CHANNELS: ReadonlyMap<string, string> = new Map([
  ['organic search', 'Organic Search'],
  ['paid search', 'Paid Search'],
  ['email marketing', 'Email'],
  ['organic social', 'Organic Social'],
  ['social media', 'Organic Social'],
  ['paid social', 'Paid Social'],
  ['referrals', 'Referral'],
  ['direct traffic', 'Direct'],
]);

export const hubspotContacts: RecordPreset = {
  name: 'hubspot_contacts',
  source: 'lifecycle',
  formats: ['csv'],
  headers: [...ID_HEADERS, 'Email', 'First Name', 'Last Name', 'Lifecycle Stage', 'Original Source', 'Became a Lead Date', 'Became a Customer Date', 'Create Date'],
  doc: {
    reads: 'A HubSpot contacts export (CRM → Contacts → Export, CSV) with the lifecycle stage date properties.',
    mapping: [
      '`Record ID` (or `Contact ID`) → `customer_id`',
      '`Became a Lead Date` → `lead`, `Became a Marketing Qualified Lead Date` → `mql`, `Became a Sales Qualified Lead Date` → `sql`, `Became an Opportunity Date` → `opportunity`, `Became a Customer Date` → `customer` (also `Date entered "Lead (Lifecycle Stage Pipeline)"` and the like): one record per filled date, its `timestamp`',
      `dates: ${ACCEPTED_DATE_TIMES}; a zone-less one is read in --assume-timezone (HubSpot exports in the account's zone); any other form (05.03.2024, 05/03/2024 14:22) refuses the row, naming the column`,
      '`Original Source` → `channel` (Organic Search, Paid Search, Email Marketing → Email, Organic Social, Paid Social, Referrals → Referral, Direct Traffic → Direct; others as written)',
      '`Original Source Drill-Down 2` (the UTM campaign of paid and tagged sources) → `campaign_id`',
      'Subscriber, Evangelist and Other stages have no Beacon stage and are left out',
    ],
  },
  map: mapContact,
};

function mapContact(raw: Readonly<Record<string, unknown>>, context: RecordPresetContext): RecordPresetResult {
  const row = new ExportRow(raw);
  const customer = row.get(ID_HEADERS);
  if (customer === undefined) return { error: `no contact id: expected a "Record ID" or "Contact ID" column with a value` };
  const source = row.get(['Original Source', 'Original Source Type']);
  const channel = source === undefined ? undefined : (CHANNELS.get(normalizeHeader(source).replaceAll('_', ' ')) ?? source);
  const campaign = row.get(['Original Source Drill-Down 2', 'Original Source Data 2']);
  const records: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const { header, value } of row.entries()) {
    const stage = stageOf(header);
    if (stage === undefined) continue;
    const read = readExportDateTime(value, header, context.assumeTimezone);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const record: Record<string, unknown> = { customer_id: customer, stage, timestamp: read.timestamp };
    if (campaign !== undefined) record.campaign_id = campaign;
    if (channel !== undefined) record.channel = channel;
    records.push(record);
  }
  // A contact whose dates cannot all be read is refused whole: a partial history would misstate its current stage.
  if (errors.length > 0) return { error: errors.join('; ') };
  return { records };
}

function stageOf(header: string): string | undefined {
  const key = normalizeHeader(header);
  const label = BECAME.exec(key)?.[1] ?? DATE_ENTERED.exec(key)?.[1];
  return label === undefined ? undefined : STAGES.get(label);
}
