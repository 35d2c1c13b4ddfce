// Files are private by default: the database, its write-ahead log and the
// server file (which carries an admin-equivalent token) are readable by their
// owner alone, also when a stale file with a looser mode is reused.
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, runCli, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('file-modes');
afterAll(() => dir.remove());

const mode = (path: string) => statSync(path).mode & 0o777;

describe('file modes', () => {
  it('regression: a stale 0644 server file and database were reused with their mode; a restart makes them owner-only', async () => {
    const db = join(dir.path, 'data', 'beacon.duckdb');
    expect((await runCli(['--db', db, 'workspaces', 'create', 'shop'])).code).toBe(0);
    expect(mode(db)).toBe(0o600);
    expect(mode(join(dir.path, 'data'))).toBe(0o700);

    // Loosen everything, and leave a server file of a process long gone: doctor says so.
    chmodSync(db, 0o644);
    writeFileSync(`${db}.server.json`, JSON.stringify({ url: 'http://127.0.0.1:1', pid: 999_999_999, token: 'stale' }), { mode: 0o644 });
    chmodSync(`${db}.server.json`, 0o644);
    const doctor = await runCli(['--db', db, '--json', 'doctor']);
    const modes = JSON.parse(doctor.stdout).checks.find((c: { check: string }) => c.check === 'file modes');
    expect(modes.ok).toBe(false);
    expect(modes.detail).toContain(`${db} (0644)`);
    expect(modes.detail).toContain(`${db}.server.json (0644)`);
    expect(doctor.code).toBe(1);
    chmodSync(db, 0o644);

    const server = startCli(['--db', db, 'serve', '--port', '0']);
    try {
      await waitForLine(server, /Beacon API on (http:\/\/\S+)/);
      expect(mode(`${db}.server.json`)).toBe(0o600);
      expect(mode(db)).toBe(0o600);
      if (existsSync(`${db}.wal`)) expect(mode(`${db}.wal`)).toBe(0o600);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});
