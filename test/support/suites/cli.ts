// The beacon CLI in child processes against a real ClickHouse (each the
// caller starts): administration, imports with located errors and duplicates, freshness, a
// server and a second import running side by side (no lock), doctor, the demo,
// and the errors for an unreachable URL and for --clickhouse with --server.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClickHouseServers, StartServer } from '../clickhouse.js';
import { exited, runCli, startCli, waitForLine } from '../spawn-cli.js';
import { tempDir } from '../temp-dir.js';

const ordersCsv = [
  'order_id,customer_id,timestamp,revenue',
  'o1,c1,2026-03-01T10:00:00Z,10.00',
  'o2,c2,2026-03-02T09:00:00Z,20.00',
  'o3,c3,2026-03-03T23:30:00Z,30.50',
].join('\n');

export const event = (id: string, timestamp: string) => JSON.stringify({ event_id: id, type: 'page_view', timestamp, anonymous_id: 'anon-1' });
const eventsNdjson = [
  event('e1', '2026-03-01T08:00:00Z'),
  event('e2', '2026-03-04T08:00:00Z'),
  JSON.stringify({ event_id: 'e3', type: 'page_view', timestamp: 'yesterday', anonymous_id: 'anon-1' }),
  event('e4', '2026-03-05T08:00:00Z'),
].join('\n');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function describeCliOnClickHouse(start: StartServer): void {
  const dir = tempDir('cli-clickhouse');
  // A DuckDB path that must never be created: with ClickHouse there is no file, no lock, no server file.
  const unusedDb = () => join(dir.path, 'unused.duckdb');
  let clickhouse: ClickHouseServers;
  let url: string;
  beforeAll(async () => {
    clickhouse = await start();
    url = `${clickhouse.url}/cli_test`;
  });
  afterAll(async () => {
    await clickhouse?.stop();
    dir.remove();
  });
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(['--db', unusedDb(), '--clickhouse', url, ...args], env);
  const shop = (args: string[]) => cli(['--workspace', 'shop', '--json', ...args]);

  it('creates a workspace and a key, imports with located errors, counts duplicates and reports freshness', async () => {
    const created = await cli(['workspaces', 'create', 'shop', '--currency', 'EUR', '--timezone', 'Europe/Berlin']);
    expect(created).toMatchObject({ code: 0, stdout: 'created workspace shop (EUR, Europe/Berlin)\n' });
    const key = JSON.parse((await shop(['keys', 'create', '--scope', 'ingest'])).stdout);
    expect(key).toMatchObject({ scope: 'ingest', workspace: 'shop', key: expect.stringMatching(/^bk_ingest_/) });
    expect(JSON.parse((await shop(['keys', 'list'])).stdout).keys.map((k: { id: string }) => k.id)).toEqual([key.id]);

    const orders = join(dir.path, 'orders.csv');
    const events = join(dir.path, 'events.ndjson');
    writeFileSync(orders, ordersCsv);
    writeFileSync(events, eventsNdjson);
    const firstOrders = await shop(['import', 'orders', orders]);
    expect(firstOrders.code).toBe(0);
    expect(JSON.parse(firstOrders.stdout)).toEqual({ accepted: 3, updated: 0, duplicates: 0, rejected: 0, errors: [] });
    // Line 3 of the NDJSON (record index 2) has a timestamp that is not ISO-8601.
    const firstEvents = await shop(['import', 'events', events]);
    expect(firstEvents.code).toBe(2);
    expect(JSON.parse(firstEvents.stdout)).toEqual({
      accepted: 3,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ index: 2, line: 3, field: 'timestamp', message: expect.stringContaining('ISO-8601') }],
    });

    const againOrders = await cli(['--workspace', 'shop', 'import', 'orders', orders]);
    expect(againOrders.code).toBe(0);
    expect(againOrders.stdout).toContain('accepted 0 · updated 0 · duplicates 3 · rejected 0');
    const againEvents = await shop(['import', 'events', events]);
    expect(againEvents.code).toBe(2);
    expect(JSON.parse(againEvents.stdout)).toMatchObject({ accepted: 0, updated: 0, duplicates: 3, rejected: 1 });

    // Orders end on 2026-03-03 (23:30Z), events on 2026-03-05; the bad event is not stored.
    const fresh = JSON.parse((await shop(['freshness'])).stdout).sources as { source: string; latest_date: string; rows: number }[];
    expect(fresh.find((s) => s.source === 'orders')).toMatchObject({ latest_date: '2026-03-03', rows: 3 });
    expect(fresh.find((s) => s.source === 'events')).toMatchObject({ latest_date: '2026-03-05', rows: 3 });
    // A re-import that stored nothing is listed too, with its duplicates and rejections: the audit counts duplicates from these.
    const imports = JSON.parse((await shop(['imports'])).stdout).imports as { source: string; accepted: number; duplicates: number; rejected: number }[];
    expect(imports.map((i) => [i.source, i.accepted, i.duplicates, i.rejected]).sort()).toEqual([
      ['events', 0, 3, 1],
      ['events', 3, 0, 1],
      ['orders', 0, 3, 0],
      ['orders', 3, 0, 0],
    ]);
    const settings = JSON.parse((await shop(['settings', '--set', 'gross_margin=0.4'])).stdout);
    expect(settings.settings).toMatchObject({ currency: 'EUR', timezone: 'Europe/Berlin', gross_margin: 0.4 });
    expect(existsSync(unusedDb())).toBe(false);
  });

  it('takes the URL from BEACON_CLICKHOUSE_URL', async () => {
    const listed = await runCli(['--db', unusedDb(), '--json', 'workspaces', 'list'], { BEACON_CLICKHOUSE_URL: url });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).workspaces.map((w: { name: string }) => w.name)).toContain('shop');
  });

  it('serves the API over ClickHouse while another process imports into it', async () => {
    const key = JSON.parse((await shop(['keys', 'create', '--scope', 'ingest'])).stdout).key as string;
    const reader = JSON.parse((await shop(['keys', 'create', '--scope', 'read'])).stdout).key as string;
    // Read-your-writes: this server waits for the derived view whatever the age of the writes it lacks.
    const server = startCli(['--db', unusedDb(), '--clickhouse', url, 'serve', '--port', '0'], { BEACON_MAX_STALENESS_MS: '0' });
    try {
      const [, api] = await waitForLine(server, /Beacon API on (http:\/\/\S+) \(ClickHouse /);
      expect(existsSync(`${unusedDb()}.server.json`)).toBe(false);
      const more = join(dir.path, 'more-orders.csv');
      writeFileSync(more, ['order_id,customer_id,timestamp,revenue', 'o4,c4,2026-03-06T12:00:00Z,5.00'].join('\n'));
      const body = [event('e5', '2026-03-06T08:00:00Z'), event('e6', '2026-03-07T08:00:00Z')].join('\n');
      const [posted, imported] = await Promise.all([
        fetch(`${api}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body }),
        shop(['import', 'orders', more]),
      ]);
      expect(posted.status).toBe(200);
      expect(await posted.json()).toEqual({ accepted: 2, updated: 0, duplicates: 0, rejected: 0, errors: [] });
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0 });
      // While the server runs, a third process reads directly too.
      const fresh = JSON.parse((await shop(['freshness'])).stdout).sources as { source: string; latest_date: string; rows: number }[];
      expect(fresh.find((s) => s.source === 'orders')).toMatchObject({ latest_date: '2026-03-06', rows: 4 });
      expect(fresh.find((s) => s.source === 'events')).toMatchObject({ latest_date: '2026-03-07', rows: 5 });
      // The metrics API over ClickHouse: orders o1–o4 (10 + 20 + 30.50 + 5), page views e1, e2, e4, e5 (e6 falls on 7 March).
      const query = await fetch(`${api}/v1/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reader}`, 'content-type': 'application/json' },
        body: JSON.stringify({ metrics: ['orders', 'order_revenue', 'pageviews'], from: '2026-03-01', to: '2026-03-06' }),
      });
      expect(query.status).toBe(200);
      expect((await query.json()).totals).toEqual({ orders: 4, order_revenue: 65.5, pageviews: 4 });
    } finally {
      server.kill('SIGTERM');
      expect(await exited(server)).toBe(0);
    }
  });

  it('doctor reports ClickHouse reachable with its version', async () => {
    const result = await cli(['--json', 'doctor']);
    expect(result.code).toBe(0);
    const check = JSON.parse(result.stdout).checks.find((c: { check: string }) => c.check === 'clickhouse');
    expect(check).toMatchObject({ ok: true, detail: expect.stringMatching(/reachable, server version \d+\.\d+/) });
  });

  it('an unreachable ClickHouse exits 1 naming its URL, in commands and in doctor', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const listed = await runCli(['--clickhouse', `${dead}/beacon`, 'workspaces', 'list']);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(dead);
    expect(listed.stderr).toContain('cannot be reached');
    const doctor = await runCli(['--clickhouse', `${dead}/beacon`, '--json', 'doctor']);
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).checks.find((c: { check: string }) => c.check === 'clickhouse')).toMatchObject({
      ok: false,
      detail: expect.stringContaining(`${dead}/beacon cannot be reached`),
    });
  });

  it('--clickhouse with --server exits 1 with a clear message', async () => {
    const result = await runCli(['--clickhouse', url, '--server', 'http://127.0.0.1:8787', '--key', 'k', 'workspaces', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--clickhouse and --server cannot be used together');
  });

  it('demo --no-serve loads the generated data set into ClickHouse', async () => {
    const demoUrl = `${clickhouse.url}/cli_demo`;
    const options = { days: 7, seed: 3, end: '2026-03-14', visitors: 200 };
    const result = await runCli(['--clickhouse', demoUrl, '--json', 'demo', '--no-serve', '--days', '7', '--seed', '3', '--end', '2026-03-14', '--visitors', '200']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.admin_key).toMatch(/^bk_admin_/);
    // Second method: the generator itself, counted here.
    const { generateDemo } = await import('../../../src/demo/generate-demo.js');
    const data = generateDemo(options);
    expect(output.loaded.events).toMatchObject({ accepted: [...data.events()].length, rejected: 0 });
    expect(output.loaded.orders).toMatchObject({ accepted: data.orders.length, rejected: 0 });
    const imports = JSON.parse((await runCli(['--clickhouse', demoUrl, '--json', 'imports'])).stdout).imports;
    expect(imports.length).toBeGreaterThanOrEqual(8);
  });
}
