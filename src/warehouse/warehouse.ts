// The storage boundary: every engine (embedded DuckDB, ClickHouse) implements
// this interface and passes the same contract suite (test/support/warehouse-contract.ts).
// It plays five roles, each its own interface, so that a module depends only
// on the role it uses: metadata store, source writer, derived-view maintainer,
// query runner and data out.
import type { Readable } from 'node:stream';
import type { Row } from '../model/validate.js';
import type { StagedEvents } from './staged-events.js';
import type { SourceName } from '../model/sources.js';
import type { ResolvedTraffic, TrafficTuple } from '../model/resolve-traffic.js';
import type { WorkspaceSettings } from '../model/settings.js';
import type { Select } from '../sql/ast.js';
import type { Statement } from '../sql/dialect.js';
import type { RelationContext } from '../sql/relations.js';
import type { PeriodGrain } from '../core/period-index.js';

export interface WriteResult {
  /** New records stored. */
  accepted: number;
  /** Table rows whose key was known and whose content changed (latest arrival wins). */
  updated: number;
  /** Records already stored (same event_id, or an identical table row). */
  duplicates: number;
}

export interface Workspace {
  name: string;
  settings: WorkspaceSettings;
  createdAt: string;
}

export type KeyScope = 'ingest' | 'read' | 'admin';

export interface ApiKeyRecord {
  id: string;
  workspace: string;
  scope: KeyScope;
  /** SHA-256 of the secret; the secret itself is never stored. */
  hash: string;
  /** The first characters of the key, to recognise it in listings. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ImportRecord {
  id: string;
  workspace: string;
  source: SourceName;
  origin: string;
  startedAt: string;
  accepted: number;
  updated: number;
  duplicates: number;
  rejected: number;
}

/** When given to write(), the import is recorded with its counts in the same transaction. */
export interface ImportNote {
  origin: string;
  startedAt: string;
  rejected: number;
}

export interface FreshnessRow {
  source: SourceName;
  platform: string | null;
  latest_date: string | null;
  rows: number;
}

/** What the touches of a journey are keyed by (JourneyQuery.dimension). */
export type JourneyDimension = 'channel' | 'campaign' | 'ad_group' | 'ad';

/** Which journeys QueryRunner.journeyPaths aggregates (KPIS.md ATTRIBUTION; relations/journeys.ts). */
export interface JourneyQuery {
  /** First and last local date (YYYY-MM-DD, inclusive, in `timeZone`) of the conversions and of the touches of null journeys. */
  from: string;
  to: string;
  /** channel ('Direct' for a touch without one), or the campaign, ad group or ad id ('(none)' for a touch without one). */
  dimension: JourneyDimension;
  /** Days before a conversion its touches may be (clicks and session starts). */
  lookbackDays: number;
  /** ad_impression events as touches too, within their own lookback (KPIS.md default: 1 day); null or absent: none. */
  viewThrough?: { lookbackDays: number } | null;
  /** The workspace time zone. */
  timeZone: string;
  /** Leave out bots' conversions and touches (the workspace setting). */
  botFiltering: boolean;
}

/**
 * A distinct path of journeys (attribution/paths.ts AggregatedPath has this
 * shape): its touch keys first to last, the whole days from each touch to the
 * conversion (for null journeys: to the journey's last touch), the journeys
 * along it that converted, their revenue in the workspace currency, and the
 * journeys along it that did not convert.
 */
export interface JourneyPath {
  touches: string[];
  daysBefore: number[];
  conversions: number;
  revenue: number;
  nulls: number;
}

/** The unit an RFM summary measures time in (clv/rfm.ts TimeUnit). */
export type RfmTimeUnit = 'day' | 'week';

/** Which summaries QueryRunner.customerRfm builds (relations/customer-rfm.ts). */
export interface RfmQuery {
  /** Last day of the calibration period (YYYY-MM-DD, a UTC day, inclusive): purchases on later days are left out. */
  calibrationEnd: string;
  timeUnit: RfmTimeUnit;
}

/**
 * A customer's purchase history up to the calibration end, as clv/rfm.ts
 * buildRfm defines it (RfmCustomer has this shape, plus first_purchase and
 * orders): one purchase per UTC day with orders, worth their sum in the
 * workspace currency.
 */
export interface RfmRow {
  /** The orders' customer_id (the person_id when the purchases came from conversion events). */
  id: string;
  /** Repeat purchases: days with a purchase, less the first. */
  frequency: number;
  /** Time from the first to the last purchase day, in the unit. */
  recency: number;
  /** Time from the first purchase day to the calibration end (the customer's age), in the unit. */
  T: number;
  /** Mean value of the repeat purchase days (the first day's orders excluded); 0 for one-time buyers. */
  monetary: number;
  /** The first purchase day, YYYY-MM-DD (UTC). */
  first_purchase: string;
  /** Orders (or conversions) behind the purchases. */
  orders: number;
}

/** Which orders QueryRunner.customerRfmCounts counts. */
export interface RfmCountsQuery {
  calibrationEnd: string;
  /** The caller's today (YYYY-MM-DD, UTC): orders on later days are dated in the future. */
  today: string;
}

/** What became of a workspace's orders in its RFM summaries, for notes beside them. */
export interface RfmCounts {
  /** Where the purchases came from: orders, or (in a workspace without any order) conversion events with revenue. */
  source: 'orders' | 'events';
  /** Completed orders up to the calibration end, counted as purchases. */
  completed: number;
  /** Orders up to the calibration end left out as refunded, and as cancelled. */
  refunded: number;
  cancelled: number;
  /** Orders up to the calibration end with negative revenue (only refunded orders may carry it). */
  negative_revenue: number;
  /** Completed orders up to the calibration end left out for want of an fx rate. */
  without_rate: number;
  /** Completed orders after the calibration end, left out. */
  after_calibration_end: number;
  /** Orders of any status dated after `today`. */
  future: number;
}

/** What a funnel step matches (relations/funnels.ts): events of a type, lifecycle records of a stage, or the starts of sessions. */
export type FunnelStepMatch = { kind: 'event'; type: string } | { kind: 'stage'; stage: string } | { kind: 'session_start' };

/**
 * How a person moves through a funnel's steps: `ordered`, each step after the
 * previous one (other events allowed between); `strict`, each step the very
 * next funnel-step event after the previous one; `any`, every step within the
 * window in any order.
 */
export type FunnelOrder = 'ordered' | 'strict' | 'any';

/** What a funnel's people are split by: the channel or campaign of the event that entered them. */
export type FunnelBreakdown = 'channel' | 'campaign';

/** Which funnel QueryRunner.funnelCounts counts (relations/funnels.ts). */
export interface FunnelQuery {
  steps: FunnelStepMatch[];
  order: FunnelOrder;
  /** The conversion window from the entering event, in milliseconds. */
  windowMs: number;
  /** First and last local date (YYYY-MM-DD, inclusive, in `timeZone`) of the entering events. */
  from: string;
  to: string;
  timeZone: string;
  /** Leave out bots' events and sessions (the workspace setting). */
  botFiltering: boolean;
  by?: FunnelBreakdown | null;
}

/**
 * A funnel's people in one group (everyone, or one breakdown value): those
 * who entered, those who reached each step (index 0 is the first step), and
 * the median milliseconds each step took after the one before (null for the
 * first step and where no one reached it).
 */
export interface FunnelCounts {
  /** The breakdown value; null for everyone. */
  key: string | null;
  entered: number;
  reached: number[];
  medianMs: (number | null)[];
}

/** What an experiment's outcome is per person (relations/experiment-readout.ts). */
export type ExperimentOutcome =
  /** Conversions, one per order_id (else per event). */
  | { kind: 'conversions' }
  /** The revenue of those conversions in the workspace currency. */
  | { kind: 'revenue' }
  /** Events of one type. */
  | { kind: 'events'; type: string };

/** The checks of the data-quality audit that run in the engine (relations/quality-checks.ts). */
export type QualityCheckId =
  | 'clicks_over_impressions'
  | 'spend_without_impressions'
  | 'conversions_without_session'
  | 'unknown_utm_campaigns'
  | 'orders_without_fx_rate'
  | 'revenue_events_without_fx_rate'
  | 'ad_cost_without_fx_rate'
  | 'future_events';

/** What QueryRunner.qualityReadings reads: the workspace's money and calendar, now, and the days the daily readings cover. */
export interface QualityQuery {
  readonly currency: string;
  readonly timeZone: string;
  /** The workspace's attribution model: the credits the platform comparison reads. */
  readonly attributionModel: string;
  /** Epoch ms: events after it are in the future. */
  readonly nowMs: number;
  /** Local days since 1970-01-01: the first of the daily readings, and the last of the platform comparison. */
  readonly sinceDay: number;
  readonly untilDay: number;
}

export interface QualityCheckCounts {
  readonly check: QualityCheckId;
  /** Rows at fault (for unknown campaigns: campaign ids). */
  readonly rows: number;
  /** The records they stand for (for unknown campaigns: their events). */
  readonly records: number;
  /** Local days (YYYY-MM-DD) of the first and last rows at fault; null when there is none. */
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  /** The latest rows at fault, at most 5, as JSON values. */
  examples: Record<string, unknown>[];
}

export interface QualityReadings {
  readonly checks: QualityCheckCounts[];
  /** Tracked events (bots left out) per local day since sinceDay, days without any left out. */
  readonly dailyEvents: readonly { day: string; events: number }[];
  /** Per ad platform over [sinceDay, untilDay]: conversions it reported, and those Beacon credited to its campaigns. */
  readonly platformConversions: readonly { platform: string; platformReported: number; tracked: number }[];
}

/** Which experiment QueryRunner.experimentSums reads out, and how. */
export interface ExperimentQuery {
  /** The `experiment` property of its experiment_exposure events. */
  experiment: string;
  outcome: ExperimentOutcome;
  /** A person's outcome is 1 when they had any, else 0 (a rate), instead of the sum. */
  binary: boolean;
  /** Exposures count from `start` (epoch ms, inclusive) to `end` (exclusive), outcomes from a person's first exposure to `end`; null: unbounded. */
  start: number | null;
  end: number | null;
  /** The CUPED covariate is the same outcome in this many ms before a person's first exposure (0: none). */
  preMs: number;
  /** Leave out bots' events (the workspace setting). */
  botFiltering: boolean;
}

/** A variant's people and the sums of their outcome y (after exposure) and covariate x (before). */
export interface ExperimentVariantSums {
  variant: string;
  people: number;
  sum: number;
  sumSquares: number;
  preSum: number;
  preSumSquares: number;
  /** Σ x·y. */
  crossSum: number;
}

export interface ExperimentSums {
  /** In variant-name order. */
  variants: ExperimentVariantSums[];
  /** People exposed to more than one variant, left out of every variant. */
  multipleVariants: number;
  /** The earliest and latest first exposure (epoch ms); null without exposures. */
  firstExposure: number | null;
  lastExposure: number | null;
}

/** An experiment found in the workspace's exposures. */
export interface ExperimentSummary {
  experiment: string;
  /** People whose first exposure was to each variant (people who saw two are left out). */
  variants: { variant: string; people: number }[];
  people: number;
  firstExposure: number;
  lastExposure: number;
}

/**
 * When a cohort's customer counts as active in a period: `purchase`, with a
 * completed order in it; `subscription`, while their latest lifecycle stage is
 * customer or reactivated (DATA.md) at some moment of it.
 */
export type CohortActivityKind = 'purchase' | 'subscription';

/** What cohorts are split by: the channel or campaign their customers were acquired through. */
export type CohortDimension = 'channel' | 'campaign';

/** Which acquisition cohorts QueryRunner.cohortActivity aggregates (relations/customer-cohorts.ts). */
export interface CohortQuery {
  /** Cohorts and their periods are calendar weeks (Monday to Sunday) or months of the workspace time zone. */
  by: PeriodGrain;
  /** First and last local date (YYYY-MM-DD, inclusive) of the customers' acquisition (customer_facts' ts). */
  from: string;
  to: string;
  /** The last local date whose activity counts (the caller's today): later periods are not read. */
  through: string;
  /** Subscribers and survivors are counted only for `subscription`. */
  activity: CohortActivityKind;
  /** Only customers acquired through this channel ('(none)': those without one). */
  channel?: string | null;
  /** One group of cohorts per acquisition channel or campaign ('(none)' for customers without one). */
  dimension?: CohortDimension | null;
}

/** A cohort of customers acquired in one period (of one acquisition channel or campaign, with a dimension). */
export interface CohortSize {
  /** First date of the acquisition period. */
  cohort: string;
  /** The dimension's value; null without a dimension. */
  key: string | null;
  customers: number;
  /** Customers of the cohort with a lifecycle `churned` record. */
  churners: number;
}

/** A cohort's activity in the period `period` periods after its own (0: the acquisition period). */
export interface CohortPeriod {
  cohort: string;
  key: string | null;
  period: number;
  /** Customers with a completed order in the period. */
  purchasers: number;
  /** With `subscription` activity: customers whose latest stage was customer or reactivated at some moment of the period; else 0. */
  subscribers: number;
  /** With `subscription` activity: customers with a status record and no churn before the period began; else 0. */
  survivors: number;
  /** Completed-order revenue of the period in the workspace currency (orders without an fx rate count as purchases, not revenue). */
  revenue: number;
}

/** The aggregates of a cohort query: each cohort's size, and its periods with any activity (period 0 always). */
export interface CohortActivity {
  cohorts: CohortSize[];
  periods: CohortPeriod[];
}

/** Channel resolution (model/resolve-traffic.ts, pure rules) and the settings the derived view follows. */
export interface DeriveOptions {
  resolveTraffic(tuple: TrafficTuple): ResolvedTraffic;
  settings: WorkspaceSettings;
}

/** Workspaces, their settings and API keys, import records and the documents a workspace keeps. */
export interface MetadataStore {
  createWorkspace(workspace: Workspace): Promise<void>;
  getWorkspace(name: string): Promise<Workspace | undefined>;
  listWorkspaces(): Promise<Workspace[]>;
  saveSettings(name: string, settings: WorkspaceSettings): Promise<void>;

  insertKey(key: ApiKeyRecord): Promise<void>;
  findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  listKeys(workspace: string): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked; false when the workspace has no such active key. */
  revokeKey(workspace: string, id: string): Promise<boolean>;

  saveImport(record: ImportRecord): Promise<void>;
  listImports(workspace: string): Promise<ImportRecord[]>;

  /** Documents a workspace keeps (custom metrics, goals, benchmarks…), by kind and id; put replaces. */
  putObject(workspace: string, kind: ObjectKind, id: string, body: unknown): Promise<void>;
  listObjects(workspace: string, kind: ObjectKind): Promise<StoredObject[]>;
  /** False when the workspace has no such object. */
  deleteObject(workspace: string, kind: ObjectKind, id: string): Promise<boolean>;
}

/** Stores raw records of the sources (DATA.md) and removes what an import stored. */
export interface SourceWriter {
  readonly engine: Engine;
  /**
   * Stores validated rows of one source idempotently on its natural key and
   * resolves only once they are durable.
   */
  write(workspace: string, source: SourceName, rows: readonly Row[], importId: string, record?: ImportNote): Promise<WriteResult>;
  /**
   * Stores a staging file of validated events (see staged-events.ts) as
   * write() stores event rows, and removes the file, also on failure.
   */
  writeStagedEvents(workspace: string, staged: StagedEvents, importId: string, record?: ImportNote): Promise<WriteResult>;
  /** Deletes the import's record and every row it stored; false when unknown. */
  deleteImport(workspace: string, id: string): Promise<boolean>;
}

/** Keeps the derived view (identities, sessions, channels, credits, ad facts) in step with the raw data. */
export interface DerivedViewMaintainer {
  /** Rebuilds what is derived from raw events (identities, sessions, channels, converted money) where stale. */
  refreshDerived(workspace: string, options: DeriveOptions): Promise<void>;
  /** Forces the next refresh to rebuild the workspace's derived view whole. */
  invalidateDerived(workspace: string): Promise<void>;
}

/** Reads: aggregate selects over the named relations, raw and derived rows, freshness. */
export interface QueryRunner {
  readonly engine: Engine;
  /** Runs an aggregate select over one of the relations (sql/relations.ts), rendered in this engine's dialect. */
  select(select: Select, context: RelationContext): Promise<Record<string, unknown>[]>;
  /** Runs a read-only statement written in this engine's SQL (audits, benchmarks, tests). */
  query(statement: Statement): Promise<Record<string, unknown>[]>;

  freshness(workspace: string): Promise<FreshnessRow[]>;
  /** Raw rows of a source (for exports, audits and tests), ordered by natural key. */
  readRows(workspace: string, source: SourceName, limit?: number): Promise<Row[]>;
  /** Rows of a derived relation: 'event_facts' | 'sessions' | 'identities'. */
  readDerived(workspace: string, relation: DerivedRelation): Promise<Row[]>;
  /**
   * The workspace's journeys of the query's period, aggregated in the engine
   * to distinct paths (relations/journeys.ts): one row per path, however many
   * events lie behind it.
   *
   * @example
   * await warehouse.journeyPaths('shop', { from: '2026-11-01', to: '2026-11-30', dimension: 'channel',
   *   lookbackDays: 30, timeZone: 'Europe/Berlin', botFiltering: true });
   * // [{ touches: ['Paid Search', 'Email'], daysBefore: [3, 0], conversions: 12, revenue: 1043.5, nulls: 40 }, …]
   */
  journeyPaths(workspace: string, query: JourneyQuery): Promise<JourneyPath[]>;
  /**
   * Each customer's RFM summary up to the calibration end, aggregated in the
   * engine (relations/customer-rfm.ts): one statement over the completed
   * orders in the workspace currency (converted as order_facts converts them;
   * orders without an fx rate left out); only when that gives nothing, a
   * second over conversion events with revenue per person, which counts only
   * in a workspace without orders. Sorted by id; customers whose first
   * purchase is after the calibration end are not in it.
   *
   * @example
   * await warehouse.customerRfm('shop', { calibrationEnd: '2026-03-31', timeUnit: 'week' });
   * // [{ id: 'c1', frequency: 1, recency: 1, T: 4.285714285714286, monetary: 35.5, first_purchase: '2026-03-01', orders: 3 }, …]
   */
  customerRfm(workspace: string, query: RfmQuery): Promise<RfmRow[]>;
  /**
   * The workspace's orders counted by what became of them in customerRfm
   * (refunded, cancelled, negative revenue, no fx rate, after the calibration
   * end, in the future), one small aggregate.
   *
   * @example
   * await warehouse.customerRfmCounts('shop', { calibrationEnd: '2026-03-31', today: '2026-04-15' });
   * // { source: 'orders', completed: 812, refunded: 31, cancelled: 12, negative_revenue: 0, without_rate: 0, after_calibration_end: 40, future: 0 }
   */
  customerRfmCounts(workspace: string, query: RfmCountsQuery): Promise<RfmCounts>;
  /**
   * A funnel's counts, aggregated in the engine in one statement
   * (relations/funnels.ts): everyone first, then one group per breakdown
   * value; only these aggregates leave it, never a person's events.
   *
   * @example
   * await warehouse.funnelCounts('shop', { steps: [{ kind: 'event', type: 'ad_click' }, { kind: 'event', type: 'purchase' }],
   *   order: 'ordered', windowMs: 7 * 86_400_000, from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', botFiltering: true });
   * // [{ key: null, entered: 812, reached: [812, 64], medianMs: [null, 172800000] }]
   */
  funnelCounts(workspace: string, query: FunnelQuery): Promise<FunnelCounts[]>;
  /**
   * The event types the workspace's derived events hold, sorted (at most
   * 10,000): what a funnel step may name besides the types DATA.md lists.
   *
   * @example await warehouse.eventTypes('shop') // ['ad_click', 'add_to_cart', 'page_view', 'purchase']
   */
  eventTypes(workspace: string): Promise<string[]>;
  /**
   * Acquisition cohorts and their activity in each period since, aggregated in
   * the engine in one statement (relations/customer-cohorts.ts): only
   * (cohort, key, period) aggregates and cohort sizes leave it.
   *
   * @example
   * await warehouse.cohortActivity('shop', { by: 'month', from: '2026-01-01', to: '2026-03-31', through: '2026-04-15', activity: 'purchase' });
   * // { cohorts: [{ cohort: '2026-01-01', key: null, customers: 120, churners: 0 }, …],
   * //   periods: [{ cohort: '2026-01-01', key: null, period: 0, purchasers: 118, subscribers: 0, survivors: 0, revenue: 9120.5 }, …] }
   */
  cohortActivity(workspace: string, query: CohortQuery): Promise<CohortActivity>;
  /**
   * An experiment's sufficient statistics per variant from its
   * experiment_exposure events, aggregated in the engine in one statement
   * (relations/experiment-readout.ts).
   *
   * @example
   * await warehouse.experimentSums('shop', { experiment: 'checkout-v2', outcome: { kind: 'conversions' }, binary: true, start: null, end: null, preMs: 14 * 86_400_000, botFiltering: true });
   * // { variants: [{ variant: 'control', people: 5012, sum: 412, sumSquares: 412, preSum: 96, preSumSquares: 96, crossSum: 31 }, …], multipleVariants: 7, firstExposure: …, lastExposure: … }
   */
  experimentSums(workspace: string, query: ExperimentQuery): Promise<ExperimentSums>;
  /**
   * The data-quality audit's readings, aggregated in the engine
   * (relations/quality-checks.ts): per check the rows at fault with their
   * days and a few examples, the events per day, and per ad platform its
   * reported conversions beside Beacon's own.
   *
   * @example
   * await warehouse.qualityReadings('shop', { currency: 'USD', timeZone: 'UTC', nowMs: Date.now(), sinceDay: 20_400, untilDay: 20_483 });
   * // { checks: [{ check: 'clicks_over_impressions', rows: 2, records: 2, firstDay: '2026-11-02', lastDay: '2026-11-03', examples: [...] }, …], dailyEvents: [...], platformConversions: [...] }
   */
  qualityReadings(workspace: string, query: QualityQuery): Promise<QualityReadings>;
  /**
   * The experiments the workspace's exposures name, most recently exposed first (at most 1,000).
   *
   * @example await warehouse.experiments('shop', { botFiltering: true }) // [{ experiment: 'checkout-v2', variants: [{ variant: 'control', people: 5012 }, …], people: 10040, … }]
   */
  experiments(workspace: string, options: { botFiltering: boolean }): Promise<ExperimentSummary[]>;
}

/** The file formats data leaves Beacon in. */
export type ExportFormat = 'csv' | 'parquet';

/** A table of rows a read-only SQL statement may read beside the sources (e.g. the KPI catalog). */
export interface SqlTable {
  name: string;
  columns: readonly { name: string; type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' }[];
  rows: readonly Record<string, string | number | boolean | null>[];
}

/** What a read-only SQL statement returned: its columns, at most `limit` rows, and whether more were left out. */
export interface SqlResult {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  truncated: boolean;
}

/** Data out: a source's rows as a file, and read-only SQL over views of one workspace. */
export interface DataOut {
  /**
   * The workspace's current rows of a source, in natural-key order, without
   * the bookkeeping columns, written as CSV (with a header) or Parquet and
   * streamed.
   */
  exportSource(workspace: string, source: SourceName, format: ExportFormat): Promise<Readable>;
  /**
   * Runs one SELECT (or WITH … SELECT) statement over views that hold only
   * the workspace's rows (one per source, named after it, plus `tables`);
   * anything else is refused with a QueryError.
   */
  readOnlySql(workspace: string, sql: string, options: { tables: readonly SqlTable[]; limit: number }): Promise<SqlResult>;
}

/** A storage engine in all its roles; a module asks only for the roles it uses. */
export interface Warehouse extends MetadataStore, SourceWriter, DerivedViewMaintainer, QueryRunner, DataOut {
  readonly engine: Engine;
  close(): Promise<void>;
}

export type Engine = 'duckdb' | 'clickhouse';

export type ObjectKind = 'custom_metric' | 'goal' | 'benchmark' | 'alert_rule' | 'alert_state' | 'alert_firing';

export interface StoredObject {
  id: string;
  body: unknown;
  createdAt: string;
}

export type DerivedRelation = 'event_facts' | 'sessions' | 'identities';
