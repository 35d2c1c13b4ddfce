// The customers view in Chromium against a real server. The dashboard data
// set's buyers become customers with orders and repeat orders, and two
// channels carry non-media costs: new customers, CAC, CLV so far, LTV:CAC and
// payback per channel are worked out here from those records; the predicted
// values (model outputs) must be the API's own answer, formatted as the page
// formats it. A workspace without orders shows why nothing can be predicted.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot } from '../../../../test/support/browser.js';
import { channelEconomics, generateCustomerData, type CustomerData } from '../../../../test/support/customer-data.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();
let customers: CustomerData;

const count = (n: number) => n.toLocaleString('en-US');
const ratio = (n: number) => `${n.toFixed(2)}×`;
const percent = (n: number) => `${n.toFixed(2)}%`;
/** Counts as the page writes them: whole numbers grouped, others with one decimal. */
const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(n) ? 0 : 1 });

describe.skipIf(!run)('dashboard customers (Chromium)', () => {
  const { server, open } = dashboardBrowser('customers', {
    prepare: async (server) => {
      customers = generateCustomerData(server.data, server.end);
      for (const [source, records] of [['orders', customers.orders], ['costs', customers.costs]] as const) {
        const answer = await call(server.url, 'POST', `/v1/import/${source}`, { key: server.keys.ingest, body: JSON.stringify(records) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${source}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    },
  });

  const read = (path: string) => call(server.url, 'GET', path, { key: server.keys.read });

  it('shows new customers, CAC, CLV so far, LTV:CAC and payback per acquisition channel as the records add them up', async () => {
    const w = await open('/customers');
    const range = { from: addDays(server.end, -29), to: server.end };
    const margin = (await read('/v1/settings')).body.settings.gross_margin as number;
    const catalog = new Set(((await read('/v1/catalog')).body.metrics as { id: string }[]).map((m) => m.id));
    const row = (channel: string) => w.page.locator(`tr[data-testid="channel-row"][data-channel="${channel}"]`);
    const cell = (channel: string, metric: string) => row(channel).locator(`td[data-metric="${metric}"]`).innerText();
    await row('Paid Search').waitFor();

    const economics = ['Paid Search', 'Paid Social'].map((channel) => ({ channel, ...channelEconomics(server.data, customers, { ...range, channel }, margin) }));
    // Most new customers first.
    const order = [...economics].sort((a, b) => b.newCustomers - a.newCustomers || a.channel.localeCompare(b.channel)).map((e) => e.channel);
    expect(await w.page.getByTestId('channel-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-channel')))).toEqual(order);
    for (const e of economics) {
      expect(e.newCustomers).toBeGreaterThan(20);
      const cost = e.mediaCost + e.nonMediaCost;
      expect(await cell(e.channel, 'new_customers')).toBe(count(e.newCustomers));
      expect(await cell(e.channel, 'paid_cac')).toBe(dollars(e.mediaCost / e.newCustomers));
      expect(await cell(e.channel, 'cac')).toBe(dollars(cost / e.newCustomers));
      expect(await cell(e.channel, 'clv')).toBe(dollars(e.lifetimeMargin / e.newCustomers));
      expect(await cell(e.channel, 'ltv_cac')).toBe(ratio(e.lifetimeMargin / cost));
      expect(await cell(e.channel, 'cac_payback_months')).toBe(`${((cost * 12) / e.firstYearMargin).toFixed(1)} mo`);
      // The marker: below 1× bad, from 3× healthy.
      const value = e.lifetimeMargin / cost;
      expect(await row(e.channel).locator('td[data-metric="ltv_cac"]').getAttribute('data-tone')).toBe(value < 1 ? 'bad' : value >= 3 ? 'healthy' : null);
    }
    const all = economics.reduce((s, e) => ({ n: s.n + e.newCustomers, cost: s.cost + e.mediaCost + e.nonMediaCost }), { n: 0, cost: 0 });
    expect(await w.page.getByTestId('channel-totals').locator('td[data-metric="new_customers"]').innerText()).toBe(count(all.n));
    expect(await w.page.getByTestId('channel-totals').locator('td[data-metric="cac"]').innerText()).toBe(dollars(all.cost / all.n));

    // The predicted columns are there exactly when the catalog has them, with the API's own values.
    const predicted = ['predicted_clv', 'predicted_ltv_cac'].filter((m) => catalog.has(m));
    for (const m of ['predicted_clv', 'predicted_ltv_cac']) {
      expect(await w.page.getByTestId('channel-value-table').locator(`thead th[data-metric="${m}"]`).count()).toBe(predicted.includes(m) ? 1 : 0);
    }
    if (predicted.length > 0) {
      const api = await call(server.url, 'POST', '/v1/query', { key: server.keys.read, body: JSON.stringify({ metrics: predicted, dimensions: ['channel'], ...range }) });
      for (const apiRow of api.body.rows as Record<string, number | string>[]) {
        if (predicted.includes('predicted_clv')) expect(await cell(String(apiRow.channel), 'predicted_clv')).toBe(dollars(Number(apiRow.predicted_clv)));
        if (predicted.includes('predicted_ltv_cac')) expect(await cell(String(apiRow.channel), 'predicted_ltv_cac')).toBe(ratio(Number(apiRow.predicted_ltv_cac)));
      }
    }

    // The query's notes (no CRM lifecycle data here), the chart of the ratios, its legend.
    expect(await w.page.getByTestId('channel-value-notes').innerText()).toContain('no lifecycle data has been loaded');
    expect(await w.page.getByTestId('ltv-cac-chart').getAttribute('data-channels')).toBe(order.join('|'));
    expect(await w.page.getByTestId('channel-value-panel').innerText()).toContain('below 1×');

    // A channel filter from the toolbar narrows the table.
    await w.page.getByTestId('filter-channel').selectOption('Paid Social');
    await w.page.waitForURL(/channel=Paid\+Social|channel=Paid%20Social/);
    await expect.poll(() => w.page.getByTestId('channel-row').count()).toBe(1);
    expect(await cell('Paid Social', 'new_customers')).toBe(count(economics.find((e) => e.channel === 'Paid Social')!.newCustomers));
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('shows the predicted CLV as the API answers it: headline, spread, top customers, warnings and notes; the calibration end goes into the address', async () => {
    const w = await open('/customers');
    const clv = (await read('/v1/clv?top=20')).body;
    const figure = (id: string) => w.page.getByTestId(`figure-${id}`).getByTestId('figure-value').innerText();
    await w.page.getByTestId('clv-figures').waitFor();
    expect(await figure('customers')).toBe(count(clv.summary.customers));
    expect(await figure('repeat_buyers')).toBe(count(clv.summary.repeat_buyers));
    expect(await figure('mean_clv')).toBe(dollars(clv.summary.mean_clv));
    expect(await figure('new_customer_clv')).toBe(dollars(clv.summary.new_customer_clv));
    expect(await figure('total_clv')).toBe(dollars(clv.summary.total_clv));
    expect(await figure('median_clv')).toBe(dollars(clv.distribution.p50));
    const basis = await w.page.getByTestId('clv-basis').innerText();
    expect(basis).toContain(`next ${count(clv.summary.horizon_days)} days`);
    expect(basis).toContain(`value after ${server.end} only`);
    expect(clv.summary.calibration_end).toBe(server.end);

    // The spread: one bar per bin, the open last one "≥ from".
    const bins = clv.distribution.bins as { from: number; to: number | null }[];
    const labels = (await w.page.getByTestId('clv-histogram').getAttribute('data-bins'))!.split('|');
    expect(labels).toHaveLength(bins.length);
    if (bins.at(-1)!.to === null) expect(labels.at(-1)).toMatch(/^≥ \$/);
    expect(await w.page.getByTestId('clv-percentiles').innerText()).toContain(dollars(clv.distribution.p90));

    // Warnings and notes as callouts (the refunded and cancelled repeat orders are not purchases).
    expect(clv.warnings.length).toBeGreaterThan(0);
    for (const warning of clv.warnings) expect(await w.page.getByTestId('clv-warnings').innerText()).toContain(warning);
    expect(clv.notes.join(' ')).toContain('refunded');
    for (const note of clv.notes) expect(await w.page.getByTestId('clv-notes').innerText()).toContain(note);

    // The top customers in the API's order and values.
    const rows = w.page.getByTestId('customer-row');
    expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-customer')))).toEqual(clv.customers.map((c: { id: string }) => c.id));
    const top = clv.customers[0];
    const field = (name: string) => rows.first().locator(`td[data-field="${name}"]`).innerText();
    expect(await field('clv')).toBe(dollars(top.clv));
    expect(await field('probability_alive')).toBe(percent(top.probability_alive * 100));
    expect(await field('expected_purchases')).toBe(amount(Math.round(top.expected_purchases * 10) / 10));
    expect(await field('frequency')).toBe(count(top.frequency));
    // The last order, from the records: the customer's last completed order up to the calibration end.
    const lastOrder = customers.orders
      .filter((o) => o.customer_id === top.id && o.status === undefined && o.timestamp.slice(0, 10) <= server.end)
      .map((o) => o.timestamp.slice(0, 10))
      .sort()
      .at(-1);
    expect(await field('last_order')).toBe(lastOrder);
    // The whole page, the channel table and its chart included.
    await w.page.getByTestId('ltv-cac-chart').locator('svg').waitFor();
    await w.page.getByTestId('clv-histogram').locator('svg').waitFor();
    await screenshot(w.page, 'customers');

    // An earlier calibration end: in the address, refitted, the later orders noted.
    const earlier = addDays(server.end, -14);
    await w.page.getByTestId('calibration-end').fill(earlier);
    await w.page.getByTestId('calibration-apply').click();
    await w.page.waitForURL(new RegExp(`calibration_end=${earlier}`));
    const refit = (await read(`/v1/clv?top=20&calibration_end=${earlier}`)).body;
    await expect.poll(() => figure('mean_clv')).toBe(dollars(refit.summary.mean_clv));
    expect(await figure('customers')).toBe(count(refit.summary.customers));
    await expect.poll(() => w.page.getByTestId('clv-notes').innerText()).toContain(`after ${earlier} are left out of the fit`);
    expect(await w.page.getByTestId('clv-basis').innerText()).toContain(`value after ${earlier} only`);
    await w.page.reload();
    await expect.poll(() => figure('mean_clv')).toBe(dollars(refit.summary.mean_clv));
    await w.page.getByTestId('calibration-reset').click();
    await expect.poll(() => figure('mean_clv')).toBe(dollars(clv.summary.mean_clv));
    expect(w.page.url()).not.toContain('calibration_end');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('reads well on a tablet (820 px wide)', async () => {
    const w = await open('/customers', { width: 820, height: 1180 });
    await w.page.getByTestId('channel-row').first().waitFor();
    await w.page.getByTestId('customer-row').first().waitFor();
    await w.page.getByTestId('ltv-cac-chart').locator('svg').waitFor();
    await w.page.getByTestId('clv-histogram').locator('svg').waitFor();
    await screenshot(w.page, 'customers-tablet');
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    // No table scrolls sideways, and no heading wraps onto a second line.
    for (const table of ['channel-value-table', 'top-customers']) {
      const box = await w.page.getByTestId(table).evaluate((t) => ({ table: t.scrollWidth, frame: t.parentElement!.clientWidth }));
      expect(box.table, table).toBeLessThanOrEqual(box.frame);
      const lines = await w.page.getByTestId(table).locator('thead th').evaluateAll((ths) =>
        ths.map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      );
      expect(lines.every((n) => n === 1), `${table} headings on one line: ${lines.join(',')}`).toBe(true);
    }
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('a workspace without orders says why no CLV can be predicted, in the panel', async () => {
    const w = await open('/customers', undefined, server.keys.otherAdmin);
    const unfit = w.page.getByTestId('clv-unfit');
    await unfit.waitFor();
    const text = await unfit.innerText();
    expect(text).toContain('Not enough purchase history to predict customer value yet.');
    expect(text).toContain('No customer has a completed order');
    expect(await w.page.getByTestId('calibration-end').inputValue()).toBe(server.end);
    expect(await w.page.getByTestId('top-customers-panel').count()).toBe(0);
    // The channel panel says the range is empty; no error page.
    await expect.poll(() => w.page.getByTestId('channel-value-panel').innerText()).toContain('No data from');
    expect(await w.page.getByRole('alert').count()).toBe(0);
    await screenshot(w.page, 'customers-no-orders');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['422 /v1/clv']);
  });
});
