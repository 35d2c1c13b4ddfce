// The only code that talks to ClickHouse: statements go out over HTTP with
// @clickhouse/client, rows come back as JSONEachRow, rows go in as JSONEachRow.
// A server that cannot be reached is an UnavailableError (503); anything the
// server refuses is a plain Error (a bug in the SQL we built).
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { StatementTimeoutError, UnavailableError } from '../../core/errors.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';
import { JsonRow } from './clickhouse-rows.js';
import type { Readable } from 'node:stream';

/** Statements carry their values as literals; key lookups for a large batch make long IN lists. */
const MAX_QUERY_BYTES = 8 * 1024 * 1024;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE']);

export interface ConnectionTarget {
  /** The server's HTTP origin, e.g. http://127.0.0.1:8123 (credentials in the URL are kept). */
  url: string;
  database: string;
}

/**
 * Sent with every statement: a server whose profile leaves 64-bit integers
 * unquoted in JSON would hand JSON.parse integers past 2^53 it cannot hold
 * (both 18.16 and current servers quote them by default, and know the setting).
 */
const FIXED_SETTINGS = { max_query_size: String(MAX_QUERY_BYTES), output_format_json_quote_64bit_integers: 1 as const };

/** Settings sent with every statement besides FIXED_SETTINGS (a cluster's entry server adds its own). */
export type ExtraSettings = Readonly<Record<string, string | number>>;

function createFor(url: string, database?: string, extra: ExtraSettings = {}): ClickHouseClient {
  return createClient({
    url,
    ...(database ? { database } : {}),
    request_timeout: 120_000,
    log: { level: ClickHouseLogLevel.OFF },
    clickhouse_settings: { ...FIXED_SETTINGS, ...(extra as Record<string, never>) },
    // Rows arrive already written as JSON lines (clickhouse-rows.ts).
    json: { parse: JSON.parse, stringify: (value: unknown) => (value instanceof JsonRow ? value.line : JSON.stringify(value)) },
  });
}

/** A cluster seen from its entry server (clickhouse-cluster.ts). */
export interface ClusterLayout {
  name: string;
  /** The entry server first, then every shard that is not the entry server. */
  nodes: readonly ClickHouseConnection[];
}

export class ClickHouseConnection {
  /** Set on a cluster's entry server: its nodes, where sharded tables live (clickhouse-cluster.ts). */
  cluster?: ClusterLayout;

  private constructor(
    private readonly client: ClickHouseClient,
    readonly target: ConnectionTarget,
  ) {}

  /** Connects to `database`, creating it first if needed. */
  static async open(target: ConnectionTarget, extra?: ExtraSettings): Promise<ClickHouseConnection> {
    const bootstrap = createFor(target.url);
    try {
      await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${quoteIdent(target.database)}` }).catch((err) => {
        throw describe(err, target.url);
      });
    } finally {
      await bootstrap.close();
    }
    return new ClickHouseConnection(createFor(target.url, target.database, extra), target);
  }

  async select<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    try {
      const result = await this.client.query({ query: sql, format: 'JSONEachRow' });
      return await result.json<T>();
    } catch (err) {
      throw describe(err, this.target.url, sql);
    }
  }

  /** The whole FORMAT JSON answer of a statement (rows in `data`, WITH TOTALS in `totals`). */
  async selectJson<T>(sql: string, timeoutMs?: number): Promise<T> {
    try {
      // max_execution_time is in seconds; the server stops the statement past it (TIMEOUT_EXCEEDED).
      const settings = timeoutMs ? { max_execution_time: Math.max(1, Math.ceil(timeoutMs / 1000)) } : undefined;
      const result = await this.client.query({ query: sql, format: 'JSON', clickhouse_settings: settings });
      return (await result.json()) as T;
    } catch (err) {
      if (timeoutMs && stoppedByTimeLimit(err)) throw new StatementTimeoutError(timeoutMs);
      throw describe(err, this.target.url, sql);
    }
  }

  /** The raw answer of a statement that names its own output FORMAT, as a byte stream. */
  async stream(sql: string, settings?: ExtraSettings): Promise<Readable> {
    try {
      return (await this.client.exec({ query: sql, clickhouse_settings: settings as Record<string, never> | undefined })).stream;
    } catch (err) {
      throw describe(err, this.target.url, sql);
    }
  }

  async command(sql: string): Promise<void> {
    try {
      await this.client.command({ query: sql });
    } catch (err) {
      throw describe(err, this.target.url, sql);
    }
  }

  /** Inserts rows written by encodeRow into `table`; resolves once the server has stored them. */
  async insert(table: string, rows: readonly JsonRow[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.client.insert({ table: quoteIdent(table), values: rows as JsonRow[], format: 'JSONEachRow' });
    } catch (err) {
      throw describe(err, this.target.url, `INSERT INTO ${table}`);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** The server's TIMEOUT_EXCEEDED (code 159; 18.16 names it only in the text, as "Timeout exceeded: elapsed …"). */
function stoppedByTimeLimit(err: unknown): boolean {
  const { type, code, message } = err as { type?: string; code?: string; message?: string };
  return type === 'TIMEOUT_EXCEEDED' || code === '159' || /Code: 159\b|Timeout exceeded: elapsed/.test(message ?? '');
}

function describe(err: unknown, url: string, sql?: string): Error {
  const where = sql ? ` in: ${sql.length > 300 ? `${sql.slice(0, 300)}…` : sql}` : '';
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || /timeout|socket hang up/i.test(message)) {
    return new UnavailableError(`ClickHouse at ${originOf(url)} cannot be reached: ${message}`);
  }
  return new Error(`ClickHouse refused a statement: ${message}${where}`, { cause: err });
}

/** The URL without credentials, for messages. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}
