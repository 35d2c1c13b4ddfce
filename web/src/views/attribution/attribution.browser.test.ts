// The attribution view in Chromium against a real server. Every buyer of the
// data set arrives on one campaign's link and buys in the same visit, so every
// model must credit each channel with exactly its own orders — worked out here
// from the records.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, DASHBOARD_CAMPAIGNS, sums } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';

const run = requireBrowser();

describe.skipIf(!run)('dashboard attribution (Chromium)', () => {
  const { server, open } = dashboardBrowser('attribution');

  it('shows each channel credited with its own orders under every model, with cost, CPA and the converting paths', async () => {
    const w = await open('/attribution');
    const range = { from: addDays(server.end, -29), to: server.end };
    const search = sums(server.data, { ...range, channel: 'Paid Search' });
    const social = sums(server.data, { ...range, channel: 'Paid Social' });

    const chart = w.page.getByTestId('attribution-chart');
    await chart.waitFor();
    const expectedKeys = [['Paid Search', search.conversions], ['Paid Social', social.conversions]].sort((a, b) => Number(b[1]) - Number(a[1])).map(([k]) => k);
    expect(await chart.getAttribute('data-keys')).toBe(expectedKeys.join('|'));

    // The table: Markov by default, with intervals.
    const row = (key: string) => w.page.locator(`tr[data-testid="credit-row"][data-key="${key}"]`);
    await row('Paid Search').waitFor();
    const cell = (key: string, metric: string) => row(key).locator(`td[data-metric="${metric}"]`).innerText();
    expect(await cell('Paid Search', 'conversions')).toBe(search.conversions.toLocaleString('en-US'));
    expect(await cell('Paid Social', 'revenue')).toBe(dollars(social.revenue));
    expect(await cell('Paid Social', 'cost')).toBe(dollars(social.cost));
    expect(await cell('Paid Social', 'cpa')).toBe(dollars(social.cost / social.conversions));
    expect(await cell('Paid Search', 'interval')).toMatch(/^\d[\d,.]* – \d[\d,.]*$/);

    // Switching the table's model keeps the numbers (single-touch journeys) and goes into the address.
    await w.page.getByTestId('attribution-model').selectOption('first_touch');
    await w.page.waitForURL(/model=first_touch/);
    await expect.poll(() => cell('Paid Search', 'conversions')).toBe(search.conversions.toLocaleString('en-US'));

    // By campaign: the campaigns' names, and Brand Search with its own orders.
    await w.page.getByTestId('attribution-by').selectOption('campaign');
    await w.page.waitForURL(/by=campaign/);
    const brand = sums(server.data, { ...range, campaign: 'c_brand' });
    await expect.poll(() => cell('c_brand', 'conversions')).toBe(brand.conversions.toLocaleString('en-US'));
    expect(await row('c_brand').locator('th').innerText()).toContain(DASHBOARD_CAMPAIGNS[0].name);

    // Paths: every path is one touch, the campaign of the order.
    const paths = w.page.getByTestId('path');
    await expect.poll(() => paths.count()).toBe(4);
    await screenshot(w.page, 'attribution');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    await w.close();
  });
});
