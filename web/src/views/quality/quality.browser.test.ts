// The data-quality view in Chromium against a real server holding only ad
// rows loaded over HTTP in two imports. The first is clean: two ads on each
// of the two days before yesterday and yesterday. The second is faulty: one
// ad row of yesterday with 55 clicks on 40 impressions (an error), and two
// rows with cost but no impressions, on the day before yesterday and
// yesterday (a warning). Nothing else is loaded, so no other check finds
// anything: 1 error, 1 warning, 0 notes, 10 of 12 checks passed. Deleting
// the faulty import and re-running the audit from the page leaves a clean
// workspace, which shows the empty state and 12 of 12.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, requireBrowser, screenshot, type Viewport, type WatchedPage } from '../../../../test/support/browser.js';
import { addDays } from '../../../../test/support/dashboard-data.js';
import { tempDir } from '../../../../test/support/temp-dir.js';
import { call, startTestServer, type TestServer } from '../../../../test/support/test-server.js';

const run = requireBrowser();

const today = new Date().toISOString().slice(0, 10);
const yesterday = addDays(today, -1);
const dayBefore = addDays(today, -2);

const ad = (date: string, ad_id: string, impressions: number, clicks: number, cost: number) => ({
  date,
  platform: 'google_ads',
  campaign_id: 'c_brand',
  campaign_name: 'Brand Search',
  ad_group_id: 'g_brand',
  ad_id,
  impressions,
  clicks,
  cost,
});
const CLEAN = [ad(dayBefore, 'a1', 1000, 30, 20), ad(dayBefore, 'a2', 800, 12, 9.5), ad(yesterday, 'a1', 1100, 35, 22), ad(yesterday, 'a2', 750, 10, 8)];
const FAULTY = [ad(yesterday, 'bad_ctr', 40, 55, 12.5), ad(dayBefore, 'no_delivery', 0, 0, 30), ad(yesterday, 'no_delivery', 0, 0, 45)];

/** A day as the page writes it, e.g. "Dec 6, 2026". */
const written = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}, ${y}`;
};

describe.skipIf(!run)('dashboard data quality (Chromium)', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: TestServer;
  let browser: Browser;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    dir = tempDir('quality-browser');
    server = await startTestServer(dir.path);
    const send = async (path: string, body: unknown) => {
      const answer = await call(server.url, 'POST', path, { key: server.keys.ingest, body: JSON.stringify(body) });
      if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    await send('/v1/import/campaigns', [{ campaign_id: 'c_brand', name: 'Brand Search', platform: 'google_ads', objective: 'conversion' }]);
    await send('/v1/import/ad_performance', CLEAN);
    await send('/v1/import/ad_performance', FAULTY);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await server?.stop();
    dir?.remove();
  });

  async function open(viewport: Viewport): Promise<WatchedPage> {
    await watched?.close();
    watched = await openPage(browser, viewport);
    await watched.page.goto(`${server.url}/quality#key=${server.keys.read}`);
    return watched;
  }
  const finding = (w: WatchedPage, check: string) => w.page.locator(`[data-testid="quality-finding"][data-check="${check}"]`);

  it('lists the error before the warning, with severity, counts, days and the rows at fault', async () => {
    const w = await open({ width: 1280, height: 900 });
    const error = finding(w, 'clicks_over_impressions');
    const warning = finding(w, 'spend_without_impressions');
    await error.waitFor();

    expect(await w.page.getByTestId('quality-count-error').innerText()).toBe('1 error');
    expect(await w.page.getByTestId('quality-count-warning').innerText()).toBe('1 warning');
    expect(await w.page.getByTestId('quality-count-info').innerText()).toBe('0 notes');
    expect(await w.page.getByTestId('quality-passed-count').innerText()).toBe('10 of 12 checks passed');
    expect(await w.page.getByTestId('quality-audited').innerText()).toContain(`workspace day ${written(today)}`);

    // Errors first.
    expect(await w.page.getByTestId('quality-finding').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-check')))).toEqual([
      'clicks_over_impressions',
      'spend_without_impressions',
    ]);

    expect(await error.getAttribute('data-severity')).toBe('error');
    expect(await error.getByTestId('quality-severity').innerText()).toBe('Error');
    expect(await error.locator('h3').innerText()).toBe('Ad rows with more clicks than impressions');
    expect(await error.locator('[data-field="count"]').innerText()).toBe('1 ad row');
    expect(await error.locator('[data-field="days"]').innerText()).toBe(written(yesterday));
    const errorRows = error.getByTestId('quality-example');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.locator('[data-field="ad_id"]').innerText()).toBe('bad_ctr');
    expect(await errorRows.locator('[data-field="clicks"]').innerText()).toBe('55');
    expect(await errorRows.locator('[data-field="impressions"]').innerText()).toBe('40');
    expect(await errorRows.locator('[data-field="cost"]').innerText()).toBe('12.5');
    expect(await errorRows.locator('[data-field="day"]').innerText()).toBe(written(yesterday));
    // Numbers sit right, text left.
    expect(await errorRows.locator('[data-field="clicks"]').evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    expect(await errorRows.locator('[data-field="ad_id"]').evaluate((td) => getComputedStyle(td).textAlign)).toBe('left');
    // Severity colours: the error's badge is red, the warning's amber (the theme's --bad-soft and --warn-soft).
    expect(await error.getByTestId('quality-severity').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 236, 236)');
    expect(await warning.getByTestId('quality-severity').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 243, 227)');

    expect(await warning.getAttribute('data-severity')).toBe('warning');
    expect(await warning.getByTestId('quality-severity').innerText()).toBe('Warning');
    expect(await warning.locator('[data-field="count"]').innerText()).toBe('2 ad rows');
    expect(await warning.locator('[data-field="days"]').innerText()).toBe(`${written(dayBefore)} – ${written(yesterday)}`);
    const warningRows = warning.getByTestId('quality-example');
    expect(await warningRows.count()).toBe(2);
    // The latest first: yesterday's 45, then the day before's 30.
    expect(await warningRows.locator('[data-field="cost"]').allInnerTexts()).toEqual(['45', '30']);
    expect(await warningRows.locator('[data-field="impressions"]').allInnerTexts()).toEqual(['0', '0']);

    // The examples fold away and come back.
    await warning.getByTestId('quality-examples-toggle').click();
    await expect.poll(() => warning.getByTestId('quality-examples').count()).toBe(0);
    expect(await warning.getByTestId('quality-examples-toggle').innerText()).toBe('Show 2 examples');
    await warning.getByTestId('quality-examples-toggle').click();
    await expect.poll(() => warningRows.count()).toBe(2);

    const passed = await w.page.getByTestId('quality-passed').locator('li').allInnerTexts();
    expect(passed).toHaveLength(10);
    expect(passed.map((t) => t.replace('✓', '').trim())).toContain('Stale sources');
    expect(passed.map((t) => t.replace('✓', '').trim())).not.toContain('Clicks over impressions');
    expect(await w.page.getByTestId('quality-clean').count()).toBe(0);

    // The page stays within its width.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(w.page, 'quality-findings-1280');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('fits a tablet', async () => {
    const w = await open({ width: 820, height: 1000 });
    await finding(w, 'spend_without_impressions').waitFor();
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await screenshot(w.page, 'quality-findings-820');
    expect(w.errors).toEqual([]);
  });

  it('shows the empty state once the faulty import is deleted and the audit re-run', async () => {
    const w = await open({ width: 1280, height: 900 });
    await finding(w, 'clicks_over_impressions').waitFor();

    const { body } = await call(server.url, 'GET', '/v1/imports', { key: server.keys.read });
    const faulty = (body.imports as { id: string; source: string; accepted: number }[]).filter((i) => i.source === 'ad_performance' && i.accepted === FAULTY.length);
    expect(faulty).toHaveLength(1);
    const deleted = await call(server.url, 'DELETE', `/v1/imports/${faulty[0].id}`, { key: server.keys.admin });
    expect(deleted.status).toBe(200);

    await w.page.getByTestId('quality-rerun').click();
    await w.page.getByTestId('quality-clean').waitFor();
    expect(await w.page.getByTestId('quality-clean').innerText()).toContain('No problems found in the data');
    expect(await w.page.getByTestId('quality-finding').count()).toBe(0);
    expect(await w.page.getByTestId('quality-count-error').innerText()).toBe('0 errors');
    expect(await w.page.getByTestId('quality-count-warning').innerText()).toBe('0 warnings');
    expect(await w.page.getByTestId('quality-passed-count').innerText()).toBe('12 of 12 checks passed');
    expect(await w.page.getByTestId('quality-passed').locator('li').count()).toBe(12);
    await screenshot(w.page, 'quality-clean-1280');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});
