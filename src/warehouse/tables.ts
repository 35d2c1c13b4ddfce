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

/** The columns Beacon adds to every stored row: where and when it arrived. */
export const BOOKKEEPING: readonly StoredColumn[] = [
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
    /** Wall-clock time in the workspace time zone: buckets are cut on it without per-row zone arithmetic. */
    { name: 'local_ts', kind: 'timestamp' },
    /** The campaign's platform and objective (campaign changes rebuild the view). */
    { name: 'platform', kind: 'string' },
    { name: 'objective', kind: 'string' },
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
    { name: 'local_started_at', kind: 'timestamp' },
    { name: 'platform', kind: 'string' },
    { name: 'objective', kind: 'string' },
  ],
};

/** Conversions (one per order_id) credited to a touch by each single-touch model at the workspace's lookback. */
export const CONVERSION_CREDITS: TableSpec = {
  name: 'conversion_credits',
  key: ['model', 'conv_key'],
  columns: [
    { name: 'workspace_id', kind: 'string' },
    { name: 'model', kind: 'string' },
    { name: 'ts', kind: 'timestamp' },
    { name: 'local_ts', kind: 'timestamp' },
    { name: 'conv_key', kind: 'string' },
    { name: 'anonymous_id', kind: 'string' },
    { name: 'person_id', kind: 'string' },
    { name: 'revenue', kind: 'money' },
    { name: 'credit', kind: 'number' },
    { name: 'conversion_type', kind: 'string' },
    { name: 'landing_page', kind: 'string' },
    { name: 'device', kind: 'string' },
    { name: 'country', kind: 'string' },
    { name: 'channel', kind: 'string' },
    { name: 'source', kind: 'string' },
    { name: 'medium', kind: 'string' },
    { name: 'campaign_id', kind: 'string' },
    { name: 'ad_group_id', kind: 'string' },
    { name: 'ad_id', kind: 'string' },
    { name: 'platform', kind: 'string' },
    { name: 'objective', kind: 'string' },
  ],
};

/** ad_performance at the finest grain present per day and campaign, with channel, objective and cost in the workspace currency. */
export const AD_FACTS: TableSpec = {
  name: 'ad_facts',
  key: ['day', 'platform', 'campaign_id', 'ad_group_id', 'ad_id'],
  columns: [
    { name: 'workspace_id', kind: 'string' },
    { name: 'day', kind: 'date' },
    { name: 'platform', kind: 'string' },
    { name: 'channel', kind: 'string' },
    { name: 'campaign_id', kind: 'string' },
    { name: 'campaign_name', kind: 'string' },
    { name: 'objective', kind: 'string' },
    { name: 'ad_group_id', kind: 'string' },
    { name: 'ad_id', kind: 'string' },
    { name: 'impressions', kind: 'integer' },
    { name: 'clicks', kind: 'integer' },
    { name: 'cost', kind: 'money' },
    { name: 'platform_conversions', kind: 'number' },
    { name: 'platform_conversion_value', kind: 'money' },
    { name: 'reach', kind: 'integer' },
    { name: 'likes', kind: 'integer' },
    { name: 'shares', kind: 'integer' },
    { name: 'comments', kind: 'integer' },
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

/**
 * Visitors by local day: one row per anonymous_id and day with an on-site
 * event, for each combination of the events' traffic attributes that day
 * (usually one). Exact distinct visitors over a period count these rows'
 * anonymous_ids: a few per visitor and day instead of every on-site event.
 */
export const VISITOR_DAYS: TableSpec = {
  name: 'visitor_days',
  key: ['day', 'anonymous_id'],
  columns: [
    { name: 'workspace_id', kind: 'string' },
    { name: 'day', kind: 'date' },
    { name: 'anonymous_id', kind: 'string' },
    { name: 'is_bot', kind: 'boolean' },
    { name: 'channel', kind: 'string' },
    { name: 'source', kind: 'string' },
    { name: 'medium', kind: 'string' },
    { name: 'campaign_id', kind: 'string' },
    { name: 'platform', kind: 'string' },
    { name: 'objective', kind: 'string' },
    { name: 'landing_page', kind: 'string' },
    { name: 'device', kind: 'string' },
    { name: 'country', kind: 'string' },
  ],
};

export const DERIVED_TABLES: readonly TableSpec[] = [EVENT_FACTS, SESSIONS, IDENTITIES, CONVERSION_CREDITS, AD_FACTS, VISITOR_DAYS];

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
