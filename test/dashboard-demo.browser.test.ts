// `beacon demo` as a newcomer runs it: the printed link opens the dashboard
// signed in with a read key, the overview renders over the demo data set, and
// the key appears in no log line. Also how the server serves the page.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { launchChromium, openPage, requireBrowser, screenshot } from './support/browser.js';
import { exited, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const run = requireBrowser();
const dir = tempDir('dashboard-demo');
let demo: ChildProcess;
let logs = '';
let link: string;
let origin: string;

describe.skipIf(!run)('the dashboard of beacon demo (Chromium)', () => {
  beforeAll(async () => {
    demo = startCli(['--db', join(dir.path, 'beacon.duckdb'), 'demo', '--days', '90', '--visitors', '4000', '--port', '0'], { BEACON_LOG_LEVEL: 'info' });
    demo.stdout!.on('data', (d) => (logs += d));
    demo.stderr!.on('data', (d) => (logs += d));
    const [, printed] = await waitForLine(demo, /dashboard \(signs in with a read key\): (\S+)/, 90_000);
    link = printed;
    origin = new URL(link).origin;
  }, 120_000);

  afterAll(async () => {
    demo?.kill('SIGTERM');
    if (demo) {
      // A server that does not stop fails the run, with what it printed last; it is killed by its pid either way.
      const stopped = await Promise.race([exited(demo).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000))]);
      if (!stopped) {
        demo.kill('SIGKILL');
        await exited(demo);
        throw new Error(`beacon demo did not stop within 60 s of SIGTERM; its last lines: ${logs.split('\n').slice(-5).join(' | ')}`);
      }
    }
    dir.remove();
  }, 90_000);

  it('prints a link with a read key in its fragment', () => {
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=bk_read_\w+$/);
  });

  it('the link opens the overview with tiles and chart, and the read key is in no log line', async () => {
    const browser = await launchChromium();
    try {
      const w = await openPage(browser);
      await w.page.goto(link);
      await w.page.locator('[data-testid="tiles"][data-ready="true"]').waitFor();
      await w.page.locator('[data-testid="trend-chart"][data-ready="true"]').waitFor();
      expect(w.page.url()).toBe(`${origin}/`);
      // The demo's goals and benchmark bands show on the tiles.
      await w.page.getByTestId('tile-roas').getByTestId('tile-benchmark').waitFor();
      await screenshot(w.page, 'demo-overview');
      await w.page.getByRole('link', { name: 'Goals' }).click();
      await expect.poll(() => w.page.getByTestId('goal').count()).toBe(2);
      await screenshot(w.page, 'demo-goals');
      expect(w.errors).toEqual([]);
      expect(w.failedRequests).toEqual([]);
    } finally {
      await browser.close();
    }
    for (let i = 0; i < 50 && !logs.includes('request completed'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    // The server's log lines (JSON); the link itself is printed once, for the person who ran the demo.
    const logLines = logs.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.some((line) => line.includes('request completed'))).toBe(true);
    const key = new URL(link).hash.slice('#key='.length);
    expect(logLines.filter((line) => line.includes(key))).toEqual([]);
    expect(logs.split(key)).toHaveLength(2);
  });

  it('serves index.html for client routes with no-cache, hashed assets for a year, and JSON 404s for the API', async () => {
    const page = await fetch(`${origin}/campaigns?range=last_7`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const script = await fetch(`${origin}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toContain('javascript');

    const api = await fetch(`${origin}/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
    // A client asking for JSON gets the API's 404, not the page.
    const other = await fetch(`${origin}/nothing-here`, { headers: { accept: 'application/json' } });
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('not_found');
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
  });
});
