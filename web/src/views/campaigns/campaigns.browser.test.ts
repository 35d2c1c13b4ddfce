// The campaigns drill-down in Chromium against a real server: channel rows,
// a channel's campaigns and their sum, sorting, the totals row and the CSV,
// checked against sums worked out from the loaded records.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, DASHBOARD_CAMPAIGNS, sums } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';

const run = requireBrowser();
let w: WatchedPage;

const cell = (row: ReturnType<WatchedPage['page']['locator']>, metric: string) => row.locator(`td[data-metric="${metric}"]`).innerText();

describe.skipIf(!run)('dashboard campaigns drill-down (Chromium)', () => {
  const { server, open } = dashboardBrowser('campaigns');

  it('lists the channels with their sums and a totals row equal to the whole range', async () => {
    w = await open('/campaigns');
    const table = w.page.getByTestId('drill-table');
    await table.waitFor();
    const range = { from: addDays(server.end, -29), to: server.end };
    const channels = table.locator('tr[data-level="channel"]');
    // Sorted by cost, highest first, by default.
    const names = await channels.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    const expectedOrder = ['Paid Search', 'Paid Social'].sort((a, b) => sums(server.data, { ...range, channel: b }).cost - sums(server.data, { ...range, channel: a }).cost);
    expect(names).toEqual(expectedOrder);
    for (const channel of ['Paid Search', 'Paid Social']) {
      const row = table.locator(`tr[data-level="channel"][data-name="${channel}"]`);
      const expected = sums(server.data, { ...range, channel });
      expect(await cell(row, 'cost')).toBe(dollars(expected.cost));
      expect(await cell(row, 'impressions')).toBe(expected.impressions.toLocaleString('en-US'));
      expect(await cell(row, 'conversions')).toBe(expected.conversions.toLocaleString('en-US'));
      expect(await cell(row, 'revenue')).toBe(dollars(expected.revenue));
    }
    const all = sums(server.data, range);
    const totals = w.page.getByTestId('drill-totals');
    expect(await cell(totals, 'cost')).toBe(dollars(all.cost));
    expect(await cell(totals, 'clicks')).toBe(all.clicks.toLocaleString('en-US'));
    expect(await cell(totals, 'roas')).toBe(`${(all.revenue / all.cost).toFixed(2)}×`);
    expect(w.errors).toEqual([]);
  });

  it('drilling into a channel shows exactly its campaigns, by name, adding up to the channel row; then its ads', async () => {
    const table = w.page.getByTestId('drill-table');
    const range = { from: addDays(server.end, -29), to: server.end };
    await table.locator('tr[data-name="Paid Social"] button.expand').click();
    const campaigns = table.locator('tr[data-level="campaign"]');
    await expect.poll(() => campaigns.count()).toBe(2);
    const social = DASHBOARD_CAMPAIGNS.filter((c) => c.channel === 'Paid Social');
    expect((await campaigns.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).sort()).toEqual(social.map((c) => c.id).sort());
    for (const campaign of social) {
      const row = table.locator(`tr[data-level="campaign"][data-name="${campaign.id}"]`);
      expect(await row.locator('th').innerText()).toContain(campaign.name);
      expect(await cell(row, 'cost')).toBe(dollars(sums(server.data, { ...range, campaign: campaign.id }).cost));
    }
    // The campaigns' costs, as shown, add up to the channel's (to the cent, before the display rounds).
    const campaignCosts = social.map((c) => sums(server.data, { ...range, campaign: c.id }).cost);
    expect(dollars(campaignCosts.reduce((a, b) => a + b, 0))).toBe(await cell(table.locator('tr[data-level="channel"][data-name="Paid Social"]'), 'cost'));

    await table.locator(`tr[data-name="c_prospect"] button.expand`).click();
    // Its one ad group, and the conversions no ad group can be credited with (visits carry only the campaign).
    const groups = table.locator('tr[data-level="ad_group"]');
    await expect.poll(() => groups.count()).toBe(2);
    expect((await groups.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).sort()).toEqual(['(none)', 'c_prospect_group']);
    const prospect = sums(server.data, { ...range, campaign: 'c_prospect' });
    expect(await cell(table.locator('tr[data-level="ad_group"][data-name="(none)"]'), 'conversions')).toBe(prospect.conversions.toLocaleString('en-US'));
    expect(await cell(table.locator('tr[data-level="ad_group"][data-name="c_prospect_group"]'), 'cost')).toBe(dollars(prospect.cost));
    await table.locator(`tr[data-name="c_prospect_group"] button.expand`).click();
    await expect.poll(() => table.locator('tr[data-level="ad"]').count()).toBe(2);
    const adCost = (ad: string) => server.data.ads.filter((r) => r.ad_id === ad && r.date >= range.from && r.date <= range.to).reduce((s, r) => s + r.cost, 0);
    expect(await cell(table.locator('tr[data-level="ad"][data-name="c_prospect_a"]'), 'cost')).toBe(dollars(adCost('c_prospect_a')));
    await screenshot(w.page, 'campaigns');

    // Collapsing the channel closes everything below it.
    await table.locator('tr[data-name="Paid Social"] button.expand').click();
    await expect.poll(() => table.locator('tr[data-level="campaign"], tr[data-level="ad"]').count()).toBe(0);
    expect(w.errors).toEqual([]);
  });

  it('sorts by a column (kept in the address) and exports what is shown as CSV', async () => {
    const table = w.page.getByTestId('drill-table');
    await w.page.getByTestId('sort-cost').click();
    await w.page.waitForURL(/sort=cost%3Aasc|sort=cost:asc/);
    const range = { from: addDays(server.end, -29), to: server.end };
    const ascending = ['Paid Search', 'Paid Social'].sort((a, b) => sums(server.data, { ...range, channel: a }).cost - sums(server.data, { ...range, channel: b }).cost);
    await expect.poll(() => table.locator('tr[data-level="channel"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).toEqual(ascending);

    await table.locator('tr[data-name="Paid Search"] button.expand').click();
    await expect.poll(() => table.locator('tr[data-level="campaign"]').count()).toBe(2);
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('export-csv').click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('channel,campaign,ad_group,ad,name,cost,impressions,clicks,ctr,cpc,conversions,cpa,revenue,roas');
    // Two channels and Paid Search's two campaigns, in the order shown.
    expect(csv).toHaveLength(5);
    const brand = csv.find((line) => line.startsWith('Paid Search,c_brand,'))!;
    const cost = Number(brand.split(',')[5]);
    expect(cost).toBeCloseTo(sums(server.data, { ...range, campaign: 'c_brand' }).cost, 6);
    expect(brand.split(',')[4]).toBe('Brand Search');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});
