// The cohorts view in Chromium against a real server. A year and more of
// shop buyers and subscribers (support/cohort-data.ts) is loaded into the
// dashboard data set's workspace, whose currency becomes EUR; every cell the
// page shows is checked against the cohorts counted here from those records —
// who was acquired in each month or week, and how many of them ordered (or
// were subscribed) again k periods later, and what they spent — formatted as
// the page formats it. The retention model's numbers are the API's own.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { generateCohortData, mondayOf, monthStart, recountCohorts, type CohortData, type RecountRow, type RecountScope } from '../../../../test/support/cohort-data.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays } from '../../../../test/support/dashboard-data.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();
let data: CohortData;
let today: string;

const percent = (active: number, customers: number) => `${((active / customers) * 100).toFixed(1)}%`;
/** Money as the dashboard writes it in the workspace currency (EUR): whole units from 1,000, else cents. */
const euros = (value: number) => {
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
};
/** To the cent, halves up (a sum of cents over a count can land exactly on half a cent). */
const cents = (value: number) => Math.round(Number((value * 100).toFixed(6))) / 100;
const count = (n: number) => n.toLocaleString('en-US');

interface ShownCell {
  period: number;
  text: string;
  complete: string | null;
  empty: boolean;
  running: boolean;
  title: string;
}
interface ShownRow {
  kind: string;
  cohort: string | null;
  key: string | null;
  label: string;
  size: string;
  cells: ShownCell[];
}

/** Every row and cell of a heatmap table, read in one go. */
function readTable(w: WatchedPage, testId = 'cohort-table'): Promise<ShownRow[]> {
  return w.page.getByTestId(testId).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      kind: tr.classList.contains('average') ? 'average' : tr.classList.contains('key') ? 'key' : 'cohort',
      cohort: tr.getAttribute('data-cohort'),
      key: tr.getAttribute('data-key'),
      label: (tr.querySelector('th')?.textContent ?? '').trim(),
      size: tr.querySelector('[data-field="size"]')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td[data-period]')].map((td) => ({
        period: Number(td.getAttribute('data-period')),
        text: td.textContent ?? '',
        complete: td.getAttribute('data-complete'),
        empty: td.hasAttribute('data-empty'),
        running: td.classList.contains('running'),
        title: td.getAttribute('title') ?? '',
      })),
    })),
  );
}

/** The average row worked out from the recount: per period, the cohorts (with customers) that completed it, summed. */
function recountAverage(rows: RecountRow[], periods: number): ({ active: number; revenue: number; customers: number } | null)[] {
  return Array.from({ length: periods }, (_, k) => {
    const done = rows.filter((r) => r.customers > 0 && k < r.cells.length - 1);
    if (done.length === 0) return null;
    return done.reduce((s, r) => ({ active: s.active + r.cells[k].active, revenue: s.revenue + r.cells[k].revenue, customers: s.customers + r.customers }), { active: 0, revenue: 0, customers: 0 });
  });
}

/** Checks every row and cell shown against the recount: sizes, values, the running period, blank periods after it. */
function expectMatrix(shown: ShownRow[], expected: RecountRow[], metric: 'retention' | 'revenue', periods: number) {
  const cohorts = shown.filter((r) => r.kind === 'cohort');
  expect(cohorts.map((r) => [r.cohort, r.size])).toEqual(expected.map((r) => [r.cohort, count(r.customers)]));
  const value = (cell: { active: number; revenue: number }, customers: number) => (metric === 'retention' ? percent(cell.active, customers) : euros(cents(cell.revenue / customers)));
  cohorts.forEach((row, i) => {
    const e = expected[i];
    expect(row.cells).toHaveLength(periods);
    row.cells.forEach((cell, k) => {
      const where = `${row.cohort} period ${k}`;
      if (k >= e.cells.length) {
        // Not reached yet: blank.
        expect(cell.empty, where).toBe(true);
        expect(cell.text, where).toBe('');
        return;
      }
      const running = k === e.cells.length - 1;
      expect(cell.complete, where).toBe(String(!running));
      expect(cell.running, where).toBe(running);
      expect(cell.text, where).toBe(e.customers === 0 ? '–' : value(e.cells[k], e.customers));
      if (running) expect(cell.title, where).toContain('period still running');
      else expect(cell.title, where).not.toContain('still running');
    });
  });
  const average = shown.find((r) => r.kind === 'average')!;
  recountAverage(expected, periods).forEach((a, k) => {
    const cell = average.cells[k];
    if (a === null) expect(cell.empty, `average period ${k}`).toBe(true);
    else expect(cell.text, `average period ${k}`).toBe(value(a, a.customers));
  });
}

describe.skipIf(!run)('dashboard cohorts (Chromium)', () => {
  const { server, open } = dashboardBrowser('cohorts', {
    prepare: async (server) => {
      today = addDays(server.end, 1);
      const settings = await call(server.url, 'PATCH', '/v1/settings', { key: server.keys.admin, body: JSON.stringify({ currency: 'EUR' }) });
      if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${JSON.stringify(settings.body)}`);
      data = generateCohortData(today);
      for (const [path, records] of [['/v1/import/orders', data.orders], ['/v1/import/lifecycle', data.lifecycle], ['/v1/events', data.events]] as const) {
        const answer = await call(server.url, 'POST', path, { key: server.keys.ingest, body: JSON.stringify(records) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    },
  });

  /** Waits for the answer to the choices named (data attributes of the result). */
  const ready = (w: WatchedPage, attributes: Record<string, string>) =>
    w.page.locator(`[data-testid="cohort-result"][data-ready="true"]${Object.entries(attributes).map(([k, v]) => `[data-${k}="${v}"]`).join('')}`).waitFor();
  const recount = (scope: Omit<RecountScope, 'today'>) => recountCohorts(data, { ...scope, today });
  const cohortsApi = (body: Record<string, unknown>) => call(server.url, 'POST', '/v1/cohorts', { key: server.keys.read, body: JSON.stringify(body) });

  it('shows monthly purchase retention as the records count it: sizes, every cell, the average row, the running month hatched and later months blank', async () => {
    const w = await open('/cohorts');
    await ready(w, { by: 'month' });
    // "Last 12 months": whole months from the first of the month eleven months ago to today, in the address.
    await w.page.getByTestId('cohort-range-months_12').click();
    const from = monthStart(today, 11);
    await w.page.waitForURL(new RegExp(`from=${from}&to=${today}`));
    await ready(w, { by: 'month', metric: 'retention', activity: 'purchase', from, to: today });
    expect(await w.page.getByTestId('cohort-range-months_12').getAttribute('aria-pressed')).toBe('true');

    const expected = recount({ by: 'month', activity: 'purchase', from, to: today });
    expect(expected).toHaveLength(12);
    expect(expected[0].customers).toBeGreaterThan(30);
    // Customers keep ordering: a later month of the first cohort is neither empty nor everyone.
    expect(expected[0].cells[3].active).toBeGreaterThan(0);
    expect(expected[0].cells[3].active).toBeLessThan(expected[0].customers);
    const shown = await readTable(w);
    expectMatrix(shown, expected, 'retention', 12);
    expect(shown[0].kind).toBe('average');
    expect(shown[1].label).toBe(new Date(`${from}T00:00:00Z`).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }));

    // Hovering a cell says how many of the cohort bought.
    const first = expected[0];
    const cell = shown[1].cells[2];
    expect(cell.title).toContain(`${count(first.cells[2].active)} of ${count(first.customers)} customers bought (${percent(first.cells[2].active, first.customers)})`);
    // Colour follows the value: a higher retention is darker; the text stays readable on it.
    const colours = await w.page.getByTestId('cohort-table-cohort').first().locator('td[data-period]').evaluateAll((tds) => tds.slice(0, 3).map((td) => getComputedStyle(td).backgroundColor));
    expect(new Set(colours).size).toBeGreaterThan(1);

    // The legend explains the hatching; the notes show, the API's running-period note does not.
    expect(await w.page.getByTestId('cohort-legend').innerText()).toContain('period still running');
    const notes = await w.page.getByTestId('cohort-notes').innerText();
    expect(notes).toContain('lifecycle churn record');
    expect(notes).not.toContain('complete: false');
    // No retention model for purchases.
    expect(await w.page.getByTestId('cohort-model-panel').count()).toBe(0);
    await screenshot(w.page, 'cohorts');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('shows revenue per customer in the workspace currency for the channel chosen in the toolbar, and the address brings the same view back after a reload', async () => {
    const from = monthStart(today, 11);
    const w = await open(`/cohorts?from=${from}&to=${today}`);
    await ready(w, { metric: 'retention', from });
    await w.page.getByTestId('cohort-metric').getByRole('button', { name: 'Revenue per customer' }).click();
    await w.page.waitForURL(/cohort_metric=revenue/);
    await ready(w, { metric: 'revenue', channel: '' });
    expectMatrix(await readTable(w), recount({ by: 'month', activity: 'purchase', from, to: today }), 'revenue', 12);
    // The activity does not change revenue: its control is off.
    expect(await w.page.getByTestId('cohort-activity').getByRole('button', { name: 'Subscribed' }).isDisabled()).toBe(true);

    await w.page.getByTestId('filter-channel').selectOption('Paid Search');
    await w.page.waitForURL(/channel=Paid(\+|%20)Search/);
    await ready(w, { metric: 'revenue', channel: 'Paid Search' });
    const paidSearch = recount({ by: 'month', activity: 'purchase', from, to: today, channel: 'Paid Search' });
    expectMatrix(await readTable(w), paidSearch, 'revenue', 12);
    expect(await w.page.getByTestId('cohort-caption').innerText()).toContain('through Paid Search');
    expect(await w.page.getByTestId('cohort-legend').innerText()).toMatch(/€0\.00.*€[\d,.]+/s);
    await screenshot(w.page, 'cohorts-revenue');
    const before = await readTable(w);

    await w.page.reload();
    await ready(w, { metric: 'revenue', channel: 'Paid Search', from, to: today });
    expect(w.page.url()).toContain('cohort_metric=revenue');
    expect(await w.page.getByTestId('cohort-metric').locator('[aria-pressed="true"]').innerText()).toBe('Revenue per customer');
    expect(await w.page.getByTestId('filter-channel').inputValue()).toBe('Paid Search');
    expect(await readTable(w)).toEqual(before);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('for subscriptions, counts who was subscribed in each month and shows the retention model: lifetime in words, observed against projected', async () => {
    const from = monthStart(today, 11);
    const w = await open(`/cohorts?from=${from}&to=${today}&cohort_activity=subscription`);
    await ready(w, { activity: 'subscription', from });
    const expected = recount({ by: 'month', activity: 'subscription', from, to: today });
    expectMatrix(await readTable(w), expected, 'retention', 12);
    expect(expected[0].cells[4].active).toBeGreaterThan(0);
    // Shop buyers count in the cohorts without a subscription: the page says how many customers were subscribers.
    const subscribers = expected.reduce((n, r) => n + r.cells[0].survivors, 0);
    const customers = expected.reduce((n, r) => n + r.customers, 0);
    expect(subscribers).toBeLessThan(customers);
    expect(await w.page.getByTestId('cohort-subscribers').innerText()).toContain(`${count(subscribers)} of the ${count(customers)} customers in these cohorts were subscribed from their acquisition`);

    const api = (await cohortsApi({ by: 'month', metric: 'retention', activity: 'subscription', from, to: today })).body;
    const model = api.matrix.model;
    expect(model).not.toBeNull();
    expect(model.expected_lifetime).toBeGreaterThan(1);
    const lifetime = await w.page.getByTestId('cohort-lifetime').innerText();
    expect(lifetime).toContain(`A subscriber stays ${model.expected_lifetime.toFixed(1)} months on average`);
    expect(lifetime).toContain(`have left after ${model.median_lifetime} months`);
    const shownModel = w.page.getByTestId('cohort-model');
    expect(await shownModel.getAttribute('data-projection')).toBe(model.projection.map((p: { retention: number }) => p.retention.toFixed(1)).join('|'));
    // Observed: per month since acquisition, the subscribers not yet churned when it began, over the subscribers at acquisition of the cohorts that reached it.
    const observed = (await w.page.getByTestId('cohort-model-chart').getAttribute('data-observed'))!.split('|');
    expect(observed).toHaveLength(model.projection[0].period);
    observed.forEach((shownValue, k) => {
      const reached = expected.filter((r) => r.cells[0].survivors > 0 && k < r.cells.length);
      const share = reached.reduce((n, r) => n + r.cells[k].survivors, 0) / reached.reduce((n, r) => n + r.cells[0].survivors, 0);
      expect(shownValue, `observed month ${k}`).toBe((share * 100).toFixed(1));
    });
    expect(observed[0]).toBe('100.0');
    await w.page.getByTestId('cohort-model-chart').locator('svg').waitFor();
    for (const warning of api.matrix.warnings as string[]) expect(await w.page.getByTestId('cohort-model-warnings').innerText()).toContain(warning);
    await screenshot(w.page, 'cohorts-subscription');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  for (const [viewport, name] of [
    [{ width: 1366, height: 900 }, 'cohorts-weekly'],
    [{ width: 820, height: 1180 }, 'cohorts-weekly-tablet'],
  ] as const) {
    it(`fits 55 weekly columns at ${viewport.width} px: the table scrolls inside its panel, the cohort column stays in view`, async () => {
      const from = mondayOf(addDays(today, -54 * 7));
      const w = await open(`/cohorts?from=${from}&to=${today}&cohort_by=week`, viewport);
      await ready(w, { by: 'week', from });
      const expected = recount({ by: 'week', activity: 'purchase', from, to: today });
      expect(expected).toHaveLength(55);
      expectMatrix(await readTable(w), expected, 'retention', 55);

      // The page does not scroll sideways; the table does, inside its panel.
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      const scroller = w.page.getByTestId('cohort-table-scroll');
      const box = await scroller.evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth, panel: s.closest('section')!.getBoundingClientRect().width }));
      expect(box.scroll).toBeGreaterThan(box.client * 2);
      expect(box.client).toBeLessThan(box.panel);
      // Taller than the window allows: it scrolls down inside too, under headings that stay, and says so.
      expect(await w.page.getByTestId('cohort-table-scroll-hint').innerText()).toBe('Scroll the table sideways for later weeks →, down for later cohorts ↓');
      await screenshot(w.page, name);
      // Scrolled to the last weeks, the cohort and size columns are still where they were.
      const label = w.page.getByTestId('cohort-table-cohort').nth(10).locator('th');
      const size = w.page.getByTestId('cohort-table-cohort').nth(10).locator('[data-field="size"]');
      const [labelBefore, sizeBefore] = [await label.boundingBox(), await size.boundingBox()];
      await scroller.evaluate((s) => s.scrollTo({ left: s.scrollWidth }));
      await expect.poll(() => scroller.evaluate((s) => s.scrollLeft)).toBeGreaterThan(1000);
      expect((await label.boundingBox())!.x).toBeCloseTo(labelBefore!.x, 0);
      expect((await size.boundingBox())!.x).toBeCloseTo(sizeBefore!.x, 0);
      // The label is drawn above the cells that pass under it.
      const topmost = await label.evaluate((th) => {
        const r = th.getBoundingClientRect();
        return document.elementFromPoint(r.left + 10, r.top + r.height / 2)?.closest('th') === th;
      });
      expect(topmost).toBe(true);
      await screenshot(w.page, `${name}-scrolled`);
      expect(w.errors).toEqual([]);
      expect(w.failedRequests).toEqual([]);
    });
  }

  it('splits by acquisition channel: each channel’s average as the records count it, a channel opens its cohorts, and the address keeps it', async () => {
    const from = monthStart(today, 11);
    const w = await open(`/cohorts?from=${from}&to=${today}`);
    await ready(w, { from });
    await w.page.getByTestId('cohort-breakdown-select').selectOption('channel');
    await w.page.waitForURL(/cohort_breakdown=channel/);
    const panel = w.page.getByTestId('cohort-breakdown-panel');
    await panel.getByTestId('cohort-breakdown').waitFor();
    const shown = await readTable(w, 'cohort-breakdown');
    // Most customers first, as the API orders them; each row the channel's average over its completed cohorts.
    const channels = ['Paid Search', 'Paid Social', 'Email', '(none)'];
    const sizes = channels.map((channel) => ({ channel, rows: recount({ by: 'month', activity: 'purchase', from, to: today, channel }) }));
    const total = (rows: RecountRow[]) => rows.reduce((n, r) => n + r.customers, 0);
    sizes.sort((a, b) => total(b.rows) - total(a.rows));
    expect(shown.map((r) => [r.key, r.size])).toEqual(sizes.map((s) => [s.channel, count(total(s.rows))]));
    sizes.forEach(({ channel, rows }, i) => {
      recountAverage(rows, 12).forEach((a, k) => {
        expect(shown[i].cells[k].text, `${channel} period ${k}`).toBe(a === null ? '' : percent(a.active, a.customers));
      });
    });

    await panel.getByRole('button', { name: 'Email' }).click();
    await w.page.waitForURL(/cohort_key=Email/);
    expectMatrix(await readTable(w, 'cohort-key-table'), recount({ by: 'month', activity: 'purchase', from, to: today, channel: 'Email' }), 'retention', 12);
    await w.page.reload();
    await w.page.getByTestId('cohort-key-table').waitFor();
    expect(await w.page.getByTestId('cohort-key-cohorts').getAttribute('data-key')).toBe('Email');
    await screenshot(w.page, 'cohorts-by-channel');
    // "Show only this channel" narrows the whole view to it, through the toolbar's filter.
    await w.page.getByTestId('cohort-only-channel').click();
    await w.page.waitForURL(/[?&]channel=Email/);
    await ready(w, { channel: 'Email' });
    expectMatrix(await readTable(w), recount({ by: 'month', activity: 'purchase', from, to: today, channel: 'Email' }), 'retention', 12);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it("shows the API's 400 in the panel, with the controls still working and a way out", async () => {
    const w = await open(`/cohorts?from=2010-01-04&to=${today}&cohort_by=week`);
    const problem = w.page.getByTestId('cohort-panel').getByTestId('cohort-error');
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toContain('Beacon cannot build these cohorts.');
    expect(text).toContain('From (2010-01-04) is more than 520 weeks before today');
    expect(await w.page.getByRole('alert').count()).toBe(1);
    // The rest of the page works: the navigation, the toolbar, the controls.
    await w.page.getByTestId('cohort-controls').waitFor();
    expect(await w.page.getByTestId('range-from').inputValue()).toBe('2010-01-04');
    await screenshot(w.page, 'cohorts-error');
    await w.page.getByTestId('cohort-fix-range').click();
    const from = monthStart(today, 11);
    await ready(w, { by: 'month', from });
    expect(await w.page.getByTestId('cohort-error').count()).toBe(0);
    expect(await w.page.getByTestId('cohort-table-cohort').count()).toBe(12);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['400 /v1/cohorts']);
  });
});
