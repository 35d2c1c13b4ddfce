// Budget recommendations end to end, over a real server and the built CLI, on
// 70 days of two channels whose revenue follows a known curve: Paid Search
// earns 600 · (1 − e^(−spend/150)) a day and Paid Social 300 · (1 − e^(−spend/60)),
// no carry-over, spend varied every day. The split of 14,000 that maximises
// revenue is then closed form (below), and the answer must find it, with
// equal marginal ROAS on both channels; bad bodies are 400s naming the field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/time.js';
import { BudgetReportSchema } from '../src/server/budget-schemas.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('budget-surfaces');
const FROM = '2026-08-01';
const DAYS = 70;
const TO = addDays(FROM, DAYS - 1);
const BUDGET = 14_000;

const CHANNELS = [
  { channel: 'Paid Search', campaign: 'G1', platform: 'google_ads', utm: 'utm_source=google&utm_medium=cpc', beta: 600, gamma: 150, spend: (i: number) => 120 + 70 * Math.sin(i * 0.7) },
  { channel: 'Paid Social', campaign: 'M1', platform: 'meta_ads', utm: 'utm_source=facebook&utm_medium=paid_social', beta: 300, gamma: 60, spend: (i: number) => 80 + 50 * Math.cos(i * 0.45) },
];
const round2 = (n: number) => Math.round(n * 100) / 100;

function records() {
  const campaigns = CHANNELS.map((c) => ({ campaign_id: c.campaign, name: c.channel, platform: c.platform, channel: c.channel }));
  const ads: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < DAYS; i++) {
    const day = addDays(FROM, i);
    for (const c of CHANNELS) {
      const spend = round2(c.spend(i));
      ads.push({ date: day, platform: c.platform, campaign_id: c.campaign, impressions: 10_000, clicks: 100, cost: spend });
      // One visitor a day per channel lands from its campaign and buys the day's revenue.
      const visitor = `${c.campaign}-${i}`;
      events.push({ event_id: `${visitor}-v`, type: 'page_view', timestamp: `${day}T10:00:00Z`, anonymous_id: visitor, url: `https://shop.example/?${c.utm}&utm_campaign=${c.campaign}` });
      events.push({ event_id: `${visitor}-p`, type: 'purchase', timestamp: `${day}T10:05:00Z`, anonymous_id: visitor, url: 'https://shop.example/checkout', order_id: `o-${visitor}`, revenue: round2(c.beta * (1 - Math.exp(-spend / c.gamma))) });
    }
  }
  return { campaigns, ads, events };
}

/**
 * The optimum by hand: over D days a channel's revenue is D·β(1 − e^(−S/(Dγ)))
 * for a period spend S, its marginal β/γ · e^(−S/(Dγ)). Equal marginals λ give
 * S = Dγ·ln(β/(γλ)), and ΣS = B fixes ln λ = (Σ Dγ·ln(β/γ) − B) / Σ Dγ.
 */
function closedForm(): { lambda: number; spend: Record<string, number> } {
  const weights = CHANNELS.map((c) => DAYS * c.gamma);
  const logLambda = (CHANNELS.reduce((sum, c, k) => sum + weights[k] * Math.log(c.beta / c.gamma), 0) - BUDGET) / weights.reduce((a, b) => a + b, 0);
  const lambda = Math.exp(logLambda);
  return { lambda, spend: Object.fromEntries(CHANNELS.map((c) => [c.channel, DAYS * c.gamma * Math.log(c.beta / (c.gamma * lambda))])) };
}

let t: TestServer;
const data = records();

beforeAll(async () => {
  t = await startTestServer(join(dir.path, 'server'));
  for (const [path, body] of [['/v1/import/campaigns', data.campaigns], ['/v1/import/ad_performance', data.ads], ['/v1/events', data.events]] as const) {
    const response = await call(t.url, 'POST', path, { key: t.keys.ingest, body: JSON.stringify(body) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

const recommend = (body: Record<string, unknown>) => call(t.url, 'POST', '/v1/budget/recommend', { key: t.keys.read, body: JSON.stringify(body) });

describe('POST /v1/budget/recommend', () => {
  it('finds the closed-form split of 14,000 with equal marginal ROAS, and spends all of it', async () => {
    const { status, body } = await recommend({ total_budget: BUDGET, from: FROM, to: TO, max_change_percent: 1000 });
    expect(status, JSON.stringify(body)).toBe(200);
    expect([...TypeCompiler.Compile(BudgetReportSchema).Errors(body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    const expected = closedForm();
    const rows = new Map<string, { recommended: number; marginal_roas: number; binding: string | null; curve: { family: string } }>(body.rows.map((r: { key: string }) => [r.key, r]));
    expect([...rows.keys()].sort()).toEqual(['Paid Search', 'Paid Social']);
    for (const c of CHANNELS) {
      const row = rows.get(c.channel)!;
      expect(row.curve.family).toBe('exponential');
      expect(row.binding).toBeNull();
      expect(Math.abs(row.recommended - expected.spend[c.channel]) / expected.spend[c.channel]).toBeLessThan(0.03);
      expect(Math.abs(row.marginal_roas - expected.lambda) / expected.lambda).toBeLessThan(0.03);
    }
    expect(body.recommended_total).toBeCloseTo(BUDGET, 6);
    // The current spend is the history's: Σ of the daily amounts loaded.
    expect(body.current_total).toBeCloseTo(data.ads.reduce((sum, a) => sum + (a.cost as number), 0), 6);
    expect(body.excluded).toEqual([]);
  });

  it('keeps a locked channel where it is and gives the rest of the budget to the other', async () => {
    const { body } = await recommend({ total_budget: BUDGET, from: FROM, to: TO, locked: ['Paid Social'], max_change_percent: 1000 });
    const social = body.rows.find((r: { key: string }) => r.key === 'Paid Social');
    const search = body.rows.find((r: { key: string }) => r.key === 'Paid Search');
    expect(social.binding).toBe('locked');
    expect(social.recommended).toBeCloseTo(social.current, 6);
    expect(search.recommended).toBeCloseTo(BUDGET - social.current, 6);
  });

  it('refuses what it cannot do, naming the field', async () => {
    const short = await recommend({ total_budget: BUDGET, from: FROM, to: addDays(FROM, 9) });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain(`to must be at least 29 days after from: a curve needs 30 days of history (from ${FROM} to ${addDays(FROM, 9)} is 10)`);
    const unknown = await recommend({ total_budget: BUDGET, from: FROM, to: TO, max: { 'Paid Serch': 100 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('max.Paid Serch no channel "Paid Serch" in the history; did you mean Paid Search?');
    const both = await recommend({ total_budget: BUDGET, from: FROM, to: TO, target_roas: 3, target_cpa: 20 });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('give target_roas or target_cpa, not both');
    const none = await recommend({ total_budget: BUDGET, from: '2025-01-01', to: '2025-03-01' });
    expect(none.status).toBe(422);
    // Another workspace sees none of these channels' spend over the same days.
    const other = await call(t.url, 'POST', '/v1/budget/recommend', { key: t.keys.otherAdmin, body: JSON.stringify({ total_budget: BUDGET, from: FROM, to: TO }) });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toContain(`no channel spent anything from ${FROM} to ${TO}`);
  });
});

describe('beacon budget', () => {
  const db = join(dir.path, 'cli.duckdb');
  beforeAll(async () => {
    for (const [source, rows] of [['campaigns', data.campaigns], ['ad_performance', data.ads], ['events', data.events]] as const) {
      const file = join(dir.path, `${source}.ndjson`);
      writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
      const imported = await runCli(['--db', db, 'import', source, file]);
      expect(imported.code, imported.stderr).toBe(0);
    }
  }, 60_000);

  it('prints the totals, a row per channel and the reasons', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'budget', '--total', String(BUDGET), '--from', FROM, '--to', TO, '--max-change', '1000']);
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Budget 14,000 USD by channel for 70 days (history ${FROM} … ${TO}, revenue by last_non_direct)`);
    const expected = closedForm();
    for (const c of CHANNELS) {
      const row = lines.find((l) => l.startsWith(c.channel))!.split(/\s{2,}/);
      // Recommended, rounded to whole units, within 3 % of the closed form.
      expect(Math.abs(Number(row[2].replace(/,/g, '')) - expected.spend[c.channel]) / expected.spend[c.channel]).toBeLessThan(0.03);
    }
    expect(stdout).toContain('why:\n  - Each channel moves at most 1000 % from its current spend');
  });

  it('says which option is wrong', async () => {
    const bad = await runCli(['--db', db, 'budget', '--total', '100', '--from', FROM, '--to', TO, '--max', 'Paid Search']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--max takes KEY=AMOUNT, e.g. --max "Paid Search=30000" (got "Paid Search")');
  });
});
