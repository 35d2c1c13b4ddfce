// The only reader of process.env: parsed once at the entry point, frozen, and
// passed down as options.
import { isIP } from 'node:net';

export interface BeaconConfig {
  readonly dbPath: string;
  readonly clickhouseUrl: string | undefined;
  /** ClickHouse cluster name and every shard's HTTP URL (comma separated), for cluster mode. */
  readonly clickhouseCluster: string | undefined;
  readonly clickhouseShards: string | undefined;
  /** DuckDB memory limit for the server, the demo and queries. */
  readonly duckdbMemoryLimit: string;
  /** DuckDB memory limit for `beacon import`, which only streams rows in and keeps RSS flat. */
  readonly importMemoryLimit: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** How the server writes its log: JSON lines, or one human line each; unset: JSON unless stdout is a terminal. */
  readonly logFormat: LogFormat | undefined;
  readonly bodyLimitBytes: number;
  readonly maxBatchRecords: number;
  /** Requests a minute one API key may send to the server. */
  readonly requestsPerMinute: number;
  /** Metric queries one workspace may run at once on the server. */
  readonly queriesPerWorkspace: number;
  /** Whether GET /metrics answers other machines (by default only the server's own). */
  readonly publicMetrics: boolean;
  /** How long a server read waits for the derived view to take in recent writes. */
  readonly freshnessWaitMs: number;
  /** How old unrefreshed writes may be before a server read waits for the derived view at all. */
  readonly maxStalenessMs: number;
  /** How long one warehouse statement may run before it is stopped. */
  readonly statementTimeoutMs: number;
  /** Worker threads that prepare event bodies (0: none); unset: one per core. */
  readonly ingestWorkers: number | undefined;
  /** Whether webhooks may be sent to private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). */
  readonly webhookAllowPrivate: boolean;
  /** Host names, addresses and CIDR blocks webhooks may reach whatever their range (loopback and link-local included). */
  readonly webhookAllow: readonly string[];
  /** Where people open Beacon (https://beacon.example/): alert webhooks link to the dashboard there. Unset: the server's own address. */
  readonly publicUrl: string | undefined;
}

export type LogFormat = 'json' | 'pretty';

export const DEFAULT_DB_PATH = './data/beacon.duckdb';

/** A BEACON_* variable holds a value Beacon cannot use: the user's to fix, not a bug. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): BeaconConfig {
  return Object.freeze({
    dbPath: env.BEACON_DB ?? DEFAULT_DB_PATH,
    clickhouseUrl: env.BEACON_CLICKHOUSE_URL || undefined,
    clickhouseCluster: env.BEACON_CLICKHOUSE_CLUSTER || undefined,
    clickhouseShards: env.BEACON_CLICKHOUSE_SHARDS || undefined,
    duckdbMemoryLimit: env.BEACON_DUCKDB_MEMORY_LIMIT || '1GB',
    importMemoryLimit: env.BEACON_IMPORT_MEMORY_LIMIT || '128MB',
    host: env.BEACON_HOST ?? '127.0.0.1',
    port: positiveInt(env.BEACON_PORT, 8787, 'BEACON_PORT'),
    logLevel: env.BEACON_LOG_LEVEL ?? 'info',
    logFormat: logFormatOf(env.BEACON_LOG_FORMAT),
    bodyLimitBytes: positiveInt(env.BEACON_BODY_LIMIT_BYTES, 10 * 1024 * 1024, 'BEACON_BODY_LIMIT_BYTES'),
    maxBatchRecords: positiveInt(env.BEACON_MAX_BATCH_RECORDS, 10_000, 'BEACON_MAX_BATCH_RECORDS'),
    requestsPerMinute: positiveInt(env.BEACON_RATE_LIMIT_PER_MINUTE, 1_200, 'BEACON_RATE_LIMIT_PER_MINUTE'),
    queriesPerWorkspace: positiveInt(env.BEACON_QUERIES_PER_WORKSPACE, 4, 'BEACON_QUERIES_PER_WORKSPACE'),
    publicMetrics: env.BEACON_METRICS_PUBLIC === '1' || env.BEACON_METRICS_PUBLIC === 'true',
    maxStalenessMs: countOf(env.BEACON_MAX_STALENESS_MS ?? '5000', 'BEACON_MAX_STALENESS_MS'),
    freshnessWaitMs: positiveInt(env.BEACON_FRESHNESS_WAIT_MS, 2_000, 'BEACON_FRESHNESS_WAIT_MS'),
    statementTimeoutMs: positiveInt(env.BEACON_STATEMENT_TIMEOUT_MS, 30_000, 'BEACON_STATEMENT_TIMEOUT_MS'),
    ingestWorkers: env.BEACON_INGEST_WORKERS ? countOf(env.BEACON_INGEST_WORKERS, 'BEACON_INGEST_WORKERS') : undefined,
    webhookAllowPrivate: booleanOf(env.BEACON_WEBHOOK_ALLOW_PRIVATE, 'BEACON_WEBHOOK_ALLOW_PRIVATE'),
    webhookAllow: Object.freeze(webhookAllowList(env.BEACON_WEBHOOK_ALLOW)),
    publicUrl: publicUrlOf(env.BEACON_PUBLIC_URL),
  });
}

function positiveInt(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return n;
}

function countOf(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be 0 or a positive integer, got "${text}"`);
  return n;
}

function logFormatOf(text: string | undefined): LogFormat | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'json' || text === 'pretty') return text;
  throw new ConfigError(`BEACON_LOG_FORMAT must be json or pretty, got "${text}"`);
}

function booleanOf(text: string | undefined, name: string): boolean {
  if (text === undefined || text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

function publicUrlOf(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new ConfigError(`BEACON_PUBLIC_URL must be an http(s) address such as https://beacon.example/, got "${text}"`);
  return url.toString();
}

const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Comma-separated host names, addresses and CIDR blocks (`hooks.internal,10.1.0.0/16,127.0.0.1`). */
function webhookAllowList(text: string | undefined): string[] {
  const entries = (text ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!isAllowEntry(entry)) throw new ConfigError(`BEACON_WEBHOOK_ALLOW holds "${entry}", which is neither a host name, an IP address nor a CIDR block (10.1.0.0/16)`);
  }
  return entries;
}

function isAllowEntry(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0) return prefix === undefined && HOST_NAME.test(entry);
  if (rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
