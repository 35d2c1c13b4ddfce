// Fields Beacon computes at ingest from an event alone (its url, referrer and
// user agent), never from other records or settings: as permanent as the raw
// fields, so they are stored beside them.
import type { ColumnKind } from './fields.js';

export const PARSED_EVENT_COLUMNS = [
  { name: 'parsed_utm_source', kind: 'string' },
  { name: 'parsed_utm_medium', kind: 'string' },
  { name: 'parsed_utm_campaign', kind: 'string' },
  { name: 'parsed_utm_content', kind: 'string' },
  { name: 'parsed_utm_term', kind: 'string' },
  { name: 'parsed_utm_id', kind: 'string' },
  { name: 'parsed_click_id_kind', kind: 'string' },
  { name: 'parsed_landing_page', kind: 'string' },
  { name: 'parsed_referrer_host', kind: 'string' },
  { name: 'parsed_is_bot', kind: 'boolean' },
] as const satisfies readonly { name: string; kind: ColumnKind | 'boolean' }[];

export const PARSED_EVENT_FIELDS: readonly string[] = PARSED_EVENT_COLUMNS.map((c) => c.name);
