// A real Beacon server on a loopback port over a real DuckDB file, with one
// key per scope in workspace "shop" and an admin key in workspace "other".
import { join } from 'node:path';
import { createApiKey } from '../../src/access/api-keys.js';
import { createWorkspace } from '../../src/access/workspaces.js';
import type { DeliveryOptions } from '../../src/alerts/webhook-delivery.js';
import type { ServerLimits } from '../../src/server/context.js';
import { runServer, type RunningServer } from '../../src/server/run-server.js';
import { createDuckDbWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';

export interface TestServer {
  url: string;
  warehouse: Warehouse;
  server: RunningServer;
  keys: { ingest: string; read: string; admin: string; otherAdmin: string };
  stop(): Promise<void>;
}

export async function startTestServer(dir: string, limits: Partial<ServerLimits> = {}, options: { webhooks?: DeliveryOptions } = {}): Promise<TestServer> {
  const warehouse = await createDuckDbWarehouse({ path: join(dir, 'beacon.duckdb') });
  await createWorkspace(warehouse, 'shop');
  await createWorkspace(warehouse, 'other');
  const keys = {
    ingest: (await createApiKey(warehouse, 'shop', 'ingest')).key,
    read: (await createApiKey(warehouse, 'shop', 'read')).key,
    admin: (await createApiKey(warehouse, 'shop', 'admin')).key,
    otherAdmin: (await createApiKey(warehouse, 'other', 'admin')).key,
  };
  const server = await runServer({ warehouse, host: '127.0.0.1', port: 0, logLevel: 'silent', version: 'test', limits: { freshnessWaitMs: Number.POSITIVE_INFINITY, maxStalenessMs: 0, ...limits }, webhooks: options.webhooks });
  return {
    url: server.url,
    warehouse,
    server,
    keys,
    async stop() {
      await server.stop();
      await warehouse.close();
    },
  };
}

export async function call(
  url: string,
  method: string,
  path: string,
  options: { key?: string; body?: string | Buffer; contentType?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const body = Buffer.isBuffer(options.body) ? new Uint8Array(options.body) : options.body;
  const response = await fetch(`${url}${path}`, { method, headers, body });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: text && json ? JSON.parse(text) : text || undefined, headers: response.headers };
}
