// beacon alerts in a child process on a DuckDB file: a rule created from a
// JSON file is listed, run (it fires on the 90 + 60 = 150 spent today, and its
// webhook reaches a receiver on 127.0.0.1 that BEACON_WEBHOOK_ALLOW lets it
// reach), its firing is in the history, --json prints the HTTP bodies, and
// mistakes exit 1 with a sentence naming the field.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../src/core/time.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-alerts');
const db = join(dir.path, 'a.duckdb');
const env = { BEACON_WEBHOOK_ALLOW: '127.0.0.1' };
const today = localDate(Date.now(), 'UTC');
const bodies: string[] = [];
let receiver: Server;
let hook: string;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      bodies.push(body);
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const ads = join(dir.path, 'ads.csv');
  writeFileSync(ads, ['date,platform,campaign_id,impressions,clicks,cost', `${today},google_ads,c1,1000,10,90`, `${today},google_ads,c2,1000,10,60`].join('\n'));
  expect((await runCli(['--db', db, 'import', 'ad_performance', ads])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  dir.remove();
});

describe('beacon alerts', () => {
  let id: string;

  it('creates a rule from a file and lists it', async () => {
    const file = join(dir.path, 'rule.json');
    writeFileSync(file, JSON.stringify({ name: 'Spend over 100', metric: 'cost', condition: { kind: 'threshold', op: 'above', value: 100 }, webhook: { url: hook } }));
    const created = await runCli(['--db', db, '--json', 'alerts', 'create', file], env);
    expect(created.code, created.stderr).toBe(0);
    id = JSON.parse(created.stdout).id;
    expect(id).toMatch(/^alr_/);
    const listed = await runCli(['--db', db, 'alerts', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['id', 'name', 'watches', 'state', 'next run']);
    expect(lines[1].split(/\s{2,}/).slice(0, 4)).toEqual([id, 'Spend over 100', 'cost above 100 (day)', 'idle']);
  });

  it('runs it: it fires on 150 and sends the webhook', async () => {
    const ran = await runCli(['--db', db, 'alerts', 'run', id], env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('Cost is 150, above 100');
    expect(ran.stdout).toContain('fired; state firing');
    expect(ran.stdout).toContain('webhook: delivered (1 attempt)');
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0])).toMatchObject({ rule_id: id, value: 150 });
  });

  it('shows the firing in the history, as text and as the GET /v1/alerts/history body', async () => {
    const text = await runCli(['--db', db, 'alerts', 'history'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Spend over 100 (${id})`);
    expect(text.stdout).toContain(`query: cost from ${today} to ${today}`);
    const json = await runCli(['--db', db, '--json', 'alerts', 'history', '--rule', id], env);
    expect(JSON.parse(json.stdout).firings).toMatchObject([{ rule_id: id, value: 150, reference: 100, delivery: { delivered: true } }]);
  });

  it('acknowledges, then deletes it', async () => {
    const acked = await runCli(['--db', db, '--json', 'alerts', 'ack', id, '--comment', 'known'], env);
    expect(acked.code, acked.stderr).toBe(0);
    expect(JSON.parse(acked.stdout).state).toMatchObject({ status: 'acknowledged', comment: 'known' });
    expect((await runCli(['--db', db, 'alerts', 'delete', id], env)).code).toBe(0);
    const again = await runCli(['--db', db, 'alerts', 'delete', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`unknown alert rule "${id}"`);
  });

  it('refuses a rule file with a bad field, naming it', async () => {
    const file = join(dir.path, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', metric: 'cots', condition: { kind: 'threshold', op: 'above', value: 1 }, webhook: { url: hook } }));
    const { code, stderr } = await runCli(['--db', db, 'alerts', 'create', file], env);
    expect(code).toBe(1);
    expect(stderr).toContain('unknown metric "cots"');
  });
});
