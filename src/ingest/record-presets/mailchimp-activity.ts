// mailchimp_activity: Mailchimp campaign email activity (CSV) → email events.
// Two row shapes are read, told apart by an "Action" column:
// - one row per action, the fields of Mailchimp's email-activity report
//   (the Marketing API report of a campaign's email activity, one row per
//   `activity[]` entry): Email Address, Campaign ID, Action (open, click,
//   bounce), Timestamp, URL, Type (hard / soft bounce);
// - one row per recipient, as the campaign report's activity lists export it:
//   Email Address, the campaign, and the time of each action (Send Time, Last
//   Open, Last Click, Bounced At, Unsubscribed At) beside the counts (Opens, Clicks).
// The recipient is `anonymous_id` `mc_` + a hash of the lower-cased address (no
// address is stored); `properties.message_id` is the campaign and recipient.
import { ExportRow } from './export-row.js';
import { readExportDateTime } from './export-dates.js';
import type { RecordPreset, RecordPresetContext, RecordPresetResult } from './record-preset.js';
import { stableId } from './stable-id.js';

const EMAIL = ['Email Address', 'Email', 'email_address', 'E-mail'];
const CAMPAIGN_ID = ['Campaign ID', 'campaign_id', 'Campaign Id'];
const CAMPAIGN_TITLE = ['Campaign Title', 'Campaign Name', 'Campaign', 'Title'];
const ACTION = ['Action', 'action', 'Activity'];

/** Mailchimp action names → event types. */
const ACTIONS: ReadonlyMap<string, string> = new Map([
  ['sent', 'email_sent'],
  ['send', 'email_sent'],
  ['open', 'email_open'],
  ['opened', 'email_open'],
  ['click', 'email_click'],
  ['clicked', 'email_click'],
  ['bounce', 'email_bounce'],
  ['bounced', 'email_bounce'],
  ['unsub', 'email_unsubscribe'],
  ['unsubscribe', 'email_unsubscribe'],
  ['unsubscribed', 'email_unsubscribe'],
]);

interface RecipientAction {
  readonly type: string;
  /** Columns holding the action's time, preferred first. */
  readonly times: readonly string[];
  /** A count or yes/no column saying the action happened (a time is then required). */
  readonly happened?: readonly string[];
}

const RECIPIENT_ACTIONS: readonly RecipientAction[] = [
  { type: 'email_sent', times: ['Send Time', 'Sent At', 'Send Date', 'Sent'] },
  { type: 'email_open', times: ['Last Open', 'Opened At', 'Open Time', 'First Open'], happened: ['Opens', 'Opened'] },
  { type: 'email_click', times: ['Last Click', 'Clicked At', 'Click Time', 'First Click'], happened: ['Clicks', 'Clicked'] },
  { type: 'email_bounce', times: ['Bounced At', 'Bounce Time', 'Bounce Date'], happened: ['Bounced', 'Bounce Type'] },
  { type: 'email_unsubscribe', times: ['Unsubscribed At', 'Unsub Time', 'Unsubscribe Time', 'Unsubscribe Date'], happened: ['Unsubscribed'] },
];

export const mailchimpActivity: RecordPreset = {
  name: 'mailchimp_activity',
  source: 'events',
  formats: ['csv'],
  headers: [...EMAIL, ...CAMPAIGN_ID, ...CAMPAIGN_TITLE, ...ACTION, 'Timestamp', 'URL', 'Opens', 'Clicks', ...RECIPIENT_ACTIONS.flatMap((a) => a.times)],
  doc: {
    reads: 'Mailchimp campaign email activity as CSV: one row per action (the email-activity report: Email Address, Campaign ID, Action, Timestamp, URL, Type) or one row per recipient (Email Address, the campaign, Send Time, Last Open, Last Click, Bounced At, Unsubscribed At, Opens, Clicks).',
    mapping: [
      'Action `sent` / `open` / `click` / `bounce` / `unsub` → `email_sent` / `email_open` / `email_click` / `email_bounce` / `email_unsubscribe`; a recipient row gives one event per filled time column',
      '`Campaign ID` → `campaign_id`, else `Campaign Title` → `utm_campaign`; a row naming neither is refused',
      '`Email Address` → `anonymous_id` `mc_` + a hash of the lower-cased address; `properties.message_id` = campaign + recipient',
      '`event_id`: `mc_` + a hash of campaign, address, type and time (re-importing is idempotent)',
      '`URL` → `properties.url` on clicks; `Type` / `Bounce Type` → `properties.bounce_type`; `Opens`, `Clicks` → `properties.opens`, `properties.clicks`',
      'times: as for hubspot_contacts; a count or flag (`Opens` 2, `Bounced` yes) without its time refuses the row',
    ],
  },
  map: mapActivity,
};

function mapActivity(raw: Readonly<Record<string, unknown>>, context: RecordPresetContext): RecordPresetResult {
  const row = new ExportRow(raw);
  const email = row.get(EMAIL)?.toLowerCase();
  if (email === undefined) return { error: 'no recipient: expected an "Email Address" column with a value' };
  const campaignId = row.get(CAMPAIGN_ID);
  const campaignTitle = campaignId === undefined ? row.get(CAMPAIGN_TITLE) : undefined;
  if (campaignId === undefined && campaignTitle === undefined) {
    return { error: 'no campaign: expected a "Campaign ID" or "Campaign Title" column with a value' };
  }
  const base = {
    campaign: campaignId ?? campaignTitle!,
    fields: campaignId === undefined ? { utm_campaign: campaignTitle } : { campaign_id: campaignId },
    anonymousId: stableId('mc_', [email]),
    email,
  };
  const action = row.find(ACTION);
  return action === undefined ? recipientEvents(row, base, context) : actionEvent(row, action, base, context);
}

interface Recipient {
  readonly campaign: string;
  readonly fields: Record<string, unknown>;
  readonly anonymousId: string;
  readonly email: string;
}

function actionEvent(row: ExportRow, action: { header: string; value: string }, who: Recipient, context: RecordPresetContext): RecordPresetResult {
  const type = ACTIONS.get(action.value.toLowerCase());
  if (type === undefined) return { error: `column "${action.header}": unknown action "${action.value}"; expected sent, open, click, bounce or unsub` };
  const time = row.find(['Timestamp', 'timestamp', 'Time', 'Date']);
  if (time === undefined) return { error: `no time: a "${action.value}" row needs a "Timestamp" column with a value` };
  const read = readExportDateTime(time.value, time.header, context.assumeTimezone);
  if ('error' in read) return read;
  const properties: Record<string, unknown> = {};
  if (type === 'email_click') setIf(properties, 'url', row.get(['URL', 'url', 'Link']));
  if (type === 'email_bounce') setIf(properties, 'bounce_type', row.get(['Type', 'type', 'Bounce Type']));
  // Two clicks on different links in the same second are two events.
  return { records: [emailEvent(who, type, read.timestamp, properties, String(properties.url ?? ''))] };
}

function recipientEvents(row: ExportRow, who: Recipient, context: RecordPresetContext): RecordPresetResult {
  const records: Record<string, unknown>[] = [];
  for (const action of RECIPIENT_ACTIONS) {
    const time = row.find(action.times);
    const flag = action.happened === undefined ? undefined : row.find(action.happened);
    if (time === undefined) {
      if (flag !== undefined && happened(flag.value)) {
        return { error: `column "${flag.header}" is "${flag.value}" but no time says when: expected a "${action.times[0]}" column with a value` };
      }
      continue;
    }
    const read = readExportDateTime(time.value, time.header, context.assumeTimezone);
    if ('error' in read) return read;
    const properties: Record<string, unknown> = {};
    if (action.type === 'email_open') setIf(properties, 'opens', count(row.get(['Opens'])));
    if (action.type === 'email_click') setIf(properties, 'clicks', count(row.get(['Clicks'])));
    if (action.type === 'email_bounce') setIf(properties, 'bounce_type', row.get(['Bounce Type']));
    records.push(emailEvent(who, action.type, read.timestamp, properties, ''));
  }
  return { records };
}

function emailEvent(who: Recipient, type: string, timestamp: string, properties: Record<string, unknown>, detail: string): Record<string, unknown> {
  return {
    event_id: stableId('mc_', [who.campaign, who.email, type, timestamp, detail]),
    type,
    timestamp,
    anonymous_id: who.anonymousId,
    ...who.fields,
    properties: { message_id: `${who.campaign}/${who.anonymousId}`, ...properties },
  };
}

/** A count above zero or a yes: Mailchimp writes counts, and yes/no or true/false for flags. */
function happened(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (/^\d+$/.test(v)) return Number(v) > 0;
  return !['no', 'false', 'n', '0', 'none'].includes(v);
}

function count(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function setIf(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
