// Chooses how a CLI command reaches the data: --server, else ClickHouse
// (--clickhouse) directly, else the database file directly, else (file locked
// by a running `beacon serve`) through that server.
import { UnavailableError, ValidationError } from '../core/errors.js';
import { findRunningServer, serverFilePath } from '../server/server-file.js';
import type { Backend } from './backend.js';
import { HttpBackend } from './http-backend.js';
import { LocalBackend } from './local-backend.js';
import { openWarehouse } from './open-warehouse.js';
import type { DeliveryOptions } from '../alerts/webhook-delivery.js';

export interface ConnectionOptions {
  db: string;
  server?: string;
  key?: string;
  clickhouse?: string;
  workspace: string;
  memoryLimit?: string;
  /** How alert webhooks are sent when the database is opened here. */
  webhooks?: DeliveryOptions;
}

export async function openBackend(options: ConnectionOptions): Promise<Backend> {
  if (options.server && options.clickhouse) {
    throw new ValidationError('--clickhouse and --server cannot be used together: a command either talks to ClickHouse directly or goes through a running Beacon server');
  }
  if (options.server) {
    if (!options.key) throw new UnavailableError('--server needs --key KEY (an API key of the workspace)');
    return new HttpBackend({ url: options.server, key: options.key });
  }
  try {
    const { warehouse, description } = await openWarehouse(options);
    return new LocalBackend(warehouse, options.workspace, description, options.webhooks);
  } catch (err) {
    // ClickHouse has no lock and no server file: unreachable is final.
    if (!(err instanceof UnavailableError) || options.clickhouse) throw err;
    const running = await findRunningServer(options.db);
    if (!running) throw err;
    // The file's process lives, yet may be no Beacon server (its pid reused after a crash).
    const unreachable =
      `the database ${options.db} is held by another process, and the server that ${serverFilePath(options.db)} names ` +
      `(${running.url}, pid ${running.pid}) does not answer; stop the process that holds the database, and remove that file if no Beacon server runs`;
    return new HttpBackend({ url: running.url, key: running.token, workspace: options.workspace, unreachable });
  }
}
