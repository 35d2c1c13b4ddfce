// The segments view in Chromium against a real server. Beside the dashboard
// data set's four campaigns (click-through rates drawn from 1–4 %), one
// campaign is loaded whose CTR is known exactly and far below them: 20 clicks
// of 20,000 impressions a day, 0.10 %. It must be flagged, with its CTR and
// its spend as worked out here; the workspace's CTR is added up from the
// records. A sum such as cost cannot be judged: the page shows the API's 422.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, sums } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();

const POOR = { id: 'c_poor', name: 'Poor Banner', impressions: 20_000, clicks: 20, cost: 30 };

describe.skipIf(!run)('dashboard segments (Chromium)', () => {
  const { server, open } = dashboardBrowser('segments', {
    prepare: async (started) => {
      const send = async (path: string, body: unknown) => {
        const answer = await call(started.url, 'POST', path, { key: started.keys.ingest, body: JSON.stringify(body) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      };
      await send('/v1/import/campaigns', [{ campaign_id: POOR.id, name: POOR.name, platform: 'meta_ads', objective: 'conversion' }]);
      await send(
        '/v1/import/ad_performance',
        started.data.days.map((date) => ({
          date,
          platform: 'meta_ads',
          campaign_id: POOR.id,
          campaign_name: POOR.name,
          ad_group_id: `${POOR.id}_group`,
          ad_id: `${POOR.id}_ad`,
          impressions: POOR.impressions,
          clicks: POOR.clicks,
          cost: POOR.cost,
        })),
      );
    },
  });

  async function shown(w: WatchedPage, attributes: Record<string, string>) {
    const selector = Object.entries(attributes).map(([k, v]) => `[data-${k}="${v}"]`).join('');
    await w.page.locator(`[data-testid="segments-result"][data-ready="true"]${selector}`).waitFor();
  }
  const figure = (w: WatchedPage, id: string) => w.page.getByTestId(`figure-${id}`).getByTestId('figure-value').innerText();

  it('flags the campaign with the poor CTR among the judged, with its CTR and spend, against the workspace CTR from the records', async () => {
    const from = addDays(server.end, -29);
    const w = await open(`/segments?from=${from}&to=${server.end}`, { width: 1280, height: 900 });
    await shown(w, { metric: 'ctr', dimensions: 'campaign', from });

    // The workspace: the four campaigns and the poor one together.
    const days = 30;
    const base = sums(server.data, { from, to: server.end });
    const workspace = ((base.clicks + days * POOR.clicks) / (base.impressions + days * POOR.impressions)) * 100;
    expect(await figure(w, 'workspace')).toBe(`${workspace.toFixed(2)}%`);

    // Five campaigns judged; the poor one flagged, whatever else is.
    const rows = await w.page.getByTestId('segments-row').evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-key') ?? '',
        name: tr.querySelector('th')?.textContent ?? '',
        cells: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.getAttribute('data-field'), td.textContent ?? ''])),
      })),
    );
    expect(await figure(w, 'flagged')).toBe(`${rows.length} of 5`);
    const poor = rows.find((r) => r.key === POOR.id);
    expect(poor, 'the poor campaign is flagged').toBeDefined();
    expect(poor!.name).toBe(`${POOR.name}${POOR.id}`);
    expect(poor!.cells.value).toBe('0.10%');
    expect(poor!.cells.probability).toBe('> 99.9%');
    expect(poor!.cells.spend).toBe(dollars(days * POOR.cost));
    // Any other flagged campaign is one of the data set's, with its own CTR from the records.
    for (const r of rows.filter((r) => r.key !== POOR.id)) {
      const own = sums(server.data, { from, to: server.end, campaign: r.key });
      expect(r.cells.value, r.key).toBe(`${((own.clicks / own.impressions) * 100).toFixed(2)}%`);
    }
    // Ranked by spend at stake, most first.
    const atStake = rows.map((r) => Number(r.cells['at-stake'].replace(/[$,]/g, '')));
    expect([...atStake].sort((a, b) => b - a)).toEqual(atStake);
    expect(await w.page.getByTestId('segments-verdict').innerText()).toContain(`${rows.length} of the 5 campaign segments judged`);
    expect(await w.page.getByTestId('segments-fdr').innerText()).toMatch(/false alarm/);
    await screenshot(w.page, 'segments');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('shows the API’s 422 for cost, a sum, and goes back to CTR from it', async () => {
    const w = await open('/segments?metric=cost');
    const alert = w.page.getByTestId('segments-error');
    await alert.waitFor();
    const api = await call(server.url, 'POST', '/v1/segments/underperforming', {
      key: server.keys.read,
      body: JSON.stringify({ metric: 'cost', dimensions: ['campaign'], from: addDays(server.end, -29), to: server.end }),
    });
    expect(api.status).toBe(422);
    const message: string = api.body.error.message;
    expect(message).toContain('cost');
    expect(message).toContain('ctr');
    expect(await alert.getAttribute('data-status')).toBe('422');
    expect(await alert.innerText()).toContain(message.charAt(0).toUpperCase() + message.slice(1));
    await screenshot(w.page, 'segments-error');

    await w.page.getByTestId('segments-fix-metric').click();
    await w.page.waitForURL(/metric=ctr/);
    await shown(w, { metric: 'ctr' });
    expect(await w.page.getByTestId('segments-error').count()).toBe(0);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['422 /v1/segments/underperforming']);
  });

  it('judges channel × campaign combinations, or says none is clearly worse when a filter leaves only sound campaigns, on a tablet (820 px)', async () => {
    const from = addDays(server.end, -29);
    const w = await open(`/segments?from=${from}&to=${server.end}`, { width: 820, height: 1180 });
    await shown(w, { metric: 'ctr', dimensions: 'campaign' });
    await w.page.getByTestId('segments-dimensions').getByRole('button', { name: 'channel' }).click();
    await w.page.waitForURL(/by=campaign%2Cchannel|by=campaign,channel/);
    await shown(w, { metric: 'ctr', dimensions: 'campaign,channel' });
    // Each campaign runs on one channel: five combinations.
    expect(await figure(w, 'flagged')).toMatch(/ of 5$/);
    expect(await w.page.getByTestId('segments-row').filter({ hasText: POOR.name }).count()).toBe(1);
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(w.page, 'segments-tablet');

    // One campaign alone is the whole workspace: it cannot be worse than itself.
    await w.page.goto(server.link(`/segments?from=${from}&to=${server.end}&campaign=c_brand`));
    await shown(w, { metric: 'ctr', dimensions: 'campaign', flagged: '0' });
    await w.page.getByTestId('segments-empty').waitFor();
    expect(await w.page.getByTestId('segments-empty').innerText()).toContain('No segment is clearly worse than the workspace.');
    const brand = sums(server.data, { from, to: server.end, campaign: 'c_brand' });
    expect(await figure(w, 'workspace')).toBe(`${((brand.clicks / brand.impressions) * 100).toFixed(2)}%`);
    await screenshot(w.page, 'segments-empty');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});
