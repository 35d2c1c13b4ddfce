// Real ClickHouse servers for tests: each runs from its own temporary
// directory (data, logs, config) on free loopback ports and is stopped by pid.
// With shards: 2, two servers share a `beacon_cluster` of two shards.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CLUSTER = 'beacon_cluster';

/** Starts a ClickHouse for one suite (test/support/suites/): startClickHouse, or startChdb (chdb.ts). */
export type StartServer = () => Promise<ClickHouseServers>;

export interface ClickHouseServers {
  /** HTTP URL of the first server. */
  url: string;
  /** HTTP URL of every server, shard order. */
  urls: string[];
  /** Set when several servers form a cluster. */
  cluster?: typeof CLUSTER;
  pids: number[];
  stop(): Promise<void>;
  /** Stops every server and keeps its data, then starts it again on the same ports (fault tests; clickhouse-server only). */
  down?(): Promise<void>;
  up?(): Promise<void>;
}

/** True while process `pid` exists (to check that stop() left none behind). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The clickhouse-server binary, found on PATH or where Debian installs it; undefined when absent. */
export function clickhouseBinary(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, 'clickhouse-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function clickhouseAvailable(): boolean {
  return clickhouseBinary() !== undefined;
}

/**
 * True when tests can start ClickHouse. Outside CI a missing binary lets the
 * caller skip; in CI it throws, so a missing server fails the run loudly.
 */
export function requireClickHouse(available = clickhouseAvailable(), ci = process.env.CI): boolean {
  if (!available && ci) {
    throw new Error('clickhouse-server is not installed, and CI must run the ClickHouse tests: install clickhouse-server (see .ci/run)');
  }
  return available;
}

interface Ports {
  http: number;
  tcp: number;
  interserver: number;
}

/** Ports the kernel hands out for port 0, all held until every one is known so none repeats. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function clusterXml(shards: readonly Ports[]): string {
  const shardXml = shards
    .map((p) => `      <shard><replica><host>127.0.0.1</host><port>${p.tcp}</port></replica></shard>`)
    .join('\n');
  return `  <remote_servers>\n    <${CLUSTER}>\n${shardXml}\n    </${CLUSTER}>\n  </remote_servers>\n`;
}

function configXml(dir: string, ports: Ports, cluster: string): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/server.log</log>
    <errorlog>${dir}/log/server.err.log</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>33554432</mark_cache_size>
  <uncompressed_cache_size>33554432</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
${cluster}</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_threads>2</max_threads>
      <background_pool_size>2</background_pool_size>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default></default></quotas>
</yandex>
`;

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  dir: string;
}

const running = new Set<Running>();
// A test process that dies without stop() must not leave servers behind.
process.once('exit', () => {
  for (const server of running) server.child.kill('SIGKILL');
});

function launch(binary: string, dir: string): Running {
  const out = openSync(join(dir, 'log', 'stdout.log'), 'a');
  const child = spawn(binary, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, detached: false, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server = { child, exited, dir };
  running.add(server);
  void exited.then(() => running.delete(server));
  return server;
}

async function waitForPing(server: Running, url: string, timeoutMs = 30_000): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`clickhouse-server exited during start-up: ${logTail(server.dir)}`);
    if ((await ping(url)) === 'Ok.') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`clickhouse-server did not answer ${url}/ping within ${timeoutMs} ms: ${logTail(server.dir)}`);
}

/** GET /ping on a connection of its own that is closed afterwards: an idle keep-alive connection would delay shutdown. */
function ping(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = get(`${url}/ping`, { agent: false, headers: { connection: 'close' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body.trim()));
      response.on('error', () => resolve(undefined));
    });
    request.on('error', () => resolve(undefined));
  });
}

function logTail(dir: string): string {
  for (const name of ['server.err.log', 'stdout.log']) {
    try {
      const text = readFileSync(join(dir, 'log', name), 'utf8').trim();
      if (text) return text.split('\n').slice(-5).join('\n');
    } catch {
      // no such log
    }
  }
  return '(no log)';
}

async function halt(server: Running): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
    await server.exited;
    clearTimeout(timer);
  }
}

async function stopOne(server: Running): Promise<void> {
  await halt(server);
  rmSync(server.dir, { recursive: true, force: true });
}

async function startOnce(binary: string, shards: 1 | 2): Promise<ClickHouseServers> {
  const numbers = await freePorts(shards * 3);
  const ports = Array.from({ length: shards }, (_, i) => ({ http: numbers[i * 3], tcp: numbers[i * 3 + 1], interserver: numbers[i * 3 + 2] }));
  const cluster = shards > 1 ? clusterXml(ports) : '';
  let servers = ports.map((p) => {
    const dir = mkdtempSync(join(tmpdir(), 'beacon-clickhouse-'));
    for (const sub of ['log', 'data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'config.xml'), configXml(dir, p, cluster));
    writeFileSync(join(dir, 'users.xml'), USERS_XML);
    return launch(binary, dir);
  });
  const urls = ports.map((p) => `http://127.0.0.1:${p.http}`);
  const stop = async () => {
    await Promise.all(servers.map(stopOne));
  };
  try {
    await Promise.all(servers.map((s, i) => waitForPing(s, urls[i])));
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: urls[0],
    urls,
    ...(shards > 1 ? { cluster: CLUSTER } : {}),
    pids: servers.map((s) => s.child.pid!),
    stop,
    down: async () => {
      await Promise.all(servers.map(halt));
    },
    up: async () => {
      servers = servers.map((s) => launch(binary, s.dir));
      await Promise.all(servers.map((s, i) => waitForPing(s, urls[i])));
    },
  };
}

/**
 * Starts one server (or a two-shard cluster) and resolves once every server
 * answers /ping. A port taken by another process between choosing it and the
 * server binding it fails the start; it is retried on new ports.
 *
 * @example
 * const clickhouse = await startClickHouse();
 * // … createClient({ url: clickhouse.url }) …
 * await clickhouse.stop();
 */
export async function startClickHouse(options: { shards?: 1 | 2 } = {}): Promise<ClickHouseServers> {
  const binary = clickhouseBinary();
  if (!binary) throw new Error('clickhouse-server is not installed');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(binary, options.shards ?? 1);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
