// The floor under the card goals of issue #12: how fast can anything with a card's DOM be, measured
// exactly as bench/cards.mjs measures the cards (its harness, same throttling, same "event property
// → laid out", pages taking turns within every run)?
//
// - Agendas of 200 elements with the DOM of a real teaser and of a real full card (read from real
//   cards in the same run: the same nodes, Lit's comment markers included, and the same style
//   sheets), but no logic, no validation, no `Intl`: a LitElement with a shadow root per card, the
//   same without Lit (a `<template>` cloned into a shadow root), and without shadow roots (cloned
//   into the element itself, the styles once per document). See floor-elements.mjs. The cards in
//   view are laid out, the others skipped, as with real cards.
// - First render: a page that only loads the CDN file (every element defined, none on the page),
//   add-to-calendar-button's script alone, and a bare LitElement of the full card's shape rendered
//   once (Lit and the element inlined), and that element after the page's first `Intl` date format
//   (ICU's data loads then), each minus a blank page; beside `<bijeen-event>` and one
//   add-to-calendar button as bench/cards.mjs measures them.
//
// Run on its own with `node bench/floor.mjs` (after `npm run build`); `npm run bench` runs it too.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveStatic } from '../test/node/support/static-server.mjs';
import { ATCB_SCRIPT, CARDS, CDN_DIR, GOALS, agenda, agendaFigures, cardTabs, createCards, median, page, probe, round, scriptText, writePages } from './cards.mjs';

const SHAPES = ['teaser', 'full'];
/** The agendas of one shape, real card first. */
const KINDS = {
  card: { tag: () => 'bijeen-event-card', label: '<bijeen-event-card>' },
  lit: { tag: (shape) => `floor-lit-${shape}`, label: 'Lit, shadow root, no logic' },
  shadow: { tag: (shape) => `floor-shadow-${shape}`, label: 'no Lit, shadow root (template clone)' },
  light: { tag: (shape) => `floor-light-${shape}`, label: 'no Lit, no shadow root (template clone)' },
};

/** In a page of real cards: the shape a floor element copies. */
const readShape = () => {
  const cards = [...document.querySelectorAll('bijeen-event-card')];
  const inView = (card) => Boolean(card.shadowRoot.querySelector('article.in-view'));
  // Lit's markers (`<!--?lit$…$-->`, `<!---->`) stay as comments, but mean nothing to another Lit.
  const markup = (card) => card.shadowRoot.innerHTML.replace(/<!--[^]*?-->/g, '<!---->');
  return {
    markup: markup(cards.find((card) => !inView(card))),
    markupInView: markup(cards.find(inView)),
    inView: cards.filter(inView).length,
    styles: cards[0].shadowRoot.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')),
  };
};

/** Floor pages beside the card pages of bench/cards.mjs; the floor elements bundled with Lit. */
async function writeFloorPages(dir, cdn, shapes, timeZone) {
  const bundle = await build({ entryPoints: [fileURLToPath(new URL('floor-elements.mjs', import.meta.url))], bundle: true, minify: true, format: 'iife', write: false, logLevel: 'silent' });
  const floor = `<script>${scriptText(bundle.outputFiles[0].text)}</script><script>defineFloorElements(${JSON.stringify(shapes).replaceAll('<', '\\u003c')})</script>`;
  const defined = (tag) => `() => customElements.get('${tag}') !== undefined`;
  writeFileSync(join(dir, 'floor-agenda.html'), page(`${probe('() => true')}${floor}`, '<div id="list"></div>'));
  writeFileSync(join(dir, 'cdn-only.html'), page(probe(defined('bijeen-event')), `<script>${scriptText(readFileSync(join(cdn, 'bijeen.iife.js'), 'utf8'))}</script>`));
  writeFileSync(join(dir, 'atcb-only.html'), page(probe(defined('add-to-calendar-button')), `<script>${scriptText(readFileSync(ATCB_SCRIPT, 'utf8'))}</script>`));
  const litRendered = probe(`() => { const el = document.querySelector('floor-lit-full'); return Boolean(el && el.hasUpdated && el.shadowRoot.querySelector('article.in-view')); }`);
  const litElement = `${floor}<floor-lit-full></floor-lit-full><script>document.querySelector('floor-lit-full').event = { inView: true }</script>`;
  writeFileSync(join(dir, 'lit-only.html'), page(litRendered, litElement));
  // The same, and the page's first date format (ICU loads its data), which any card showing a date pays.
  const firstDate = `<script>new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: ${JSON.stringify(timeZone)} }).format(0)</script>`;
  writeFileSync(join(dir, 'lit-intl.html'), page(litRendered, `${firstDate}${litElement}`));
}

export async function benchFloor({ browser, event, runs, cdn = CDN_DIR }) {
  const dir = writePages(event, cdn);
  const site = await serveStatic({ '/cdn/': cdn, '/': dir });
  const tabs = cardTabs(browser, site.url);
  const events = agenda(event);

  const shapes = {};
  for (const shape of SHAPES) {
    const { tab } = await tabs.open('agenda.html');
    await tab.evaluate(createCards, { events, variant: shape, tag: 'bijeen-event-card' });
    shapes[shape] = await tab.evaluate(readShape);
    await tab.close();
  }
  await writeFloorPages(dir, cdn, shapes, event.timeZone);

  const first = { blank: [], bijeen: [], atcb: [], cdnOnly: [], atcbOnly: [], litOnly: [], litIntl: [] };
  const agendas = Object.fromEntries(SHAPES.map((shape) => [shape, Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]))]));
  for (let run = 0; run < runs; run++) {
    for (const [name, path] of [['blank', 'blank'], ['bijeen', 'bijeen'], ['atcb', 'atcb'], ['cdnOnly', 'cdn-only'], ['atcbOnly', 'atcb-only'], ['litOnly', 'lit-only'], ['litIntl', 'lit-intl']]) {
      first[name].push(await tabs.firstFrame(`${path}.html`));
    }
    for (const shape of SHAPES) {
      // The floor's cards in view are those real cards find in view.
      const floorEvents = events.map((item, n) => ({ ...item, inView: n < shapes[shape].inView }));
      for (const [kind, { tag }] of Object.entries(KINDS)) {
        const path = kind === 'card' ? 'agenda.html' : 'floor-agenda.html';
        agendas[shape][kind].push(await tabs.agendaRun(path, { events: kind === 'card' ? events : floorEvents, variant: shape, tag: tag(shape) }));
      }
    }
  }
  await site.close();
  rmSync(dir, { recursive: true, force: true });

  const blank = median(first.blank);
  const firstRender = Object.fromEntries(Object.entries(first).filter(([name]) => name !== 'blank').map(([name, list]) => [name, Math.round(median(list) - blank)]));
  const figures = Object.fromEntries(
    SHAPES.map((shape) => {
      const kinds = Object.fromEntries(Object.entries(agendas[shape]).map(([kind, list]) => [kind, agendaFigures(list)]));
      return [shape, { ...kinds, cardsInView: shapes[shape].inView, cardOverLitFloor: round(kinds.card.medianMs / kinds.lit.medianMs, 2) }];
    }),
  );
  const goalMs = { teaser: GOALS.teasersMs, full: GOALS.fullCardsMs };
  return {
    runs,
    cards: CARDS,
    blankPageMs: Math.round(blank),
    firstRender: {
      ...firstRender,
      // The goal in milliseconds, in this run: 0.6 × one add-to-calendar button.
      goalMs: Math.round(GOALS.firstRenderRatio * firstRender.atcb),
      cdnOnlyOverAtcb: round(firstRender.cdnOnly / firstRender.atcb, 2),
      litOnlyOverAtcb: round(firstRender.litOnly / firstRender.atcb, 2),
      litIntlOverAtcb: round(firstRender.litIntl / firstRender.atcb, 2),
    },
    ...figures,
    goalsBelowFloor: {
      teaser: figures.teaser.lit.medianMs > goalMs.teaser,
      full: figures.full.lit.medianMs > goalMs.full,
      firstRenderOfThisFile: firstRender.cdnOnly > GOALS.firstRenderRatio * firstRender.atcb,
      firstRenderOfLit: firstRender.litOnly > GOALS.firstRenderRatio * firstRender.atcb,
      firstRenderOfLitWithADate: firstRender.litIntl > GOALS.firstRenderRatio * firstRender.atcb,
    },
  };
}

export function printFloor(figures) {
  const { firstRender: first } = figures;
  const below = (yes) => (yes ? 'goal BELOW the floor' : 'goal above the floor');
  console.log(`\nFloor: a card's own DOM and styles, no logic, no validation, no Intl (same harness and throttling; median of ${figures.runs}; blank page ${figures.blankPageMs} ms)`);
  console.log('  How much of a card\'s time is the card\'s own: its time ÷ the floor of the same nodes and styles.');
  for (const shape of SHAPES) {
    const row = figures[shape];
    const goalMs = shape === 'teaser' ? GOALS.teasersMs : GOALS.fullCardsMs;
    console.log(`  ${CARDS} ${shape} (${row.cardsInView} in view)`);
    for (const [kind, { label }] of Object.entries(KINDS)) {
      const value = row[kind];
      console.log(`    ${label.padEnd(42)} ${String(value.medianMs).padStart(5)} ms  ${value.nodesPerCard} nodes, ${value.heapPerCardKB} KB heap per card`);
    }
    console.log(`    card ÷ Lit floor ${row.cardOverLitFloor}×; goal ${goalMs} ms ÷ Lit floor ${round(goalMs / row.lit.medianMs, 2)}×: ${below(figures.goalsBelowFloor[shape])}`);
  }
  console.log(`  First render minus blank page: <bijeen-event> ${first.bijeen} ms, one add-to-calendar button ${first.atcb} ms (goal 0.6× = ${first.goalMs} ms)`);
  console.log(`    CDN file alone, elements defined, nothing rendered  ${first.cdnOnly} ms = ${first.cdnOnlyOverAtcb}× the button: ${below(figures.goalsBelowFloor.firstRenderOfThisFile)} of this file`);
  console.log(`    add-to-calendar-button's script alone               ${first.atcbOnly} ms`);
  console.log(`    bare Lit element of the full card's shape, rendered  ${first.litOnly} ms = ${first.litOnlyOverAtcb}× the button: ${below(figures.goalsBelowFloor.firstRenderOfLit)} of Lit`);
  console.log(`    the same and the page's first Intl date format       ${first.litIntl} ms = ${first.litIntlOverAtcb}× the button: ${below(figures.goalsBelowFloor.firstRenderOfLitWithADate)} of a Lit card with a date`);
}

// `node bench/floor.mjs`: these figures alone (nothing written).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { launchBrowser } = await import('../test/node/support/browser.mjs');
  const { benchEvent } = await import('./event.mjs');
  const { loadavg } = await import('node:os');
  const browser = await launchBrowser();
  try {
    console.log(`Load average at the start: ${loadavg().map((load) => load.toFixed(2)).join(', ')}`);
    const figures = await benchFloor({ browser, event: benchEvent(), runs: Number(process.env.BENCH_RUNS ?? 7) });
    printFloor(figures);
    if (process.env.BENCH_JSON) console.log(JSON.stringify(figures, null, 2));
  } finally {
    await browser.close();
  }
}
