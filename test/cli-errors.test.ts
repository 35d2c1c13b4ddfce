// What a person sees when a command fails for a reason of theirs or of the
// machine (a missing or unreadable file, a busy port, a locked database,
// ClickHouse down, a directory they may not write, a read-only or full disk):
// one sentence on stderr, exit code 1, and no stack trace. A bug says it is
// one, and shows its stack only with --verbose or BEACON_LOG_LEVEL=debug.
// Each case runs the CLI in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, runCli, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';
import { canMount, mountTmpfs, unmount } from './support/tmpfs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STACK_FRAME = /^\s+at /m;
const dir = tempDir('cli-errors');
// Root reads and writes whatever the modes say: the permission cases run as `nobody` there.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) {
    child.kill('SIGKILL');
    await exited(child);
  }
  dir.remove();
});

type Result = Awaited<ReturnType<typeof runCli>>;

/** Exit code 1 and one line on stderr holding every word, no stack frame. */
function expectPlainFailure(result: Result, words: (string | RegExp)[]): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr, result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(/^beacon: /);
  for (const word of words) expect(result.stderr).toMatch(typeof word === 'string' ? new RegExp(escape(word)) : word);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = await listen();
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A process that is no Beacon server, holding the DuckDB file at `db`. */
async function holdDatabase(db: string): Promise<ChildProcess> {
  const holder = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-database.ts', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(holder);
  await waitForLine(holder, /holding/);
  return holder;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await exited(child);
  return child.pid!;
}

describe('a failing command says what happened and what to do', () => {
  it('a missing input file', async () => {
    const result = await runCli(['--db', join(dir.path, 'missing.duckdb'), 'import', 'orders', 'nope.csv']);
    expectPlainFailure(result, ['nope.csv does not exist', 'check the name']);
  });

  it('an input file this user may not read (EACCES)', async () => {
    const shared = join(dir.path, 'unreadable');
    mkdirSync(join(shared, 'db'), { recursive: true });
    chmodSync(dir.path, 0o755);
    chmodSync(shared, 0o755);
    chmodSync(join(shared, 'db'), 0o777);
    const file = join(shared, 'orders.csv');
    writeFileSync(file, 'order_id,customer_id,timestamp,revenue\no1,c1,2026-03-01T10:00:00Z,10\n');
    chmodSync(file, 0o000);
    const result = await runCli(['--db', join(shared, 'db', 'beacon.duckdb'), 'import', 'orders', file], {}, asUser);
    expectPlainFailure(result, [`not readable: ${file}`, 'fix its permissions']);
  });

  it('a --db directory this user may not write (permission denied)', async () => {
    const locked = join(dir.path, 'not-writable');
    mkdirSync(locked);
    chmodSync(dir.path, 0o755);
    chmodSync(locked, 0o555);
    const result = await runCli(['--db', join(locked, 'beacon.duckdb'), 'workspaces', 'list'], {}, asUser);
    expectPlainFailure(result, [`permission denied on ${join(locked, 'beacon.duckdb')}`, 'choose another location']);
  });

  it('a --db path under a regular file', async () => {
    const file = join(dir.path, 'plain-file');
    writeFileSync(file, 'not a directory');
    const result = await runCli(['--db', join(file, 'beacon.duckdb'), 'workspaces', 'list']);
    expectPlainFailure(result, [`cannot create the directory ${file}`, 'a file of that name is in the way', 'choose another location']);
  });

  it('a port in use', async () => {
    const taken = await listen();
    try {
      const port = portOf(taken);
      const result = await runCli(['--db', join(dir.path, 'port.duckdb'), 'serve', '--port', String(port)]);
      expectPlainFailure(result, [`127.0.0.1 port ${port} is already in use`, 'choose another port with --port']);
    } finally {
      taken.close();
    }
  });

  it('ClickHouse that cannot be reached', async () => {
    const port = await closedPort();
    const result = await runCli(['--clickhouse', `http://127.0.0.1:${port}/beacon`, 'workspaces', 'list']);
    expectPlainFailure(result, [`ClickHouse at http://127.0.0.1:${port} cannot be reached`, 'check that ClickHouse runs there', '--clickhouse']);
  });

  describe('a database another process holds', () => {
    const db = join(dir.path, 'locked.duckdb');
    let holder: ChildProcess;

    it('with no server file: names the process', async () => {
      holder = await holdDatabase(db);
      const result = await runCli(['--db', db, 'workspaces', 'list']);
      expectPlainFailure(result, [`the database ${db} is in use by another process (pid ${holder.pid})`, 'stop it']);
    });

    it('with the server file of a server that has exited: the same', async () => {
      writeFileSync(`${db}.server.json`, JSON.stringify({ url: `http://127.0.0.1:${await closedPort()}`, pid: await deadPid(), token: 't' }));
      const result = await runCli(['--db', db, 'freshness']);
      expectPlainFailure(result, [`the database ${db} is in use by another process (pid ${holder.pid})`, 'stop it']);
    });

    it('with a server file whose process lives but answers nothing', async () => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      writeFileSync(`${db}.server.json`, JSON.stringify({ url, pid: holder.pid, token: 't' }));
      const result = await runCli(['--db', db, 'freshness']);
      expectPlainFailure(result, [`(${url}, pid ${holder.pid}) does not answer`, `remove that file`, `${db}.server.json`]);
    });
  });

  describe.skipIf(!canMount && !process.env.CI)('a disk that refuses writes (tmpfs mounts, as root)', () => {
    it('a read-only file system', async () => {
      const mount = join(dir.path, 'read-only');
      mountTmpfs(mount, '1m', true);
      try {
        const result = await runCli(['--db', join(mount, 'beacon.duckdb'), 'workspaces', 'list']);
        expectPlainFailure(result, [`${join(mount, 'beacon.duckdb')} is on a read-only file system`, 'choose a writable location']);
      } finally {
        unmount(mount);
      }
    });

    it('a full disk (ENOSPC)', async () => {
      const mount = join(dir.path, 'full');
      mountTmpfs(mount, '1m');
      try {
        // Fill it: the write stops at the end of the space, leaving what fitted.
        expect(() => writeFileSync(join(mount, 'filler'), Buffer.alloc(2 * 1024 * 1024))).toThrow(/ENOSPC/);
        const result = await runCli(['--db', join(mount, 'beacon.duckdb'), 'workspaces', 'list']);
        expectPlainFailure(result, ['the disk is full', join(mount, 'beacon.duckdb'), 'free some space']);
      } finally {
        unmount(mount);
      }
    });
  });
});

describe('a bug', () => {
  const fault = ['./test/support/inject-fault.ts'];
  const file = join(dir.path, 'orders.fault.csv');
  const args = ['--db', join(dir.path, 'bug.duckdb'), 'import', 'orders', file];
  beforeAll(() => writeFileSync(file, 'order_id\n'));

  it('says it is a bug, with its message and how to see the details, on one line', async () => {
    const result = await runCli(args, { BEACON_TEST_FAULT: 'stat' }, { preload: fault });
    expectPlainFailure(result, ['internal error (a bug in Beacon): injected fault in stat', '--verbose', 'BEACON_LOG_LEVEL=debug']);
  });

  it('shows its stack trace with --verbose', async () => {
    const result = await runCli(['--verbose', ...args], { BEACON_TEST_FAULT: 'stat' }, { preload: fault });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('internal error (a bug in Beacon): Error: injected fault in stat');
    expect(result.stderr).toMatch(/^\s+at .*import-command\.ts/m);
  });

  it('shows its stack trace with BEACON_LOG_LEVEL=debug', async () => {
    const result = await runCli(args, { BEACON_TEST_FAULT: 'stat', BEACON_LOG_LEVEL: 'debug' }, { preload: fault });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\s+at .*import-command\.ts/m);
  });

  it('thrown outside any command (in a timer of a running server) ends the process the same way', async () => {
    const server = startCli(['--db', join(dir.path, 'timer.duckdb'), 'serve', '--port', '0'], { BEACON_TEST_FAULT: 'timer' }, false, { preload: fault });
    let stderr = '';
    server.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => server.on('close', resolve));
    expectPlainFailure({ code: code ?? -1, stdout: '', stderr }, ['internal error (a bug in Beacon): injected fault in a timer', '--verbose']);
  });
});
