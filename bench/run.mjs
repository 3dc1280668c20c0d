// `npm run bench`: figures anyone can reproduce. Prints a table and writes bench/results.json.
// Needs the build (`npm run build`). Browser timings run in Chromium with 4× CPU throttling (Chrome
// DevTools Protocol) and report the median of repeated runs; the endpoint runs on loopback.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchBrowser } from '../test/node/support/browser.mjs';
import { benchCards, printCards } from './cards.mjs';
import { benchFloor, printFloor } from './floor.mjs';
import { benchEvent } from './event.mjs';
import { serveStatic } from '../test/node/support/static-server.mjs';
import { entries } from '../scripts/entries.mjs';
import { stopSharedPostgres } from '../test/node/support/postgres.mjs';
import { benchEndpoint, printEndpoint } from './endpoint.mjs';
import { benchEventList } from './event-list.mjs';
import { measureHostileBodies, printHostileBodies } from './hostile-bodies.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const results = { date: new Date().toISOString(), load: loadavg().map((load) => Number(load.toFixed(2))), runs: RUNS, cpuThrottling: 4, sizes: {}, browser: {}, cards: {}, floor: {}, endpoint: [] };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

// ── Sizes ────────────────────────────────────────────────────────────────────────────────────
function sizeOf(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}
for (const file of ['bijeen.js', 'bijeen.iife.js']) {
  results.sizes[`cdn/${file}`] = sizeOf(readFileSync(`dist/cdn/${file}`));
}
// Each npm entry as an application would ship it: bundled and minified, lit included.
for (const entry of entries) {
  const out = await build({
    entryPoints: [entry.dist],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  results.sizes[`npm ${entry.name}`] = sizeOf(Buffer.from(out.outputFiles[0].contents));
}

// ── Browser ──────────────────────────────────────────────────────────────────────────────────
const event = benchEvent();
const inline = (data) => `<script type="application/json">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`;
const page = (body) => `<!doctype html><html lang="nl"><meta charset="utf-8"><title>bench</title>
<script>performance.mark('start')</script>
<script src="/cdn/bijeen.iife.js"></script>
<body>${body}</body></html>`;
const renderedCheck = `(selector, count) => {
  const hosts = [...document.querySelectorAll(selector)];
  return hosts.length === count && hosts.every((el) => el.shadowRoot && el.shadowRoot.querySelector('[part~="base"]') && el.hasUpdated && !el.isUpdatePending);
}`;

const pagesDir = mkdtempSync(join(tmpdir(), 'bijeen-bench-'));
const imageEvent = { ...event, image: { src: '/venue.svg', alt: 'Vergaderzaal', width: 1200, height: 675 } };
writeFileSync(join(pagesDir, 'venue.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="#cde"/></svg>');
writeFileSync(join(pagesDir, 'composite.html'), page(`<bijeen-event>${inline(event)}</bijeen-event>`));
const cards = (variant) => Array.from({ length: 200 }, () => `<bijeen-event-card variant="${variant}">${inline(event)}</bijeen-event-card>`).join('\n');
writeFileSync(join(pagesDir, 'cards.html'), page(cards('full')));
writeFileSync(join(pagesDir, 'teasers.html'), page(cards('teaser')));
writeFileSync(
  join(pagesDir, 'all.html'),
  page(`<h1>Alle elementen</h1>
  <bijeen-map-link address="Leeuweriksweg 12, 5402 XD Uden"></bijeen-map-link>
  <bijeen-event-card variant="teaser">${inline(imageEvent)}</bijeen-event-card>
  <bijeen-event>${inline(imageEvent)}</bijeen-event>
  <bijeen-registration-form>${inline(event)}</bijeen-registration-form>
  <p>Tekst onder de widgets.</p>`),
);
const site = await serveStatic({ '/cdn/': 'dist/cdn', '/': pagesDir });
const browser = await launchBrowser();

async function throttledPage(path) {
  const tab = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await tab.goto(`${site.url}/${path}`);
  return tab;
}

async function timeToRender(path, selector, count) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const tab = await throttledPage(path);
    await tab.waitForFunction(`(${renderedCheck})(${JSON.stringify(selector)}, ${count})`, undefined, { polling: 'raf', timeout: 60_000 });
    samples.push(await tab.evaluate(() => performance.now() - performance.getEntriesByName('start')[0].startTime));
    await tab.close();
  }
  return { medianMs: Math.round(median(samples)), samplesMs: samples.map(Math.round) };
}

results.browser['script start → <bijeen-event> rendered'] = await timeToRender('composite.html', 'bijeen-event', 1);
results.browser['script start → 200 full cards rendered'] = await timeToRender('cards.html', 'bijeen-event-card', 200);
results.browser['script start → 200 teaser cards rendered'] = await timeToRender('teasers.html', 'bijeen-event-card', 200);

// Validating a filled form with 2 companions and 5 questions: submit click → bijeen-submit (valid).
{
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const tab = await throttledPage('composite.html');
    const form = tab.locator('bijeen-registration-form');
    await form.locator('[name="attendee.name"]').waitFor();
    await form.locator('[name="attendee.name"]').fill('Fatima el Amrani');
    await form.locator('[name="attendee.email"]').fill('f.elamrani@example.org');
    await form.locator('[name="attendee.organisation"]').fill('Woonstichting Het Baken');
    await form.locator('[name="member"]').first().check();
    for (const index of [0, 1]) {
      await form.locator('[part~="add-companion"]').click();
      await form.locator(`[name="companions.${index}.name"]`).fill(`Partner ${index + 1}`);
      await form.locator(`[name="companions.${index}.email"]`).fill(`partner${index + 1}@example.org`);
    }
    await form.locator('[name="answers.dieet"]').fill('Vegetarisch');
    await form.locator('[name="answers.sessie"]').first().check();
    await form.locator('[name="answers.vraag"]').fill('Hoe verdelen we de zorgtaken?');
    await form.locator('[name="consent"]').check();
    const ms = await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const el = document.querySelector('bijeen-event').shadowRoot.querySelector('bijeen-registration-form');
          let started = 0;
          el.addEventListener('bijeen-submit', (submit) => {
            submit.preventDefault();
            resolve(performance.now() - started);
          }, { once: true });
          started = performance.now();
          el.shadowRoot.querySelector('[part~="submit"]').click();
        }),
    );
    samples.push(ms);
    await tab.close();
  }
  results.browser['validate a form (2 companions, 5 questions)'] = {
    medianMs: Number(median(samples).toFixed(1)),
    samplesMs: samples.map((ms) => Number(ms.toFixed(1))),
  };
}

// Cumulative layout shift while a page with every element loads (images carry their sizes).
{
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const tab = await browser.context.newPage();
    await tab.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await tab.goto(`${site.url}/all.html`);
    await tab.waitForLoadState('networkidle', { timeout: 120_000 });
    await tab.waitForTimeout(500);
    samples.push(await tab.evaluate(() => window.__cls));
    await tab.close();
  }
  results.browser['cumulative layout shift, page with all elements'] = {
    median: Number(median(samples).toFixed(3)),
    samples: samples.map((value) => Number(value.toFixed(3))),
  };
}
results.cards = await benchCards({ browser, event, runs: RUNS });
results.floor = await benchFloor({ browser, event, runs: RUNS });
results.browser['200 events in <bijeen-event-list> ÷ 200 teaser cards'] = await benchEventList({ pagesDir, page, inline, event, throttledPage, runs: RUNS });
await browser.close();
await site.close();

// ── Endpoint ─────────────────────────────────────────────────────────────────────────────────
results.endpoint = [await benchEndpoint('sqlite'), await benchEndpoint('postgres')];
await stopSharedPostgres();

results.hostileBodies = await measureHostileBodies();

writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

console.log('\nSizes (gzip -9 / brotli)');
for (const [name, size] of Object.entries(results.sizes)) {
  console.log(`  ${name.padEnd(30)} ${kb(size.raw).padStart(10)} raw ${kb(size.gzip).padStart(10)} gzip ${kb(size.brotli).padStart(10)} brotli`);
}
console.log(`\nBrowser (Chromium, 4× CPU throttling, median of ${RUNS})`);
for (const [name, value] of Object.entries(results.browser)) {
  console.log(`  ${name.padEnd(50)} ${'medianMs' in value ? `${value.medianMs} ms` : 'ratio' in value ? `${value.ratio} (${value.listMedianMs} / ${value.teaserCardsMedianMs} ms)` : value.median}`);
}
printEndpoint(results.endpoint);
printHostileBodies(results.hostileBodies);
printCards(results.cards);
printFloor(results.floor);
console.log(`\nLoad average at the start: ${results.load.join(', ')}`);
console.log('\nWritten to bench/results.json');
