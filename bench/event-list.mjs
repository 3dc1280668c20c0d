// The event list's figure for `npm run bench`: 200 events in one <bijeen-event-list> against the
// same 200 events as teaser cards on their own, each page timed from script start until every card
// has rendered, in turns (list, cards, list, …) so a busy machine slows both alike. The issue's
// aim: the list costs at most 20% more (ratio ≤ 1.2). Compare ratios, not milliseconds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COUNT = 200;

/** True once `count` teaser cards (in the document or in one list's shadow root) have rendered. */
const cardsRendered = `(inList, count) => {
  const root = inList ? document.querySelector('bijeen-event-list')?.shadowRoot : document;
  const cards = root ? [...root.querySelectorAll('bijeen-event-card')] : [];
  return cards.length === count && cards.every((card) => card.shadowRoot?.querySelector('[part~="base"]') && card.hasUpdated && !card.isUpdatePending);
}`;

/**
 * @param {object} bench what bench/run.mjs has set up: `pagesDir` (served at `/`), `page(body)`
 *   (an HTML page that loads the CDN file and marks `start`), `inline(data)` (a JSON script),
 *   `event` (a valid upcoming event), `throttledPage(path)` and `runs`.
 * @returns {Promise<object>} the medians, the ratio and the samples.
 */
export async function benchEventList({ pagesDir, page, inline, event, throttledPage, runs }) {
  const events = Array.from({ length: COUNT }, (_, index) => ({ ...event, id: `${event.id}-${index}`, title: `${event.title} ${index}` }));
  const teasers = events.map((each) => `<bijeen-event-card variant="teaser">${inline(each)}</bijeen-event-card>`).join('\n');
  writeFileSync(join(pagesDir, 'list-teasers.html'), page(teasers));
  writeFileSync(join(pagesDir, 'list.html'), page(`<bijeen-event-list limit="${COUNT}">${inline({ events })}</bijeen-event-list>`));

  const time = async (path, inList) => {
    const tab = await throttledPage(path);
    await tab.waitForFunction(`(${cardsRendered})(${inList}, ${COUNT})`, undefined, { polling: 'raf', timeout: 120_000 });
    const ms = await tab.evaluate(() => performance.now() - performance.getEntriesByName('start')[0].startTime);
    await tab.close();
    return ms;
  };
  const list = [];
  const cards = [];
  for (let run = 0; run < runs; run++) {
    list.push(await time('list.html', true));
    cards.push(await time('list-teasers.html', false));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  // The ratio of each turn's pair, then its median: a slow moment on the machine hits both of a pair.
  const ratios = list.map((ms, index) => ms / cards[index]);
  return {
    listMedianMs: Math.round(median(list)),
    teaserCardsMedianMs: Math.round(median(cards)),
    ratio: Number(median(ratios).toFixed(2)),
    aim: '≤ 1.2',
    listSamplesMs: list.map(Math.round),
    teaserCardsSamplesMs: cards.map(Math.round),
  };
}
