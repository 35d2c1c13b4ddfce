// What every route needs: the warehouse, the derived-view scheduler, the
// ingestion workers and limits.
import type { DeriveScheduler } from '../warehouse/derive-scheduler.js';
import type { EventBodyPool } from '../ingest/event-body-pool.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { QueryGate } from './query-gate.js';
import type { QueryServices } from '../metrics/query-service.js';
import type { ServerMetrics } from './server-metrics.js';
import type { AlertScheduler } from '../alerts/alert-scheduler.js';
import type { AlertServices } from '../alerts/evaluate-rule.js';

export interface ServerLimits {
  bodyLimitBytes: number;
  maxBatchRecords: number;
  /** Requests a minute one API key may send. */
  requestsPerMinute: number;
  /** Metric queries, goal reports and campaign KPIs one workspace may run at once. */
  queriesPerWorkspace: number;
  /** Reads of one workspace that may wait for a slot (a dashboard asks several questions at once); past them, 429. */
  queuedQueriesPerWorkspace: number;
  /** Whether GET /metrics answers clients other than the machine itself. */
  publicMetrics: boolean;
  /** How long a read waits for the derived view to take in recent writes before it answers from the view as it stands. */
  freshnessWaitMs: number;
  /** How old the writes the derived view has not taken in may be before a read waits for them. */
  maxStalenessMs: number;
}

/** Limits a server takes when it is given none. */
export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  bodyLimitBytes: 10 * 1024 * 1024,
  maxBatchRecords: 10_000,
  requestsPerMinute: 1_200,
  queriesPerWorkspace: 4,
  queuedQueriesPerWorkspace: 32,
  publicMetrics: false,
  freshnessWaitMs: 2_000,
  maxStalenessMs: 5_000,
});

export interface ServerContext {
  warehouse: Warehouse;
  scheduler: DeriveScheduler;
  /** Prepares event bodies off the main thread. */
  eventBodies: EventBodyPool;
  limits: ServerLimits;
  /** Heavy reads of a workspace run a few at a time. */
  queries: QueryGate;
  /** What GET /metrics reports. */
  metrics: ServerMetrics;
  /** What the read services need (the warehouse, the derived view and its freshness bounds), for every read route alike. */
  services: QueryServices;
  /**
   * A secret the server shares only with local processes of its user (via the
   * server file beside the database); it acts as an admin key on any workspace
   * named by the X-Beacon-Workspace header.
   */
  localToken?: string;
  /** What alert evaluations need: the read services, how webhooks are sent, where the dashboard is. */
  alertServices: AlertServices;
  /** Runs alert rules on their schedules, after ingestions (real-time rules) and on demand. */
  alerts: AlertScheduler;
}
