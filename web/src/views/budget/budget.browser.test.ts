// The budget view in Chromium against a real server holding the dashboard
// data set: 60 days ending yesterday of four campaigns, two on Paid Search
// and two on Paid Social, all of which spent. The spend per channel and per
// campaign is added up here from the records; the default budget is that
// spend to three significant figures; the recommended spends shown must add
// up to the budget shown, and a new budget asks again. A history shorter
// than 30 days shows the API's own message.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, DASHBOARD_CAMPAIGNS, sums } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();

/** A table cell's money ("$17,349", "$980.50") as a number. */
const money = (text: string) => Number(text.replace(/[$,\s]/g, ''));

interface ShownRow {
  key: string;
  name: string;
  current: string;
  recommended: string;
}

function readTable(w: WatchedPage): Promise<ShownRow[]> {
  return w.page.getByTestId('budget-table').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      key: tr.getAttribute('data-key') ?? '',
      name: tr.querySelector('th')?.textContent ?? '',
      current: tr.querySelector('td[data-field="current"]')?.textContent ?? '',
      recommended: tr.querySelector('td[data-field="recommended"]')?.textContent ?? '',
    })),
  );
}

describe.skipIf(!run)('dashboard budget (Chromium)', () => {
  const { server, open } = dashboardBrowser('budget');

  /** Waits for the recommendation named (data attributes of the result), its bars and every curve. */
  async function shown(w: WatchedPage, attributes: Record<string, string | number>) {
    const selector = Object.entries(attributes).map(([k, v]) => `[data-${k}="${v}"]`).join('');
    await w.page.locator(`[data-testid="budget-result"][data-ready="true"]${selector}`).waitFor();
    await w.page.locator('[data-testid="budget-bars"][data-ready="true"]').waitFor();
    const rows = Number(await w.page.getByTestId('budget-result').getAttribute('data-rows'));
    await expect.poll(() => w.page.locator('[data-testid="budget-curve"][data-ready="true"]').count()).toBe(rows);
  }

  /** Every recommended cell adds up to the budget: each is rounded to the whole unit (all are above 1,000 here), so by at most half a unit. */
  async function expectRecommendedSum(w: WatchedPage, budget: number) {
    const rows = await readTable(w);
    const sum = rows.reduce((s, r) => s + money(r.recommended), 0);
    expect(Math.abs(sum - budget)).toBeLessThanOrEqual(rows.length * 0.5);
    return rows;
  }

  it('splits the range’s spend, rounded, by channel: bars, a curve per channel, a table that adds up, and the reasons', async () => {
    const from = server.data.days[0];
    const to = server.end;
    const spend = sums(server.data, { from, to }).cost;
    // Three significant figures of a spend in the thousands: the nearest hundred (or ten).
    const budget = Number(spend.toPrecision(3));
    const w = await open(`/budget?from=${from}&to=${to}`, { width: 1280, height: 900 });
    await shown(w, { total: budget, by: 'channel', outcome: 'revenue', from, to, rows: 2 });

    expect(Number(await w.page.getByTestId('budget-total').inputValue())).toBe(budget);
    expect(await w.page.getByTestId('figure-budget').getByTestId('figure-value').innerText()).toBe(dollars(budget));
    expect(await w.page.getByTestId('budget-caption').innerText()).toContain(`what the range spent, ${dollars(spend)}, rounded`);
    expect(await w.page.locator('[data-testid="budget-bars"] svg').count()).toBe(1);
    expect(await w.page.locator('[data-testid="budget-curve"] svg').count()).toBe(2);

    // The current spend per channel is what the records add up to; the recommended spends add up to the budget.
    const rows = await expectRecommendedSum(w, budget);
    expect(rows.map((r) => r.key).sort()).toEqual(['Paid Search', 'Paid Social']);
    for (const r of rows) expect(r.current, r.key).toBe(dollars(sums(server.data, { from, to, channel: r.key }).cost));
    expect(await w.page.getByTestId('budget-total-row').locator('td[data-field="recommended"]').innerText()).toBe(dollars(budget));

    // Each curve says how well it fits; the reasons start with the largest move allowed.
    for (const fit of await w.page.getByTestId('budget-curve-fit').allInnerTexts()) expect(fit).toMatch(/R² -?\d\.\d\d · holdout/);
    expect(await w.page.getByTestId('budget-reasons').innerText()).toContain('Each channel moves at most 50 % from its current spend');
    await screenshot(w.page, 'budget');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('a new budget asks again and is kept in the address; by campaign the campaigns are named; conversions have a marginal CPA', async () => {
    const from = addDays(server.end, -44);
    const to = server.end;
    const spend = sums(server.data, { from, to }).cost;
    const w = await open(`/budget?from=${from}&to=${to}`);
    await shown(w, { total: Number(spend.toPrecision(3)), from, rows: 2 });

    // A fifth more than was spent: every channel may move by half, so the whole budget can be placed.
    const more = Math.round((spend * 1.2) / 100) * 100;
    const asked: string[] = [];
    w.page.on('request', (request) => {
      if (request.url().endsWith('/v1/budget/recommend')) asked.push(request.postData() ?? '');
    });
    await w.page.getByTestId('budget-total').fill(String(more));
    await w.page.getByTestId('budget-total').press('Enter');
    await w.page.waitForURL(new RegExp(`budget_total=${more}`));
    await shown(w, { total: more, rows: 2 });
    expect(asked.map((body) => JSON.parse(body).total_budget)).toEqual([more]);
    await expectRecommendedSum(w, more);

    await w.page.getByTestId('budget-by').getByRole('button', { name: 'Campaign' }).click();
    await w.page.waitForURL(/budget_by=campaign/);
    await shown(w, { total: more, by: 'campaign', rows: 4 });
    const rows = await expectRecommendedSum(w, more);
    for (const r of rows) {
      const campaign = DASHBOARD_CAMPAIGNS.find((c) => c.id === r.key)!;
      expect(r.current, r.key).toBe(dollars(sums(server.data, { from, to, campaign: r.key }).cost));
      await expect.poll(() => w.page.locator(`[data-testid="budget-row"][data-key="${r.key}"] th`).innerText()).toBe(campaign.name);
    }

    await screenshot(w.page, 'budget-campaigns');

    // Maximising conversions: the marginal return is a cost per extra conversion.
    await w.page.getByTestId('budget-objective').getByRole('button', { name: 'Conversions' }).click();
    await w.page.waitForURL(/budget_objective=conversions/);
    await shown(w, { total: more, by: 'campaign', outcome: 'conversions', rows: 4 });
    expect(await w.page.getByTestId('budget-table').locator('thead').innerText()).toContain('Marginal CPA');
    for (const cell of await w.page.locator('[data-testid="budget-row"] td[data-field="marginal"]').allInnerTexts()) expect(cell).toMatch(/^\$[\d,]+(\.\d\d)?$/);
    await expectRecommendedSum(w, more);

    await w.page.reload();
    await shown(w, { total: more, by: 'campaign', outcome: 'conversions', rows: 4 });
    expect(Number(await w.page.getByTestId('budget-total').inputValue())).toBe(more);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('a history under 30 days shows the API’s message and a way out', async () => {
    const from = addDays(server.end, -6);
    const w = await open(`/budget?from=${from}&to=${server.end}`);
    const alert = w.page.getByTestId('budget-error');
    await alert.waitFor();
    const budget = Number(sums(server.data, { from, to: server.end }).cost.toPrecision(3));
    const api = await call(server.url, 'POST', '/v1/budget/recommend', { key: server.keys.read, body: JSON.stringify({ total_budget: budget, from, to: server.end }) });
    expect(api.status).toBe(400);
    const message: string = api.body.error.message;
    // Seven days, both ends counted.
    expect(message).toContain(`from ${from} to ${server.end} is 7`);
    expect(await alert.getAttribute('data-status')).toBe('400');
    expect(await alert.innerText()).toContain(message.charAt(0).toUpperCase() + message.slice(1));
    await screenshot(w.page, 'budget-error');

    await w.page.getByTestId('budget-fix-range').click();
    await w.page.waitForURL(/range=last_90/);
    await w.page.locator('[data-testid="budget-result"][data-ready="true"]').waitFor();
    expect(await w.page.getByTestId('budget-error').count()).toBe(0);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['400 /v1/budget/recommend']);
  });

  it('reads well on a tablet (820 px wide)', async () => {
    const w = await open(`/budget?from=${server.data.days[0]}&to=${server.end}`, { width: 820, height: 1180 });
    await shown(w, { by: 'channel', rows: 2 });
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(w.page, 'budget-tablet');
    expect(w.errors).toEqual([]);
  });
});
