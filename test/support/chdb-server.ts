// A ClickHouse HTTP interface in front of chdb, the ClickHouse engine that the
// npm package embeds, so that @clickhouse/client (and so Beacon's engine) talks
// to a modern ClickHouse exactly as it talks to a server. Run as its own
// process by startChdb (chdb.ts): `node --import tsx chdb-server.ts DATA_DIR
// [PROFILE_JSON]` (settings that differ from a server's defaults, if any);
// it listens on a free loopback port and prints {"port", "version"} as one
// line once it answers. SIGTERM closes the engine and exits.
//
// What it speaks: GET/HEAD /ping; GET or POST / with the statement in the
// `query` parameter and/or the body (the body follows the parameter on a new
// line, as the server joins them, so INSERT … FORMAT X carries its data in the
// body), `database`, `default_format` (TabSeparated otherwise), every other
// parameter a setting for that request alone, gzip or deflate request bodies
// and gzip answers under enable_http_compression. An error answers with the
// server's `Code: N. DB::Exception: … (NAME) (version …)` text and status,
// and an X-ClickHouse-Exception-Code header.
//
// One engine serves every request, one statement at a time: the database and
// settings of a request are set on the engine just before its statement runs.
import type { Session } from 'chdb';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync, inflateSync } from 'node:zlib';

/**
 * Where chdb's built-in defaults differ from a ClickHouse server's, the
 * server's: chdb leaves 64-bit integers unquoted in JSON and parses DateTime
 * text best-effort; a server quotes them and parses the basic form. Two
 * threads, as the 18.16 test servers have.
 */
export const SERVER_DEFAULTS: Readonly<Record<string, string>> = { output_format_json_quote_64bit_integers: '1', date_time_input_format: 'basic', max_threads: '2' };

/** The engine's settings: the server defaults, then `profile` (a server profile of other settings). */
export function engineArgs(profile: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries({ ...SERVER_DEFAULTS, ...profile }).map(([name, value]) => `--${name}=${value}`);
}

/** URL parameters that are not settings of the statement. */
const NOT_SETTINGS = new Set(['query', 'database', 'default_format', 'query_id', 'session_id', 'session_timeout', 'session_check', 'user', 'password', 'quota_key', 'compress', 'decompress', 'role']);
/** Settings of the HTTP layer, which the engine itself does not know. */
const HTTP_SETTINGS = new Set([
  'enable_http_compression',
  'http_zlib_compression_level',
  'wait_end_of_query',
  'send_progress_in_http_headers',
  'http_headers_progress_interval_ms',
  'http_response_buffer_size',
  'buffer_size',
  'cancel_http_readonly_queries_on_client_close',
]);

const CONTENT_TYPES: Record<string, string> = {
  JSON: 'application/json; charset=UTF-8',
  JSONCompact: 'application/json; charset=UTF-8',
  JSONEachRow: 'application/x-ndjson; charset=UTF-8',
  JSONCompactEachRow: 'application/x-ndjson; charset=UTF-8',
  CSV: 'text/csv; charset=UTF-8; header=absent',
};

/** HTTP status of an exception, as the server chooses it; 500 for the rest. */
const STATUS_BY_NAME: Record<string, number> = {
  SYNTAX_ERROR: 400,
  CANNOT_PARSE_TEXT: 400,
  CANNOT_PARSE_INPUT_ASSERTION_FAILED: 400,
  CANNOT_PARSE_QUOTED_STRING: 400,
  CANNOT_PARSE_DATE: 400,
  CANNOT_PARSE_DATETIME: 400,
  CANNOT_PARSE_NUMBER: 400,
  INCORRECT_DATA: 400,
  TYPE_MISMATCH: 400,
  ILLEGAL_TYPE_OF_ARGUMENT: 400,
  NUMBER_OF_ARGUMENTS_DOESNT_MATCH: 400,
  UNKNOWN_SETTING: 400,
  UNKNOWN_TABLE: 404,
  UNKNOWN_DATABASE: 404,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_IDENTIFIER: 404,
  UNKNOWN_FORMAT: 404,
  UNKNOWN_TYPE: 404,
};

/** A failure in ClickHouse's terms: its code, exception name and message. */
export interface ServerError {
  code: number;
  name: string;
  text: string;
}

/** The `Code: N. DB::Exception: …` of an error the engine raised (or of any other failure, as code 1001). */
export function serverError(err: unknown): ServerError {
  const message = err instanceof Error ? err.message : String(err);
  const code = Number((err as { clickhouseCode?: unknown })?.clickhouseCode);
  const match = /^Code: (\d+)\. DB::Exception: [\s\S]*\(([A-Z0-9_]+)\)\s*$/.exec(message.trim());
  if (match) return { code: Number(match[1]), name: match[2], text: message.trim() };
  if (Number.isInteger(code) && code > 0) return { code, name: 'UNKNOWN_EXCEPTION', text: `Code: ${code}. DB::Exception: ${message}. (UNKNOWN_EXCEPTION)` };
  return { code: 1001, name: 'STD_EXCEPTION', text: `Code: 1001. DB::Exception: ${message}. (STD_EXCEPTION)` };
}

/**
 * chdb writes the JSON and JSONCompact answer of a WITH TOTALS statement that
 * found no rows in the wrong order: the end of the empty `data` array and the
 * totals first, then the document's start, then its end. A server writes them
 * in order (its HTTP handler formats through another path than the embedded
 * client), so the pieces are put back in order; any other answer is left as it is.
 */
const TOTALS_FIRST = /^(\n\t\],\n\n\t"totals":[\s\S]*?)(\{\n\t"meta":\n\t\[[\s\S]*?\n\t"data":\n\t\[\n)(,\n\n\t"rows": 0,[\s\S]*)$/;

export function inOrder(body: Buffer): Buffer {
  if (body[0] === 0x7b /* { */) return body;
  const m = TOTALS_FIRST.exec(body.toString('utf8'));
  return m ? Buffer.from(m[2] + m[1] + m[3], 'utf8') : body;
}

/** One request as the engine runs it. */
export interface Statement {
  sql: string;
  database: string;
  format: string;
  settings: Map<string, string>;
}

/** The statement a request carries: query parameter, then body; database; format; settings. */
export function statementOf(params: URLSearchParams, body: string): Statement {
  const query = params.get('query') ?? '';
  const sql = query && body ? `${query}\n${body}` : query || body;
  const settings = new Map<string, string>();
  for (const [name, value] of params) {
    if (NOT_SETTINGS.has(name) || HTTP_SETTINGS.has(name)) continue;
    if (name.startsWith('param_')) throw new Error('query parameters (param_*) are not supported by this adapter');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad setting name ${JSON.stringify(name)}`);
    settings.set(name, value);
  }
  return { sql, database: params.get('database') || 'default', format: params.get('default_format') || 'TabSeparated', settings };
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const ident = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/**
 * Runs statements one at a time on one chdb session. The session keeps its
 * current database and settings between statements, so before each it is
 * moved to the request's database and its settings are set to the request's,
 * every setting some earlier request changed going back to the value it had
 * before that.
 */
export class Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private database = 'default';
  /** Value each setting had before any request changed it. */
  private readonly original = new Map<string, string>();
  /** Value each changed setting has now. */
  private readonly current = new Map<string, string>();

  constructor(private readonly session: Session) {}

  run(statement: Statement): Promise<{ body: Buffer; rowsRead: number; bytesRead: number }> {
    const next = this.queue.then(() => this.runNow(statement));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async exec(sql: string): Promise<string> {
    return (await this.session.queryAsync(sql, { format: 'TabSeparated' })).text();
  }

  private async prepare(statement: Statement): Promise<void> {
    if (statement.database !== this.database) {
      await this.exec(`USE ${ident(statement.database)}`);
      this.database = statement.database;
    }
    const unknown = [...statement.settings.keys()].filter((name) => !this.original.has(name));
    if (unknown.length > 0) {
      const rows = await this.exec(`SELECT name, value FROM system.settings WHERE name IN (${unknown.map(quote).join(', ')}) FORMAT JSONEachRow`);
      for (const line of rows.split('\n').filter(Boolean)) {
        const { name, value } = JSON.parse(line) as { name: string; value: string };
        this.original.set(name, value);
      }
    }
    const wanted = new Map(this.original);
    for (const [name, value] of statement.settings) wanted.set(name, value);
    for (const [name, value] of wanted) {
      if ((this.current.get(name) ?? this.original.get(name)) === value) continue;
      // A name the engine does not know fails here, as a server refuses it.
      await this.exec(`SET ${name} = ${quote(value)}`);
      this.current.set(name, value);
    }
  }

  private async runNow(statement: Statement): Promise<{ body: Buffer; rowsRead: number; bytesRead: number }> {
    await this.prepare(statement);
    try {
      const result = await this.session.queryAsync(statement.sql, { format: statement.format });
      return { body: inOrder(Buffer.from(result.bytes())), rowsRead: result.rowsRead, bytesRead: result.bytesRead };
    } finally {
      // A statement of its own may have moved the session (USE, DROP DATABASE): ask again next time.
      if (/^\s*(USE|DROP)\b/i.test(statement.sql)) this.database = '';
    }
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const encoding = request.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  if (encoding === 'deflate') return inflateSync(raw).toString('utf8');
  if (encoding) throw new Error(`request body encoding ${encoding} is not supported`);
  return raw.toString('utf8');
}

export function createHandler(engine: Engine, version: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const queryId = url.searchParams.get('query_id') || randomUUID();
    const headers: Record<string, string> = { 'X-ClickHouse-Server-Display-Name': 'chdb', 'X-ClickHouse-Query-Id': queryId, 'X-ClickHouse-Timezone': 'UTC' };
    if (url.pathname === '/ping' || (url.pathname === '/' && request.method !== 'POST' && !url.searchParams.has('query'))) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=UTF-8' }).end('Ok.\n');
      return;
    }
    if (url.pathname !== '/') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=UTF-8' }).end(`There is no handle ${url.pathname}\n`);
      return;
    }
    try {
      const statement = statementOf(url.searchParams, await readBody(request));
      const result = await engine.run(statement);
      const summary = { read_rows: String(result.rowsRead), read_bytes: String(result.bytesRead), written_rows: '0', written_bytes: '0', total_rows_to_read: '0', result_rows: '0', result_bytes: '0' };
      Object.assign(headers, {
        'Content-Type': CONTENT_TYPES[statement.format] ?? 'text/tab-separated-values; charset=UTF-8',
        'X-ClickHouse-Format': statement.format,
        'X-ClickHouse-Summary': JSON.stringify(summary),
      });
      let body = result.body;
      const compress = url.searchParams.get('enable_http_compression') === '1' && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (compress) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
      response.writeHead(200, headers).end(body);
    } catch (err) {
      const error = serverError(err);
      response
        .writeHead(STATUS_BY_NAME[error.name] ?? 500, { ...headers, 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': String(error.code) })
        .end(`${error.text} (version ${version})\n`);
    }
  };
}

async function main(dir: string, profile: Record<string, string>): Promise<void> {
  // Loaded here, not on import: the tests import this module's pure parts without the engine.
  const { Session, version: chdbVersion } = await import('chdb');
  const session = new Session(dir, { connectionArgs: engineArgs(profile) });
  const engine = new Engine(session);
  const version = (await session.queryAsync('SELECT version()', { format: 'TabSeparatedRaw' })).text().trim();
  const server = createServer((request, response) => void createHandler(engine, version)(request, response));
  server.keepAliveTimeout = 10_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(`${JSON.stringify({ port, version, chdb: chdbVersion().chdb })}\n`);
  });
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    session.close();
    process.exit(0);
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [dir, profile = '{}'] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: chdb-server.ts DATA_DIR [PROFILE_JSON]\n');
    process.exit(2);
  }
  main(dir, JSON.parse(profile) as Record<string, string>).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
