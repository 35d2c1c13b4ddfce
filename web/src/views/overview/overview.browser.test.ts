// The overview in Chromium against a real server: tiles, changes, range,
// filters and the address, sign-in and failures, checked against sums worked
// out from the loaded records.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, sums } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();

const tileText = (w: WatchedPage, metric: string, part: 'tile-value' | 'tile-change') => w.page.getByTestId(`tile-${metric}`).getByTestId(part).innerText();
const change = (now: number, before: number) => ((now - before) / before) * 100;
const signed = (percent: number) => `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent).toFixed(1)}%`;

describe.skipIf(!run)('dashboard overview (Chromium)', () => {
  const { server, newPage, open } = dashboardBrowser('overview');

  it('signs in from the #key link, drops the key from the address, and shows the last 30 days against the 30 before', async () => {
    const w = await open('/');
    await w.page.getByTestId('tiles').waitFor();
    expect(w.page.url()).toBe(`${server.url}/`);
    expect(await w.page.evaluate(() => window.sessionStorage.getItem('beacon.key'))).toBe(server.keys.read);

    const now = sums(server.data, { from: addDays(server.end, -29), to: server.end });
    const before = sums(server.data, { from: addDays(server.end, -59), to: addDays(server.end, -30) });
    expect(await tileText(w, 'cost', 'tile-value')).toBe(dollars(now.cost));
    expect(await tileText(w, 'revenue', 'tile-value')).toBe(dollars(now.revenue));
    expect(await tileText(w, 'conversions', 'tile-value')).toBe(now.conversions.toLocaleString('en-US'));
    expect(await tileText(w, 'roas', 'tile-value')).toBe(`${(now.revenue / now.cost).toFixed(2)}×`);
    expect(await tileText(w, 'cpa', 'tile-value')).toBe(dollars(now.cost / now.conversions));
    expect(await tileText(w, 'ctr', 'tile-value')).toBe(`${((now.clicks / now.impressions) * 100).toFixed(2)}%`);

    // The change against the previous period, and its colour by the metric's direction (a falling CPA is good).
    const cpaChange = change(now.cost / now.conversions, before.cost / before.conversions);
    expect(await tileText(w, 'cpa', 'tile-change')).toContain(signed(cpaChange));
    expect(await tileText(w, 'revenue', 'tile-change')).toContain(signed(change(now.revenue, before.revenue)));
    const cpaClass = await w.page.getByTestId('tile-cpa').getByTestId('tile-change').getAttribute('class');
    expect(cpaClass).toContain(cpaChange < 0 ? 'good' : 'bad');

    // The same numbers as /v1/query gives for the range.
    const api = await call(server.url, 'POST', '/v1/query', { key: server.keys.read, body: JSON.stringify({ metrics: ['cost'], from: addDays(server.end, -29), to: server.end }) });
    expect(dollars(api.body.totals.cost)).toBe(dollars(now.cost));

    await w.page.getByTestId('trend-chart').and(w.page.locator('[data-ready="true"]')).waitFor();
    expect(await w.page.getByTestId('trend-chart').getAttribute('data-points')).toBe('30');
    await screenshot(w.page, 'overview');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('a preset changes the address and the numbers; reloading the address restores the view with its filter', async () => {
    const w = await open('/');
    await w.page.getByTestId('tiles').waitFor();
    await w.page.getByTestId('range-preset').selectOption('last_7');
    await w.page.waitForURL(/range=last_7/);
    const week = sums(server.data, { from: addDays(server.end, -6), to: server.end });
    await expect.poll(() => tileText(w, 'cost', 'tile-value')).toBe(dollars(week.cost));

    await w.page.getByTestId('filter-channel').selectOption('Paid Social');
    await w.page.waitForURL(/channel=Paid\+Social|channel=Paid%20Social/);
    const social = sums(server.data, { from: addDays(server.end, -6), to: server.end, channel: 'Paid Social' });
    await expect.poll(() => tileText(w, 'cost', 'tile-value')).toBe(dollars(social.cost));

    await w.page.reload();
    await w.page.getByTestId('tiles').waitFor();
    expect(await tileText(w, 'cost', 'tile-value')).toBe(dollars(social.cost));
    expect(await w.page.getByTestId('range-preset').inputValue()).toBe('last_7');
    expect(await w.page.getByTestId('filter-channel').inputValue()).toBe('Paid Social');
    expect(w.errors).toEqual([]);
  });

  it('a custom range from the date inputs goes into the address', async () => {
    const w = await open('/');
    await w.page.getByTestId('tiles').waitFor();
    const from = addDays(server.end, -44);
    const to = addDays(server.end, -40);
    await w.page.getByTestId('range-from').fill(from);
    await w.page.getByTestId('range-to').fill(to);
    await w.page.getByTestId('range-apply').click();
    await w.page.waitForURL(new RegExp(`from=${from}&to=${to}`));
    await expect.poll(() => tileText(w, 'cost', 'tile-value')).toBe(dollars(sums(server.data, { from, to }).cost));
    expect(w.errors).toEqual([]);
  });

  it('a bad address is explained in the page: unknown metric, from after to, a malformed date', async () => {
    const w = await open(`/?kpis=cost,bogus_metric&metric=nope`);
    await expect.poll(() => w.page.getByText('There is no metric "bogus_metric" in the catalog').count()).toBe(1);
    await expect.poll(() => w.page.getByText('There is no metric "nope" in the catalog').count()).toBe(1);
    await expect.poll(() => w.page.getByTestId('tiles').locator('.tile').count()).toBe(1);

    await w.page.goto(`${server.url}/?from=${server.end}&to=${addDays(server.end, -3)}`);
    await expect.poll(() => w.page.getByText(`The range starts (${server.end}) after it ends`).count()).toBe(1);
    await w.page.getByTestId('tiles').waitFor();

    await w.page.goto(`${server.url}/?from=2026-02-30&to=2026-03-05`);
    await expect.poll(() => w.page.getByText('"2026-02-30" is not a date').count()).toBe(1);
    await w.page.getByTestId('tiles').waitFor();
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('an API error shows in the panel that asked, and the rest of the page works', async () => {
    // The server refuses the trend's query of ctr (and only that one) as a query it cannot answer.
    const w = await newPage();
    const refusal = 'metric "ctr" cannot be answered for this range';
    await w.page.route('**/v1/query', (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { metrics?: string[]; compare?: string };
      if (body.metrics?.length === 1 && body.metrics[0] === 'ctr' && body.compare) {
        return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'query_error', message: refusal } }) });
      }
      return route.continue();
    });
    await w.page.goto(server.link('/?metric=ctr'));
    await w.page.getByTestId('tiles').waitFor();
    const panel = w.page.getByTestId('trend-panel');
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain(refusal);
    expect(await tileText(w, 'cost', 'tile-value')).toBe(dollars(sums(server.data, { from: addDays(server.end, -29), to: server.end }).cost));
    await screenshot(w.page, 'overview-panel-error');
    await w.page.getByTestId('tile-revenue').click();
    await w.page.waitForURL(/metric=revenue/);
    await panel.getByTestId('trend-chart').waitFor();
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toContain('422 /v1/query');
    expect(w.failedRequests.filter((r) => r !== '422 /v1/query')).toEqual([]);
  });

  it('a revoked key lands on sign-in with the reason; a pasted key signs in again', async () => {
    const created = await call(server.url, 'POST', '/v1/keys', { key: server.keys.admin, body: JSON.stringify({ scope: 'read' }) });
    const w = await open('/');
    await w.page.getByTestId('tiles').waitFor();
    await w.page.evaluate((key) => window.sessionStorage.setItem('beacon.key', key), created.body.key);
    await call(server.url, 'DELETE', `/v1/keys/${created.body.id}`, { key: server.keys.admin });
    await w.page.reload();
    await expect.poll(() => w.page.getByTestId('sign-in-message').innerText()).toContain('not accepted');
    expect(await w.page.evaluate(() => window.sessionStorage.getItem('beacon.key'))).toBeNull();
    await screenshot(w.page, 'sign-in');

    await w.page.getByTestId('key-input').fill(server.keys.read);
    await w.page.getByRole('button', { name: 'Sign in' }).click();
    await w.page.getByTestId('tiles').waitFor();
    expect(w.errors).toEqual([]);
    // Only the revoked key's requests failed, and each with 401.
    expect(w.failedRequests.length).toBeGreaterThan(0);
    expect(w.failedRequests.filter((r) => !/^401 \/v1\//.test(r))).toEqual([]);
  });

  it('reads well on a tablet (820 px wide)', async () => {
    const watched = await open('/', { width: 820, height: 1180 });
    await watched.page.getByTestId('tiles').waitFor();
    const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(watched.page, 'overview-tablet');
    expect(watched.errors).toEqual([]);
  });
});
