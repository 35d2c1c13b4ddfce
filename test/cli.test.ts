// The beacon CLI in child processes on a real DuckDB file: import summaries
// and exit codes, administration, and the second process that goes through
// the server holding the database.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { exited, runCli, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli');
afterAll(() => dir.remove());

const ordersCsv = [
  'order_id,customer_id,timestamp,revenue',
  'o1,c1,2026-03-01T10:00:00Z,10.00',
  'o2,c2,not-a-time,20.00',
  '"o3",c3,2026-03-02T10:00:00Z,"30.5"',
].join('\n');

describe('beacon CLI', () => {
  it('imports a CSV, reports the bad line and exits 2; re-import counts duplicates', async () => {
    const db = join(dir.path, 'import.duckdb');
    const file = join(dir.path, 'orders.csv');
    writeFileSync(file, ordersCsv);
    const first = await runCli(['--db', db, '--json', 'import', 'orders', file]);
    expect(first.code).toBe(2);
    expect(JSON.parse(first.stdout)).toEqual({
      accepted: 2,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ index: 1, line: 3, field: 'timestamp', message: expect.stringContaining('ISO-8601') }],
    });
    const gz = join(dir.path, 'orders.csv.gz');
    writeFileSync(gz, gzipSync(ordersCsv.replace('o2,c2,not-a-time', 'o2,c2,2026-03-01T11:00:00Z')));
    const second = await runCli(['--db', db, 'import', 'orders', gz]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('accepted 1 · updated 0 · duplicates 2 · rejected 0');
  });

  it('explains a header that does not fit, lists the file it rejected, and the --map it names imports it', async () => {
    const db = join(dir.path, 'header.duckdb');
    const file = join(dir.path, 'shop-orders.csv');
    writeFileSync(file, 'order_id,customer_id,ordered_at,amount\no1,c1,2026-03-01T10:00:00Z,10\no2,c2,2026-03-02T10:00:00Z,20\n');
    const refused = await runCli(['--db', db, 'import', 'orders', file]);
    expect(refused.code).toBe(2);
    const lines = refused.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: accepted 0 · updated 0 · duplicates 0 · rejected 2 · \\d+\\.\\d s$`));
    expect(lines.slice(1)).toEqual([
      'first 1 error (2 rejected records):',
      '  line 1: the header has no column for timestamp, revenue (required by orders); unknown columns: ordered_at (did you mean timestamp?), ' +
        'amount (did you mean revenue?); import it with --map "ordered_at=timestamp,amount=revenue"',
    ]);
    const listed = JSON.parse((await runCli(['--db', db, '--json', 'imports'])).stdout);
    expect(listed.imports).toMatchObject([{ source: 'orders', origin: 'file shop-orders.csv', accepted: 0, updated: 0, duplicates: 0, rejected: 2 }]);
    // A header alone is refused the same way: nothing was rejected, but the file was.
    const headerOnly = join(dir.path, 'header-only.csv');
    writeFileSync(headerOnly, 'order_id,customer_id,ordered_at,amount\n');
    expect(await runCli(['--db', db, 'import', 'orders', headerOnly])).toMatchObject({ code: 2, stdout: expect.stringContaining('rejected 0') });
    const map = /--map "([^"]+)"/.exec(lines[2])![1];
    const fixed = await runCli(['--db', db, 'import', 'orders', file, '--map', map]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('accepted 2 · updated 0 · duplicates 0 · rejected 0');
  });

  it('takes date-only timestamps with --assume-timezone as midnight there, names the option without it, refuses an unknown zone', async () => {
    const db = join(dir.path, 'dates.duckdb');
    const file = join(dir.path, 'dated-orders.csv');
    writeFileSync(file, '\uFEFForder_id;customer_id;timestamp;revenue\nd1;c1;2026-12-01;10\n');
    const refused = await runCli(['--db', db, '--json', 'import', 'orders', file]);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).errors).toEqual([{ index: 0, line: 2, field: 'timestamp', message: expect.stringContaining('--assume-timezone ZONE') }]);
    const unknown = await runCli(['--db', db, 'import', 'orders', file, '--assume-timezone', 'Mars/Olympus']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('beacon: --assume-timezone: unknown time zone "Mars/Olympus"; expected an IANA name such as Europe/Berlin or America/New_York, or UTC\n');
    const taken = await runCli(['--db', db, 'import', 'orders', file, '--assume-timezone', 'Asia/Tokyo']);
    expect(taken.code).toBe(0);
    const warehouse = await createDuckDbWarehouse({ path: db });
    try {
      // Midnight in Tokyo (+09:00, no daylight saving) is 15:00 UTC the day before.
      expect(String((await warehouse.readRows('default', 'orders'))[0].timestamp)).toMatch(/^2026-11-30[ T]15:00:00/);
      expect((await warehouse.listImports('default')).map((i) => [i.accepted, i.rejected])).toEqual([[1, 0], [0, 1]]);
    } finally {
      await warehouse.close();
    }
  });

  it('names the known sources for an unknown one and exits 1', async () => {
    const result = await runCli(['--db', join(dir.path, 'x.duckdb'), 'import', 'tweets', 'none.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('known sources: events, ad_performance');
  });

  it('creates workspaces, keys and settings', async () => {
    const db = join(dir.path, 'admin.duckdb');
    expect((await runCli(['--db', db, 'workspaces', 'create', 'eu', '--currency', 'EUR', '--timezone', 'Europe/Berlin'])).code).toBe(0);
    const bad = await runCli(['--db', db, 'workspaces', 'create', 'tz', '--timezone', 'Nowhere/Land']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('timezone');
    const key = JSON.parse((await runCli(['--db', db, '--workspace', 'eu', '--json', 'keys', 'create', '--scope', 'read'])).stdout);
    expect(key).toMatchObject({ scope: 'read', workspace: 'eu' });
    const listed = JSON.parse((await runCli(['--db', db, '--workspace', 'eu', '--json', 'keys', 'list'])).stdout);
    expect(listed.keys.map((k: { id: string }) => k.id)).toEqual([key.id]);
    const settings = JSON.parse((await runCli(['--db', db, '--workspace', 'eu', '--json', 'settings', '--set', 'own_hosts=shop.example,www.shop.example', '--set', 'gross_margin=0.4'])).stdout);
    expect(settings.settings).toMatchObject({ currency: 'EUR', timezone: 'Europe/Berlin', own_hosts: ['shop.example', 'www.shop.example'], gross_margin: 0.4 });
    expect((await runCli(['--db', db, '--workspace', 'eu', 'keys', 'revoke', key.id])).code).toBe(0);
    expect((await runCli(['--db', db, '--workspace', 'eu', 'keys', 'revoke', key.id])).code).toBe(1);
  });

  it('goes through the running server when it holds the database, and with --server', async () => {
    const db = join(dir.path, 'shared.duckdb');
    const key = JSON.parse((await runCli(['--db', db, '--json', 'keys', 'create', '--scope', 'admin'])).stdout).key as string;
    const server = startCli(['--db', db, 'serve', '--port', '0']);
    try {
      const [, url] = await waitForLine(server, /Beacon API on (http:\/\/\S+)/);
      const file = join(dir.path, 'orders2.csv');
      writeFileSync(file, ordersCsv);
      const viaLock = await runCli(['--db', db, '--json', 'import', 'orders', file]);
      expect(viaLock.code).toBe(2);
      expect(JSON.parse(viaLock.stdout)).toMatchObject({ accepted: 2, rejected: 1, errors: [{ index: 1, line: 3, field: 'timestamp' }] });
      const remote = await runCli(['--server', url, '--key', key, '--json', 'import', 'orders', file]);
      expect(JSON.parse(remote.stdout)).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
      // A header that does not fit is explained by the CLI that reads the file; the server still lists the rejected import.
      const badHeader = join(dir.path, 'orders-header.csv');
      writeFileSync(badHeader, 'order_id,customer_id,ordered_at,amount\nx1,c1,2026-03-01T10:00:00Z,10\n');
      const explained = await runCli(['--db', db, '--json', 'import', 'orders', badHeader]);
      expect(explained.code).toBe(2);
      expect(JSON.parse(explained.stdout)).toMatchObject({ accepted: 0, rejected: 1, errors: [{ index: 0, line: 1, field: '(header)', message: expect.stringContaining('--map "ordered_at=timestamp,amount=revenue"') }] });
      expect(JSON.parse(explained.stdout).errors).toHaveLength(1);
      const listed = JSON.parse((await runCli(['--db', db, '--json', 'imports'])).stdout).imports as { accepted: number; duplicates: number; rejected: number }[];
      // Newest first: the refused header, the remote re-import (stored nothing: duplicates and a rejection), the first import.
      expect(listed.map((i) => [i.accepted, i.duplicates, i.rejected])).toEqual([[0, 0, 1], [0, 2, 1], [2, 0, 1]]);
      const fresh = JSON.parse((await runCli(['--db', db, '--json', 'freshness'])).stdout);
      expect(fresh.sources.find((s: { source: string }) => s.source === 'orders')).toMatchObject({ latest_date: '2026-03-02', rows: 2 });
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
    // The server stopped cleanly: the file opens directly again and holds the two orders.
    const warehouse = await createDuckDbWarehouse({ path: db });
    expect((await warehouse.readRows('default', 'orders')).map((r) => r.order_id)).toEqual(['o1', 'o3']);
    await warehouse.close();
  });
});

describe('beacon demo', () => {
  it('loads the generated data set through ingestion and derives sessions', async () => {
    const db = join(dir.path, 'demo.duckdb');
    const options = { days: 14, seed: 7, end: '2026-03-14', visitors: 300 };
    const result = await runCli(['--db', db, '--json', 'demo', '--no-serve', '--days', '14', '--seed', '7', '--end', '2026-03-14', '--visitors', '300']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.admin_key).toMatch(/^bk_admin_/);
    // Second method: the generator itself, counted here.
    const { generateDemo } = await import('../src/demo/generate-demo.js');
    const data = generateDemo(options);
    const generated = [...data.events()];
    expect(output.loaded.events).toMatchObject({ accepted: generated.length, rejected: 0 });
    expect(output.loaded.orders).toMatchObject({ accepted: data.orders.length, rejected: 0 });
    const warehouse = await createDuckDbWarehouse({ path: db });
    try {
      const sessions = await warehouse.readDerived('default', 'sessions');
      const visitorsWithPageViews = new Set(generated.filter((e) => e.type === 'page_view').map((e) => e.anonymous_id));
      // Every visitor with a page view has at least one session, and no session lacks a visitor.
      expect(new Set(sessions.map((s) => s.anonymous_id))).toEqual(visitorsWithPageViews);
      expect((await warehouse.listImports('default')).length).toBeGreaterThanOrEqual(8);
    } finally {
      await warehouse.close();
    }
  });
});
