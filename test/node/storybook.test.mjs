// Every built story renders in Chromium without console errors, passes axe (WCAG 2.x A/AA) and lets
// a keyboard user Tab to every control it shows. A story not tagged as showing an error must also
// render its elements (more than their fallback slot) without `bijeen-data-error` or console warnings.
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
    test(`${story.title} / ${story.name}: renders, no console error, axe passes, every control reachable by Tab`, async () => {
      // A story tagged `expect-http-error` shows what happens when a request fails (e.g. a 404 src).
      const warnings = [];
      const { page, problems } = await openPage(
        browser.context,
        `${server.url}/iframe.html?id=${story.id}&viewMode=story`,
        {
          allowedFailures: () => story.tags?.includes('expect-http-error'),
          beforeGoto: async (page) => {
            page.on('console', (message) => {
              if (message.type() === 'warning') warnings.push(message.text());
            });
            await page.addInitScript(recordStory);
          },
        },
      );
      await waitForStory(page, story);
      const report = await page.evaluate(() => window.__bijeenStory);
      assert.equal(report.finished.status, 'success', 'Storybook finished the story with errors');
      assert.deepEqual(report.exceptions, [], 'the story (or its play function) threw');
      if (expectsDataError(story)) {
        assert.ok(report.dataErrors.length > 0, 'this story shows invalid data, but no element reported `bijeen-data-error`');
      } else {
        assert.deepEqual(report.dataErrors, [], '`bijeen-data-error` in a story not meant to show one');
        assert.deepEqual(warnings, [], 'console warnings in a story not meant to show an error');
      }
      if (!expectsDataError(story) && !expectsLoading(story)) {
        assert.deepEqual(await emptyElements(page), [], 'elements that rendered nothing beyond their slot');
      }
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
      assert.deepEqual(await unreachableByTab(page), [], 'controls a keyboard user cannot Tab to');
      // The invalid-data stories warn on purpose (checked above); errors are never expected.
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

// Tags that mark a story's intended state: `expect-data-error` (invalid data or a failed load: an
// element reports `bijeen-data-error` and shows its fallback) and `expect-loading` (data never arrives).
const expectsDataError = (story) => story.tags?.includes('expect-data-error');
const expectsLoading = (story) => story.tags?.includes('expect-loading');

/**
 * Runs in the page before Storybook: records in `window.__bijeenStory` every `bijeen-data-error`
 * (captured on document, so one an outer element swallows still counts), Storybook's own
 * `storyFinished` (after render, play function and the a11y addon's afterEach) and any exception
 * the story or its play function threw.
 */
function recordStory() {
  const report = { finished: null, exceptions: [], dataErrors: [] };
  window.__bijeenStory = report;
  document.addEventListener(
    'bijeen-data-error',
    (event) => report.dataErrors.push(`<${event.composedPath()[0].localName}>: ${event.detail?.message}`),
    { capture: true },
  );
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyFinished', (finished) => (report.finished = finished));
      for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying']) {
        value.on(name, (error) => report.exceptions.push(`${name}: ${JSON.stringify(error)}`));
      }
    },
  });
}

/**
 * Waits until Storybook has finished the story (render, play function, a11y addon) and every
 * `bijeen-*` element, also those inside other elements' shadow roots, has settled: upgraded and
 * updated, and no longer loading (or, for an error story, has reported; for a loading story, shows
 * its placeholder, or for the form its fallback).
 */
async function waitForStory(page, story) {
  const kind = expectsDataError(story) ? 'error' : expectsLoading(story) ? 'loading' : 'rendered';
  await page.waitForFunction(
    ({ id, kind }) => {
      if (window.__bijeenStory?.finished?.storyId !== id) return false;
      const elements = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName.startsWith('bijeen-')) elements.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document.querySelector('#storybook-root'));
      if (elements.length === 0) return false;
      if (!elements.every((el) => customElements.get(el.localName) && el.shadowRoot && !el.isUpdatePending)) return false;
      const busy = elements.some((el) => el.shadowRoot.querySelector('[part="base"][aria-busy="true"]'));
      // The form has no placeholder: while it loads from `src` it shows only its fallback slot.
      const loadingForm = elements.some(
        (el) => el.localName === 'bijeen-registration-form' && el.src && !el.shadowRoot.querySelector('[part="base"]'),
      );
      if (kind === 'loading') return busy || loadingForm;
      // A form whose data failed shows its fallback too: an error story waits for the report instead.
      if (kind === 'error') return !busy && window.__bijeenStory.dataErrors.length > 0;
      return !busy && !loadingForm;
    },
    { id: story.id, kind },
    // A play function that waits for a timeout or a retry takes seconds on a busy machine.
    { timeout: 20_000 },
  );
}

/**
 * Names each `bijeen-*` element (through shadow roots) whose shadow root shows nothing of its own:
 * no text outside `<slot>`s and no image, link, control or inner `bijeen-*` element. Such an element renders only its
 * fallback, which for a story not meant to show an error means its data stopped validating.
 */
async function emptyElements(page) {
  return page.evaluate(() => {
    const empty = [];
    const ownText = (node) =>
      [...node.childNodes]
        .map((child) => {
          if (child.nodeType === Node.TEXT_NODE) return child.textContent;
          if (child.nodeType !== Node.ELEMENT_NODE || ['slot', 'style', 'script', 'template'].includes(child.localName)) return '';
          return ownText(child);
        })
        .join('')
        .trim();
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.localName.startsWith('bijeen-')) continue;
        const shadow = el.shadowRoot;
        const shows =
          ownText(shadow) !== '' ||
          shadow.querySelector('img, svg, a[href], button, input, select, textarea') ||
          [...shadow.querySelectorAll('*')].some((child) => child.localName.startsWith('bijeen-')); // checked in turn
        if (!shows) empty.push(el.localName);
        walk(shadow);
      }
    };
    walk(document.querySelector('#storybook-root'));
    return empty;
  });
}

/**
 * Collects every visible, enabled control under #storybook-root (through shadow roots), presses Tab
 * from the start of the document and returns a description of each control focus never reached.
 * A radio group is one Tab stop (arrow keys move within it), so any of its radios reaching counts.
 */
async function unreachableByTab(page) {
  const count = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const controls = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(selector)) controls.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector('#storybook-root'));
    const keyOf = (el) => {
      // A radio group lives in one tree scope (and form); its key is shared by all its radios.
      if (el.localName === 'input' && el.type === 'radio' && el.name) {
        const scope = el.getRootNode();
        scope.__bijeenScope ??= Math.random().toString(36).slice(2);
        return `radio-group:${scope.__bijeenScope}:${el.form?.id ?? ''}:${el.name}`;
      }
      return el;
    };
    window.__bijeenControls = controls
      .filter((el) => {
        if (el.matches(':disabled') || el.name === 'website') return false; // the honeypot is for bots
        if (el.localName === 'input' && el.type === 'hidden') return false;
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true });
      })
      .map((el) => ({ el, key: keyOf(el), reached: false }));
    // Start sequential focus navigation at the top of the document.
    document.activeElement?.blur?.();
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = '__bijeen-tab-start';
    document.body.prepend(start);
    start.focus();
    window.__bijeenSeen = [];
    return window.__bijeenControls.length;
  });
  if (count === 0) return [];
  for (let press = 0; press < count + 10; press++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const controls = window.__bijeenControls;
      const hit = controls.find((c) => c.el === active);
      if (hit) for (const c of controls) if (c.key === hit.key) c.reached = true;
      const cycled = active !== null && window.__bijeenSeen.includes(active);
      if (active && active !== document.body) window.__bijeenSeen.push(active);
      return { done: controls.every((c) => c.reached), cycled };
    });
    if (state.done || state.cycled) break;
  }
  return page.evaluate(() => {
    document.getElementById('__bijeen-tab-start')?.remove();
    const describe = (el) => {
      const hosts = [];
      for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
        hosts.unshift(root.host.localName);
      }
      const what = el.getAttribute('name') ?? el.id ?? '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return `${[...hosts, el.localName].join(' > ')}${what ? `[${what}]` : ''}${text ? ` "${text}"` : ''}`;
    };
    return window.__bijeenControls.filter((c) => !c.reached).map((c) => describe(c.el));
  });
}
