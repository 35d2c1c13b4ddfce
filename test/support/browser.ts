// Debian's Chromium driven by playwright-core, for the dashboard's browser
// tests: a page that records every console error and uncaught exception (a
// test fails on any), and screenshots written where a person can open them.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../src/server/dashboard-routes.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of the views, made by the tests (the README's is copied from here). */
export const SCREENSHOT_DIR = join(process.cwd(), '.artifacts', 'screenshots');

/** True when the browser tests can run; in CI a missing browser or build fails loudly instead. */
export function requireBrowser(ci = process.env.CI): boolean {
  const built = existsSync(join(DEFAULT_WEB_ROOT, 'index.html'));
  const browser = existsSync(CHROMIUM);
  if ((!built || !browser) && ci) {
    throw new Error(!browser ? `${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)` : 'the dashboard is not built: npm run build');
  }
  return built && browser;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Viewport {
  width: number;
  height: number;
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions of the page's own code. */
  errors: string[];
  /** API answers with an error status the page received (the browser logs these too; tests that provoke one expect it). */
  failedRequests: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, viewport: Viewport = { width: 1366, height: 768 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('console', (message) => {
    // Chromium logs every HTTP error status as a console error; those are counted as failed requests instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return { page, errors, failedRequests, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
