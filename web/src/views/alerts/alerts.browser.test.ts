// The alerts view in Chromium against a real server holding the dashboard
// data set (60 days ending yesterday) plus two ads of today whose cost is
// known: 180 on Brand Search and 120 on Prospecting, 300 in all. Webhooks go
// to a receiver on 127.0.0.1 started here (the server's policy allows that
// address). Two rules are created over HTTP: cost above 200 per day by
// campaign, which fires on today's 300, and cost above 5,000, which does not.
// Running the first with the page's button fires it: the firing is listed
// with why, its webhook arrives, its chart marks today and draws the 200
// line, and its segments are each campaign's part of the change from
// yesterday, worked out here from the records. Acknowledging it with a
// comment turns its badge amber, and the API says so with the comment;
// deleting the other asks first; a read key sees the API's refusal; a
// workspace without rules says how to create one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, requireBrowser, screenshot, type Viewport, type WatchedPage } from '../../../../test/support/browser.js';
import { addDays, DASHBOARD_CAMPAIGNS, generateDashboardData, sums, type DashboardData } from '../../../../test/support/dashboard-data.js';
import { tempDir } from '../../../../test/support/temp-dir.js';
import { call, startTestServer, type TestServer } from '../../../../test/support/test-server.js';

const run = requireBrowser();

// A rule judges today (UTC, the workspace's zone): the file starts clear of midnight so today stays today.
const DAY_MS = 86_400_000;
const MARGIN_MS = 240_000;
const untilMidnight = DAY_MS - (Date.now() % DAY_MS);
if (run && untilMidnight < MARGIN_MS) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));

const today = new Date().toISOString().slice(0, 10);
const yesterday = addDays(today, -1);
/** Today's two ads: the day's cost is 180 + 120 = 300. */
const TODAY_COST: Record<string, number> = { c_brand: 180, c_prospect: 120 };
const THRESHOLD = 200;
const QUIET_THRESHOLD = 5000;
const COMMENT = 'Budget already cut on Brand Search';

describe.skipIf(!run)('dashboard alerts (Chromium)', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: TestServer;
  let data: DashboardData;
  let browser: Browser;
  let watched: WatchedPage | undefined;
  let receiver: Server;
  const received: { path: string; body: string }[] = [];
  let firingRule = '';
  let quietRule = '';

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/beacon`;

    dir = tempDir('alerts-browser');
    server = await startTestServer(dir.path, {}, { webhooks: { policy: { allowPrivate: false, allow: ['127.0.0.1'] }, maxAttempts: 1 } });
    data = generateDashboardData(yesterday, 60);
    const send = async (path: string, body: unknown, key = server.keys.ingest) => {
      const answer = await call(server.url, 'POST', path, { key, body: JSON.stringify(body) });
      if (answer.status >= 300 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    await send('/v1/import/campaigns', DASHBOARD_CAMPAIGNS.map((c) => ({ campaign_id: c.id, name: c.name, platform: c.platform, objective: 'conversion' })));
    const todays = DASHBOARD_CAMPAIGNS.filter((c) => TODAY_COST[c.id] !== undefined).map((c) => ({
      date: today,
      platform: c.platform,
      campaign_id: c.id,
      campaign_name: c.name,
      ad_group_id: `${c.id}_group`,
      ad_id: `${c.id}_a`,
      impressions: 1000,
      clicks: 40,
      cost: TODAY_COST[c.id],
    }));
    await send('/v1/import/ad_performance', [...data.ads, ...todays]);
    await send('/v1/events', data.events);

    const rule = (name: string, value: number, extra: Record<string, unknown>) => ({
      name,
      metric: 'cost',
      grain: 'day',
      condition: { kind: 'threshold', op: 'above', value },
      webhook: { url: hook },
      ...extra,
    });
    // The firing rule runs only by hand here: its schedule (the 1st of a month at 06:00) does not come
    // during the test, and it is not real-time (the server evaluates those just after an ingestion).
    firingRule = (
      await send(
        '/v1/alerts',
        rule('Spend over 200 today', THRESHOLD, { by: 'campaign', schedule: '0 6 1 * *', action: { action: 'decrease_budget', by_percent: 20 } }),
        server.keys.admin,
      )
    ).id;
    quietRule = (await send('/v1/alerts', rule('Spend over 5,000 today', QUIET_THRESHOLD, { schedule: '0 * * * *', realtime: true }), server.keys.admin)).id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    dir?.remove();
  });

  async function open(path: string, viewport?: Viewport, key = server.keys.admin): Promise<WatchedPage> {
    await watched?.close();
    watched = await openPage(browser, viewport);
    await watched.page.goto(`${server.url}${path}#key=${key}`);
    return watched;
  }
  const ruleRow = (w: WatchedPage, id: string) => w.page.locator(`[data-testid="alert-rule"][data-rule="${id}"]`);
  const apiRule = async (id: string) => {
    const { body } = await call(server.url, 'GET', '/v1/alerts', { key: server.keys.read });
    return (body.alerts as { id: string; state: { status: string; comment: string | null } }[]).find((r) => r.id === id);
  };

  it('lists both rules in words, runs the firing one, shows its firing, chart and segments, and acknowledges it', async () => {
    const w = await open('/alerts', { width: 1280, height: 900 });
    const loud = ruleRow(w, firingRule);
    const quiet = ruleRow(w, quietRule);
    await loud.waitFor();
    expect(await loud.locator('th').innerText()).toBe('Spend over 200 today');
    expect(await loud.locator('[data-field="watches"]').innerText()).toBe('Cost above 200 per day');
    expect(await loud.locator('[data-field="scope"]').innerText()).toBe('per campaign');
    expect(await loud.locator('[data-field="runs"]').innerText()).toContain('monthly on day 1 at 06:00');
    expect(await loud.locator('[data-field="last-evaluated"]').innerText()).toBe('last never');
    expect(await loud.getByTestId('alert-state').innerText()).toBe('Idle');
    expect(await quiet.locator('[data-field="watches"]').innerText()).toBe('Cost above 5,000 per day');
    expect(await quiet.locator('[data-field="scope"]').innerText()).toBe('everything');
    expect(await quiet.locator('[data-field="runs"]').innerText()).toContain('hourly + real-time');
    // Nothing fires yet, so there is nothing to acknowledge.
    expect(await w.page.getByTestId('alert-acknowledge').count()).toBe(0);
    await w.page.getByText('No rule has fired yet.').waitFor();

    // Run the quiet one: 300 is not above 5,000.
    await quiet.getByTestId('alert-run').click();
    const quietOutcome = w.page.locator(`.alert-detail-row[data-rule="${quietRule}"]`).getByTestId('alert-run-outcome');
    await quietOutcome.waitFor();
    expect(await quietOutcome.getAttribute('data-fired')).toBe('false');
    expect(await quietOutcome.getByTestId('alert-run-because').innerText()).toBe('Cost is 300, not above 5,000.');

    // Run the loud one: 300 is above 200.
    await loud.getByTestId('alert-run').click();
    const outcome = w.page.locator(`.alert-detail-row[data-rule="${firingRule}"]`).getByTestId('alert-run-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-fired')).toBe('true');
    expect(await outcome.getByTestId('alert-run-because').innerText()).toBe('Cost is 300, above 200.');
    await expect.poll(() => loud.getByTestId('alert-state').innerText()).toBe('Firing');
    expect(await loud.getByTestId('alert-state').getAttribute('class')).toContain('tone-bad');

    // The firing, newest first and selected.
    const firing = w.page.locator(`[data-testid="alert-firing"][data-rule="${firingRule}"]`);
    await firing.waitFor();
    expect(await w.page.getByTestId('alert-firing').count()).toBe(1);
    expect(await firing.getAttribute('aria-pressed')).toBe('true');
    expect(await firing.locator('[data-field="rule"]').innerText()).toBe('Spend over 200 today');
    expect(await firing.locator('[data-field="trigger"]').innerText()).toBe('run by hand');
    expect(await firing.locator('[data-field="because"]').innerText()).toBe('Cost is 300, above 200.');
    expect(await firing.locator('[data-field="value"]').innerText()).toBe('$300.00 vs $200.00 threshold');
    expect(await firing.locator('[data-field="delivery"]').innerText()).toBe('delivered · 1 attempt');

    // Each campaign's part of the change from yesterday, largest first either way; the action is for the first.
    const before = Object.fromEntries(DASHBOARD_CAMPAIGNS.map((c) => [c.id, sums(data, { from: yesterday, to: yesterday, campaign: c.id }).cost]));
    const change = 300 - Object.values(before).reduce((a, b) => a + b, 0);
    const parts = DASHBOARD_CAMPAIGNS.map((c) => ({ id: c.id, name: c.name, share: (((TODAY_COST[c.id] ?? 0) - before[c.id]) / change) * 100 })).sort((a, b) => Math.abs(b.share) - Math.abs(a.share));
    expect(await firing.locator('[data-field="action"]').innerText()).toBe(`→ Decrease budget of campaign ${parts[0].name} by 20 %`);

    // The webhook reached the receiver, naming the rule.
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe('/beacon');
    expect(JSON.parse(received[0].body).rule_id).toBe(firingRule);

    // The chart: the 30 days ending today, today marked, the threshold drawn.
    const chart = w.page.locator('[data-testid="alert-chart"]');
    await chart.locator('svg').waitFor();
    expect(await chart.getAttribute('data-from')).toBe(addDays(today, -29));
    expect(await chart.getAttribute('data-to')).toBe(today);
    expect(await chart.getAttribute('data-buckets')).toBe('30');
    expect(await chart.getAttribute('data-marked')).toBe(today);
    expect(await chart.getAttribute('data-reference')).toBe(String(THRESHOLD));
    await expect.poll(() => chart.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['fired', 'threshold $200.00']));

    const segments = w.page.getByTestId('alert-segment');
    expect(await segments.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment')))).toEqual(parts.map((p) => p.id));
    const shown = await segments.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-contribution'))));
    // The API gives each share to a tenth of a percent.
    parts.forEach((p, i) => expect(shown[i], p.id).toBeCloseTo(p.share, 1));
    const first = parts[0];
    expect(await segments.first().locator('th').innerText()).toBe(first.name);
    expect(await segments.first().locator('[data-field="contribution"]').innerText()).toBe(`${first.share > 0 ? '+' : '−'}${Math.abs(first.share).toFixed(1)} %`);
    await screenshot(w.page, 'alerts-firing');

    // Acknowledge it: the comment is required.
    await loud.getByTestId('alert-acknowledge').click();
    const form = w.page.getByTestId('alert-acknowledge-form');
    await form.waitFor();
    expect(await form.getByTestId('alert-acknowledge-submit').isDisabled()).toBe(true);
    await form.getByTestId('alert-comment').fill(COMMENT);
    await form.getByTestId('alert-acknowledge-submit').click();
    await expect.poll(() => loud.getByTestId('alert-state').innerText()).toBe('Acknowledged');
    expect(await loud.getByTestId('alert-state').getAttribute('class')).toContain('tone-warn');
    expect(await w.page.getByTestId('alert-acknowledge').count()).toBe(0);
    expect(await apiRule(firingRule)).toMatchObject({ state: { status: 'acknowledged', comment: COMMENT } });
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(w.page, 'alerts-desktop');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('fits a tablet: the rules table fits its panel, the firing stacks above its chart, the page does not scroll sideways', async () => {
    const w = await open('/alerts', { width: 820, height: 1180 });
    await ruleRow(w, firingRule).waitFor();
    await w.page.locator('[data-testid="alert-chart"] svg').waitFor();
    expect(await ruleRow(w, firingRule).getByTestId('alert-state').innerText()).toBe('Acknowledged');
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const rulesBox = w.page.getByTestId('alert-rules').locator('xpath=..');
    expect(await rulesBox.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
    const list = await w.page.getByTestId('alert-firings').boundingBox();
    const chart = await w.page.getByTestId('alert-chart').boundingBox();
    expect(chart!.y).toBeGreaterThan(list!.y + list!.height);
    await screenshot(w.page, 'alerts-tablet');
    expect(w.errors).toEqual([]);
  });

  it('shows the API’s refusal to a read key', async () => {
    const w = await open('/alerts', undefined, server.keys.read);
    await ruleRow(w, quietRule).getByTestId('alert-run').click();
    const refusal = w.page.locator(`.alert-detail-row[data-rule="${quietRule}"] [role="alert"]`);
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('admin');
    expect(w.failedRequests).toEqual([`403 /v1/alerts/${quietRule}/run`]);
    expect(w.errors).toEqual([]);
  });

  it('deletes a rule only once confirmed', async () => {
    const w = await open('/alerts');
    const quiet = ruleRow(w, quietRule);
    await quiet.getByTestId('alert-delete').click();
    const confirm = w.page.getByTestId('alert-delete-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Delete “Spend over 5,000 today”?');
    expect(await apiRule(quietRule)).toBeDefined();
    await confirm.getByTestId('alert-delete-submit').click();
    await quiet.waitFor({ state: 'detached' });
    expect(await apiRule(quietRule)).toBeUndefined();
    expect(await w.page.getByTestId('alert-rule').count()).toBe(1);
    expect(w.errors).toEqual([]);
  });

  it('a workspace without rules says how to create one', async () => {
    const w = await open('/alerts', undefined, server.keys.otherAdmin);
    const empty = w.page.getByTestId('no-alerts');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('No alert rules yet.');
    const commands = await w.page.getByTestId('no-alerts-commands').innerText();
    expect(commands).toContain('beacon alerts create rule.json');
    expect(commands).toContain('POST http://127.0.0.1:8787/v1/alerts');
    await screenshot(w.page, 'alerts-empty');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});
