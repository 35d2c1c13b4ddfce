// The funnels view in Chromium against a real server holding the dashboard
// data set plus ad clickers, organic visitors (with a custom add_to_cart
// event) and CRM leads. Every count, rate and median the page shows is worked
// out here by following each person's own records — their first first-step
// event in the range, then each next step's first event after the one before,
// within the window — not taken from the API. The editor's choices survive a
// reload; a mistyped step is explained beside the editor with the server's
// suggestion; the breakdown marks the best and lowest converting segments.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays, DASHBOARD_CAMPAIGNS } from '../../../../test/support/dashboard-data.js';
import type { DashboardServer } from '../../../../test/support/dashboard-server.js';
import { generateFunnelVisitors, type FunnelVisitors } from '../../../../test/support/funnel-visitors.js';
import { call } from '../../../../test/support/test-server.js';
import { formatDuration } from './funnels-queries';

const run = requireBrowser();
let server: DashboardServer;
let visitors: FunnelVisitors;

const DAY_MS = 86_400_000;
const count = (n: number) => n.toLocaleString('en-US');
/** A rate as the page writes it: one decimal, two below 1 %. */
const rate = (part: number, whole: number) => {
  const percent = (part / whole) * 100;
  return percent === 0 || percent >= 0.995 ? `${percent.toFixed(1)}%` : percent < 0.005 ? '<0.01%' : `${percent.toFixed(2)}%`;
};

/** One record of one person: an event, a lifecycle stage (named as the funnel names it), with the campaign that brought it. */
interface Touch {
  person: string;
  step: string;
  at: number;
  campaign: string | null;
}

interface Group {
  entered: number;
  reached: number[];
  /** Seconds from the step before, per step, of those who reached it. */
  gaps: number[][];
}

const campaignOfUrl = (url: unknown) => (typeof url === 'string' ? new URL(url).searchParams.get('utm_campaign') : null);
const channelOf = (campaign: string | null) => DASHBOARD_CAMPAIGNS.find((c) => c.id === campaign)?.channel ?? '(none)';

function touches(): Touch[] {
  const events = [...server.data.events, ...visitors.events].map((e) => ({
    person: String(e.anonymous_id),
    step: String(e.type),
    at: Date.parse(String(e.timestamp)),
    campaign: typeof e.campaign_id === 'string' ? e.campaign_id : campaignOfUrl(e.url),
  }));
  const stages = visitors.lifecycle.map((r) => ({ person: r.customer_id, step: r.stage === 'lead' ? 'stage:lead' : r.stage, at: Date.parse(r.timestamp), campaign: null }));
  return [...events, ...stages];
}

/**
 * The funnel in order, person by person: they enter at their first
 * first-step record dated in the range (UTC, the workspace's zone); each later
 * step is their first record of it after the step before, at most
 * `windowDays` after entering. Grouped by `key` of the entering record.
 */
function recount(steps: string[], range: { from: string; to: string }, windowDays: number, key: (entry: Touch) => string = () => 'everyone'): Map<string, Group> {
  const people = new Map<string, Touch[]>();
  for (const t of touches()) people.set(t.person, [...(people.get(t.person) ?? []), t]);
  const groups = new Map<string, Group>();
  for (const records of people.values()) {
    records.sort((a, b) => a.at - b.at);
    const day = (t: Touch) => new Date(t.at).toISOString().slice(0, 10);
    const entry = records.find((t) => t.step === steps[0] && day(t) >= range.from && day(t) <= range.to);
    if (!entry) continue;
    const name = key(entry);
    const group = groups.get(name) ?? { entered: 0, reached: steps.map(() => 0), gaps: steps.map(() => []) };
    groups.set(name, group);
    group.entered++;
    group.reached[0]++;
    let previous = entry;
    for (let k = 1; k < steps.length; k++) {
      const hit = records.find((t) => t.step === steps[k] && t.at > previous.at && t.at <= entry.at + windowDays * DAY_MS);
      if (!hit) break;
      group.reached[k]++;
      group.gaps[k].push((hit.at - previous.at) / 1000);
      previous = hit;
    }
  }
  return groups;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe.skipIf(!run)('dashboard funnels (Chromium)', () => {
  let range: { from: string; to: string };

  const { open } = dashboardBrowser('funnels', {
    prepare: async (started) => {
      server = started;
      visitors = generateFunnelVisitors(server.data, server.end);
      for (const [path, records] of [['/v1/events', visitors.events], ['/v1/import/lifecycle', visitors.lifecycle]] as const) {
        const answer = await call(server.url, 'POST', path, { key: server.keys.ingest, body: JSON.stringify(records) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      range = { from: addDays(server.end, -29), to: server.end };
    },
  });

  /** Waits until the page shows the answer for these steps (and settings), not an earlier one. */
  async function shown(w: WatchedPage, steps: string[], extra = '') {
    await w.page.locator(`[data-testid="funnel-result"][data-steps="${steps.join('|')}"][aria-busy="false"]${extra}`).waitFor();
  }

  /** The page's table against the recount: people, % of previous, % of first, the median time from the previous step; and the headline. */
  async function expectSteps(w: WatchedPage, steps: string[], group: Group) {
    const rows = w.page.getByTestId('funnel-step-row');
    expect(await rows.count()).toBe(steps.length);
    for (let k = 0; k < steps.length; k++) {
      const row = rows.nth(k);
      const cell = (field: string) => row.locator(`td[data-field="${field}"]`).innerText();
      expect(await row.getAttribute('data-name')).toBe(steps[k]);
      expect(await cell('count')).toBe(count(group.reached[k]));
      expect(await cell('from_first')).toBe(rate(group.reached[k], group.reached[0]));
      if (k === 0) continue;
      expect(await cell('from_previous')).toBe(rate(group.reached[k], group.reached[k - 1]));
      expect(await cell('dropped')).toBe(count(group.reached[k - 1] - group.reached[k]));
      const middle = median(group.gaps[k]);
      expect(Number(await row.locator('td[data-field="median"]').getAttribute('data-seconds'))).toBeCloseTo(middle!, 3);
      expect(await cell('median')).toBe(formatDuration(middle));
    }
    const figure = (id: string) => w.page.getByTestId(`figure-${id}`).getByTestId('figure-value').innerText();
    expect(await figure('overall')).toBe(rate(group.reached.at(-1)!, group.entered));
    expect(await figure('entered')).toBe(count(group.entered));
    expect(await figure('completed')).toBe(count(group.reached.at(-1)!));
    expect(await w.page.getByTestId('funnel-chart').getAttribute('data-counts')).toBe(group.reached.join('|'));
  }

  it('shows the ad funnel of the last 30 days as the records count it: people, rates, median times, the headline and the notes', async () => {
    const w = await open('/funnels');
    const steps = ['ad_click', 'page_view', 'purchase'];
    await shown(w, steps);
    const everyone = recount(steps, range, 7).get('everyone')!;
    // Enough people at every step, and purchases both within and past the week, for the numbers to mean something.
    expect(everyone.reached[2]).toBeGreaterThan(40);
    expect(recount(steps, range, 14).get('everyone')!.reached[2]).toBeGreaterThan(everyone.reached[2]);
    await expectSteps(w, steps, everyone);
    expect(await w.page.getByTestId('preset-ad').getAttribute('aria-pressed')).toBe('true');
    expect(await w.page.getByTestId('funnel-panel').getByRole('heading').innerText()).toBe('Funnel: Ad click → Page view → Purchase');
    // The last week's entrants have not had their whole window yet: the server's note says so, as a callout.
    expect(await w.page.getByTestId('funnel-notes').innerText()).toContain('less than the 7-day window');
    await screenshot(w.page, 'funnels');

    // The toolbar's filters do not narrow a funnel: the page says so, and the numbers stay.
    await w.page.getByTestId('filter-channel').selectOption('Paid Search');
    await w.page.waitForURL(/channel=Paid/);
    await expect.poll(() => w.page.locator('.view.funnels').innerText()).toContain('The channel filter does not narrow a funnel');
    await expectSteps(w, steps, everyone);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('edits the steps — remove, add a custom event type, reorder — and explains a mistyped step beside the editor with the server’s suggestion', async () => {
    const w = await open('/funnels');
    await shown(w, ['ad_click', 'page_view', 'purchase']);
    const step = (i: number) => w.page.getByTestId('funnel-step').nth(i);

    // Without the ad click: page views then purchases, the dashboard's buyers included.
    await step(0).getByTestId('step-remove').click();
    await w.page.waitForURL(/steps=page_view%2Cpurchase/);
    await shown(w, ['page_view', 'purchase']);
    await expectSteps(w, ['page_view', 'purchase'], recount(['page_view', 'purchase'], range, 7).get('everyone')!);
    // Two steps is the least: neither can be removed.
    expect(await step(0).getByTestId('step-remove').isDisabled()).toBe(true);

    // A custom event type typed at the end, then moved before the purchase.
    await w.page.getByTestId('add-step').click();
    await w.page.getByTestId('new-step').getByTestId('step-select').selectOption('__other');
    await w.page.getByTestId('new-step').getByTestId('step-custom').fill('add_to_cart');
    await w.page.getByTestId('new-step').getByTestId('step-custom').press('Enter');
    await shown(w, ['page_view', 'purchase', 'add_to_cart']);
    await step(2).getByTestId('step-earlier').click();
    const cart = ['page_view', 'add_to_cart', 'purchase'];
    await w.page.waitForURL(/steps=page_view%2Cadd_to_cart%2Cpurchase/);
    await shown(w, cart);
    await expectSteps(w, cart, recount(cart, range, 7).get('everyone')!);

    // A typo: the server's message with its did-you-mean, next to the marked step; the results wait, the page works.
    await step(2).getByTestId('step-select').selectOption('__other');
    await step(2).getByTestId('step-custom').fill('purchse');
    await step(2).getByTestId('step-custom').press('Enter');
    const problem = w.page.getByTestId('step-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-step')).toBe('3');
    expect(await problem.innerText()).toContain('"purchse" is neither an event type this workspace knows');
    expect(await problem.innerText()).toContain('did you mean purchase?');
    expect(await step(2).getAttribute('aria-invalid')).toBe('true');
    expect(await w.page.getByTestId('funnel-panel').innerText()).toContain('cannot be counted until the steps above are fixed');
    expect(await w.page.getByTestId('funnel-panel').getByRole('alert').count()).toBe(0);
    await screenshot(w.page, 'funnels-unknown-step');
    // One click takes the suggestion.
    await problem.getByTestId('step-suggestion').click();
    await shown(w, cart);
    expect(await w.page.getByTestId('step-problem').count()).toBe(0);
    await expectSteps(w, cart, recount(cart, range, 7).get('everyone')!);

    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['400 /v1/funnels']);
  });

  it('keeps window, order and breakdown in the address across a reload, and splits by channel and campaign with the best and lowest marked', async () => {
    const w = await open('/funnels');
    const steps = ['ad_click', 'page_view', 'purchase'];
    await shown(w, steps);
    await w.page.getByTestId('funnel-window').fill('14');
    await w.page.getByTestId('funnel-window').press('Enter');
    await w.page.waitForURL(/window=14/);
    await w.page.getByTestId('order-strict').click();
    await w.page.waitForURL(/order=strict/);
    await w.page.getByTestId('funnel-breakdown').selectOption('channel');
    await w.page.waitForURL(/breakdown=channel/);
    const address = w.page.url();
    expect(address).toMatch(/window=14/);

    await w.page.reload();
    await shown(w, steps, '[data-window="14"][data-order="strict"][data-by="channel"]');
    expect(w.page.url()).toBe(address);
    expect(await w.page.getByTestId('funnel-window').inputValue()).toBe('14');
    expect(await w.page.getByTestId('order-strict').getAttribute('aria-pressed')).toBe('true');
    expect(await w.page.getByTestId('funnel-breakdown').inputValue()).toBe('channel');
    // Strictly in order counts as in order here: each person's funnel-step records come once each, in the funnel's order.
    await expectSteps(w, steps, recount(steps, range, 14).get('everyone')!);

    const expectSegments = async (by: (entry: Touch) => string, label: (key: string) => string) => {
      const groups = recount(steps, range, 14, by);
      const expected = [...groups].sort((a, b) => b[1].entered - a[1].entered || a[0].localeCompare(b[0]));
      const rows = w.page.getByTestId('segment-row');
      await expect.poll(() => rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-key')))).toEqual(expected.map(([k]) => k));
      const overall = (g: Group) => g.reached.at(-1)! / g.entered;
      const large = expected.filter(([, g]) => g.entered >= 20).map(([, g]) => overall(g));
      for (const [key, g] of expected) {
        const row = w.page.locator(`tr[data-testid="segment-row"][data-key="${key}"]`);
        expect(await row.locator('th').innerText()).toBe(label(key));
        expect(await row.locator('td[data-field="entered"]').innerText()).toBe(count(g.entered));
        expect(await row.locator('td[data-field="step-3"]').innerText()).toBe(`${count(g.reached[2])} (${rate(g.reached[2], g.reached[1])})`);
        expect(await row.locator('td[data-field="overall"]').innerText()).toContain(rate(g.reached[2], g.entered));
        const tone = g.entered < 20 ? null : overall(g) === Math.max(...large) ? 'best' : overall(g) === Math.min(...large) ? 'worst' : null;
        expect(await row.getAttribute('data-tone')).toBe(tone);
        expect(await row.getAttribute('data-small')).toBe(g.entered < 20 ? 'true' : null);
      }
    };
    // Every ad click carries its campaign, whose platform gives the channel.
    await expectSegments((entry) => channelOf(entry.campaign), (key) => key);
    await screenshot(w.page, 'funnels-by-channel');

    await w.page.getByTestId('funnel-breakdown').selectOption('campaign');
    await w.page.waitForURL(/breakdown=campaign/);
    await shown(w, steps, '[data-by="campaign"]');
    const names = new Map(DASHBOARD_CAMPAIGNS.map((c) => [c.id, c.name]));
    await expect.poll(() => w.page.locator('tr[data-testid="segment-row"][data-key="c_brand"] th').innerText()).toBe('Brand Search');
    await expectSegments((entry) => entry.campaign ?? '(none)', (key) => names.get(key) ?? key);
    expect(await w.page.locator('tr[data-testid="segment-row"][data-tone="best"]').count()).toBe(1);
    expect(await w.page.locator('tr[data-testid="segment-row"][data-tone="worst"]').count()).toBe(1);
    await screenshot(w.page, 'funnels-by-campaign');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('counts the lead funnel of the CRM stages with its preset window, and reads well at 820 px', async () => {
    const w = await open('/funnels', { width: 820, height: 1000 });
    await shown(w, ['ad_click', 'page_view', 'purchase']);
    await w.page.getByTestId('preset-lead').click();
    const steps = ['stage:lead', 'mql', 'sql', 'customer'];
    await w.page.waitForURL(/window=60/);
    await shown(w, steps);
    const leads = recount(steps, range, 60).get('everyone')!;
    expect(leads.reached[3]).toBeGreaterThan(0);
    await expectSteps(w, steps, leads);
    expect(await w.page.getByTestId('funnel-step-row').first().innerText()).toContain('CRM stage');
    await w.page.getByTestId('funnel-breakdown').selectOption('channel');
    await shown(w, steps, '[data-by="channel"]');
    await w.page.getByTestId('segment-row').first().waitFor();
    // Channels with fewer than 20 leads are greyed, none called best or lowest.
    const byChannel = recount(steps, range, 60, (entry) => visitors.lifecycle.find((r) => r.customer_id === entry.person)!.channel);
    for (const [channel, g] of byChannel) {
      const row = w.page.locator(`tr[data-testid="segment-row"][data-key="${channel}"]`);
      expect(await row.locator('td[data-field="entered"]').innerText()).toBe(count(g.entered));
      expect(await row.getAttribute('data-small')).toBe(g.entered < 20 ? 'true' : null);
    }
    // Nothing is wider than the window: no sideways scrolling of the page.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await screenshot(w.page, 'funnels-820');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });
});
