// The panels' Download control in Chromium against a real server: the
// campaigns table and the overview's chart and tiles saved as CSV (header and
// values checked against sums worked out from the loaded records) and as
// Parquet (the format's magic bytes at both ends).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requireBrowser, SCREENSHOT_DIR, screenshot, type WatchedPage } from '../../../test/support/browser.js';
import { dashboardBrowser } from '../../../test/support/dashboard-browser.js';
import { addDays, sums } from '../../../test/support/dashboard-data.js';

const run = requireBrowser();
const VIEWPORT = { width: 1280, height: 900 };
const DRILL_COLUMNS = 'cost,impressions,clicks,ctr,cpc,conversions,cpa,revenue,roas';

async function downloadFrom(w: WatchedPage, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const button = w.page.getByTestId(testId);
  await expect.poll(() => button.isEnabled()).toBe(true);
  const [download]: [Download, void] = await Promise.all([w.page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

const csvLines = (bytes: Buffer) => bytes.toString('utf8').trim().split(/\r?\n/);
const field = (header: string, line: string, column: string) => line.split(',')[header.split(',').indexOf(column)];
const isParquet = (bytes: Buffer) => bytes.length > 8 && bytes.subarray(0, 4).toString('latin1') === 'PAR1' && bytes.subarray(-4).toString('latin1') === 'PAR1';

describe.skipIf(!run)('dashboard Download control (Chromium)', () => {
  const { server, open } = dashboardBrowser('download');

  it('downloads the campaigns table query as CSV with each channel’s cost, and as Parquet', async () => {
    const w = await open('/campaigns', VIEWPORT);
    await w.page.getByTestId('drill-table').waitFor();
    const range = { from: addDays(server.end, -29), to: server.end };

    const csv = await downloadFrom(w, 'download-campaigns-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const [header, ...rows] = csvLines(csv.bytes);
    expect(header).toBe(`channel,${DRILL_COLUMNS}`);
    expect(rows.map((r) => r.split(',')[0]).sort()).toEqual(['Paid Search', 'Paid Social']);
    for (const channel of ['Paid Search', 'Paid Social']) {
      const row = rows.find((r) => r.startsWith(`${channel},`))!;
      expect(Number(field(header, row, 'cost'))).toBeCloseTo(sums(server.data, { ...range, channel }).cost, 6);
      expect(Number(field(header, row, 'clicks'))).toBe(sums(server.data, { ...range, channel }).clicks);
    }

    const parquet = await downloadFrom(w, 'download-campaigns-parquet');
    expect(parquet.name).toMatch(/\.parquet$/);
    expect(isParquet(parquet.bytes)).toBe(true);

    const panel = w.page.getByTestId('drill-panel');
    await panel.locator('.panel-head').screenshot({ path: join(SCREENSHOT_DIR, 'download-campaigns-head.png') });
    await screenshot(w.page, 'download-campaigns');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('downloads the overview chart (one row per day) and the tiles (the range totals) with the range and filter the view shows', async () => {
    const w = await open('/?range=last_7&channel=Paid+Social', VIEWPORT);
    await w.page.getByTestId('trend-chart').and(w.page.locator('[data-ready="true"]')).waitFor();
    const from = addDays(server.end, -6);

    const chart = await downloadFrom(w, 'download-trend-csv');
    const [header, ...days] = csvLines(chart.bytes);
    expect(header.split(',').slice(0, 2)).toEqual(['date', 'cost']);
    expect(days).toHaveLength(7);
    for (const line of days) {
      const date = field(header, line, 'date').slice(0, 10);
      expect(date >= from && date <= server.end).toBe(true);
      expect(Number(field(header, line, 'cost'))).toBeCloseTo(sums(server.data, { from: date, to: date, channel: 'Paid Social' }).cost, 6);
    }
    expect(isParquet((await downloadFrom(w, 'download-trend-parquet')).bytes)).toBe(true);

    const tiles = await downloadFrom(w, 'download-tiles-csv');
    const [tilesHeader, totals, ...rest] = csvLines(tiles.bytes);
    expect(tilesHeader.split(',')).toEqual(expect.arrayContaining(['cost', 'revenue', 'roas', 'cpa', 'conversions', 'ctr']));
    expect(rest).toEqual([]);
    const week = sums(server.data, { from, to: server.end, channel: 'Paid Social' });
    expect(Number(field(tilesHeader, totals, 'cost'))).toBeCloseTo(week.cost, 6);
    expect(Number(field(tilesHeader, totals, 'conversions'))).toBe(week.conversions);

    await w.page.getByTestId('trend-panel').locator('.panel-head').screenshot({ path: join(SCREENSHOT_DIR, 'download-trend-head.png') });
    await screenshot(w.page, 'download-overview');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('says why when the export is refused, and the page goes on working', async () => {
    const w = await open('/campaigns', VIEWPORT);
    await w.page.route('**/v1/export', (route) => route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unsupported', message: 'Parquet is not available here' } }) }));
    await w.page.getByTestId('drill-table').waitFor();
    await w.page.getByTestId('download-campaigns-parquet').click();
    await expect.poll(() => w.page.getByTestId('download-campaigns').getByRole('alert').innerText()).toBe('Parquet is not available here');
    expect(await w.page.getByTestId('download-campaigns-csv').isEnabled()).toBe(true);
    expect(w.errors).toEqual([]);
  });
});
