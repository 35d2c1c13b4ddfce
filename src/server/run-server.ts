// Starts the HTTP server over an open warehouse and stops it cleanly.
import { predictedValues } from '../clv/predicted-values.js';
import type { FastifyInstance } from 'fastify';
import { randomToken } from '../core/ids.js';
import { DEFAULT_SCHEDULE, DeriveScheduler } from '../warehouse/derive-scheduler.js';
import { defaultPoolSize, EventBodyPool } from '../ingest/event-body-pool.js';
import { removeOrphanedStagingFiles } from '../warehouse/staged-events.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { createApp } from './app.js';
import { DEFAULT_LIMITS, type ServerLimits } from './context.js';
import { QueryGate } from './query-gate.js';
import { ServerMetrics } from './server-metrics.js';
import { removeServerFile, writeServerFile } from './server-file.js';
import type { DeliveryOptions } from '../alerts/webhook-delivery.js';
import { AlertScheduler, type AlertSchedulerOptions } from '../alerts/alert-scheduler.js';
import type { AlertServices } from '../alerts/evaluate-rule.js';
import type { QueryServices } from '../metrics/query-service.js';

export interface RunServerOptions {
  warehouse: Warehouse;
  host: string;
  port: number;
  logLevel: string;
  /** 'json' lines (the default) or 'pretty' one-liners for a terminal. */
  logFormat?: 'json' | 'pretty';
  /** Body and batch sizes, request rates, concurrent queries; DEFAULT_LIMITS for what is not given. */
  limits?: Partial<ServerLimits>;
  /** Worker threads that prepare event bodies (0: in the request thread); one per core by default. */
  ingestWorkers?: number;
  version: string;
  /** When the warehouse is a local file, advertise the server beside it. */
  dbPath?: string;
  /** How alert webhooks are sent (the target policy from BEACON_WEBHOOK_ALLOW_PRIVATE and BEACON_WEBHOOK_ALLOW). */
  webhooks?: DeliveryOptions;
  /** Where people open Beacon; alert webhooks link there (default: the server's own address). */
  publicUrl?: string;
  /** The alert scheduler's clock and timings (tests move time by hand). */
  alerts?: Omit<AlertSchedulerOptions, 'onEvaluated' | 'onError'>;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  scheduler: DeriveScheduler;
  alerts: AlertScheduler;
  stop(): Promise<void>;
}

export async function runServer(options: RunServerOptions): Promise<RunningServer> {
  const localToken = randomToken(40);
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let app: FastifyInstance | undefined;
  const scheduler = new DeriveScheduler(options.warehouse, DEFAULT_SCHEDULE, (err) => app?.log.error({ err }, 'derived view refresh failed'));
  const eventBodies = new EventBodyPool(options.ingestWorkers ?? defaultPoolSize());
  const metrics = new ServerMetrics(() => scheduler.lagMs() / 1000);
  const services: QueryServices = {
    warehouse: options.warehouse,
    derived: scheduler,
    customerValues: predictedValues(options.warehouse),
    freshness: { waitMs: limits.freshnessWaitMs, maxStalenessMs: limits.maxStalenessMs },
  };
  // Set once the server listens: webhooks link to the dashboard at the public address, else at the server's own.
  const alertServices: AlertServices & { dashboardUrl?: string } = { ...services, ...(options.webhooks ? { delivery: options.webhooks } : {}) };
  const alerts = new AlertScheduler(alertServices, {
    ...options.alerts,
    onEvaluated: (evaluation, ms) => metrics.alertEvaluated(evaluation, ms / 1000),
    onError: (err, run) => {
      metrics.alertFailed(run.trigger);
      app?.log.error({ err, workspace: run.workspace, rule: run.ruleId, trigger: run.trigger }, 'alert evaluation failed');
    },
  });
  app = createApp(
    {
      warehouse: options.warehouse,
      scheduler,
      eventBodies,
      limits,
      queries: new QueryGate(limits.queriesPerWorkspace, limits.queuedQueriesPerWorkspace),
      metrics,
      services,
      localToken,
      alertServices,
      alerts,
    },
    { logLevel: options.logLevel, logFormat: options.logFormat, version: options.version },
  );
  // Once stopping, a response in flight closes its connection: a client's idle keep-alive connection would keep the server from ever closing.
  let stopping = false;
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  // Staging files of an earlier server that was killed mid-request.
  await removeOrphanedStagingFiles().catch((err) => app?.log.warn({ err }, 'could not clear old staging files'));
  const address = await app.listen({ host: options.host, port: options.port });
  // Data imported while no server ran may have left derived views stale.
  for (const workspace of await options.warehouse.listWorkspaces()) scheduler.refreshStale(workspace.name);
  const url = address.replace('[::1]', 'localhost');
  alertServices.dashboardUrl = options.publicUrl ?? url;
  // Rules due while no server ran are evaluated now, then every rule follows its schedule.
  alerts.start();
  if (options.dbPath) await writeServerFile(options.dbPath, { url, pid: process.pid, token: localToken });

  let stopped = false;
  return {
    url,
    app,
    scheduler,
    alerts,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping = true;
      // Requests in flight are answered first; new ones get a 503.
      await app.close();
      await alerts.stop();
      await eventBodies.close();
      scheduler.stop();
      await scheduler.flushAll().catch((err) => app.log.error({ err }, 'final refresh failed'));
      if (options.dbPath) await removeServerFile(options.dbPath);
    },
  };
}
