// Shared pieces of the benchmarks: child processes, timing, medians, output.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Where a `beacon serve` child keeps its data: a DuckDB file or a ClickHouse URL (database in the path), on a cluster with its shards' URLs. */
export type Storage = { db: string } | { clickhouse: string; cluster?: { name: string; shards: readonly string[] } };

/** The built CLI (`npm run bench` builds it first): the server is measured as it ships, not through a TypeScript loader. */
const BUILT_CLI = join(ROOT, 'dist', 'cli.js');

/** Starts `beacon serve` on a free loopback port and resolves with its URL; `env` adds settings (limits…). */
export async function startServer(storage: Storage, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build (npm run bench does)`);
  const cluster = 'clickhouse' in storage && storage.cluster ? ['--clickhouse-cluster', storage.cluster.name, '--clickhouse-shards', storage.cluster.shards.join(',')] : [];
  const where = 'db' in storage ? ['--db', storage.db] : ['--clickhouse', storage.clickhouse, ...cluster];
  const profile = process.env.BEACON_BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BEACON_BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, BUILT_CLI, ...where, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, BEACON_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Beacon API on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const done = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await done;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** CPU seconds (user + system, all threads) a child process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Timed runs of a synchronous piece of work after warm-ups; times in ms. */
export function timedSync(warmups: number, runs: number, work: () => unknown): number[] {
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}

export async function timedAsync(warmups: number, runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

export const ms = (times: number[], digits = 1) => `median ${fmt(median(times), digits)} ms (min ${fmt(Math.min(...times), digits)}, max ${fmt(Math.max(...times), digits)})`;
export const seconds = (times: number[]) => `median ${fmt(median(times) / 1000, 2)} s (runs ${times.map((t) => fmt(t / 1000, 2)).join(', ')})`;
export const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;
