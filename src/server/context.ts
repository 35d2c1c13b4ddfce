// What every route needs: the warehouse, the derived-view scheduler, the
// ingestion workers and limits.
import type { DeriveScheduler } from '../warehouse/derive-scheduler.js';
import type { EventBodyPool } from '../ingest/event-body-pool.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface ServerContext {
  warehouse: Warehouse;
  scheduler: DeriveScheduler;
  /** Prepares event bodies off the main thread. */
  eventBodies: EventBodyPool;
  limits: { bodyLimitBytes: number; maxBatchRecords: number };
  /**
   * A secret the server shares only with local processes of its user (via the
   * server file beside the database); it acts as an admin key on any workspace
   * named by the X-Beacon-Workspace header.
   */
  localToken?: string;
}
