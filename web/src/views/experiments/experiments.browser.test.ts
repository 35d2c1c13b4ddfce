// The experiments view in Chromium against a real server holding the
// dashboard data set plus three A/B tests: checkout_button and pricing_page
// (support/experiment-visitors.ts, a 90/10 split in the second) and the
// hand-built hero of support/experiment-fixture.ts, whose sums are worked out
// by hand there. Every count, rate, lift, interval, p-value, chance and CUPED
// figure the page shows is worked out here from each person's own records —
// the z test, the Beta posteriors and CUPED the long way
// (support/experiment-stats.ts) — not taken from the API. The choices survive
// a reload; a 90/10 split raises the sample ratio banner; an unknown
// experiment, one with a single variant and a metric that cannot be read show
// the API's message; a workspace without experiments says how to send them.
import { describe, expect, it } from 'vitest';
import { requireBrowser, screenshot, type WatchedPage } from '../../../../test/support/browser.js';
import { dashboardBrowser } from '../../../../test/support/dashboard-browser.js';
import { addDays } from '../../../../test/support/dashboard-data.js';
import { EXPERIMENT_EVENTS } from '../../../../test/support/experiment-fixture.js';
import { cupedByHand, posteriorByHand, rateByHand } from '../../../../test/support/experiment-stats.js';
import { generateExperimentVisitors, type ExperimentVisitors, type ExposedPerson } from '../../../../test/support/experiment-visitors.js';
import { call } from '../../../../test/support/test-server.js';

const run = requireBrowser();
let visitors: ExperimentVisitors;
let today: string;

const DAY = 86_400_000;
const count = (n: number) => n.toLocaleString('en-US');
const percent = (share: number) => `${(share * 100).toFixed(2)}%`;
const signed = (share: number, digits = 1) => `${share > 0 ? '+' : share < 0 ? '−' : '±'}${Math.abs(share * 100).toFixed(digits)}%`;
const dollars = (value: number) => `$${value.toFixed(2)}`;
/** A difference of rates in percentage points, signed. */
const points = (share: number) => `${share > 0 ? '+' : share < 0 ? '−' : '±'}${Math.abs(share * 100).toFixed(2)} pp`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One person's metric after exposure up to `end` and the same in the 14 days before: converted (1 or 0), or revenue. */
function outcome(p: ExposedPerson, metric: 'visitor_cvr' | 'revenue', end = Number.POSITIVE_INFINITY) {
  const after = p.orders.filter((o) => o.at >= p.exposedAt && o.at < end);
  const before = p.priorOrders.filter((o) => o.at < p.exposedAt && o.at >= p.exposedAt - 14 * DAY);
  if (metric === 'visitor_cvr') return { variant: p.variant, y: after.length > 0 ? 1 : 0, x: before.length > 0 ? 1 : 0 };
  return { variant: p.variant, y: after.reduce((s, o) => s + o.revenue, 0), x: before.reduce((s, o) => s + o.revenue, 0) };
}

/** People and converters per variant of an experiment, first exposed on `from` … `to` (UTC dates) when given. */
function converters(experiment: string, window?: { from: string; to: string }) {
  const people = visitors.people.filter((p) => p.experiment === experiment && (!window || (day(p.exposedAt) >= window.from && day(p.exposedAt) <= window.to)));
  const end = window ? Date.parse(`${window.to}T00:00:00Z`) + DAY : Number.POSITIVE_INFINITY;
  const of = (variant: string) => {
    const own = people.filter((p) => p.variant === variant);
    return { n: own.length, c: own.filter((p) => outcome(p, 'visitor_cvr', end).y === 1).length };
  };
  return { people, of };
}

interface ShownRow {
  variant: string;
  control: boolean;
  fields: Record<string, string>;
  titles: Record<string, string>;
}

function readTable(w: WatchedPage): Promise<ShownRow[]> {
  return w.page.getByTestId('variant-table').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      variant: tr.getAttribute('data-variant') ?? '',
      control: tr.hasAttribute('data-control'),
      fields: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.getAttribute('data-field'), (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()])),
      titles: Object.fromEntries([...tr.querySelectorAll('td[data-field][title]')].map((td) => [td.getAttribute('data-field'), td.getAttribute('title') ?? ''])),
    })),
  );
}

const verdictText = async (w: WatchedPage, variant: string) => (await w.page.locator(`[data-testid="verdict"][data-variant="${variant}"] .verdict-text`).innerText()).trim();

describe.skipIf(!run)('dashboard experiments (Chromium)', () => {
  const { server, open } = dashboardBrowser('experiments', {
    prepare: async (started) => {
      today = addDays(started.end, 1);
      visitors = generateExperimentVisitors(today);
      for (const batch of [visitors.events, EXPERIMENT_EVENTS]) {
        const answer = await call(started.url, 'POST', '/v1/events', { key: started.keys.ingest, body: JSON.stringify(batch) });
        if (answer.status !== 200 || answer.body.rejected > 0) throw new Error(`/v1/events: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    },
  });

  /** Waits for the readout of the choices named (data attributes of the result). */
  const ready = (w: WatchedPage, attributes: Record<string, string>) =>
    w.page.locator(`[data-testid="experiment-result"][data-ready="true"]${Object.entries(attributes).map(([k, v]) => `[data-${k}="${v}"]`).join('')}`).waitFor();

  it('reads the most recent experiment over the whole test by default, with CUPED: people, converters, rates and adjusted rates as the records count them', async () => {
    const w = await open('/experiments');
    await ready(w, { experiment: 'checkout_button', metric: 'visitor_cvr', cuped: 'true' });
    expect(w.page.url()).toBe(server.link('/experiments').replace(/#.*$/, ''));
    expect(await w.page.getByTestId('experiment-select').inputValue()).toBe('checkout_button');
    expect(await w.page.getByTestId('experiment-variants').locator('.chip').allInnerTexts()).toEqual(['control · 2,000 people', 'green · 2,000 people']);

    // By hand (support/experiment-visitors.ts): 143 + 57 and 143 + 107 converters.
    const { of } = converters('checkout_button');
    expect([of('control'), of('green')]).toEqual([
      { n: 2000, c: 200 },
      { n: 2000, c: 250 },
    ]);
    const cuped = cupedByHand(visitors.people.filter((p) => p.experiment === 'checkout_button').map((p) => outcome(p, 'visitor_cvr')));
    const [c, g] = [cuped.variants.get('control')!, cuped.variants.get('green')!];
    const rows = await readTable(w);
    expect(rows.map((r) => [r.variant, r.control, r.fields.people, r.fields.converted, r.fields.value, r.fields.adjusted, r.fields.variance])).toEqual([
      ['control', true, '2,000', '200', '10.00%', percent(c.adjusted), `${(c.varianceReduction * 100).toFixed(1)}%`],
      ['green', false, '2,000', '250', '12.50%', percent(g.adjusted), `${(g.varianceReduction * 100).toFixed(1)}%`],
    ]);
    // Buyers before exposure buy again more often: CUPED has something to remove; green had more of them, so its rate is adjusted down.
    expect(c.varianceReduction).toBeGreaterThan(0.05);
    expect(g.adjusted).toBeLessThan(0.125 - 0.0005);
    // The lift compares the adjusted rates.
    const lift = g.adjusted / c.adjusted - 1;
    expect(rows[1].fields.lift.split(' ')[0]).toBe(signed(lift));
    expect(await verdictText(w, 'green')).toMatch(new RegExp(`^green converts ${(lift * 100).toFixed(1)}% better than control \\(95% interval `));

    // Who counts and what CUPED did: the first exposure was 21 days before today, the test runs to today.
    const first = addDays(today, -21);
    expect(await w.page.getByTestId('figure-exposed').getByTestId('figure-value').innerText()).toBe('4,000');
    expect(await w.page.getByTestId('figure-exposed').innerText()).toContain(`first exposed from ${first} to ${today}`);
    expect(await w.page.getByTestId('figure-excluded').getByTestId('figure-value').innerText()).toBe('0');
    expect(await w.page.getByTestId('figure-srm').getByTestId('figure-value').innerText()).toBe('As planned');
    const cuts = [c.varianceReduction, g.varianceReduction].sort((a, b) => a - b).map((v) => (v * 100).toFixed(1));
    expect(await w.page.getByTestId('figure-cuped').getByTestId('figure-value').innerText()).toBe(`${cuts[0]}–${cuts[1]}%`);
    expect(await w.page.getByTestId('experiment-caption').innerText()).toContain(
      `CUPED removed ${(c.varianceReduction * 100).toFixed(1)}% of the variance in control and ${(g.varianceReduction * 100).toFixed(1)}% in green, using each person’s same metric in the 14 days before their first exposure.`,
    );
    expect(await w.page.getByTestId('experiment-notes').innerText()).toContain('compared as the mean of a 1-or-0 outcome');
    expect(await w.page.getByTestId('srm-banner').count()).toBe(0);
    await w.page.getByTestId('lift-chart').locator('svg').waitFor();
    await screenshot(w.page, 'experiments');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('with CUPED off, the exact rate readout in a sentence: lift, interval, chance to beat control, p-value and expected loss; sequential testing widens the interval; a reload keeps both', async () => {
    const w = await open('/experiments');
    await ready(w, { experiment: 'checkout_button', cuped: 'true' });
    await w.page.getByTestId('experiment-cuped').getByRole('button', { name: 'Off' }).click();
    await w.page.waitForURL(/exp_cuped=off/);
    await ready(w, { experiment: 'checkout_button', cuped: 'false', sequential: 'false' });

    const hand = rateByHand(200, 2000, 250, 2000);
    const posterior = posteriorByHand(200, 2000, 250, 2000);
    // 12.5 % / 10 % − 1 = 25 %; the pooled z of 2.50 gives p = 0.012.
    expect(hand.relative).toBeCloseTo(0.25, 12);
    expect(hand.p.toFixed(3)).toBe('0.012');
    const interval = `${signed(hand.relativeCi[0])} … ${signed(hand.relativeCi[1])}`;
    const chance = `${(posterior.chance * 100).toFixed(1)}%`;
    expect(await verdictText(w, 'green')).toBe(`green converts 25.0% better than control (95% interval ${interval}), ${chance} chance to beat control — significant (p = ${hand.p.toFixed(3)})`);
    expect(await w.page.locator('[data-testid="verdict"][data-variant="green"]').getAttribute('data-tone')).toBe('better');

    const [control, green] = await readTable(w);
    expect(control.fields).toEqual({ people: '2,000', converted: '200', value: '10.00%', lift: '—', interval: '—', p: '—', chance: '—', loss: '—' });
    // Shipping green is expected to lose less than 0.01 points; keeping control about the whole lift.
    expect(posterior.lossOfB).toBeLessThan(0.00005);
    expect(green.fields).toEqual({
      people: '2,000',
      converted: '250',
      value: '12.50%',
      lift: `+25.0% ${points(hand.absolute)}`,
      interval: `${interval} ${points(hand.ci[0])} … ${points(hand.ci[1])}`,
      p: hand.p.toFixed(3),
      chance,
      loss: '<0.01 pp',
    });
    expect(green.titles.loss).toBe(`keeping control instead is expected to lose ${(posterior.lossOfA * 100).toFixed(2)} pp`);
    expect(await w.page.getByTestId('lift-chart').getAttribute('data-lifts')).toBe('green:25.0');
    expect(await w.page.getByTestId('figure-cuped').getByTestId('figure-value').innerText()).toBe('Off');
    await screenshot(w.page, 'experiments-cuped-off');

    await w.page.getByTestId('experiment-sequential').getByRole('button', { name: 'On' }).click();
    await w.page.waitForURL(/exp_sequential=on/);
    await ready(w, { sequential: 'true', cuped: 'false' });
    const sequential = await verdictText(w, 'green');
    expect(sequential).toMatch(/^green converts 25\.0% better than control \(95% always-valid interval /);
    // Always valid at every look costs width: the interval reaches further both ways than the fixed one.
    const [low, high] = /interval ([+−][\d.]+)% … ([+−][\d.]+)%/
      .exec(sequential)!
      .slice(1)
      .map((t) => Number(t.replace('−', '-')) / 100);
    expect(low).toBeLessThan(hand.relativeCi[0]);
    expect(high).toBeGreaterThan(hand.relativeCi[1]);

    await w.page.reload();
    await ready(w, { sequential: 'true', cuped: 'false', experiment: 'checkout_button' });
    expect(await w.page.getByTestId('experiment-cuped').locator('[aria-pressed="true"]').innerText()).toBe('Off');
    expect(await w.page.getByTestId('experiment-sequential').locator('[aria-pressed="true"]').innerText()).toBe('On');
    expect(await verdictText(w, 'green')).toBe(sequential);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('the toolbar’s dates keep the people first exposed in them, counted as the records say', async () => {
    const from = addDays(today, -10);
    const to = server.end;
    const w = await open(`/experiments?from=${from}&to=${to}&exp_cuped=off`);
    // The whole test until the window is switched: the toolbar alone does not narrow it.
    await ready(w, { experiment: 'checkout_button', from: addDays(today, -21) });
    await w.page.getByTestId('experiment-window').getByRole('button', { name: `Toolbar dates (${from} – ${to})` }).click();
    await w.page.waitForURL(/exp_window=range/);
    await ready(w, { experiment: 'checkout_button', from, to });

    const { of } = converters('checkout_button', { from, to });
    const [control, green] = [of('control'), of('green')];
    // Exposed 2 to 10 days before today: i % 20 ≤ 8, 9 of every 20 people.
    expect([control.n, green.n]).toEqual([900, 900]);
    const rows = await readTable(w);
    expect(rows.map((r) => [r.variant, r.fields.people, r.fields.converted, r.fields.value])).toEqual([
      ['control', count(control.n), count(control.c), percent(control.c / control.n)],
      ['green', count(green.n), count(green.c), percent(green.c / green.n)],
    ]);
    const hand = rateByHand(control.c, control.n, green.c, green.n);
    expect(rows[1].fields.interval).toBe(`${signed(hand.relativeCi[0])} … ${signed(hand.relativeCi[1])} ${points(hand.ci[0])} … ${points(hand.ci[1])}`);
    expect(await w.page.getByTestId('figure-exposed').innerText()).toContain(`first exposed from ${from} to ${to}`);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('the hand-built hero experiment: revenue per person with CUPED in the workspace currency, then the conversion rate; who was left out, and small samples warned of', async () => {
    const w = await open('/experiments?experiment=hero&exp_metric=revenue');
    await ready(w, { experiment: 'hero', metric: 'revenue', cuped: 'true' });
    // support/experiment-fixture.ts, person by person: revenue after exposure (y) and in the 14 days before (x).
    const revenue = cupedByHand([
      { variant: 'A', y: 50, x: 20 }, // ana: o1 after; o0 on 02-05 before (o9 on 01-20 is outside the 14 days)
      { variant: 'A', y: 0, x: 0 }, // ben
      { variant: 'B', y: 40, x: 0 }, // cal: o2 (sent twice, one order) and o3
      { variant: 'B', y: 0, x: 15 }, // dee: o4 an hour before exposure
      { variant: 'B', y: 25, x: 0 }, // fay: o6 as another anonymous id of the same user
    ]);
    // θ = (1000 − 35 · 115 / 5) / (625 − 35² / 5) = 195 / 380.
    expect(revenue.theta).toBeCloseTo(195 / 380, 12);
    const [a, b] = [revenue.variants.get('A')!, revenue.variants.get('B')!];
    let rows = await readTable(w);
    expect(rows.map((r) => [r.variant, r.fields.people, r.fields.value, r.fields.adjusted])).toEqual([
      ['A', '2', '$25.00', dollars(a.adjusted)],
      ['B', '3', '$21.67', dollars(b.adjusted)],
    ]);
    expect([dollars(a.adjusted), dollars(b.adjusted)]).toEqual(['$23.46', '$22.69']);
    // CUPED can add variance in a variant whose covariate goes against the pooled θ: dee bought before and not after.
    expect(rows.map((r) => r.fields.variance)).toEqual([signed(a.varianceReduction).slice(1), signed(b.varianceReduction)]);
    expect(b.varianceReduction).toBeLessThan(0);
    expect(rows[0].fields.converted).toBeUndefined();
    expect(await verdictText(w, 'B')).toMatch(new RegExp(`^B brings ${Math.abs((b.adjusted / a.adjusted - 1) * 100).toFixed(1)}% less revenue per person than A \\(`));
    // Five people counted; eve saw A and B and is left out: 1 of 6 = 16.7 %.
    expect(await w.page.getByTestId('figure-exposed').getByTestId('figure-value').innerText()).toBe('5');
    expect(await w.page.getByTestId('figure-excluded').getByTestId('figure-value').innerText()).toBe('1');
    expect(await w.page.getByTestId('experiment-notes').innerText()).toContain('1 person (16.7 %) saw more than one variant and is left out');
    expect(await w.page.getByTestId('experiment-warnings').innerText()).toContain('fewer than 150');

    await w.page.getByTestId('experiment-metric').selectOption('visitor_cvr');
    await w.page.getByTestId('experiment-cuped').getByRole('button', { name: 'Off' }).click();
    await w.page.waitForURL((url) => !url.search.includes('exp_metric') && url.search.includes('exp_cuped=off'));
    await ready(w, { experiment: 'hero', metric: 'visitor_cvr', cuped: 'false' });
    rows = await readTable(w);
    // A: ana bought after exposure, ben did not; B: cal and fay did, dee only before.
    expect(rows.map((r) => [r.variant, r.fields.people, r.fields.converted, r.fields.value])).toEqual([
      ['A', '2', '1', '50.00%'],
      ['B', '3', '2', '66.67%'],
    ]);
    expect(rows[1].fields.lift.split(' ')[0]).toBe('+33.3%');
    await screenshot(w.page, 'experiments-hero');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('a 90/10 split where 50/50 was planned raises the red sample ratio banner with the people seen and expected', async () => {
    const w = await open('/experiments?experiment=pricing_page&exp_cuped=off');
    await ready(w, { experiment: 'pricing_page' });
    const banner = w.page.getByTestId('srm-banner');
    await banner.waitFor();
    // 200 people, 100 expected in each: χ² = 80²/100 + 80²/100 = 128.
    expect(await banner.innerText()).toContain('χ² = 128.00, p < 0.001');
    const shown = await banner.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-variant'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
    expect(shown).toEqual([
      ['control', '180', '100'],
      ['new_price', '20', '100'],
    ]);
    expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 236, 236)');
    expect(await w.page.getByTestId('figure-srm').getByTestId('figure-value').innerText()).toBe('Mismatch');
    // The banner says it once; the warnings below do not repeat it.
    expect(await w.page.getByTestId('experiment-warnings').innerText()).not.toContain('planned proportions');
    await screenshot(w.page, 'experiments-srm');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it("shows the API's message for an unknown experiment (404), one with a single variant (422) and a metric it cannot read (400), with a way out", async () => {
    const w = await open('/experiments?experiment=nope');
    const problem = w.page.getByTestId('experiment-error');
    await problem.waitFor();
    expect(await problem.getAttribute('data-status')).toBe('404');
    const text = await problem.innerText();
    expect(text).toContain('Beacon has no exposures of this experiment.');
    expect(text).toContain('No experiment_exposure event names experiment "nope"; the experiments seen are');
    // The picker still works and names the experiment asked for.
    expect(await w.page.getByTestId('experiment-select').inputValue()).toBe('nope');
    await screenshot(w.page, 'experiments-error');
    await w.page.getByTestId('experiment-fix-latest').click();
    await ready(w, { experiment: 'checkout_button' });
    expect(await w.page.getByTestId('experiment-error').count()).toBe(0);

    // hero's neighbour "banner" was seen by one person, in one variant.
    await w.page.getByTestId('experiment-select').selectOption('banner');
    await problem.waitFor();
    expect(await problem.getAttribute('data-status')).toBe('422');
    expect(await problem.innerText()).toContain('has exposures of one variant only ("red", 1 people); a readout compares at least two');

    await w.page.getByTestId('experiment-select').selectOption('checkout_button');
    await ready(w, { experiment: 'checkout_button' });
    const bad = await open('/experiments?exp_metric=ctr');
    await bad.page.getByTestId('experiment-error').waitFor();
    expect(await bad.page.getByTestId('experiment-error').getAttribute('data-status')).toBe('400');
    expect(await bad.page.getByTestId('experiment-error').innerText()).toContain('cannot be read per exposed person');
    await bad.page.getByTestId('experiment-fix-metric').click();
    await ready(bad, { experiment: 'checkout_button', metric: 'visitor_cvr' });
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual(['404 /v1/experiments/analyze', '422 /v1/experiments/analyze']);
    expect(bad.errors).toEqual([]);
    expect(bad.failedRequests).toEqual(['400 /v1/experiments/analyze']);
  });

  it('a workspace without experiments says how to send the exposure events', async () => {
    const w = await open('/experiments', undefined, server.keys.otherAdmin);
    const empty = w.page.getByTestId('no-experiments');
    await empty.waitFor();
    const text = await empty.innerText();
    expect(text).toContain('No experiments yet.');
    for (const words of ['experiment_exposure', 'POST /v1/events', 'properties.experiment', 'properties.variant']) expect(text).toContain(words);
    expect(await w.page.getByTestId('experiment-panel').count()).toBe(0);
    await screenshot(w.page, 'experiments-empty');
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
  });

  it('fits a tablet: the controls wrap, the table scrolls inside its panel, the page does not scroll sideways', async () => {
    const w = await open('/experiments?exp_cuped=off', { width: 820, height: 1180 });
    await ready(w, { experiment: 'checkout_button', cuped: 'false' });
    await w.page.getByTestId('lift-chart').locator('svg').waitFor();
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(w.page, 'experiments-tablet');
    expect(w.errors).toEqual([]);
  });
});
