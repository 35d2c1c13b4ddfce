// Chooses how a CLI command reaches the data: --server, else the database file
// directly, else (file locked by a running `beacon serve`) through that server.
import { UnavailableError } from '../core/errors.js';
import { findRunningServer } from '../server/server-file.js';
import { createDuckDbWarehouse } from '../warehouse/duckdb/duckdb-warehouse.js';
import type { Backend } from './backend.js';
import { HttpBackend } from './http-backend.js';
import { LocalBackend } from './local-backend.js';

export interface ConnectionOptions {
  db: string;
  server?: string;
  key?: string;
  workspace: string;
  memoryLimit?: string;
}

export async function openBackend(options: ConnectionOptions): Promise<Backend> {
  if (options.server) {
    if (!options.key) throw new UnavailableError('--server needs --key KEY (an API key of the workspace)');
    return new HttpBackend({ url: options.server, key: options.key });
  }
  try {
    const warehouse = await createDuckDbWarehouse({ path: options.db, memoryLimit: options.memoryLimit });
    return new LocalBackend(warehouse, options.workspace, `database ${options.db}`);
  } catch (err) {
    if (!(err instanceof UnavailableError)) throw err;
    const running = await findRunningServer(options.db);
    if (!running) throw err;
    return new HttpBackend({ url: running.url, key: running.token, workspace: options.workspace });
  }
}
