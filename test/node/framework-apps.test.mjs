// A partner's React 19 and Vue 3 app (test/node/apps/partner-app), built with Vite from the packed
// tarball in a temp folder and run in Chromium. The app's own dependencies are pinned in its
// package.json and installed there (`npm install --prefer-offline`: the npm cache, else the
// registry). Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launchBrowser, openPage } from './support/browser.mjs';
import { packTarball } from './support/pack.mjs';
import { serveStatic } from './support/static-server.mjs';

const run = promisify(execFile);

let pack;
let app;
let server;
let browser;

/** Runs a command in the app folder; a failure shows its whole output. */
async function inApp(command, args) {
  return run(command, args, { cwd: app, maxBuffer: 16 * 1024 * 1024 }).catch((error) =>
    assert.fail(`${command} ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`),
  );
}

before(async () => {
  pack = packTarball();
  renameSync(pack.tarball, join(pack.dir, 'bijeen.tgz'));
  app = join(pack.dir, 'app');
  cpSync('test/node/apps/partner-app', app, { recursive: true });
  await inApp('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  await inApp('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  server = await serveStatic({ '/': join(app, 'dist') });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(pack.dir, { recursive: true, force: true });
});

/** Opens a page of the app and waits until `count` lines have arrived in `window.received`. */
async function received(path, count) {
  const { page, problems } = await openPage(browser.context, `${server.url}${path}`);
  await page.waitForFunction((n) => window.received?.length >= n, count, { timeout: 15_000 }).catch(() => {});
  const lines = await page.evaluate(() => [...(window.received ?? [])].sort());
  return { page, problems, lines };
}

test('the React app type-checks its TSX against bijeen/react (typed event props, raw tags)', async () => {
  await inApp('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
});

test('React 19 renders every element through bijeen/react, events arrive in the props, and effects read state', async () => {
  const { page, problems, lines } = await received('/react.html', 7);
  assert.deepEqual(lines, [
    'card: Partnerbijeenkomst gemengd wonen',
    'card state in useEffect: ready',
    'event: partner-meeting',
    'form: Webinar samenwerken',
    'form state in useEffect: error',
    'map link: bijeen-data-error, string',
    'raw card: 2040-03-12T13:00:00+01:00',
  ].sort());
  // The same, as a selector: what a stylesheet or a test of the partner's sees.
  const states = await page.evaluate(() =>
    [...document.querySelectorAll('[state]')].map((el) => `${el.localName} ${el.getAttribute('state')}`).sort(),
  );
  assert.deepEqual(states, [
    'bijeen-event ready',
    'bijeen-event-card ready',
    'bijeen-event-card ready',
    'bijeen-event-card ready',
    'bijeen-map-link error',
    'bijeen-map-link ready',
    'bijeen-registration-form error',
    'bijeen-registration-form ready',
  ]);
  const rendered = await page.evaluate(() => {
    const shadowText = (selector) => document.querySelector(selector)?.shadowRoot?.textContent ?? '';
    return {
      card: shadowText('bijeen-event-card'),
      form: shadowText('bijeen-registration-form'),
      mapLink: document.querySelector('bijeen-map-link')?.shadowRoot?.querySelector('a')?.href,
      composite: document.querySelector('bijeen-event')?.shadowRoot?.querySelector('bijeen-event-card')?.shadowRoot?.textContent,
      rawCard: document.querySelector('bijeen-event-card[no-calendar]')?.shadowRoot?.textContent ?? '',
      teaser: document.querySelector('bijeen-event-card')?.variant,
    };
  });
  assert.match(rendered.card, /Partnerbijeenkomst gemengd wonen/);
  assert.equal(rendered.teaser, 'teaser');
  assert.match(rendered.form, /Webinar samenwerken|e-mail/i);
  assert.match(rendered.mapLink ?? '', /^https:\/\/www\.openstreetmap\.org\//);
  assert.match(rendered.composite ?? '', /Wijkcentrum De Poort/);
  assert.match(rendered.rawCard, /Partnerbijeenkomst gemengd wonen/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the manifest names the parts <bijeen-event> really exports from its card and form', async () => {
  const { page } = await received('/react.html', 7);
  const exported = await page.evaluate(() =>
    [...document.querySelector('bijeen-event').shadowRoot.querySelectorAll('[exportparts]')].flatMap((inner) =>
      inner.getAttribute('exportparts').split(',').map((pair) => pair.split(':').at(-1).trim()),
    ),
  );
  await page.close();
  const manifest = JSON.parse(readFileSync(join(pack.root, 'custom-elements.json'), 'utf8'));
  const composite = manifest.modules.flatMap((module) => module.declarations).find((d) => d.tagName === 'bijeen-event');
  const documented = composite.cssParts.filter((part) => part.description.includes(' (its `'));
  assert.deepEqual(
    documented.map((part) => part.name).sort(),
    exported.filter((name) => !name.startsWith('badge-')).sort(), // `badge` documents `badge-<status>`
  );
});

test('Vue 3 renders the card from an attribute and from a property, and hears its events', async () => {
  const { page, problems, lines } = await received('/vue.html', 2);
  assert.deepEqual(lines, ['vue: Partnerbijeenkomst gemengd wonen', 'vue: Webinar samenwerken']);
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('bijeen-event-card')].map((card) => card.shadowRoot?.textContent ?? ''),
  );
  assert.match(texts[0], /Partnerbijeenkomst gemengd wonen/);
  assert.match(texts[1], /Webinar samenwerken/);
  assert.match(texts[1], /Online/i);
  assert.deepEqual(problems, []);
  await page.close();
});
