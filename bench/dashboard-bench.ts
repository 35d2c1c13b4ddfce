// The dashboard's overview in Chromium on the demo data set (`beacon demo`'s
// shop): time from navigation to the KPI tiles and the trend chart drawn,
// printed beside the same API calls the page makes on its first load, sent
// directly over HTTP from Node all at once (the floor), on the same server in
// the same run. The product target: tiles and chart within 1 s.
//
// Each page load is a new browser context: the app's query cache and the HTTP
// cache start empty (the page and its assets are fetched again), the browser
// process and the server are warm. One warm-up of each comes first (the
// server refreshes the derived view on the first read after it starts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { loadDemo } from '../src/cli/commands/demo-command.js';
import { SERVER_CHECKPOINT_THRESHOLD } from '../src/cli/commands/serve-command.js';
import { createDemoTargets } from '../src/cli/demo-targets.js';
import { addDays, utcDate } from '../src/core/time.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import { DEFAULT_WEB_ROOT } from '../src/server/dashboard-routes.js';
import { runServer } from '../src/server/run-server.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { CHROMIUM, launchChromium, openPage } from '../test/support/browser.js';
// Only the dashboard's modules without relative imports: the others are
// written for the bundler's resolution, which this project's tsc does not use.
import { defaultGrain, localToday, presetRange } from '../web/src/frame/date-range.js';
import { HEADLINE_KPIS } from '../web/src/views/overview/kpi-sets.js';
import { fmt, median } from './bench-support.js';

export interface DashboardOptions {
  /** Timed page loads (and floor runs), after one warm-up of each. */
  loads: number;
  /** Demo visitors (`beacon demo --visitors`, default 50,000). */
  visitors: number;
  days: number;
}

const TARGET_MS = 1000;
const WORKSPACE = 'default';
const READY = ['[data-testid="tiles"][data-ready="true"]', '[data-testid="trend-chart"][data-ready="true"]'];

interface ApiCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/**
 * What the overview asks on its first load with no parameters (the last 30
 * days ending yesterday, headline KPIs, the chart of the first one at the
 * range's default grain), as its code builds it: the shell (settings,
 * freshness), the toolbar (one query per filter dimension), the overview
 * (catalog, then tiles, sparklines and goals once the catalog has answered;
 * the trend chart at once). Checked against the page's own requests on the
 * warm-up load.
 */
function overviewCalls(today: string): ApiCall[] {
  const range = presetRange('last_30', today);
  const grain = defaultGrain(range);
  const kpis = [...HEADLINE_KPIS];
  const filters: never[] = [];
  const query = (body: unknown): ApiCall => ({ method: 'POST', path: '/v1/query', body });
  return [
    { method: 'GET', path: '/v1/settings' },
    { method: 'GET', path: '/v1/freshness' },
    { method: 'GET', path: '/v1/catalog' },
    { method: 'GET', path: '/v1/goals' },
    // toolbar.tsx FilterSelect
    ...['channel', 'platform', 'campaign'].map((dimension) => query({ metrics: ['cost', 'conversions'], dimensions: [dimension], from: range.from, to: range.to, limit: 500 })),
    // overview-queries.ts tilesQuery, sparklinesQuery, trendQuery
    query({ metrics: kpis, from: range.from, to: range.to, filters, compare: 'previous_period' }),
    query({ metrics: kpis, grain, from: range.from, to: range.to, filters }),
    query({ metrics: [kpis[0]], grain, from: range.from, to: range.to, filters, compare: 'previous_period' }),
  ];
}

/** A call as one comparable line (object keys sorted). */
function describeCall(method: string, path: string, body: unknown): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]))
        : value;
  return `${method} ${path}${body === undefined ? '' : ` ${JSON.stringify(sorted(body))}`}`;
}

/** All the calls at once over loopback; ms until every answer is read. */
async function floorRun(url: string, key: string, calls: ApiCall[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    calls.map(async (call) => {
      const response = await fetch(`${url}${call.path}`, {
        method: call.method,
        headers: { authorization: `Bearer ${key}`, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`dashboard bench: ${call.method} ${call.path} answered ${response.status}: ${text.slice(0, 300)}`);
    }),
  );
  return performance.now() - started;
}

interface PageLoad {
  /** From just before navigation (Node's clock) until Node saw the page ready. */
  ms: number;
  /** From navigation start until the page was ready, in the page's clock. */
  inPage: number;
  /** The page's API requests, as describeCall lines. */
  calls: string[];
  /** When each API request started and ended, ms after navigation start (the page's resource timing). */
  timing: { name: string; start: number; end: number }[];
}

/**
 * Runs in the page before its own scripts: sets window.beaconReadyAt (ms after navigation start) once every
 * selector matches. A string, not a function: the TypeScript loader may wrap functions in helpers the page lacks.
 */
const MARK_READY = `(() => {
  const selectors = ${JSON.stringify(READY)};
  const observer = new MutationObserver(() => {
    if (selectors.every((s) => document.querySelector(s))) {
      window.beaconReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-testid'] });
})();`;

/** One load in a new context: ms from just before navigation until tiles and chart are drawn. */
async function pageLoad(browser: Browser, link: string): Promise<PageLoad> {
  const watched = await openPage(browser);
  try {
    const calls: string[] = [];
    watched.page.on('request', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/v1/')) calls.push(describeCall(request.method(), path, request.postData() ? JSON.parse(request.postData()!) : undefined));
    });
    // The page notes the moment both are drawn (a mutation observer, in page time); Node waits for it frame by frame
    // (waitForSelector polls every 500 ms after its first few tries: too coarse to time this).
    await watched.page.addInitScript(MARK_READY);
    const started = performance.now();
    await watched.page.goto(link, { waitUntil: 'commit' });
    await watched.page.waitForFunction(() => (window as { beaconReadyAt?: number }).beaconReadyAt !== undefined, undefined, { polling: 'raf', timeout: 60_000 });
    const ms = performance.now() - started;
    const inPage = await watched.page.evaluate(() => (window as { beaconReadyAt?: number }).beaconReadyAt!);
    // The answers still on their way (sparklines, goals) may yet fail: checked once the page is quiet.
    await watched.page.waitForLoadState('networkidle');
    if (watched.errors.length > 0 || watched.failedRequests.length > 0) {
      throw new Error(`dashboard bench: the overview had errors:\n  ${[...watched.errors, ...watched.failedRequests].join('\n  ')}`);
    }
    const timing = await watched.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/v1/'))
        .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    );
    return { ms, inPage, calls, timing };
  } finally {
    await watched.close();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

export async function benchDashboard(dir: string, options: DashboardOptions): Promise<void> {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html'))) throw new Error(`dashboard bench: ${DEFAULT_WEB_ROOT}index.html is missing: run npm run build (npm run bench does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`dashboard bench: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  const end = addDays(utcDate(Date.now()), -1);
  console.log(
    `\nDashboard overview in Chromium · demo shop (${options.days} days to ${end}, ${fmt(options.visitors)} visitors${options.visitors === 50_000 ? ', the default' : ''}) on DuckDB · ` +
      `${options.loads} loads after 1 warm-up, each in a new browser context (empty app and HTTP caches)`,
  );
  const warehouse = await createDuckDbWarehouse({ path: join(dir, 'dashboard.duckdb'), memoryLimit: '1GB', checkpointThreshold: SERVER_CHECKPOINT_THRESHOLD, statementTimeoutMs: 30_000 });
  let server: Awaited<ReturnType<typeof runServer>> | undefined;
  let browser: Browser | undefined;
  try {
    const workspace = await createWorkspace(warehouse, WORKSPACE);
    const loadStarted = performance.now();
    const data = generateDemo({ days: options.days, seed: 1, end, visitors: options.visitors });
    const loaded = await loadDemo(warehouse, WORKSPACE, data);
    // As `beacon demo`: goals and benchmark bands, which the tiles show.
    await createDemoTargets(warehouse, workspace, end);
    const events = (loaded.events as { accepted?: number } | undefined)?.accepted;
    console.log(`  demo loaded in ${fmt((performance.now() - loadStarted) / 1000, 1)} s${events === undefined ? '' : ` (${fmt(events)} events)`}`);
    const key = (await createApiKey(warehouse, WORKSPACE, 'read')).key;
    server = await runServer({ warehouse, host: '127.0.0.1', port: 0, logLevel: 'silent', version: 'bench' });
    browser = await launchChromium();
    const link = `${server.url}/#key=${key}`;
    const calls = overviewCalls(localToday());

    // Warm-ups: the first read refreshes the derived view; the page's requests must be the floor's.
    const warm = await pageLoad(browser, link);
    const expected = calls.map((c) => describeCall(c.method, c.path, c.body)).sort();
    const seen = [...warm.calls].sort();
    if (JSON.stringify(seen) !== JSON.stringify(expected)) {
      const missing = expected.filter((c) => !seen.includes(c));
      const extra = seen.filter((c) => !expected.includes(c));
      throw new Error(`dashboard bench: the page's API calls are not the floor's (update overviewCalls):\n  page only:\n    ${extra.join('\n    ')}\n  floor only:\n    ${missing.join('\n    ')}`);
    }
    await floorRun(server.url, key, calls);

    const pages: PageLoad[] = [];
    const floors: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      pages.push(await pageLoad(browser, link));
      floors.push(await floorRun(server.url, key, calls));
    }
    const times = pages.map((p) => p.ms);
    const page = median(times);
    const floor = median(floors);
    console.log(
      `  overview tiles + chart drawn:  median ${fmt(page)} ms (p95 ${fmt(quantile(times, 0.95))} ms, min ${fmt(Math.min(...times))}) · ` +
        `same ${calls.length} API calls direct, all at once: median ${fmt(floor)} ms · ratio dashboard / direct ${fmt(page / floor, 2)} · target < ${fmt(TARGET_MS)} ms${page < TARGET_MS ? '' : ' (MISSED)'}`,
    );
    // Where the page's time goes (medians over the loads, ms after navigation start): the first API request, the
    // catalog's answer (tiles, sparklines and goals wait for it), the last answer.
    const at = (pick: (p: PageLoad) => number) => fmt(median(pages.map(pick)));
    const first = (p: PageLoad) => Math.min(...p.timing.map((t) => t.start));
    const catalog = (p: PageLoad) => p.timing.find((t) => t.name === '/v1/catalog')?.end ?? NaN;
    const last = (p: PageLoad) => Math.max(...p.timing.map((t) => t.end));
    console.log(
      `  in the page (medians, ms after navigation start): first API request ${at(first)} · catalog answered ${at(catalog)} · ` +
        `last API answer ${at(last)} · tiles + chart drawn ${at((p) => p.inPage)} · loads ${times.map((t) => fmt(t)).join(', ')} ms`,
    );
  } finally {
    await browser?.close();
    await server?.stop();
    await warehouse.close();
  }
}
