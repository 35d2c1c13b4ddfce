// The overview's "Show anomalies" in Chromium against a real server. Beside
// the dashboard data set, one campaign is loaded whose daily cost repeats the
// same week (with a small wobble that is not weekly) for 90 days, except one
// day at five times its usual cost: that day, and only that day, must be
// marked, with its value, expected value and interval in the tooltip.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();

/** Cost from Monday to Sunday, the same every week. */
const WEEK = [60, 70, 80, 90, 140, 210, 180];
/** A wobble repeating every 5 days, so the weekly season cannot absorb it; at most 2 either way. */
const WOBBLE = [2, -1.5, 0.5, -2, 1];
const DAYS = 90;
const SPIKE_FACTOR = 5;
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
const usual = (date: string, i: number) => WEEK[weekdayOf(date)] + WOBBLE[i % WOBBLE.length];

describe.skipIf(!run)('dashboard overview anomalies (Chromium)', () => {
  let dates: string[] = [];
  let spike = '';
  const cost = (date: string) => usual(date, dates.indexOf(date)) * (date === spike ? SPIKE_FACTOR : 1);
  const { server, open } = dashboardBrowser('overview-anomalies', {
    prepare: async (started) => {
      dates = Array.from({ length: DAYS }, (_, i) => addDays(started.end, i - DAYS + 1));
      spike = addDays(started.end, -10);
      const send = async (path: string, body: unknown) => {
        const answer = await call(started.url, 'POST', path, { key: started.keys.ingest, body: JSON.stringify(body) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      };
      await send('/v1/import/campaigns', [{ campaign_id: 'c_spike', name: 'Weekly Spend', platform: 'google_ads', objective: 'conversion' }]);
      const row = (date: string) => ({
        date,
        platform: 'google_ads',
        campaign_id: 'c_spike',
        campaign_name: 'Weekly Spend',
        ad_group_id: 'c_spike_group',
        ad_id: 'c_spike_ad',
        impressions: 1000,
        clicks: 50,
        cost: cost(date),
      });
      await send('/v1/import/ad_performance', dates.map(row));
    },
  });

  const chart = (w: WatchedPage) => w.page.getByTestId('trend-chart');
  const caption = (w: WatchedPage) => w.page.getByTestId('anomaly-caption');

  /** Hovers the chart over bucket `index` of `count` (the grid's left and right edges as trendOption sets them) and reads the tooltip. */
  async function tooltipAt(w: WatchedPage, index: number, count: number): Promise<string> {
    const box = (await chart(w).locator('div[role="img"]').boundingBox())!;
    const left = 64;
    const right = 16;
    const x = box.x + left + (index * (box.width - left - right)) / (count - 1);
    await w.page.mouse.move(x, box.y + 120);
    const tip = chart(w).locator('.trend-tooltip');
    await expect.poll(() => tip.innerText()).toContain(dates[dates.length - count + index]);
    return tip.innerText();
  }

  it('marks exactly the day at five times its usual cost, with its numbers in the tooltip and a caption, and keeps the toggle in the address', async () => {
    const w = await open('/?campaign=c_spike&metric=cost&grain=day');
    await chart(w).and(w.page.locator('[data-ready="true"]')).waitFor();
    expect(await chart(w).getAttribute('data-anomalies')).toBeNull();

    await w.page.getByTestId('trend-anomalies').check();
    await w.page.waitForURL(/anomalies=1/);
    await expect.poll(() => caption(w).getAttribute('data-state')).toBe('shown');
    await chart(w).and(w.page.locator('[data-ready="true"]')).waitFor();
    expect(await chart(w).getAttribute('data-anomalies')).toBe(spike);
    // 90 days of history before the 30 shown, a weekly season and one outlier: Holt-Winters at the default 99 %.
    expect(await caption(w).innerText()).toBe('1 anomaly · Holt-Winters one-step forecasts, 99% interval');

    // The same question to the API: its numbers are the ones the tooltip shows.
    const from = addDays(server.end, -29);
    const body = { metric: 'cost', grain: 'day', from, to: server.end, filters: [{ dimension: 'campaign', op: 'in', values: ['c_spike'] }] };
    const api = await call(server.url, 'POST', '/v1/anomalies', { key: server.keys.read, body: JSON.stringify(body) });
    expect(api.status).toBe(200);
    const point = api.body.points.find((p: { date: string }) => p.date === spike);
    expect(point.value).toBeCloseTo(cost(spike), 6);
    // What the week leads one to expect on that day: its usual cost, give or take the wobble.
    expect(Math.abs(point.expected - usual(spike, dates.indexOf(spike)))).toBeLessThan(5);
    expect(point).toMatchObject({ anomaly: true, direction: 'above', severity: 'high' });

    const tip = await tooltipAt(w, 29 - 10, 30);
    expect(tip).toContain(`${spike}: ${dollars(cost(spike))}`);
    expect(tip).toContain(`expected: ${dollars(point.expected)}`);
    expect(tip).toContain(`99% interval: ${dollars(point.lower)} – ${dollars(point.upper)}`);
    expect(tip).toContain('anomaly: high severity, above expected');
    // The day before is inside its interval: no anomaly line.
    const quiet = await tooltipAt(w, 29 - 11, 30);
    expect(quiet).toContain(`${addDays(spike, -1)}: ${dollars(cost(addDays(spike, -1)))}`);
    expect(quiet).toContain('99% interval:');
    expect(quiet).not.toContain('anomaly');
    await tooltipAt(w, 29 - 10, 30);
    const path = await screenshot(w.page, 'overview-anomalies');
    expect(path).toMatch(/overview-anomalies\.png$/);

    // The address brings the anomalies back.
    await w.page.reload();
    await expect.poll(() => caption(w).getAttribute('data-state')).toBe('shown');
    expect(await w.page.getByTestId('trend-anomalies').isChecked()).toBe(true);
    expect(await chart(w).getAttribute('data-anomalies')).toBe(spike);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('says why when the history before the range is too short (the API’s 422)', async () => {
    // The campaign's first 3 days come before from; the rest of the workspace filtered out, that is all the history.
    const from = addDays(dates[0], 3);
    const to = addDays(dates[0], 20);
    const w = await open(`/?from=${from}&to=${to}&campaign=c_spike&metric=cost&grain=day&anomalies=1`);
    await expect.poll(() => caption(w).getAttribute('data-state')).toBe('error');
    const text = await caption(w).innerText();
    expect(text).toMatch(/^3 days in the history before from: the detector needs at least 7 days/);
    const body = { metric: 'cost', grain: 'day', from, to, filters: [{ dimension: 'campaign', op: 'in', values: ['c_spike'] }] };
    const api = await call(server.url, 'POST', '/v1/anomalies', { key: server.keys.read, body: JSON.stringify(body) });
    expect(api.status).toBe(422);
    expect(text).toBe(api.body.error.message);
    // The trend itself is still drawn.
    await chart(w).and(w.page.locator('[data-ready="true"]')).waitFor();
    expect(await chart(w).getAttribute('data-points')).toBe('18');
    await screenshot(w.page, 'overview-anomalies-too-short');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['422 /v1/anomalies']);
  });
});
