import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/event-list/event-list.js';
import type { BijeenEventList } from '../../../src/components/event-list/event-list.js';
import type { DataErrorDetail, EventListLoadDetail } from '../../../src/internal/events.js';
import type { EventInput } from '../../../src/schema/index.js';
import { cancelledEvent, longTitleEvent, minimalEvent } from '../../fixtures/events.js';
import { quietly } from '../../support/console.js';
import { find, findAll, idle, part, parts, shadow, textOf } from '../../support/dom.js';
import { ROUND_TRIP } from '../../support/feeds.js';

/** The list's clock: 1 January 2026, between the 2018 fixtures and the 2030 ones. */
const NOW = new Date('2026-01-01T12:00:00+01:00');

const listFeed = (name: string) => new URL(`/list-feeds/${name}.json`, location.href).href;

/** An event on a given start (2030 unless said), with tags. */
const at = (id: string, start: string, extra: Partial<EventInput> = {}): EventInput => ({
  ...minimalEvent,
  id,
  title: `Bijeenkomst ${id}`,
  start,
  ...extra,
});

/** `count` events, one a day from 1 March 2030. */
const many = (count: number) =>
  Array.from({ length: count }, (_, index) => at(`e${index + 1}`, `2030-03-${String(index + 1).padStart(2, '0')}T10:00:00+01:00`));

/** The cards' ids (their titles), in the order shown. */
const titles = (el: BijeenEventList) => findAll(el, 'bijeen-event-card').map((card) => textOf(part(card, 'title')));

/** A list with `events` and the fixed clock, rendered with its cards. */
async function listOf(events: unknown, attributes: Record<string, string> = {}) {
  const el = document.createElement('bijeen-event-list');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, { now: NOW, events });
  const wrapper = await fixture<HTMLElement>(html`<div lang="nl"></div>`);
  wrapper.append(el);
  await el.updateComplete;
  await Promise.all(findAll(el, 'bijeen-event-card').map((card) => card.updateComplete));
  return el;
}

/** Waits for the cards of a re-render. */
async function settled(el: BijeenEventList) {
  await el.updateComplete;
  await Promise.all(findAll(el, 'bijeen-event-card').map((card) => card.updateComplete));
}

/** The first bijeen-data-error `change` causes. */
async function dataError(el: BijeenEventList, change: () => unknown): Promise<DataErrorDetail> {
  const { result } = await quietly(async () => {
    const failed = oneEvent(el, 'bijeen-data-error');
    await change();
    return ((await failed) as CustomEvent<DataErrorDetail>).detail;
  });
  return result;
}

const paths = (detail: DataErrorDetail) => detail.issues?.map((issue) => issue.path);

describe('<bijeen-event-list>', () => {
  describe('data', () => {
    it('loads a feed { events } from src: upcoming events by start, in a real list of teaser cards, URLs resolved against the feed', async () => {
      const el = document.createElement('bijeen-event-list');
      el.now = NOW;
      el.src = listFeed('agenda');
      const loaded = oneEvent(el, 'bijeen-load');
      await fixture(html`<div>${el}</div>`);
      await loaded;
      await settled(el);
      expect(titles(el)).to.deep.equal(['Bijeenkomst januari', 'Bijeenkomst februari', 'Bijeenkomst maart']);
      const list = part(el, 'list')!;
      expect(list.localName).to.equal('ul');
      expect(parts(el, 'item').every((item) => item.localName === 'li' && item.parentElement === list)).to.equal(true);
      const card = find(el, 'bijeen-event-card')!;
      expect(card.variant).to.equal('teaser');
      expect(part(card, 'link')!.getAttribute('href')).to.equal(new URL('/list-feeds/agenda/januari.html', location.href).href);
      await expect(el).to.be.accessible();
    });

    it('takes a bare array from an inline JSON script', async () => {
      const el = await fixture<BijeenEventList>(html`
        <bijeen-event-list .now=${NOW}>
          <script type="application/json">
            ${JSON.stringify([at('b', '2030-05-01T10:00:00+02:00'), at('a', '2030-04-01T10:00:00+02:00')])}
          </script>
        </bijeen-event-list>
      `);
      await waitUntil(() => titles(el).length === 2, 'inline events not shown');
      expect(titles(el)).to.deep.equal(['Bijeenkomst a', 'Bijeenkomst b']);
    });

    it('prefers the events property to inline JSON, and inline JSON to src', async () => {
      const el = document.createElement('bijeen-event-list');
      el.now = NOW;
      el.src = listFeed('agenda');
      el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: JSON.stringify([at('inline', '2030-01-01T10:00:00+01:00')]) }));
      el.events = { events: [at('property', '2030-01-01T10:00:00+01:00')] };
      await fixture(html`<div>${el}</div>`);
      await settled(el);
      expect(titles(el)).to.deep.equal(['Bijeenkomst property']);
      el.events = undefined;
      await settled(el);
      expect(titles(el)).to.deep.equal(['Bijeenkomst inline']);
      el.querySelector('script')!.remove();
      await waitUntil(() => titles(el).length === 3, 'src not loaded after the inline script left', ROUND_TRIP);
    });

    it('leaves out invalid items, names each in one bijeen-data-error (events.N.path) and shows the valid ones', async () => {
      const el = document.createElement('bijeen-event-list');
      el.now = NOW;
      const errors: DataErrorDetail[] = [];
      el.addEventListener('bijeen-data-error', (event) => errors.push(event.detail));
      const { warned } = await quietly(async () => {
        const loaded = oneEvent(el, 'bijeen-load');
        el.src = listFeed('invalid-items');
        await fixture(html`<div>${el}</div>`);
        await loaded;
      });
      await settled(el);
      expect(titles(el)).to.deep.equal(['Bijeenkomst februari', 'Bijeenkomst maart']);
      expect(errors).to.have.length(1);
      expect(paths(errors[0])).to.include.members(['events.1.start', 'events.3.title', 'events.3.start']);
      expect(errors[0].message).to.include('2 van de 4');
      expect(warned.join('\n')).to.include('<bijeen-event-list>').and.include('events.1.start');
    });

    for (const [name, path] of [
      ['not-json', undefined],
      ['not-a-list', 'events'],
      ['missing', undefined],
      ['all-invalid', 'events.0.start'],
    ] as const) {
      it(`fires bijeen-data-error and shows the fallback for the feed "${name}"`, async () => {
        const el = document.createElement('bijeen-event-list');
        el.innerHTML = '<a href="/agenda">Bekijk de agenda</a>';
        const detail = await dataError(el, async () => {
          el.src = listFeed(name);
          await fixture(html`<div>${el}</div>`);
        });
        if (path) expect(paths(detail)).to.include(path);
        expect(detail.message).to.be.a('string').and.not.equal('');
        await el.updateComplete;
        expect(el.querySelector('a')!.checkVisibility()).to.equal(true);
        expect(part(el, 'base')!.hidden).to.equal(true);
        expect(findAll(el, 'bijeen-event-card')).to.have.length(0);
      });
    }

    it('reads at most 1000 events and says so', async () => {
      const el = document.createElement('bijeen-event-list');
      Object.assign(el, { now: NOW, past: true, limit: 2000 });
      const detail = await dataError(el, async () => {
        el.events = Array.from({ length: 1001 }, (_, index) => at(`n${index}`, '2030-01-01T10:00:00+01:00'));
        await fixture(html`<div>${el}</div>`);
      });
      expect(paths(detail)).to.deep.equal(['events']);
      await settled(el);
      expect(parts(el, 'item')).to.have.length(1000);
    });

    it('fires bijeen-load with the events shown after filtering, and not the cards\' own loads', async () => {
      const el = document.createElement('bijeen-event-list');
      Object.assign(el, { now: NOW, tag: 'zorg', events: [at('x', '2030-01-01T10:00:00+01:00', { tags: ['zorg'] }), at('y', '2030-01-02T10:00:00+01:00')] });
      const loads: CustomEvent<EventListLoadDetail>[] = [];
      const wrapper = await fixture(html`<div></div>`);
      wrapper.addEventListener('bijeen-load', (event) => loads.push(event as CustomEvent<EventListLoadDetail>));
      wrapper.append(el);
      await waitUntil(() => loads.length > 0);
      await settled(el);
      expect(loads).to.have.length(1);
      expect(loads[0].target).to.equal(el);
      expect(loads[0].detail.events.map((event) => event.id)).to.deep.equal(['x']);
    });
  });

  describe('what it shows', () => {
    it('shows upcoming events only, an event without end having ended at its start, cancelled ones with their badge', async () => {
      const el = await listOf([
        at('zonder-einde', '2025-12-31T10:00:00+01:00'),
        at('loopt-nog', '2025-12-31T10:00:00+01:00', { end: '2026-01-02T10:00:00+01:00' }),
        { ...cancelledEvent, start: '2030-01-01T10:00:00+01:00', end: undefined },
      ]);
      expect(titles(el)).to.have.length(2);
      expect(titles(el)[0]).to.equal('Bijeenkomst loopt-nog');
      expect(textOf(part(findAll(el, 'bijeen-event-card')[1], 'badge'))).to.include('Geannuleerd');
    });

    it('shows the empty text when nothing is upcoming, replaceable through the empty slot', async () => {
      const el = await listOf([at('oud', '2018-01-01T10:00:00+01:00')]);
      expect(part(el, 'empty')!.hidden).to.equal(false);
      expect(part(el, 'empty')!.innerText).to.equal('Er staan op dit moment geen bijeenkomsten gepland.');
      await expect(el).to.be.accessible();

      const own = await fixture<BijeenEventList>(html`
        <bijeen-event-list .now=${NOW} .events=${[]}><p slot="empty">Binnenkort meer.</p></bijeen-event-list>
      `);
      expect(own.querySelector('p')!.checkVisibility()).to.equal(true);
      expect(part(own, 'empty')!.hidden).to.equal(false);
      const withEvents = await listOf(many(1));
      expect(part(withEvents, 'empty')!.hidden).to.equal(true);
    });

    it('passes the cards\' parts on (::part(title) styles a card title)', async () => {
      const style = Object.assign(document.createElement('style'), {
        textContent: 'bijeen-event-list.parts::part(title) { color: rgb(1, 2, 3); } bijeen-event-list.parts::part(card-base) { border-color: rgb(4, 5, 6); }',
      });
      document.head.append(style);
      try {
        const el = await listOf(many(1), { class: 'parts' });
        const card = find(el, 'bijeen-event-card')!;
        expect(getComputedStyle(part(card, 'title')!).color).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(part(card, 'base')!).borderTopColor).to.equal('rgb(4, 5, 6)');
      } finally {
        style.remove();
      }
    });
  });

  describe('limit and "Toon meer"', () => {
    it('shows 10 by default; "Toon meer" reveals the next 10 without fetching again and focuses the first new item', async () => {
      const el = await listOf(many(25));
      expect(titles(el)).to.have.length(10);
      const more = part(el, 'more')!;
      expect(more.localName).to.equal('button');
      expect(textOf(more)).to.equal('Toon meer');
      await expect(el).to.be.accessible();
      more.click();
      await settled(el);
      expect(titles(el)).to.have.length(20);
      const items = parts(el, 'item');
      expect(shadow(el).activeElement).to.equal(items[10]);
      expect(textOf(part(items[10].querySelector('bijeen-event-card')!, 'title'))).to.equal('Bijeenkomst e11');
      part(el, 'more')!.click();
      await settled(el);
      expect(titles(el)).to.have.length(25);
      expect(part(el, 'more')).to.equal(null);
    });

    it('fetches the feed once while paging', async () => {
      const requests = async () => ((await (await fetch('/list-feeds/log')).json()) as { requests: number }).requests;
      const el = document.createElement('bijeen-event-list');
      Object.assign(el, { now: NOW, limit: 1, src: listFeed('agenda') });
      const before = await requests();
      const loaded = oneEvent(el, 'bijeen-load');
      await fixture(html`<div>${el}</div>`);
      await loaded;
      await settled(el);
      part(el, 'more')!.click();
      await settled(el);
      expect(titles(el)).to.have.length(2);
      expect(await requests()).to.equal(before + 1);
    });

    it('takes limit from the attribute, and reports one it cannot use and shows 10', async () => {
      expect(titles(await listOf(many(5), { limit: '2' }))).to.have.length(2);
      const el = document.createElement('bijeen-event-list');
      Object.assign(el, { now: NOW, events: many(12) });
      el.setAttribute('limit', 'veel');
      const detail = await dataError(el, () => fixture(html`<div>${el}</div>`));
      expect(paths(detail)).to.deep.equal(['limit']);
      await settled(el);
      expect(titles(el)).to.have.length(10);
    });
  });

  describe('filters', () => {
    const tagged = [
      at('wonen', '2030-01-01T10:00:00+01:00', { tags: ['wonen'] }),
      at('zorg', '2030-01-02T10:00:00+01:00', { tags: ['Zorg'] }),
      at('beide', '2030-01-03T10:00:00+01:00', { tags: ['wonen', 'zorg'] }),
      at('geen', '2030-01-04T10:00:00+01:00'),
    ];

    it('shows only events carrying the tag; comma-separated means any, case ignored', async () => {
      expect(titles(await listOf(tagged, { tag: 'wonen' }))).to.deep.equal(['Bijeenkomst wonen', 'Bijeenkomst beide']);
      expect(titles(await listOf(tagged, { tag: 'ZORG, wonen' }))).to.deep.equal(['Bijeenkomst wonen', 'Bijeenkomst zorg', 'Bijeenkomst beide']);
    });

    it('announces the new count politely when the filter changes, not on the first load', async () => {
      const el = await listOf(tagged);
      const status = find(el, '[role="status"]')!;
      expect(textOf(status)).to.equal('');
      el.tag = 'zorg';
      await settled(el);
      expect(titles(el)).to.have.length(2);
      expect(textOf(status)).to.equal('2 bijeenkomsten gevonden.');
      el.tag = 'sport';
      await settled(el);
      expect(textOf(status)).to.equal('Geen bijeenkomsten gevonden.');
      expect(part(el, 'empty')!.hidden).to.equal(false);
    });

    it('with past, adds the past events in their own section after the upcoming ones, most recent first', async () => {
      const el = await listOf(
        [at('oud', '2017-01-01T10:00:00+01:00'), at('nieuw', '2030-01-01T10:00:00+01:00'), at('recent', '2025-01-01T10:00:00+01:00')],
        { past: '' },
      );
      expect(titles(el)).to.deep.equal(['Bijeenkomst nieuw', 'Bijeenkomst recent', 'Bijeenkomst oud']);
      expect(parts(el, 'heading').map(textOf)).to.deep.equal(['Komende bijeenkomsten', 'Eerdere bijeenkomsten']);
      expect(parts(el, 'list')).to.have.length(2);
      // The cards' titles sit one level below the sections.
      expect(part(find(el, 'bijeen-event-card')!, 'title')!.getAttribute('aria-level')).to.equal('3');
      await expect(el).to.be.accessible();
    });

    it('groups by month under headings, in each event\'s own time zone', async () => {
      const el = await listOf(
        [
          // 30 September 22.00 in New York is already 1 October in UTC and in the test browser's zone.
          at('new-york', '2030-09-30T22:00:00-04:00', { timeZone: 'America/New_York' }),
          at('oktober', '2030-10-02T10:00:00+02:00'),
          at('september', '2030-09-02T10:00:00+02:00'),
        ],
        { 'group-by': 'month', 'heading-level': '3' },
      );
      const headings = parts(el, 'heading');
      expect(headings.map(textOf)).to.deep.equal(['september 2030', 'oktober 2030']);
      expect(headings.map((node) => node.getAttribute('aria-level'))).to.deep.equal(['3', '3']);
      const lists = parts(el, 'list');
      expect(lists.map((list) => list.querySelectorAll('bijeen-event-card').length)).to.deep.equal([2, 1]);
      expect(part(find(el, 'bijeen-event-card')!, 'title')!.getAttribute('aria-level')).to.equal('4');
      await expect(el).to.be.accessible();
    });

    it('reports a group-by it does not know and shows one list', async () => {
      const el = document.createElement('bijeen-event-list');
      Object.assign(el, { now: NOW, events: many(2) });
      el.setAttribute('group-by', 'week');
      expect(paths(await dataError(el, () => fixture(html`<div>${el}</div>`)))).to.deep.equal(['group-by']);
      await settled(el);
      expect(parts(el, 'heading')).to.have.length(0);
      expect(parts(el, 'list')).to.have.length(1);
    });
  });

  describe('attributes as on the card', () => {
    it('heading-level sets the cards\' title level', async () => {
      const el = await listOf(many(1), { 'heading-level': '4' });
      expect(part(find(el, 'bijeen-event-card')!, 'title')!.getAttribute('aria-level')).to.equal('4');
    });

    it('map-provider reaches the cards; one it does not know is reported', async () => {
      const el = await listOf(many(1), { 'map-provider': 'google' });
      expect(find(el, 'bijeen-event-card')!.mapProvider).to.equal('google');
      const bad = document.createElement('bijeen-event-list');
      Object.assign(bad, { now: NOW, events: many(1) });
      bad.setAttribute('map-provider', 'bing');
      expect(paths(await dataError(bad, () => fixture(html`<div>${bad}</div>`)))).to.deep.equal(['map-provider']);
      await settled(bad);
      expect(find(bad, 'bijeen-event-card')!.hasAttribute('map-provider')).to.equal(false);
    });

    it('speaks English with lang="en"', async () => {
      const el = await listOf(many(11), { lang: 'en', 'calendar-href': '/api/events.ics' });
      expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Events');
      expect(textOf(part(el, 'more'))).to.equal('Show more');
      expect(textOf(part(el, 'subscribe'))).to.equal('Add all events to your calendar');
      expect(textOf(part(find(el, 'bijeen-event-card')!, 'date'))).to.match(/^Friday 1 March 2030/);
    });

    it('label names the list; default "Bijeenkomsten"', async () => {
      expect(part(await listOf(many(1)), 'base')!.getAttribute('aria-label')).to.equal('Bijeenkomsten');
      expect(part(await listOf(many(1), { label: 'Agenda van Area Wonen' }), 'base')!.getAttribute('aria-label')).to.equal('Agenda van Area Wonen');
    });

    it('calendar-href shows the subscription link; a script URL is reported and not linked', async () => {
      const el = await listOf([], { 'calendar-href': 'webcal://example.org/api/events.ics' });
      const link = part(el, 'subscribe') as HTMLAnchorElement;
      expect(textOf(link)).to.equal('Zet alle bijeenkomsten in uw agenda');
      expect(link.getAttribute('href')).to.equal('webcal://example.org/api/events.ics');
      const bad = document.createElement('bijeen-event-list');
      Object.assign(bad, { now: NOW, events: many(1) });
      bad.setAttribute('calendar-href', 'javascript:alert(1)');
      expect(paths(await dataError(bad, () => fixture(html`<div>${bad}</div>`)))).to.deep.equal(['calendar-href']);
      await settled(bad);
      expect(part(bad, 'subscribe')).to.equal(null);
    });
  });

  describe('structured data', () => {
    const scripts = (el: Element) => el.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]');

    it('writes one ItemList of the events shown in its own light DOM, and the cards write none', async () => {
      const el = await listOf(many(12), { tag: '' });
      await idle();
      expect(scripts(el)).to.have.length(1);
      const data = JSON.parse(scripts(el)[0].textContent!);
      expect(data['@type']).to.equal('ItemList');
      expect(data.itemListElement).to.have.length(12);
      expect(data.itemListElement[0]).to.include({ '@type': 'ListItem', position: 1 });
      expect(data.itemListElement[0].item).to.include({ '@type': 'Event', name: 'Bijeenkomst e1' });
      for (const card of findAll(el, 'bijeen-event-card')) expect(scripts(card)).to.have.length(0);
      expect(shadow(el).querySelectorAll('script')).to.have.length(0);
    });

    it('writes none with no-structured-data', async () => {
      const el = await listOf(many(2), { 'no-structured-data': '' });
      await idle();
      expect(scripts(el)).to.have.length(0);
    });
  });

  describe('long Dutch compound titles', () => {
    const compound = 'Woningcorporatiesamenwerkingsovereenkomstenbijeenkomst';
    // No syllables to break at: only breaking anywhere keeps it inside the column.
    const code = 'WCSOKBIJEENKOMST2030NOORDBRABANTREGIOTAFELOVERLEG';

    it('hyphenate in the element\'s language and never overflow a 240px column, in the list and in the card', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div style="width: 240px">
          <bijeen-event-list
            .now=${NOW}
            .events=${[{ ...longTitleEvent, title: compound }, { ...longTitleEvent, id: 'code', title: code }]}
          ></bijeen-event-list>
          <bijeen-event-card variant="teaser" .event=${{ ...longTitleEvent, title: compound }}></bijeen-event-card>
          <bijeen-event-card .event=${{ ...longTitleEvent, title: code }}></bijeen-event-card>
        </div>
      `);
      const list = wrapper.querySelector('bijeen-event-list')!;
      await settled(list);
      const cards = [...findAll(list, 'bijeen-event-card'), ...wrapper.querySelectorAll('bijeen-event-card')];
      expect(cards).to.have.length(4);
      for (const card of cards) {
        await card.updateComplete;
        const title = part(card, 'title')!;
        expect(getComputedStyle(title).hyphens).to.equal('auto');
        expect(part(card, 'base')!.lang).to.equal('nl');
        // The text's own extent (a Range), not the box's: a box can grow past the column and be clipped.
        const range = document.createRange();
        range.selectNodeContents(title);
        expect(range.getBoundingClientRect().right, `"${textOf(title)}" overflows`).to.be.at.most(
          wrapper.getBoundingClientRect().right + 0.5,
        );
        expect(card.getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
      }
      expect(list.scrollWidth).to.be.at.most(240);
    });
  });
});
