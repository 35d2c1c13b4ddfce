// Alert rules run by the server itself, over real HTTP on a real DuckDB file:
// a real-time rule fires shortly after an ingestion that touches its source
// (no one calls /run), a rule on another source stays quiet, a receiver that
// fails leaves its failure in the history, and /metrics counts the
// evaluations, the firings and the failed delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../src/core/time.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { LOOPBACK_WEBHOOKS, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const dir = tempDir('http-alert-scheduling');
let t: TestServer;
let receiver: WebhookReceiver;
let hookBase: string;

// Real-time rules judge today's spend: keep clear of midnight so the day does not turn mid-test.
const DAY_MS = 86_400_000;
const untilMidnight = DAY_MS - (Date.now() % DAY_MS);
if (untilMidnight < 120_000) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));
const today = localDate(Date.now(), 'UTC');

const admin = (method: string, path: string, body?: unknown) => call(t.url, method, path, { key: t.keys.admin, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
/** A rule that only ingestions run within the test: its schedule comes round once a year. */
const liveRule = (name: string, extra: Record<string, unknown>) => ({ name, schedule: '0 0 1 1 *', realtime: true, webhook: { url: `${hookBase}/ok` }, ...extra });

async function firings(ruleId: string): Promise<any[]> {
  const { body } = await call(t.url, 'GET', `/v1/alerts/history?rule_id=${ruleId}`, { key: t.keys.read });
  return body.firings;
}

/** Polls the history until the rule has `count` firings, for at most 20 s. */
async function untilFirings(ruleId: string, count: number): Promise<any[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await firings(ruleId);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function metricValue(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => (path === '/fail' ? 503 : 200));
  hookBase = receiver.base;
  t = await startTestServer(dir.path, {}, { webhooks: LOOPBACK_WEBHOOKS });
}, 120_000);

afterAll(async () => {
  await t.stop();
  await receiver.close();
  dir.remove();
});

describe('real-time rules in a running server', () => {
  let spend: string;
  let nps: string;
  let failing: string;

  beforeAll(async () => {
    const create = async (body: unknown) => {
      const response = await admin('POST', '/v1/alerts', body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    spend = await create(liveRule('Spend over 100 today', { metric: 'cost', condition: { kind: 'threshold', op: 'above', value: 100 } }));
    nps = await create(liveRule('NPS below 0', { metric: 'nps', condition: { kind: 'threshold', op: 'below', value: 0 } }));
    failing = await create(liveRule('Spend over 50, to a failing receiver', { metric: 'cost', condition: { kind: 'threshold', op: 'above', value: 50 }, webhook: { url: `${hookBase}/fail` } }));
  });

  it('fire after an ingestion of ad rows, on what was ingested: 70 + 60 = 130 spent today', async () => {
    const rows = [
      { date: today, platform: 'google_ads', campaign_id: 'C1', impressions: 1000, clicks: 10, cost: 70 },
      { date: today, platform: 'google_ads', campaign_id: 'C2', impressions: 1000, clicks: 10, cost: 60 },
    ];
    const response = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(rows) });
    expect(response.status).toBe(200);
    const [firing] = await untilFirings(spend, 1);
    expect(firing).toMatchObject({ trigger: 'realtime', value: 130, reference: 100, delivery: { delivered: true } });
    const [failed] = await untilFirings(failing, 1);
    expect(failed).toMatchObject({ trigger: 'realtime', value: 130, delivery: { delivered: false } });
    expect(failed.delivery.attempts.map((a: { status: number }) => a.status)).toEqual([503, 503]);
  });

  it('leave a rule on surveys alone: nothing it reads was ingested', async () => {
    const { body } = await call(t.url, 'GET', '/v1/alerts', { key: t.keys.read });
    const rule = body.alerts.find((a: { id: string }) => a.id === nps);
    expect(rule.last_evaluated_at).toBeNull();
    expect(await firings(nps)).toEqual([]);
  });

  it('count evaluations, firings and failed deliveries in /metrics', async () => {
    const { body } = await call(t.url, 'GET', '/metrics');
    // Two rules read ad rows and both held: two evaluations met in real time, two firings, one delivery that failed.
    expect(metricValue(body, 'beacon_alert_evaluations_total', 'trigger="realtime",outcome="met"')).toBe(2);
    expect(metricValue(body, 'beacon_alert_firings_total', 'trigger="realtime"')).toBe(2);
    expect(metricValue(body, 'beacon_alert_delivery_failures_total', '')).toBe(1);
    expect(receiver.received.filter((hook) => hook.path === '/fail')).toHaveLength(2);
  });
});
