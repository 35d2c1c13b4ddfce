// The goals view in Chromium against a real server: progress, status and
// benchmark bands of goals an admin created, worked out from the records.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, sums } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();

describe.skipIf(!run)('dashboard goals (Chromium)', () => {
  const { server, open } = dashboardBrowser('goals');

  it('shows each goal with its actual, % attained and status, and the benchmark band on the matching tile', async () => {
    // A spend goal over the last 20 days that ended yesterday: finished, so achieved or missed.
    const from = addDays(server.end, -19);
    const spent = sums(server.data, { from, to: server.end }).cost;
    const target = Math.round(spent * 0.8);
    const admin = (path: string, body: unknown) => call(server.url, 'POST', path, { key: server.keys.admin, body: JSON.stringify(body) });
    expect((await admin('/v1/goals', { name: 'Spend at least', metric: 'cost', target, from, to: addDays(server.end, -1) })).status).toBe(201);
    const revenue = sums(server.data, { from, to: addDays(server.end, -1) }).revenue;
    expect((await admin('/v1/goals', { name: 'Revenue stretch', metric: 'revenue', target: Math.round(revenue * 2), from, to: addDays(server.end, -1) })).status).toBe(201);
    const last30 = sums(server.data, { from: addDays(server.end, -29), to: server.end });
    const roas = last30.revenue / last30.cost;
    expect((await admin('/v1/benchmarks', { metric: 'roas', low: roas - 1, high: roas + 1, label: 'industry' })).status).toBe(201);

    const w = await open('/goals');
    const goals = w.page.getByTestId('goal');
    await expect.poll(() => goals.count()).toBe(2);
    const spend = goals.filter({ hasText: 'Spend at least' });
    const spentToEnd = sums(server.data, { from, to: addDays(server.end, -1) }).cost;
    expect(await spend.getByTestId('goal-actual').innerText()).toBe(dollars(spentToEnd));
    expect(await spend.getByTestId('goal-attained').innerText()).toBe(`${((spentToEnd / target) * 100).toFixed(1)}%`);
    expect(await spend.getByTestId('goal-status').innerText()).toBe('Achieved');
    expect(await goals.filter({ hasText: 'Revenue stretch' }).getByTestId('goal-status').innerText()).toBe('Missed');
    await screenshot(w.page, 'goals');

    // The band shows on the ROAS tile of the overview: the last 30 days' ROAS sits inside it.
    await w.page.getByRole('link', { name: 'Overview' }).click();
    const chip = w.page.getByTestId('tile-roas').getByTestId('tile-benchmark');
    await expect.poll(() => chip.innerText()).toContain('within industry');
    expect(await chip.innerText()).toContain(`${(roas - 1).toFixed(2)}×–${(roas + 1).toFixed(2)}×`);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    await w.close();
  });

  it("shows a running goal's forecast at its end, with the interval and what it says of the target", async () => {
    // Ten days of spend so far (through yesterday) and ten more to come.
    const from = addDays(server.end, -9);
    const to = addDays(server.end, 10);
    const spent = sums(server.data, { from, to: server.end }).cost;
    const admin = (path: string, body: unknown) => call(server.url, 'POST', path, { key: server.keys.admin, body: JSON.stringify(body) });
    // No projection of twenty days reaches a hundred times ten days' spend; every one passes 1.
    expect((await admin('/v1/goals', { name: 'Spend stretch', metric: 'cost', target: Math.round(spent * 100), from, to })).status).toBe(201);
    expect((await admin('/v1/goals', { name: 'Spend floor', metric: 'cost', target: 1, from, to })).status).toBe(201);
    expect((await admin('/v1/goals', { name: 'CTR floor', metric: 'ctr', target: 1, from, to })).status).toBe(201);
    const { body } = await call(server.url, 'GET', '/v1/goals', { key: server.keys.read });
    const stretch = body.goals.find((g: { name: string }) => g.name === 'Spend stretch').forecast;

    const w = await open('/goals');
    const goals = w.page.getByTestId('goal');
    await expect.poll(() => goals.count()).toBe(5);
    const card = goals.filter({ hasText: 'Spend stretch' });
    expect(await card.getByTestId('goal-forecast').innerText()).toBe(`Forecast at ${to}: ${dollars(stretch.value)} (${dollars(stretch.lower)}–${dollars(stretch.upper)}) — off track`);
    expect(await goals.filter({ hasText: 'Spend floor' }).getByTestId('goal-forecast-status').innerText()).toBe('on track');
    expect(await goals.filter({ hasText: 'CTR floor' }).getByTestId('goal-forecast-note').innerText()).toMatch(/^No forecast: ctr does not add up over days/);
    // A finished goal shows no forecast line.
    expect(await goals.filter({ hasText: 'Spend at least' }).getByTestId('goal-forecast').count()).toBe(0);
    await screenshot(w.page, 'goals-forecast');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    await w.close();
  });
});
