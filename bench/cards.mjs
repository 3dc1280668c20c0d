// The card measures of issue #12, side by side with add-to-calendar-button 2.15 in one run:
//
// - first render: `<bijeen-event>` with the script inlined and the event as inline JSON, against
//   one `<add-to-calendar-button>` on a page of the same shape (its `dist/atcb.js` inlined), each
//   minus a blank page: time from navigation to the first frame in which the widget is rendered;
// - an agenda: 200 teaser cards, then 200 full cards, created at once through the `event`
//   property, until every `updateComplete` has resolved, the page is laid out and the next frame
//   is rendered; and, beside it, until the page is next idle (the cards' JSON-LD is written then);
// - DOM nodes and heap per card (after garbage collection), and layout shift on those pages.
//
// Chromium with 4× CPU throttling (DevTools protocol); each figure is the median of `runs`, and the
// pages of one comparison take turns inside every run, so a busy moment on a shared machine hits
// both sides. Run on its own with `node bench/cards.mjs` (after `npm run build`); `npm run bench`
// runs it with everything else. `BENCH_CDN_DIR=<folder>` measures another build of `bijeen.iife.js`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../test/node/support/static-server.mjs';

/** The goals. */
export const GOALS = {
  firstRenderRatio: 0.6,
  teasersMs: 200,
  fullCardsMs: 600,
  layoutShift: 0,
};

export const CARDS = 200;
/** The build under test; point it at another build (say, of main) to compare the two. */
export const CDN_DIR = process.env.BENCH_CDN_DIR ?? 'dist/cdn';
export const THROTTLING = 4;
/** add-to-calendar-button's browser file, inlined in its pages. */
export const ATCB_SCRIPT = 'node_modules/add-to-calendar-button/dist/atcb.js';
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const round = (value, digits = 0) => Number(value.toFixed(digits));

/** Wall-clock date and time in a zone, for the attributes of add-to-calendar-button. */
function wallClock(iso, timeZone) {
  // sv-SE writes "2027-09-14 13:00:00".
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

/** Text that may stand inside a `<script>` element. */
export const scriptText = (source) => source.replaceAll('</script', '<\\/script');

/**
 * Every page starts with this: a frame loop that records the first frame in which `benchReady()`
 * holds, and a layout-shift observer.
 */
export const probe = (ready) => `<script>
window.benchCls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.benchCls += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
window.benchReady = ${ready};
(function poll() {
  requestAnimationFrame(() => (window.benchReady() ? (window.benchRendered = performance.now()) : poll()));
})();
</script>`;

export const page = (head, body) =>
  `<!doctype html><html lang="nl"><meta charset="utf-8"><title>bench</title>${head}<body><main style="max-width:60rem;margin:auto">${body}</main></body></html>`;

/** Rendered: the composite, its card and (when the event has registration) its form. */
const bijeenReady = `() => {
  const host = document.querySelector('bijeen-event');
  const root = host && host.hasUpdated && !host.isUpdatePending && host.shadowRoot;
  const card = root && root.querySelector('bijeen-event-card');
  const form = root && root.querySelector('bijeen-registration-form');
  const done = (el) => el && el.hasUpdated && !el.isUpdatePending && el.shadowRoot.querySelector('[part~="base"]');
  return Boolean(done(card) && (!form || done(form)));
}`;

/** Rendered: the button is initialised and shows its button. */
const atcbReady = `() => {
  const host = document.querySelector('add-to-calendar-button');
  return Boolean(host && host.state && host.state.ready && !host.error && host.shadowRoot.querySelector('.atcb-initialized button'));
}`;

/** Writes the pages into a temporary folder; returns it. */
export function writePages(event, cdn) {
  const dir = mkdtempSync(join(tmpdir(), 'bijeen-bench-cards-'));
  const bijeen = scriptText(readFileSync(join(cdn, 'bijeen.iife.js'), 'utf8'));
  const atcb = scriptText(readFileSync(ATCB_SCRIPT, 'utf8'));
  const json = JSON.stringify(event).replaceAll('<', '\\u003c');
  const start = wallClock(event.start, event.timeZone);
  const end = wallClock(event.end, event.timeZone);
  const attribute = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const place = [event.location.name, event.location.street, event.location.city].join(', ');
  writeFileSync(join(dir, 'blank.html'), page(probe('() => true'), ''));
  writeFileSync(
    join(dir, 'bijeen.html'),
    page(probe(bijeenReady), `<script>${bijeen}</script><bijeen-event><script type="application/json">${json}</script></bijeen-event>`),
  );
  writeFileSync(
    join(dir, 'atcb.html'),
    page(
      probe(atcbReady),
      `<script>${atcb}</script><add-to-calendar-button name="${attribute(event.title)}" description="${attribute(event.summary)}" location="${attribute(place)}" startDate="${start.date}" startTime="${start.time}" endDate="${end.date}" endTime="${end.time}" timeZone="${event.timeZone}" options="'Apple','Google','iCal','Outlook.com'" language="nl"></add-to-calendar-button>`,
    ),
  );
  // The agenda page: the library loaded, an empty list the cards go into.
  writeFileSync(join(dir, 'agenda.html'), page(`${probe('() => true')}<script src="/cdn/bijeen.iife.js"></script>`, '<div id="list"></div>'));
  return dir;
}

/** 200 different events of the same shape as `event`, a day apart. */
export function agenda(event) {
  const start = Date.parse(event.start);
  const length = Date.parse(event.end) - start;
  return Array.from({ length: CARDS }, (_, n) => ({
    ...event,
    id: `${event.id}-${n}`,
    title: `${event.title} (${n + 1})`,
    start: new Date(start + n * 86_400_000).toISOString(),
    end: new Date(start + n * 86_400_000 + length).toISOString(),
  }));
}

/**
 * Creates the cards (elements named `tag`) in the page; resolves with the milliseconds until all
 * are updated and laid out, and until the page is next idle after that (when the cards write their
 * JSON-LD). A card without a shadow root renders into its light DOM.
 */
export const createCards = async ({ events, variant, tag }) => {
  const list = document.getElementById('list');
  const started = performance.now();
  const cards = events.map((event) => {
    const card = document.createElement(tag);
    card.setAttribute('variant', variant);
    card.event = event;
    return card;
  });
  list.append(...cards);
  await Promise.all(cards.map((card) => card.updateComplete));
  // Elements the cards render (map links) update on their own.
  const inner = cards.flatMap((card) => [...(card.shadowRoot ?? card).querySelectorAll('*')].filter((el) => 'updateComplete' in el));
  await Promise.all(inner.map((el) => el.updateComplete));
  if (!cards.every((card) => (card.shadowRoot ?? card).querySelector('article[part~="base"]'))) throw new Error('a card did not render its event');
  // Style and layout of the whole page, container queries included, then the frame that shows
  // the cards (a task queued from requestAnimationFrame runs once that frame is rendered).
  document.documentElement.getBoundingClientRect();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const laidOut = performance.now() - started;
  await new Promise((done) => requestIdleCallback(done));
  return { laidOut, idle: performance.now() - started };
};

/** Every node of the document, shadow trees included. */
const countNodes = () => {
  let count = 0;
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      count++;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return count;
};

/** `promise`, or an error naming `what` after two minutes: a stalled page fails the bench instead of hanging it. */
export function within(what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} took more than 2 minutes`)), 120_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** JS and Blink heap after a full collection, in bytes. */
async function heapUsed(cdp) {
  await within('garbage collection', cdp.send('HeapProfiler.collectGarbage'));
  const usage = await within('heap usage', cdp.send('Runtime.getHeapUsage'));
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
}

/**
 * The two measurements of every card page, in throttled tabs of `browser` on the site at `siteUrl`:
 * `firstFrame(path)` (navigation → first frame in which the page's `benchReady()` holds) and
 * `agendaRun(path, { events, variant, tag })` (one agenda of `tag` elements, see `createCards`).
 */
export function cardTabs(browser, siteUrl) {
  async function open(path) {
    const tab = await within('opening a tab', browser.context.newPage());
    const cdp = await within('a DevTools session', browser.context.newCDPSession(tab));
    await within('CPU throttling', cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING }));
    await tab.goto(`${siteUrl}/${path}`);
    await tab.waitForFunction(() => window.benchRendered !== undefined, undefined, { polling: 100, timeout: 60_000 });
    return { tab, cdp };
  }

  /** Navigation → first frame with the widget rendered. */
  async function firstFrame(path) {
    const { tab } = await open(path);
    const ms = await tab.evaluate(() => window.benchRendered);
    await tab.close();
    return ms;
  }

  async function agendaRun(path, { events, variant, tag = 'bijeen-event-card' }) {
    const { tab, cdp } = await open(path);
    const before = { nodes: await tab.evaluate(countNodes), heap: await heapUsed(cdp) };
    const { laidOut: ms, idle } = await within(`${CARDS} ${variant} ${tag}`, tab.evaluate(createCards, { events, variant, tag }));
    // Two frames for layout shifts to be reported.
    await within('two frames', tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const after = { nodes: await tab.evaluate(countNodes), heap: await heapUsed(cdp) };
    const cls = await tab.evaluate(() => window.benchCls);
    await tab.close();
    return { ms, idle, nodes: (after.nodes - before.nodes) / CARDS, heap: (after.heap - before.heap) / CARDS, cls };
  }

  return { open, firstFrame, agendaRun };
}

/** Median figures of an agenda's runs (`agendaRun` results). */
export const agendaFigures = (list) => ({
  medianMs: Math.round(median(list.map((s) => s.ms))),
  samplesMs: list.map((s) => Math.round(s.ms)),
  untilIdleMs: Math.round(median(list.map((s) => s.idle))),
  nodesPerCard: Math.round(median(list.map((s) => s.nodes))),
  heapPerCardKB: round(median(list.map((s) => s.heap)) / 1024, 1),
  layoutShift: round(Math.max(...list.map((s) => s.cls)), 3),
});

export async function benchCards({ browser, event, runs, cdn = CDN_DIR }) {
  const dir = writePages(event, cdn);
  const site = await serveStatic({ '/cdn/': cdn, '/': dir });
  const events = agenda(event);
  const { firstFrame, agendaRun } = cardTabs(browser, site.url);

  const samples = { blank: [], bijeen: [], atcb: [], teaser: [], full: [] };
  for (let run = 0; run < runs; run++) {
    samples.blank.push(await firstFrame('blank.html'));
    samples.bijeen.push(await firstFrame('bijeen.html'));
    samples.atcb.push(await firstFrame('atcb.html'));
    samples.teaser.push(await agendaRun('agenda.html', { events, variant: 'teaser' }));
    samples.full.push(await agendaRun('agenda.html', { events, variant: 'full' }));
  }
  await site.close();
  rmSync(dir, { recursive: true, force: true });

  const blank = median(samples.blank);
  const bijeen = median(samples.bijeen) - blank;
  const atcb = median(samples.atcb) - blank;
  const teasers = agendaFigures(samples.teaser);
  const full = agendaFigures(samples.full);
  return {
    cpuThrottling: THROTTLING,
    runs,
    blankPageMs: Math.round(blank),
    firstRender: {
      bijeenMs: Math.round(bijeen),
      atcbMs: Math.round(atcb),
      ratio: round(bijeen / atcb, 2),
      // Per run, each minus that run's blank page.
      samplesMs: samples.bijeen.map((ms, n) => ({
        bijeen: Math.round(ms - samples.blank[n]),
        atcb: Math.round(samples.atcb[n] - samples.blank[n]),
      })),
    },
    teasers,
    full,
    goals: {
      firstRender: { goal: `≤ ${GOALS.firstRenderRatio} × atcb`, met: bijeen / atcb <= GOALS.firstRenderRatio },
      teasers: { goal: `≤ ${GOALS.teasersMs} ms`, ratio: round(teasers.medianMs / GOALS.teasersMs, 2), met: teasers.medianMs <= GOALS.teasersMs },
      full: { goal: `≤ ${GOALS.fullCardsMs} ms`, ratio: round(full.medianMs / GOALS.fullCardsMs, 2), met: full.medianMs <= GOALS.fullCardsMs },
      layoutShift: { goal: '0', met: teasers.layoutShift === 0 && full.layoutShift === 0 },
    },
  };
}

export function printCards(figures) {
  const { firstRender: first, teasers, full, goals } = figures;
  const verdict = (goal) => (goal.met ? 'met' : 'NOT met');
  console.log(`\nCards beside add-to-calendar-button 2.15 (Chromium, ${figures.cpuThrottling}× CPU throttling, median of ${figures.runs}; blank page ${figures.blankPageMs} ms)`);
  console.log(`  <bijeen-event> first render, minus blank page    ${first.bijeenMs} ms`);
  console.log(`  add-to-calendar-button, one button, same page     ${first.atcbMs} ms`);
  console.log(`  ratio bijeen / atcb                               ${first.ratio}×   goal ${goals.firstRender.goal}: ${verdict(goals.firstRender)}`);
  for (const [name, value, goal] of [
    ['200 teaser cards (event property → laid out)', teasers, goals.teasers],
    ['200 full cards (event property → laid out)', full, goals.full],
  ]) {
    console.log(
      `  ${name.padEnd(48)} ${value.medianMs} ms = ${goal.ratio}× the goal (${goal.goal}): ${verdict(goal)}; ${round(value.medianMs / first.atcbMs, 2)}× one atcb button`,
    );
    console.log(`  ${''.padEnd(48)} ${value.nodesPerCard} nodes and ${value.heapPerCardKB} KB heap per card, layout shift ${value.layoutShift}`);
    console.log(`  ${''.padEnd(48)} page idle again (JSON-LD written) after ${value.untilIdleMs} ms`);
  }
  console.log(`  layout shift goal ${goals.layoutShift.goal}: ${verdict(goals.layoutShift)}`);
}

// `node bench/cards.mjs`: these figures alone (nothing written).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { launchBrowser } = await import('../test/node/support/browser.mjs');
  const { benchEvent } = await import('./event.mjs');
  const browser = await launchBrowser();
  try {
    const figures = await benchCards({ browser, event: benchEvent(), runs: Number(process.env.BENCH_RUNS ?? 7) });
    printCards(figures);
    if (process.env.BENCH_JSON) console.log(JSON.stringify(figures, null, 2));
  } finally {
    await browser.close();
  }
}
