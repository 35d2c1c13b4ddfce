// What every browser test of a dashboard view stands on, set up in its
// describe block: a Beacon server over the dashboard data set (plus whatever
// the file loads into it) in a temporary directory, and Chromium, started
// before the block's tests and stopped after them; and one watched page at a
// time, signed in by the link's #key.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openPage, type Viewport, type WatchedPage } from './browser.js';
import { startDashboardServer, type DashboardServer } from './dashboard-server.js';
import { tempDir } from './temp-dir.js';

export interface DashboardBrowserOptions {
  /** Loads what the tests need beyond the dashboard data set; runs before Chromium starts. */
  prepare?: (server: DashboardServer) => Promise<void>;
}

export interface DashboardBrowser {
  /** The running server; it starts in beforeAll, so only tests and hooks may use it. */
  server: DashboardServer;
  /** Closes the page opened before and opens a new one that has loaded nothing yet (to route requests first). */
  newPage(viewport?: Viewport): Promise<WatchedPage>;
  /** A new page (closing the one before) at `path`, signed in with `key`: the read key unless told. */
  open(path: string, viewport?: Viewport, key?: string): Promise<WatchedPage>;
}

/** Registers the hooks in the describe block it is called in; `name` names the temporary directory. */
export function dashboardBrowser(name: string, options: DashboardBrowserOptions = {}): DashboardBrowser {
  let dir: { path: string; remove: () => void } | undefined;
  let started: DashboardServer | undefined;
  let browser: Browser | undefined;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    dir = tempDir(`${name}-browser`);
    started = await startDashboardServer(dir.path);
    await options.prepare?.(started);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await started?.stop();
    dir?.remove();
  });

  const server = new Proxy({} as DashboardServer, {
    get(_, property) {
      if (!started) throw new Error(`the ${name} dashboard server is used before beforeAll started it`);
      return Reflect.get(started, property);
    },
  });

  async function newPage(viewport?: Viewport): Promise<WatchedPage> {
    if (!browser) throw new Error(`the ${name} browser is used before beforeAll launched it`);
    await watched?.close();
    watched = await openPage(browser, viewport);
    return watched;
  }

  async function open(path: string, viewport?: Viewport, key?: string): Promise<WatchedPage> {
    const w = await newPage(viewport);
    await w.page.goto(server.link(path, key));
    return w;
  }

  return { server, newPage, open };
}
