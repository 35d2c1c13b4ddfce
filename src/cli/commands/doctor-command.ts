// beacon doctor: checks what Beacon needs to run and says what to fix.
import type { Command } from 'commander';
import { stat, statfs } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { dirname, resolve } from 'node:path';
import { UnavailableError } from '../../core/errors.js';
import { findRunningServer, serverFilePath } from '../../server/server-file.js';
import { createWarehouse } from '../../warehouse/create-warehouse.js';
import { globalOptions, type CliEnvironment } from '../command-context.js';
import { displayUrl, openWarehouse } from '../open-warehouse.js';
import { formatTable, printJson, printLine } from '../output.js';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

export function registerDoctorCommand(program: Command, env: CliEnvironment): void {
  program
    .command('doctor')
    .description('check configuration, database and disk')
    .action(async (_options, command: Command) => {
      const global = globalOptions(command);
      const checks: Check[] = [];
      const major = Number(process.versions.node.split('.')[0]);
      checks.push({ check: 'node', ok: major >= 20, detail: `v${process.versions.node} (needs 20 or later)` });
      if (global.clickhouse) {
        checks.push({ check: 'config', ok: true, detail: `ClickHouse ${displayUrl(global.clickhouse)}, serve on ${env.config.host}:${env.config.port}` });
        checks.push(await checkClickHouse(global.clickhouse));
      } else {
        checks.push({ check: 'config', ok: true, detail: `db ${resolve(global.db)}, serve on ${env.config.host}:${env.config.port}` });
        // Before the database opens: opening it makes its files owner-only again.
        checks.push(await checkFileModes(global.db));
        checks.push(await checkDatabase(global.db));
        checks.push(await checkDisk(global.db));
      }
      if (global.json) printJson({ checks });
      else printLine(formatTable(['check', 'ok', 'detail'], checks.map((c) => [c.check, c.ok ? 'ok' : 'FAIL', c.detail])));
      if (checks.some((c) => !c.ok)) env.exitCode = 1;
    });
}

async function checkDatabase(path: string): Promise<Check> {
  try {
    const warehouse = await createWarehouse({ kind: 'duckdb', path });
    const workspaces = await warehouse.listWorkspaces();
    await warehouse.close();
    return { check: 'database', ok: true, detail: `${path} opens; ${workspaces.length} workspace(s)` };
  } catch (err) {
    if (err instanceof UnavailableError) {
      const server = await findRunningServer(path);
      if (server) return { check: 'database', ok: true, detail: `held by the running server ${server.url} (pid ${server.pid}); commands go through it` };
    }
    return { check: 'database', ok: false, detail: (err as Error).message };
  }
}

/** Reachability and version of the server, then the database: opened (created and migrated if needed). */
async function checkClickHouse(url: string): Promise<Check> {
  let version: string;
  try {
    version = await clickhouseVersion(url);
  } catch (err) {
    return { check: 'clickhouse', ok: false, detail: `${displayUrl(url)} cannot be reached: ${(err as Error).message}` };
  }
  try {
    const { warehouse } = await openWarehouse({ db: '', clickhouse: url });
    try {
      const workspaces = await warehouse.listWorkspaces();
      return { check: 'clickhouse', ok: true, detail: `${displayUrl(url)} reachable, server version ${version}; ${workspaces.length} workspace(s)` };
    } finally {
      await warehouse.close();
    }
  } catch (err) {
    return { check: 'clickhouse', ok: false, detail: `${displayUrl(url)} reachable, server version ${version}, but: ${(err as Error).message}` };
  }
}

/** SELECT version() over the HTTP interface; credentials in the URL go in ClickHouse's headers. */
function clickhouseVersion(text: string): Promise<string> {
  const url = new URL(text);
  const headers: Record<string, string> = { connection: 'close' };
  if (url.username) headers['X-ClickHouse-User'] = decodeURIComponent(url.username);
  if (url.password) headers['X-ClickHouse-Key'] = decodeURIComponent(url.password);
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = get(`${url.origin}/?query=${encodeURIComponent('SELECT version()')}`, { headers, agent: false, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () => (response.statusCode === 200 ? resolve(body.trim()) : reject(new Error(`HTTP ${response.statusCode}: ${body.trim().slice(0, 200)}`))));
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
  });
}

/** The database, its log and the server file (which carries a token) must be readable by their owner alone. */
async function checkFileModes(path: string): Promise<Check> {
  const open: string[] = [];
  for (const file of [path, `${path}.wal`, serverFilePath(path)]) {
    const mode = await stat(file).then((s) => s.mode & 0o777, () => undefined);
    if (mode !== undefined && (mode & 0o077) !== 0) open.push(`${file} (${mode.toString(8).padStart(4, '0')})`);
  }
  if (open.length === 0) return { check: 'file modes', ok: true, detail: 'database files readable by their owner alone' };
  return { check: 'file modes', ok: false, detail: `readable by others: ${open.join(', ')}; chmod 600 them, or start Beacon once (it does)` };
}

async function checkDisk(path: string): Promise<Check> {
  try {
    const fs = await statfs(dirname(resolve(path)));
    const freeGb = (fs.bavail * fs.bsize) / 1024 ** 3;
    return { check: 'disk', ok: freeGb > 1, detail: `${freeGb.toFixed(1)} GB free beside the database` };
  } catch (err) {
    return { check: 'disk', ok: false, detail: (err as Error).message };
  }
}
