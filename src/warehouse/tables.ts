// Engine-neutral description of every stored table: the raw source tables
// (columns from the data contract plus bookkeeping), the derived tables that
// are rebuilt from raw events, and the metadata tables.
import { columnsOf } from '../model/validate.js';
import { SOURCES, SOURCE_NAMES, type SourceName } from '../model/sources.js';
import type { ColumnKind } from '../model/fields.js';
import { PARSED_EVENT_COLUMNS as PARSED_COLUMNS } from '../model/parsed-event-fields.js';

export type StoredKind = ColumnKind | 'boolean';

export interface StoredColumn {
  readonly name: string;
  readonly kind: StoredKind;
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly StoredColumn[];
  /** Columns that identify a row within a workspace. */
  readonly key: readonly string[];
}

/** Columns computed at ingest from the event alone (see model/parsed-event-fields.ts). */
export const PARSED_EVENT_COLUMNS: readonly StoredColumn[] = PARSED_COLUMNS;

const BOOKKEEPING: readonly StoredColumn[] = [
  { name: 'workspace_id', kind: 'string' },
  { name: 'import_id', kind: 'string' },
  { name: 'seq', kind: 'integer' },
  { name: 'received_at', kind: 'timestamp' },
];

const ROW_HASH: StoredColumn = { name: 'row_hash', kind: 'string' };

// Computed once: every write batch asks for these.
const INPUT_COLUMNS = Object.fromEntries(
  SOURCE_NAMES.map((source) => {
    const contract = columnsOf(SOURCES[source].schema).map(({ name, kind }) => ({ name, kind }));
    return [source, source === 'events' ? [...contract, ...PARSED_EVENT_COLUMNS] : contract];
  }),
) as unknown as Record<SourceName, readonly StoredColumn[]>;

/** Columns a writer receives per row, in order (contract fields, then parsed fields for events). */
export function inputColumns(source: SourceName): readonly StoredColumn[] {
  return INPUT_COLUMNS[source];
}

export function sourceTable(source: SourceName): TableSpec {
  const extra = source === 'events' ? [] : [ROW_HASH];
  return {
    name: source,
    columns: [...BOOKKEEPING, ...inputColumns(source), ...extra],
    key: SOURCES[source].key,
  };
}

export const SOURCE_TABLES: readonly TableSpec[] = SOURCE_NAMES.map(sourceTable);

/** Derived from raw events; rebuilt per person whenever their raw events, campaigns, fx rates or settings change. */
export const EVENT_FACTS: TableSpec = {
  name: 'event_facts',
  key: ['event_id'],
  columns: [
    { name: 'workspace_id', kind: 'string' },
    { name: 'event_id', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'ts', kind: 'timestamp' },
    { name: 'anonymous_id', kind: 'string' },
    { name: 'person_id', kind: 'string' },
    { name: 'session_key', kind: 'string' },
    { name: 'is_onsite', kind: 'boolean' },
    { name: 'is_bot', kind: 'boolean' },
    { name: 'is_conversion', kind: 'boolean' },
    { name: 'source', kind: 'string' },
    { name: 'medium', kind: 'string' },
    { name: 'channel', kind: 'string' },
    { name: 'campaign_id', kind: 'string' },
    { name: 'ad_group_id', kind: 'string' },
    { name: 'ad_id', kind: 'string' },
    { name: 'url', kind: 'string' },
    { name: 'landing_page', kind: 'string' },
    { name: 'order_id', kind: 'string' },
    { name: 'revenue', kind: 'money' },
    { name: 'currency', kind: 'string' },
    { name: 'revenue_converted', kind: 'money' },
    { name: 'device', kind: 'string' },
    { name: 'country', kind: 'string' },
    { name: 'message_id', kind: 'string' },
    { name: 'video_id', kind: 'string' },
    { name: 'percent', kind: 'number' },
  ],
};

export const SESSIONS: TableSpec = {
  name: 'sessions',
  key: ['session_key'],
  columns: [
    { name: 'workspace_id', kind: 'string' },
    { name: 'session_key', kind: 'string' },
    { name: 'anonymous_id', kind: 'string' },
    { name: 'person_id', kind: 'string' },
    { name: 'started_at', kind: 'timestamp' },
    { name: 'ended_at', kind: 'timestamp' },
    { name: 'source', kind: 'string' },
    { name: 'medium', kind: 'string' },
    { name: 'channel', kind: 'string' },
    { name: 'campaign_id', kind: 'string' },
    { name: 'landing_page', kind: 'string' },
    { name: 'pageviews', kind: 'integer' },
    { name: 'onsite_events', kind: 'integer' },
    { name: 'is_bounce', kind: 'boolean' },
    { name: 'is_bot', kind: 'boolean' },
    { name: 'device', kind: 'string' },
    { name: 'country', kind: 'string' },
  ],
};

export const IDENTITIES: TableSpec = {
  name: 'identities',
  key: ['anonymous_id'],
  columns: [
    { name: 'workspace_id', kind: 'string' },
    { name: 'anonymous_id', kind: 'string' },
    { name: 'user_id', kind: 'string' },
    { name: 'first_seen', kind: 'timestamp' },
  ],
};

export const DERIVED_TABLES: readonly TableSpec[] = [EVENT_FACTS, SESSIONS, IDENTITIES];

/** Event types that happen on the site and so form sessions and visitors (DATA.md). */
export const ONSITE_EVENT_TYPES = [
  'page_view',
  'scroll',
  'video_start',
  'video_progress',
  'video_complete',
  'lead',
  'signup',
  'purchase',
  'experiment_exposure',
] as const;

/** Off-site event types: never part of a session, even when they carry a url. */
export const OFFSITE_EVENT_TYPES = [
  'ad_impression',
  'ad_click',
  'email_sent',
  'email_delivered',
  'email_bounce',
  'email_open',
  'email_click',
  'email_unsubscribe',
  'social_impression',
  'social_like',
  'social_share',
  'social_comment',
] as const;
