// ga4_bigquery: the GA4 BigQuery export (one `events_YYYYMMDD` row per line,
// as a BigQuery extract in NEWLINE_DELIMITED_JSON format or a JSON query
// result writes it) → events.
//
// - type: page_view, purchase, scroll, video_start/progress/complete keep their
//   names; sign_up → signup, generate_lead → lead; any other GA4 event keeps its
//   name as a custom event type.
// - event_id: GA4 has none, so it is `ga4_` + a hash of user_pseudo_id,
//   event_timestamp, event_name and the row's event_params (key order ignored):
//   importing the same export again stores nothing new.
// - traffic: the event's own collected_traffic_source (manual_* UTM values,
//   gclid) wins; traffic_source is the user's first touch, so it is used only on
//   events of the user's first session (ga_session_number 1) that collected none.
import type { RecordPreset, RecordPresetResult } from './record-preset.js';
import { canonicalJson, stableId } from './stable-id.js';

const EVENT_TYPES: Readonly<Record<string, string>> = {
  sign_up: 'signup',
  generate_lead: 'lead',
};

/** GA4's placeholders for "no value". */
const NOT_SET = new Set(['(not set)', '(none)', '(direct)', '(data deleted)', '(not provided)', '']);

type Json = Record<string, unknown>;

export const ga4BigQuery: RecordPreset = {
  name: 'ga4_bigquery',
  source: 'events',
  formats: ['ndjson', 'json'],
  doc: {
    reads: 'GA4 BigQuery export rows (`events_*` tables) as NDJSON or a JSON array, nested fields as BigQuery writes them.',
    mapping: [
      '`event_name` → `type`: `sign_up` → `signup`, `generate_lead` → `lead`; `page_view`, `purchase`, `scroll`, `video_*` and other names are kept (others are custom events)',
      '`event_timestamp` (µs since the epoch, number or text) → `timestamp`; a row without it is refused',
      '`event_id`: `ga4_` + a hash of `user_pseudo_id`, `event_timestamp`, `event_name` and `event_params` (GA4 has no event id; re-importing is idempotent)',
      '`user_pseudo_id` → `anonymous_id`; `user_id` → `user_id`; `user_pseudo_id`.`ga_session_id` → `session_id`',
      'params `page_location` → `url`, `page_referrer` → `referrer`, `page_title`, `percent_scrolled` / `video_percent` → `properties.percent`, `video_url` (else `video_title`) → `properties.video_id`',
      '`collected_traffic_source.manual_source` / `manual_medium` / `manual_campaign_name` / `manual_campaign_id` / `manual_content` / `manual_term` → `utm_source` … `utm_id`; a `gclid` alone → google / cpc. `traffic_source` (the first touch) fills them only on first-session events that collected none',
      '`ecommerce.purchase_revenue` → `revenue`, `ecommerce.transaction_id` → `order_id`, param `currency` → `currency`',
      '`device.category` → `properties.device`, `geo.country` → `properties.country`',
    ],
  },
  map: mapGa4Row,
};

function mapGa4Row(raw: Readonly<Json>): RecordPresetResult {
  const name = text(raw.event_name);
  if (name === undefined) return { error: 'event_name is missing' };
  const micros = microsOf(raw.event_timestamp);
  if (micros === undefined) {
    return { error: raw.event_timestamp === undefined || raw.event_timestamp === null ? 'event_timestamp is missing' : `event_timestamp is not microseconds since the epoch: ${JSON.stringify(raw.event_timestamp)}` };
  }
  const pseudoId = text(raw.user_pseudo_id);
  if (pseudoId === undefined) return { error: 'user_pseudo_id is missing' };
  const params = readParams(raw.event_params);
  const ecommerce = object(raw.ecommerce);

  const event: Json = {
    event_id: stableId('ga4_', [pseudoId, String(micros), name, canonicalJson(raw.event_params ?? null)]),
    type: EVENT_TYPES[name] ?? name,
    timestamp: new Date(Number(micros / 1000n)).toISOString(),
    anonymous_id: pseudoId,
  };
  const properties: Json = {};
  set(event, 'user_id', text(raw.user_id));
  const session = params.get('ga_session_id');
  if (session !== undefined) event.session_id = `${pseudoId}.${session}`;
  set(event, 'url', params.get('page_location'));
  set(event, 'referrer', params.get('page_referrer'));
  Object.assign(event, traffic(raw, params));
  const revenue = ecommerce?.purchase_revenue;
  if (typeof revenue === 'number' || (typeof revenue === 'string' && revenue !== '')) event.revenue = revenue;
  set(event, 'order_id', clean(text(ecommerce?.transaction_id)));
  set(event, 'currency', params.get('currency'));

  set(properties, 'page_title', params.get('page_title'));
  set(properties, 'percent', numeric(params.get('percent_scrolled') ?? params.get('video_percent')));
  set(properties, 'video_id', params.get('video_url') ?? params.get('video_title'));
  set(properties, 'device', text(object(raw.device)?.category));
  set(properties, 'country', clean(text(object(raw.geo)?.country)));
  if (event.type !== name) properties.ga4_event_name = name;
  if (Object.keys(properties).length > 0) event.properties = properties;
  return { records: [event] };
}

/** UTM fields of the event: its collected source, else (first session only) the user's first touch. */
function traffic(raw: Readonly<Json>, params: ReadonlyMap<string, string>): Json {
  const out: Json = {};
  const collected = object(raw.collected_traffic_source);
  set(out, 'utm_source', clean(text(collected?.manual_source)));
  set(out, 'utm_medium', clean(text(collected?.manual_medium)));
  set(out, 'utm_campaign', clean(text(collected?.manual_campaign_name)));
  set(out, 'utm_id', clean(text(collected?.manual_campaign_id)));
  set(out, 'utm_content', clean(text(collected?.manual_content)));
  set(out, 'utm_term', clean(text(collected?.manual_term)));
  if (out.utm_source === undefined && out.utm_medium === undefined) {
    if (clean(text(collected?.gclid)) !== undefined) return { ...out, utm_source: 'google', utm_medium: 'cpc' };
    const first = object(raw.traffic_source);
    if (Object.keys(out).length === 0 && params.get('ga_session_number') === '1' && first !== undefined) {
      set(out, 'utm_source', clean(text(first.source)));
      set(out, 'utm_medium', clean(text(first.medium)));
      set(out, 'utm_campaign', clean(text(first.name)));
    }
  }
  return out;
}

/** event_params as key → value text (string_value, int_value, float_value or double_value). */
function readParams(value: unknown): Map<string, string> {
  const params = new Map<string, string>();
  if (!Array.isArray(value)) return params;
  for (const entry of value) {
    const key = text(object(entry)?.key);
    const v = object(object(entry)?.value);
    if (key === undefined || v === undefined) continue;
    const found = [v.string_value, v.int_value, v.float_value, v.double_value].find((x) => x !== undefined && x !== null);
    const t = text(found);
    if (t !== undefined) params.set(key, t);
  }
  return params;
}

function microsOf(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value === 'string' && /^\d{1,19}$/.test(value.trim())) return BigInt(value.trim());
  return undefined;
}

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function clean(value: string | undefined): string | undefined {
  return value === undefined || NOT_SET.has(value.trim().toLowerCase()) ? undefined : value;
}

function numeric(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function set(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
