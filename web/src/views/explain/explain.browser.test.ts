// The explain view in Chromium against a real server over the dashboard data
// set. The KPI before and now is worked out here from the records (cost over
// conversions, clicks over impressions), not read from Beacon; the waterfall
// must draw one bar per driver between the two ends, and the parts the
// tables show must add up to the change they show.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, sums, type Scope } from '../../../../test/support/dashboard-data.js';
import { dollars } from '../../../../test/support/dashboard-server.js';

const run = requireBrowser();

/** A number as the page writes it: "+$0.22", "−$1,234", "+0.31 pp", "±$0.00", "12.40%". */
function parseShown(text: string): number {
  const cleaned = text.replace('−', '-').replace('±', '').replace(/[$,%×+\s]|pp/g, '');
  const value = Number(cleaned);
  if (!Number.isFinite(value) || cleaned === '') throw new Error(`not a number: "${text}"`);
  return value;
}

interface ShownRow {
  key: string;
  tone: string;
  cells: Record<string, string>;
}

/** The rows of a table: their key (data-id or data-key), the part's tone class and every data-field cell's text. */
function readRows(w: WatchedPage, testId: string): Promise<ShownRow[]> {
  return w.page.getByTestId(testId).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      key: tr.getAttribute('data-id') ?? tr.getAttribute('data-key') ?? '',
      tone: /tone-(\w+)/.exec(tr.querySelector('td[data-field="part"]')?.className ?? '')?.[1] ?? '',
      cells: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.getAttribute('data-field'), td.textContent ?? ''])),
    })),
  );
}

const cpaOf = (s: ReturnType<typeof sums>) => s.cost / s.conversions;
const ctrOf = (s: ReturnType<typeof sums>) => (s.clicks / s.impressions) * 100;

describe.skipIf(!run)('dashboard explain (Chromium)', () => {
  const { server, open } = dashboardBrowser('explain');

  async function shown(w: WatchedPage, attributes: Record<string, string>) {
    const selector = Object.entries(attributes).map(([k, v]) => `[data-${k}="${v}"]`).join('');
    await w.page.locator(`[data-testid="explain-result"][data-ready="true"]${selector}`).waitFor();
    await w.page.locator('[data-testid="explain-waterfall"][data-ready="true"]').waitFor();
  }
  const figure = (w: WatchedPage, id: string) => w.page.getByTestId(`figure-${id}`).getByTestId('figure-value').innerText();

  it('explains the CPA of the last 14 days by channel: the ends from the records, a bar per driver, parts that add up to the change', async () => {
    const from = addDays(server.end, -13);
    const now: Scope = { from, to: server.end };
    const before: Scope = { from: addDays(server.end, -27), to: addDays(server.end, -14) };
    const w = await open(`/explain?from=${from}&to=${server.end}&metric=cpa&by=channel`, { width: 1280, height: 900 });
    await shown(w, { metric: 'cpa', from, to: server.end, by: 'channel' });

    // Before and now, from the records.
    const previous = cpaOf(sums(server.data, before));
    const current = cpaOf(sums(server.data, now));
    expect(await figure(w, 'previous')).toBe(dollars(previous));
    expect(await figure(w, 'current')).toBe(dollars(current));
    const changeShown = parseShown(await figure(w, 'change'));
    expect(changeShown).toBeCloseTo(current - previous, 2);
    expect((await w.page.getByTestId('explain-summary').innerText()).length).toBeGreaterThan(10);

    // The drivers' parts as shown add up to the change as shown (each is rounded to the cent).
    const drivers = await readRows(w, 'explain-drivers');
    expect(drivers.length).toBeGreaterThanOrEqual(1);
    const parts = drivers.map((d) => parseShown(d.cells.part));
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - changeShown)).toBeLessThanOrEqual(0.005 * (parts.length + 1) + 1e-9);
    expect(parseShown(await w.page.getByTestId('explain-drivers-total').innerText())).toBe(changeShown);
    // CPA should fall: a part that raised it is red, one that lowered it green.
    for (const [i, d] of drivers.entries()) expect(d.tone, d.key).toBe(parts[i] > 0 ? 'bad' : parts[i] < 0 ? 'good' : 'neutral');

    // The waterfall: the value before, one bar per driver in the table's order, the value now — and the chart drew each label.
    const chart = w.page.getByTestId('explain-waterfall');
    const labels = ['Before', ...(await w.page.getByTestId('explain-drivers').locator('tbody th').allInnerTexts()), 'Now'];
    expect(await chart.getAttribute('data-bars')).toBe(String(drivers.length + 2));
    expect((await chart.getAttribute('data-labels'))!.split('|')).toEqual(labels);
    const drawnTexts = await chart.locator('svg text').allTextContents();
    for (const label of labels) expect(drawnTexts, label).toContain(label);

    // The channels: each one's CPA before and now from its records; mix + rate is its part; the parts add up to the split's change.
    const segments = await readRows(w, 'explain-segments');
    expect(segments.map((s) => s.key).sort()).toEqual(['Paid Search', 'Paid Social']);
    for (const s of segments) {
      expect(s.cells.before, s.key).toBe(dollars(cpaOf(sums(server.data, { ...before, channel: s.key }))));
      expect(s.cells.now, s.key).toBe(dollars(cpaOf(sums(server.data, { ...now, channel: s.key }))));
      expect(Math.abs(parseShown(s.cells.mix) + parseShown(s.cells.rate) - parseShown(s.cells.part)), s.key).toBeLessThanOrEqual(0.015 + 1e-9);
    }
    const segmentSum = segments.reduce((a, s) => a + parseShown(s.cells.part), 0);
    expect(Math.abs(segmentSum - changeShown)).toBeLessThanOrEqual(0.005 * (segments.length + 1) + 1e-9);

    await screenshot(w.page, 'explain');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('explains CTR without a split in percentage points, keeps the choices in the address, and fits a tablet (820 px)', async () => {
    const from = addDays(server.end, -29);
    const w = await open(`/explain?from=${from}&to=${server.end}&metric=cpa`, { width: 820, height: 1180 });
    await shown(w, { metric: 'cpa', by: '' });
    await w.page.getByTestId('explain-metric').selectOption('ctr');
    await w.page.waitForURL(/metric=ctr/);
    await shown(w, { metric: 'ctr', from, by: '' });

    const previous = ctrOf(sums(server.data, { from: addDays(server.end, -59), to: addDays(server.end, -30) }));
    const current = ctrOf(sums(server.data, { from, to: server.end }));
    expect(await figure(w, 'previous')).toBe(`${previous.toFixed(2)}%`);
    expect(await figure(w, 'current')).toBe(`${current.toFixed(2)}%`);
    const changeText = await figure(w, 'change');
    expect(changeText).toMatch(/ pp$/);
    const changeShown = parseShown(changeText);
    expect(changeShown).toBeCloseTo(current - previous, 2);

    const drivers = await readRows(w, 'explain-drivers');
    const parts = drivers.map((d) => parseShown(d.cells.part));
    for (const d of drivers) expect(d.cells.part).toMatch(/ pp$/);
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - changeShown)).toBeLessThanOrEqual(0.005 * (parts.length + 1) + 1e-9);
    expect(await w.page.getByTestId('explain-waterfall').getAttribute('data-bars')).toBe(String(drivers.length + 2));
    expect(await w.page.getByTestId('explain-breakdown-panel').count()).toBe(0);

    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(w.page, 'explain-tablet');

    // The address brings the same explanation back.
    await w.page.reload();
    await shown(w, { metric: 'ctr', from, by: '' });
    expect(await w.page.getByTestId('explain-metric').inputValue()).toBe('ctr');
    expect(await figure(w, 'change')).toBe(changeText);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});
