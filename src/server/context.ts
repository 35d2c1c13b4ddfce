// What every route needs: the warehouse, the derived-view scheduler and limits.
import type { DeriveScheduler } from '../ingest/derive-scheduler.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface ServerContext {
  warehouse: Warehouse;
  scheduler: DeriveScheduler;
  limits: { bodyLimitBytes: number; maxBatchRecords: number };
  /**
   * A secret the server shares only with local processes of its user (via the
   * server file beside the database); it acts as an admin key on any workspace
   * named by the X-Beacon-Workspace header.
   */
  localToken?: string;
}
