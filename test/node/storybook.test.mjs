// Every built story renders in Chromium without console errors and passes axe (WCAG 2.x A/AA).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, openPage } from './support/browser.mjs';
import { serveStatic } from './support/static-server.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// STORYBOOK_DIR lets a developer check a Storybook built elsewhere; STORY_FILTER narrows the run.
const dir = process.env.STORYBOOK_DIR ?? 'storybook-static';
const index = existsSync(`${dir}/index.json`) ? JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')) : { entries: {} };
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && entry.id.includes(process.env.STORY_FILTER ?? ''),
);

describe('Storybook stories', () => {
  let browser;
  let server;

  before(async () => {
    server = await serveStatic({ '/': dir });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the built Storybook has stories', () => {
    assert.ok(stories.length > 0, 'run `npm run build-storybook` first');
  });

  for (const story of stories) {
    test(`${story.title} / ${story.name}: renders, no console error, axe passes`, async () => {
      // A story tagged `expect-http-error` shows what happens when a request fails (e.g. a 404 src).
      const { page, problems } = await openPage(
        browser.context,
        `${server.url}/iframe.html?id=${story.id}&viewMode=story`,
        { allowedFailures: () => story.tags?.includes('expect-http-error') },
      );
      await page.locator('#storybook-root > *').first().waitFor({ state: 'attached', timeout: 10_000 });
      // Let the custom elements upgrade, load their data and render.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('*')]
            .filter((el) => el.localName.startsWith('bijeen-'))
            .every((el) => customElements.get(el.localName) && el.shadowRoot),
        undefined,
        { timeout: 10_000 },
      );
      await page.waitForTimeout(150);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        // Storybook's a11y addon runs axe in the same page too; wait for its run to finish.
        for (let attempt = 0; ; attempt++) {
          try {
            const result = await window.axe.run('#storybook-root', {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            });
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          } catch (error) {
            if (attempt > 50 || !String(error).includes('already running')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      });
      assert.deepEqual(violations, []);
      // The invalid-data stories warn on purpose; errors are never expected.
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
