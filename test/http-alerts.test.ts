// Alert rules over real HTTP on a real DuckDB file, with webhooks sent to a
// receiver on 127.0.0.1 (allowed by the server's webhook policy): each bad
// field of a rule is a 400 naming it; a threshold rule fires once on spend
// whose day total is known, does not fire again while it holds, and resolves
// when the data clears; a change rule split by campaign names each campaign's
// part of the change, worked out by hand, and its recommended action is cut
// by the daily cap on its second firing; the receiver checks the HMAC
// signature itself; a receiver that fails leaves its failure in the history;
// acknowledging silences; scopes and workspaces are kept apart.
import { createHmac } from 'node:crypto';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEvaluationSchema, AlertHistorySchema, AlertListSchema } from '../src/server/alert-schemas.js';
import { localDate } from '../src/core/time.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { LOOPBACK_WEBHOOKS, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const dir = tempDir('http-alerts');
let t: TestServer;
let receiver: WebhookReceiver;
let hookBase: string;
const SECRET = 'a-secret-of-24-characters';

// Rules judge the current hour and day: the file starts clear of the next hour (and so of midnight),
// so that every test runs within the hour and day its data was sent for.
const HOUR_MS = 3_600_000;
const MARGIN_MS = 180_000;
const untilNextHour = HOUR_MS - (Date.now() % HOUR_MS);
if (untilNextHour < MARGIN_MS) await new Promise((resolve) => setTimeout(resolve, untilNextHour + 1_000));

const today = localDate(Date.now(), 'UTC');
const yesterday = localDate(Date.now() - 86_400_000, 'UTC');

const admin = (method: string, path: string, body?: unknown) => call(t.url, method, path, { key: t.keys.admin, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const importAds = async (rows: unknown[]) => {
  const response = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(rows) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
};
const ad = (date: string, platform: string, campaign: string, cost: number) => ({ date, platform, campaign_id: campaign, impressions: 1000, clicks: 10, cost });
const onlyPlatform = (platform: string) => [{ dimension: 'platform', op: 'eq', values: [platform] }];
const create = async (body: unknown) => {
  const response = await admin('POST', '/v1/alerts', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
};
/** The body fits the schema the OpenAPI document gives it. */
const fits = (schema: TSchema, body: unknown) => expect([...TypeCompiler.Compile(schema).Errors(body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
const run = async (id: string) => {
  const response = await admin('POST', `/v1/alerts/${id}/run`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  fits(AlertEvaluationSchema, response.body);
  return response.body;
};
const history = async (id: string) => {
  const { body } = await call(t.url, 'GET', `/v1/alerts/history?rule_id=${id}`, { key: t.keys.read });
  fits(AlertHistorySchema, body);
  return body.firings as any[];
};

beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => (path === '/fail' ? 500 : 200));
  hookBase = receiver.base;
  t = await startTestServer(dir.path, {}, { webhooks: LOOPBACK_WEBHOOKS });
}, 120_000);

afterAll(async () => {
  await t.stop();
  await receiver.close();
  dir.remove();
});

const costRule = (extra: Record<string, unknown> = {}) => ({
  name: 'Google spend over 100 today',
  metric: 'cost',
  filters: onlyPlatform('google_ads'),
  condition: { kind: 'threshold', op: 'above', value: 100 },
  webhook: { url: `${hookBase}/ok`, secret: SECRET },
  ...extra,
});

describe('POST /v1/alerts: checking the rule', () => {
  const bad: [string, Record<string, unknown>][] = [
    ['name', { name: '' }],
    ['metric', { metric: 'cots' }],
    ['condition.value', { condition: { kind: 'threshold', op: 'above' } }],
    ['condition.percent', { condition: { kind: 'change', op: 'above', percent: -5 } }],
    ['grain', { grain: 'hour' }],
    ['by', { by: 'country' }],
    ['schedule', { schedule: '61 * * * *' }],
    ['cooldown_minutes', { cooldown_minutes: -1 }],
    ['webhook.url', { webhook: { url: 'ftp://hooks.example/x' } }],
    ['webhook.secret', { webhook: { url: 'https://hooks.example/x', secret: 'short' } }],
    ['action.by_percent', { action: { action: 'decrease_budget' } }],
    ['filters[0].dimension', { filters: [{ dimension: 'page', op: 'eq', values: ['x'] }] }],
  ];
  it.each(bad)('names %s', async (field, change) => {
    const response = await admin('POST', '/v1/alerts', costRule(change));
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a read key (403) and names the required scope', async () => {
    const response = await call(t.url, 'POST', '/v1/alerts', { key: t.keys.read, body: JSON.stringify(costRule()) });
    expect(response.status).toBe(403);
  });
});

describe('a threshold rule on cost', () => {
  let id: string;

  it('is listed with its defaults, an idle state, its next run and no secret', async () => {
    id = await create(costRule());
    const { body } = await call(t.url, 'GET', '/v1/alerts', { key: t.keys.read });
    fits(AlertListSchema, body);
    const rule = body.alerts.find((r: { id: string }) => r.id === id);
    expect(rule).toMatchObject({ grain: 'day', schedule: '0 * * * *', cooldown_minutes: 60, realtime: false, by: null, webhook: { url: `${hookBase}/ok`, format: 'json', signed: true }, state: { status: 'idle' } });
    expect(JSON.stringify(rule)).not.toContain(SECRET);
    // The next run of "0 * * * *" is the next full hour.
    const next = Date.parse(rule.next_run);
    expect(next % 3_600_000).toBe(0);
    expect(next - Date.now()).toBeGreaterThan(0);
    expect(next - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it('fires once on 60 + 70 = 130 spent today, with a signed body the receiver can check', async () => {
    await importAds([ad(today, 'google_ads', 'g1', 60), ad(today, 'google_ads', 'g2', 70), ad(yesterday, 'google_ads', 'g1', 500)]);
    const before = receiver.received.length;
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ met: true, fired: true, value: 130, reference: 100, state: { status: 'firing' } });
    expect(evaluation.firing.delivery.delivered).toBe(true);
    const sent = receiver.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].signature).toBe(`sha256=${createHmac('sha256', SECRET).update(sent[0].body).digest('hex')}`);
    expect(JSON.parse(sent[0].body)).toMatchObject({ rule_id: id, metric: 'cost', value: 130, condition: { kind: 'threshold', op: 'above', value: 100 }, query: { metrics: ['cost'], from: today, to: today } });
  });

  it('does not fire again while the condition holds', async () => {
    const before = receiver.received.length;
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ met: true, fired: false, state: { status: 'firing' } });
    expect(receiver.received.length).toBe(before);
    const firings = await history(id);
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ value: 130, reference: 100, query: { metrics: ['cost'], from: today, to: today }, delivery: { delivered: true } });
  });

  it('is silenced by an acknowledgement (which needs a comment), then resolves when the spend falls to 60 + 20 = 80', async () => {
    expect((await admin('POST', `/v1/alerts/${id}/acknowledge`, { comment: '  ' })).status).toBe(400);
    const ack = await admin('POST', `/v1/alerts/${id}/acknowledge`, { comment: 'budget cut by hand' });
    expect(ack.status).toBe(200);
    expect(ack.body.state).toMatchObject({ status: 'acknowledged', comment: 'budget cut by hand' });
    expect((await run(id)).state.status).toBe('acknowledged');
    await importAds([ad(today, 'google_ads', 'g2', 20)]);
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ met: false, fired: false, resolved: true, value: 80, state: { status: 'cleared' } });
    expect((await admin('POST', `/v1/alerts/${id}/acknowledge`, { comment: 'nothing fires' })).status).toBe(409);
    expect(await history(id)).toHaveLength(1);
  });

  it('is deleted by an admin of its workspace only; then it is a 404', async () => {
    expect((await call(t.url, 'DELETE', `/v1/alerts/${id}`, { key: t.keys.otherAdmin })).status).toBe(404);
    expect((await call(t.url, 'DELETE', `/v1/alerts/${id}`, { key: t.keys.read })).status).toBe(403);
    expect((await admin('DELETE', `/v1/alerts/${id}`)).status).toBe(200);
    expect((await admin('DELETE', `/v1/alerts/${id}`)).status).toBe(404);
    expect((await admin('POST', `/v1/alerts/${id}/run`)).status).toBe(404);
    const { body } = await call(t.url, 'GET', '/v1/alerts', { key: t.keys.read });
    expect(body.alerts.map((r: { id: string }) => r.id)).not.toContain(id);
  });
});

describe('a change rule split by campaign', () => {
  // Meta spend yesterday: m1 100, m2 100 (200); today: m1 160, m2 90 (250), a 25 % rise.
  // The change of 50 is m1's +60 (120 %) and m2's −10 (−20 %).
  let id: string;
  beforeAll(async () => {
    await importAds([ad(yesterday, 'meta_ads', 'm1', 100), ad(yesterday, 'meta_ads', 'm2', 100), ad(today, 'meta_ads', 'm1', 160), ad(today, 'meta_ads', 'm2', 90)]);
    id = await create({
      name: 'Meta spend up',
      metric: 'cost',
      filters: onlyPlatform('meta_ads'),
      condition: { kind: 'change', op: 'above', percent: 20 },
      by: 'campaign',
      cooldown_minutes: 0,
      webhook: { url: `${hookBase}/slack`, format: 'slack' },
      action: { action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 30 },
    });
  });

  it('fires with each campaign’s part of the change and a budget cut for the campaign that moved most', async () => {
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ met: true, fired: true, value: 250, reference: 200 });
    expect(evaluation.segments).toEqual([
      { dimension: 'campaign', value: 'm1', metric_value: 160, contribution_percent: 120 },
      { dimension: 'campaign', value: 'm2', metric_value: 90, contribution_percent: -20 },
    ]);
    expect(evaluation.firing.action).toMatchObject({ action: 'decrease_budget', campaign_id: 'm1', by_percent: 20 });
    const slack = JSON.parse(receiver.received[receiver.received.length - 1].body);
    expect(receiver.received[receiver.received.length - 1].signature).toBeUndefined();
    expect(slack.text).toContain('Meta spend up');
    expect(slack.blocks.length).toBeGreaterThan(2);
  });

  it('on its second firing today recommends only what the daily cap of 30 % leaves: 10 %', async () => {
    // m1 back to 100: 190 against 200, a 5 % fall; the firing clears.
    await importAds([ad(today, 'meta_ads', 'm1', 100)]);
    expect(await run(id)).toMatchObject({ met: false, resolved: true });
    await importAds([ad(today, 'meta_ads', 'm1', 160)]);
    const evaluation = await run(id);
    expect(evaluation.fired).toBe(true);
    expect(evaluation.firing.action).toMatchObject({ action: 'decrease_budget', campaign_id: 'm1', by_percent: 10 });
    const firings = await history(id);
    expect(firings.map((f) => f.action.by_percent)).toEqual([10, 20]);
  });
});

describe('a webhook receiver that fails', () => {
  it('leaves the failure in the history’s delivery log, and the API still answers', async () => {
    await importAds([ad(today, 'linkedin_ads', 'l1', 40)]);
    const id = await create({ name: 'LinkedIn spend', metric: 'cost', filters: onlyPlatform('linkedin_ads'), condition: { kind: 'threshold', op: 'above', value: 10 }, webhook: { url: `${hookBase}/fail` } });
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ fired: true, value: 40 });
    const [firing] = await history(id);
    expect(firing.delivery.delivered).toBe(false);
    expect(firing.delivery.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500]);
    expect(firing.delivery.error).toContain('500');
    const all = await call(t.url, 'GET', '/v1/alerts/history', { key: t.keys.read });
    expect(all.status).toBe(200);
    expect(all.body.firings[0].rule_id).toBe(id);
    expect((await call(t.url, 'GET', '/v1/alerts', { key: t.keys.read })).status).toBe(200);
  });

  it('other workspaces see none of these rules or firings', async () => {
    const rules = await call(t.url, 'GET', '/v1/alerts', { key: t.keys.otherAdmin });
    const firings = await call(t.url, 'GET', '/v1/alerts/history', { key: t.keys.otherAdmin });
    expect(rules.body.alerts).toEqual([]);
    expect(firings.body.firings).toEqual([]);
  });
});

describe('the other kinds of condition', () => {
  const sendEvents = async (events: unknown[]) => {
    const response = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: JSON.stringify(events) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  const hourStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const page = (id: string, visitor: string) => ({ event_id: id, type: 'page_view', timestamp: hourStart, anonymous_id: visitor, url: 'https://shop.example/' });

  beforeAll(async () => {
    // Three visitors view a page at the start of this hour; one of them buys.
    await sendEvents([page('p1', 'v1'), page('p2', 'v2'), page('p3', 'v3'), { event_id: 'b1', type: 'purchase', timestamp: hourStart, anonymous_id: 'v1', url: 'https://shop.example/thanks', revenue: 30, order_id: 'o1' }]);
  });

  it('hour: the pageviews of this hour, 3', async () => {
    const id = await create({ name: 'Pageviews this hour', metric: 'pageviews', grain: 'hour', condition: { kind: 'threshold', op: 'above', value: 2 }, webhook: { url: `${hookBase}/ok` } });
    expect(await run(id)).toMatchObject({ met: true, fired: true, value: 3 });
  });

  it('funnel: 1 of the 3 visitors who viewed a page today bought, 33.3 %', async () => {
    const id = await create({ name: 'Checkout conversion', condition: { kind: 'funnel', steps: ['page_view', 'purchase'], window_days: 1, op: 'below', value: 50 }, webhook: { url: `${hookBase}/ok` } });
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ met: true, fired: true, no_data: false });
    expect(evaluation.value).toBeCloseTo(100 / 3, 6);
  });

  it('goal_pace: judges the goal’s actual, the 40 spent on LinkedIn today; a goal of another workspace is refused', async () => {
    const end = localDate(Date.now() + 9 * 86_400_000, 'UTC');
    const goal = await admin('POST', '/v1/goals', { name: 'LinkedIn spend', metric: 'cost', target: 1000, from: today, to: end, filters: onlyPlatform('linkedin_ads') });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    const rule = { name: 'LinkedIn pace', condition: { kind: 'goal_pace', goal_id: goal.body.id }, webhook: { url: `${hookBase}/ok` } };
    const refused = await call(t.url, 'POST', '/v1/alerts', { key: t.keys.otherAdmin, body: JSON.stringify(rule) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual(['condition.goal_id']);
    const evaluation = await run(await create(rule));
    expect(evaluation).toMatchObject({ no_data: false, value: 40, query: { metrics: ['cost'], from: today, to: today } });
  });

  it('anomaly: without history to learn from there is no verdict, and nothing fires', async () => {
    const id = await create({ name: 'Odd spend', metric: 'cost', filters: onlyPlatform('bing_ads'), condition: { kind: 'anomaly' }, webhook: { url: `${hookBase}/ok` } });
    const evaluation = await run(id);
    expect(evaluation).toMatchObject({ no_data: true, fired: false, state: { status: 'idle' } });
    expect(evaluation.query).toMatchObject({ from: yesterday, to: yesterday, grain: 'day' });
  });
});
