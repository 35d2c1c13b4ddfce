// A modern ClickHouse for tests without a server binary: chdb (the ClickHouse
// engine the npm package embeds) behind the HTTP interface of chdb-server.ts,
// run as a process of its own from a temporary data directory, on a free
// loopback port, stopped by pid. Clients reach it by URL like any server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClickHouseServers } from './clickhouse.js';

const SERVER = fileURLToPath(new URL('./chdb-server.ts', import.meta.url));

export interface ChdbServer extends ClickHouseServers {
  /** version() of the engine, e.g. 26.7.2.1. */
  version: string;
}

/** True when chdb and its engine library for this platform are installed. */
export function chdbAvailable(): boolean {
  const require = createRequire(import.meta.url);
  try {
    const main = require.resolve('chdb');
    const libc = process.platform === 'linux' ? '-gnu' : '';
    createRequire(main).resolve(`@chdb/lib-${process.platform}-${process.arch}${libc}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when tests can start chdb. Outside CI a missing package lets the
 * caller skip; in CI it throws, so the modern-ClickHouse tests never go
 * missing quietly (and a chdb that is installed but cannot load fails startChdb).
 */
export function requireChdb(available = chdbAvailable(), ci = process.env.CI): boolean {
  if (!available && ci) {
    throw new Error('chdb is not installed, and CI must run the tests on modern ClickHouse: run npm ci (chdb is a devDependency)');
  }
  return available;
}

/**
 * Starts the HTTP interface over a fresh chdb data directory; resolves once it
 * answers. `profile`: settings that differ from a server's defaults, as a
 * server's user profile may set them.
 */
export async function startChdb(options: { profile?: Record<string, string>; timeoutMs?: number } = {}): Promise<ChdbServer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = mkdtempSync(join(tmpdir(), 'beacon-chdb-'));
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, join(dir, 'data'), JSON.stringify(options.profile ?? {})], {
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4_000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 5_000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', kill);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ready = await new Promise<{ port: number; version: string }>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`chdb did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        out += text;
        const line = out.split('\n')[0];
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { port: number; version: string });
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`chdb exited during start-up (code ${child.exitCode}): ${stderr}`));
      });
    });
    const url = `http://127.0.0.1:${ready.port}`;
    return { url, urls: [url], pids: [child.pid!], version: ready.version, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
