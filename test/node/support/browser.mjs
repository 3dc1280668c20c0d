// Drives Debian's (or the developer's) Chromium with playwright-core: no browser download.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeArgs, ensureChrome } from '../../../scripts/chrome.mjs';

export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bijeen-chrome-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH || ensureChrome(),
    headless: true,
    args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page and records console errors, page errors, failed requests and CSP violations for
 * the test to check. `options.allowedFailures(response)` excuses responses a test expects to fail;
 * `options.beforeGoto(page)` adds listeners or init scripts of the test's own before the page loads.
 */
export async function openPage(context, url, options = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // Failed requests are reported below with their URL instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() >= 400 && pathname !== '/favicon.ico' && !options.allowedFailures?.(response)) {
      problems.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await options.beforeGoto?.(page);
  await page.goto(url);
  return { page, problems };
}
