// The forecast view in Chromium against a real server. Beside the dashboard
// data set's noisy campaigns, two campaigns whose daily cost is known exactly
// are loaded: one growing on a straight line, one repeating the same week.
// A forecast of a straight line continues it and one of a repeating week
// repeats it; both are worked out here from the line and the week, not read
// from Beacon, and the page must show them in the workspace currency (EUR).
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, sums } from '../../../../test/support/dashboard-data.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();

/** The line: cost on day i of the 60 days of data (i = 0 the first, 59 yesterday). */
const line = (i: number) => 150 + 4.25 * i;
/** The week: cost from Monday to Sunday, the same every week. */
const WEEK = [60, 70, 80, 90, 140, 210, 180];
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0

/**
 * Both series are exact, so every model that can follow them fits them with
 * no one-step error: the starting states (a least-squares line through the
 * first values, seasonal indices from a moving average) already are the line
 * or the week, and what is left is floating-point rounding, some 1e-12 of
 * values near 100. A forecast within a millionth of a euro of the line is
 * the line; the interval of an error-free fit has no width to speak of.
 */
const TOLERANCE_DIGITS = 6;
const NO_WIDTH = 0.01;

/** Money as the dashboard writes it in EUR: whole units from 1,000, else cents. */
const euros = (value: number) => {
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
};

interface ShownPoint {
  date: string;
  value: number;
  lower: number;
  upper: number;
  label: string;
  text: { value: string; lower: string; upper: string };
}

/** Every row of the forecast table: its numbers (as the answer had them) and its text. */
function readTable(w: WatchedPage): Promise<ShownPoint[]> {
  return w.page.getByTestId('forecast-table').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => {
      const text = (field: string) => tr.querySelector(`td[data-field="${field}"]`)?.textContent ?? '';
      return {
        date: tr.getAttribute('data-date') ?? '',
        value: Number(tr.getAttribute('data-value')),
        lower: Number(tr.getAttribute('data-lower')),
        upper: Number(tr.getAttribute('data-upper')),
        label: tr.querySelector('th')?.textContent ?? '',
        text: { value: text('value'), lower: text('lower'), upper: text('upper') },
      };
    }),
  );
}

function expectBands(points: readonly ShownPoint[]) {
  for (const p of points) {
    expect(p.lower, p.date).toBeLessThanOrEqual(p.value);
    expect(p.value, p.date).toBeLessThanOrEqual(p.upper);
  }
}

describe.skipIf(!run)('dashboard forecast (Chromium)', () => {
  let end = '';
  /** The 60 days of data, oldest first. */
  let days: string[] = [];
  const { server, open } = dashboardBrowser('forecast', {
    prepare: async (started) => {
      end = started.end;
      days = started.data.days;
      const send = async (method: 'POST' | 'PATCH', path: string, body: unknown, key = started.keys.ingest) => {
        const answer = await call(started.url, method, path, { key, body: JSON.stringify(body) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      };
      await send('PATCH', '/v1/settings', { currency: 'EUR' }, started.keys.admin);
      await send('POST', '/v1/import/campaigns', [
        { campaign_id: 'c_line', name: 'Steady Growth', platform: 'google_ads', objective: 'conversion' },
        { campaign_id: 'c_week', name: 'Weekend Sale', platform: 'meta_ads', objective: 'conversion' },
      ]);
      const row = (date: string, campaign: string, name: string, platform: string, cost: number) => ({
        date,
        platform,
        campaign_id: campaign,
        campaign_name: name,
        ad_group_id: `${campaign}_group`,
        ad_id: `${campaign}_ad`,
        impressions: 1000,
        clicks: 50,
        cost,
      });
      await send(
        'POST',
        '/v1/import/ad_performance',
        days.flatMap((date, i) => [row(date, 'c_line', 'Steady Growth', 'google_ads', line(i)), row(date, 'c_week', 'Weekend Sale', 'meta_ads', WEEK[weekdayOf(date)])]),
      );
    },
  });

  /** Waits for the answer to the choices named (data attributes of the result) and for its chart. */
  async function shown(w: WatchedPage, attributes: Record<string, string | number>) {
    const selector = Object.entries(attributes).map(([k, v]) => `[data-${k}="${v}"]`).join('');
    await w.page.locator(`[data-testid="forecast-result"][data-ready="true"]${selector}`).waitFor();
    await w.page.locator('[data-testid="forecast-chart"][data-ready="true"]').waitFor();
  }
  const figure = (w: WatchedPage, id: string) => w.page.getByTestId(`figure-${id}`).getByTestId('figure-value').innerText();

  it('forecasts the cost of the last 30 days 14 days ahead over the days observed, with the model, its notes and a table in euros', async () => {
    const w = await open('/forecast');
    const from = addDays(end, -29);
    await shown(w, { metric: 'cost', grain: 'day', from, to: end, points: 14 });

    // The chart: the 30 days observed, as the records add them up, then the 14 forecast.
    const chart = w.page.getByTestId('forecast-chart');
    expect(await chart.getAttribute('data-dates')).toBe(String(30 + 14));
    const observed = (await chart.getAttribute('data-actual'))!.split('|').slice(0, 30).map(Number);
    const expected = Array.from({ length: 30 }, (_, k) => {
      const date = addDays(from, k);
      const i = days.indexOf(date);
      return sums(server.data, { from: date, to: date }).cost + line(i) + WEEK[weekdayOf(date)];
    });
    observed.forEach((v, k) => expect(v, addDays(from, k)).toBeCloseTo(expected[k], 6));

    // The table: a row per day after the range, each value inside its interval, in euros.
    const points = await readTable(w);
    expect(points.map((p) => p.date)).toEqual(Array.from({ length: 14 }, (_, k) => addDays(end, k + 1)));
    expectBands(points);
    // Noisy data leaves a real interval around the forecast.
    expect(points[0].upper - points[0].lower).toBeGreaterThan(1);
    for (const p of points) expect(p.text).toEqual({ value: euros(p.value), lower: euros(p.lower), upper: euros(p.upper) });

    // The model shown is the one the API fitted for the same question.
    const api = await call(server.url, 'POST', '/v1/forecast', { key: server.keys.read, body: JSON.stringify({ metric: 'cost', from, to: end, grain: 'day', horizon_days: 14 }) });
    expect(api.status).toBe(200);
    expect(await w.page.getByTestId('forecast-result').getAttribute('data-model')).toBe(api.body.model);
    expect(await figure(w, 'alpha')).toBe(api.body.params.alpha.toFixed(3));
    expect(await figure(w, 'aicc')).toBe((Math.round(api.body.aicc * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 }));
    expect(await w.page.getByTestId('forecast-caption').innerText()).toContain(`30 complete days fitted, and 14 days forecast (${addDays(end, 1)} to ${addDays(end, 14)}) with a 95% prediction interval`);
    await screenshot(w.page, 'forecast');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('continues a straight line: every forecast day is the next value on the line, the interval has no width, and the address keeps the choices', async () => {
    const from = addDays(end, -41);
    const w = await open(`/forecast?from=${from}&to=${end}&campaign=c_line`);
    await shown(w, { metric: 'cost', from, points: 14 });
    await w.page.getByTestId('forecast-horizon').selectOption('30');
    await w.page.waitForURL(/horizon=30/);
    await shown(w, { metric: 'cost', from, points: 30 });

    const points = await readTable(w);
    expect(points).toHaveLength(30);
    points.forEach((p, k) => {
      // Yesterday is day 59 of the line; the forecast's day k + 1 after it is day 60 + k.
      expect(p.date).toBe(addDays(end, k + 1));
      expect(p.value, p.date).toBeCloseTo(line(60 + k), TOLERANCE_DIGITS);
      expect(p.text.value, p.date).toBe(euros(line(60 + k)));
      expect(p.upper - p.lower, p.date).toBeLessThan(NO_WIDTH);
    });
    expectBands(points);
    const first = points[0];
    expect(first.label).toBe(`${first.date}${new Date(`${first.date}T00:00:00Z`).toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' })}`);

    // A percent metric in its unit: 50 clicks of 1,000 impressions every day is a CTR of 5.00%, and so is its forecast.
    await w.page.getByTestId('forecast-metric').selectOption('ctr');
    await w.page.waitForURL(/metric=ctr/);
    await shown(w, { metric: 'ctr', points: 30 });
    for (const p of await readTable(w)) {
      expect(p.value, p.date).toBeCloseTo(5, TOLERANCE_DIGITS);
      expect(p.text.value, p.date).toBe('5.00%');
    }

    // The address brings the same forecast back.
    await w.page.getByTestId('forecast-metric').selectOption('cost');
    await shown(w, { metric: 'cost', points: 30 });
    await w.page.reload();
    await shown(w, { metric: 'cost', from, points: 30 });
    expect(await w.page.getByTestId('forecast-horizon').inputValue()).toBe('30');
    expect(await w.page.getByTestId('filter-campaign').inputValue()).toBe('c_line');
    expect((await readTable(w)).map((p) => p.text.value)).toEqual(points.map((p) => p.text.value));
    await screenshot(w.page, 'forecast-line');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('repeats a weekly pattern with the Holt-Winters additive model, damped or not, and names its 7-day season', async () => {
    const from = addDays(end, -55);
    const w = await open(`/forecast?from=${from}&to=${end}&campaign=c_week&forecast_model=additive`);
    await shown(w, { model: 'additive', points: 14 });
    const expectWeek = async () => {
      const points = await readTable(w);
      expect(points).toHaveLength(14);
      for (const p of points) {
        const cost = WEEK[weekdayOf(p.date)];
        expect(p.value, p.date).toBeCloseTo(cost, TOLERANCE_DIGITS);
        expect(p.text.value, p.date).toBe(euros(cost));
        expect(p.upper - p.lower, p.date).toBeLessThan(NO_WIDTH);
      }
      expectBands(points);
    };
    await expectWeek();
    expect(await figure(w, 'season')).toBe('7 days');
    expect(await figure(w, 'gamma')).not.toBe('—');

    await w.page.getByTestId('forecast-damped').selectOption('yes');
    await w.page.waitForURL(/damped=yes/);
    await shown(w, { model: 'additive-damped', points: 14 });
    await expectWeek();
    expect(await figure(w, 'phi')).toMatch(/^0\.\d{3}$/);
    await screenshot(w.page, 'forecast-week');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('per week: the weekly totals of the line continue as a line, one row per week of the horizon', async () => {
    // Whole weeks, Monday to Sunday, inside the 60 days.
    const from = addDays(days[0], (7 - weekdayOf(days[0])) % 7);
    const to = addDays(end, -((weekdayOf(end) + 1) % 7));
    const weeks = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1) / 7;
    expect(weeks).toBeGreaterThanOrEqual(7);
    const w = await open(`/forecast?from=${from}&to=${to}&campaign=c_line`);
    await shown(w, { grain: 'day', from, to });
    await w.page.getByTestId('forecast-grain').getByRole('button', { name: 'week' }).click();
    await w.page.waitForURL(/grain=week/);
    await w.page.getByTestId('forecast-horizon').selectOption('28');
    await w.page.waitForURL(/horizon=28/);
    await shown(w, { grain: 'week', points: 4 });

    // The week starting on day j of the line costs 7·150 + 4.25·(7j + 21).
    const start = days.indexOf(from);
    const weekCost = (n: number) => 7 * 150 + 4.25 * (7 * (start + 7 * n) + 21);
    const points = await readTable(w);
    expect(points.map((p) => p.date)).toEqual([1, 8, 15, 22].map((d) => addDays(to, d)));
    points.forEach((p, k) => {
      expect(p.value, p.date).toBeCloseTo(weekCost(weeks + k), TOLERANCE_DIGITS);
      expect(p.text.value, p.date).toBe(euros(weekCost(weeks + k)));
      expect(p.label).toBe(`Week of ${p.date}`);
    });
    expectBands(points);
    await screenshot(w.page, 'forecast-weeks');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('a history too short to fit shows the API’s message in the page and a way out; an unknown metric is named', async () => {
    const from = addDays(end, -3);
    const w = await open(`/forecast?from=${from}&to=${end}&metric=nope`);
    await expect.poll(() => w.page.getByText('There is no metric "nope" in the catalog; forecasting cost.').count()).toBe(1);
    const alert = w.page.getByTestId('forecast-error');
    await alert.waitFor();
    const api = await call(server.url, 'POST', '/v1/forecast', { key: server.keys.read, body: JSON.stringify({ metric: 'cost', from, to: end, grain: 'day', horizon_days: 14 }) });
    expect(api.status).toBe(422);
    const message: string = api.body.error.message;
    // Four days are four observations, fewer than any model needs.
    expect(message).toContain('the series has 4');
    expect(await alert.getAttribute('data-status')).toBe('422');
    expect(await alert.innerText()).toContain(message.charAt(0).toUpperCase() + message.slice(1));
    await screenshot(w.page, 'forecast-error');

    await w.page.getByTestId('forecast-fix-range').click();
    await w.page.waitForURL(/range=last_90/);
    await shown(w, { metric: 'cost', from: addDays(end, -89), to: end });
    expect(await w.page.getByTestId('forecast-error').count()).toBe(0);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['422 /v1/forecast']);
  });

  it('reads well on a tablet (820 px wide)', async () => {
    const w = await open('/forecast', { width: 820, height: 1180 });
    await shown(w, { metric: 'cost', points: 14 });
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(w.page, 'forecast-tablet');
    expect(w.errors).toEqual([]);
  });
});
