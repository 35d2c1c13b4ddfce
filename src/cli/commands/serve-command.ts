// beacon serve: the HTTP API over the workspace database, until SIGINT/SIGTERM.
import type { Command } from 'commander';
import type { LogFormat } from '../../config.js';
import { ValidationError } from '../../core/errors.js';
import type { RunningServer } from '../../server/run-server.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { globalOptions, type CliEnvironment } from '../command-context.js';
import { openWarehouse } from '../open-warehouse.js';
import { printLine } from '../output.js';

export function registerServeCommand(program: Command, env: CliEnvironment): void {
  program
    .command('serve')
    .description('run the HTTP API')
    .option('--port <port>', 'port to listen on', String(env.config.port))
    .option('--host <host>', 'address to bind', env.config.host)
    .action(async (options: { port: string; host: string }, command: Command) => {
      const global = globalOptions(command);
      const port = parsePort(options.port);
      const { warehouse, description, dbPath } = await openWarehouse({ ...global, memoryLimit: global.memoryLimit ?? env.config.duckdbMemoryLimit, checkpointThreshold: SERVER_CHECKPOINT_THRESHOLD, statementTimeoutMs: env.config.statementTimeoutMs });
      let server: RunningServer;
      try {
        server = await startServing(warehouse, env, { host: options.host, port, dbPath });
      } catch (err) {
        await warehouse.close().catch(() => undefined);
        throw err;
      }
      printLine(`Beacon API on ${server.url} (${description}); Ctrl-C to stop`);
      await untilSignal(server, warehouse);
    });
}

/** A server checkpoints its write-ahead log in larger steps (see DuckDbOptions.checkpointThreshold). */
export const SERVER_CHECKPOINT_THRESHOLD = '256MB';

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ValidationError(`invalid port "${text}"`);
  return port;
}

export async function startServing(
  warehouse: Warehouse,
  env: CliEnvironment,
  /** dbPath: the DuckDB file to advertise the server beside; none on ClickHouse. */
  options: { host: string; port: number; dbPath?: string },
): Promise<RunningServer> {
  // Loaded here: the HTTP stack (Fastify, rate limits, Prometheus) stays out of the memory of other commands (imports).
  const { runServer } = await import('../../server/run-server.js');
  return runServer({
    warehouse,
    host: options.host,
    port: options.port,
    logLevel: env.config.logLevel,
    logFormat: logFormatFor(env.config.logFormat, process.stdout.isTTY === true),
    limits: {
      bodyLimitBytes: env.config.bodyLimitBytes,
      maxBatchRecords: env.config.maxBatchRecords,
      requestsPerMinute: env.config.requestsPerMinute,
      queriesPerWorkspace: env.config.queriesPerWorkspace,
      publicMetrics: env.config.publicMetrics,
      freshnessWaitMs: env.config.freshnessWaitMs,
      maxStalenessMs: env.config.maxStalenessMs,
    },
    ingestWorkers: env.config.ingestWorkers,
    webhooks: { policy: { allowPrivate: env.config.webhookAllowPrivate, allow: env.config.webhookAllow } },
    publicUrl: env.config.publicUrl,
    version: env.version,
    dbPath: options.dbPath,
  });
}

/** The request log: as BEACON_LOG_FORMAT says, else one human line per request on a terminal and JSON lines for a pipe or file. */
export function logFormatFor(configured: LogFormat | undefined, stdoutIsTerminal: boolean): LogFormat {
  return configured ?? (stdoutIsTerminal ? 'pretty' : 'json');
}

/** Serves until SIGINT or SIGTERM, then stops the server and closes the database. */
export function untilSignal(server: RunningServer, warehouse: Warehouse): Promise<void> {
  return new Promise((resolve) => {
    const stop = async () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      printLine('stopping: answering the requests in flight, then closing the database');
      await server.stop();
      await warehouse.close();
      printLine('Beacon stopped');
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
