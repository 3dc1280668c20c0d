import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { EventData, EventInput } from '../../../src/schema/index.js';
import * as fixtures from '../../fixtures/events.js';
import {
  cancelledEvent,
  longTitleEvent,
  minimalEvent,
  multiDayEvent,
  newYorkEvent,
  onlineEvent,
  udenMeeting,
  webinarEvent,
} from '../../fixtures/events.js';
import {
  REGISTRATION_OPEN,
  cardFor,
  idle,
  part,
  parts,
  quietly,
  shadow,
  textOf,
  type BijeenEventCard,
  type DataErrorDetail,
} from './helpers.js';

const headings = (el: Element) =>
  [...shadow(el).querySelectorAll('[role="heading"]')].map((node) => [node.getAttribute('aria-level'), textOf(node)]);

/** The place block's lines as rendered. */
const placeLines = (el: Element) => shadow(el).querySelector<HTMLElement>('.place p')!.innerText.split('\n');

/**
 * A card of the seed meeting (registration open) with one attribute it cannot use, once it has
 * reported it: the card, the paths of the reported issues and what it warned.
 */
async function cardWithBadAttribute(attribute: string, value: string) {
  const el = document.createElement('bijeen-event-card');
  el.event = udenMeeting;
  el.now = REGISTRATION_OPEN;
  el.setAttribute(attribute, value);
  const { result: detail, warned } = await quietly(async () => {
    const reported = oneEvent(el, 'bijeen-data-error');
    (await fixture(html`<div></div>`)).append(el);
    return ((await reported) as CustomEvent<DataErrorDetail>).detail;
  });
  return { el, paths: detail.issues?.map((issue) => issue.path), warned: warned.join('\n') };
}

/** The card's map link. */
const mapLinkOf = (el: Element) => shadow(el).querySelector<HTMLAnchorElement>('a.map-link');

const ldJson = (el: Element) => el.querySelectorAll<HTMLScriptElement>(':scope > script[type="application/ld+json"]');

describe('<bijeen-event-card>', () => {
  describe('every fixture', () => {
    for (const [name, event] of Object.entries(fixtures) as [string, EventInput][]) {
      it(`renders ${name} from its data, in both variants, accessibly and without a data error`, async () => {
        const errors: Event[] = [];
        const collect = (error: Event) => errors.push(error);
        document.addEventListener('bijeen-data-error', collect);
        for (const variant of ['full', 'teaser'] as const) {
          const el = await cardFor({ ...event, image: undefined }, { variant });
          expect(textOf(part(el, 'title'))).to.equal(event.title.replace(/\s+/g, ' ').trim());
          expect(part(el, 'date')!.querySelector('time')!.dateTime).to.equal(new Date(event.start).toISOString());
          expect(Boolean(part(el, 'link') && variant === 'teaser')).to.equal(Boolean(event.url && variant === 'teaser'));
          await expect(el).to.be.accessible();
        }
        document.removeEventListener('bijeen-data-error', collect);
        expect(errors).to.have.length(0);
      });
    }
  });

  describe('full variant', () => {
    it('shows every part of the seed meeting', async () => {
      const el = await cardFor(udenMeeting);
      expect(textOf(part(el, 'title'))).to.equal(udenMeeting.title);
      expect(part(el, 'title')!.getAttribute('role')).to.equal('heading');
      expect(textOf(part(el, 'date'))).to.equal('dinsdag 18 september 2018, 13.00–17.00 uur');
      expect(placeLines(el)).to.deep.equal(['Area Wonen', 'Leeuweriksweg 12, 5402 XD Uden']);
      expect(textOf(shadow(el).querySelector('.body'))).to.include(udenMeeting.summary);
      expect(headings(el)).to.deep.equal([
        ['2', udenMeeting.title],
        ['3', 'Wat kan een wijk dragen?'],
        ['3', 'Over wie gaat het?'],
        ['3', 'Voor wie?'],
      ]);
      const sections = shadow(el).querySelectorAll('section');
      expect([...sections[0].querySelectorAll('p')].map(textOf)).to.deep.equal(udenMeeting.sections[0].paragraphs);
      expect([...sections[1].querySelectorAll('li')].map(textOf)).to.deep.equal(udenMeeting.sections[1].items);
      expect(textOf(sections[2].querySelector('p'))).to.equal(udenMeeting.audience);
      const organizer = shadow(el).querySelector('.meta')!;
      expect(textOf(organizer)).to.equal(
        'Organisator: Vakgemeenschap Wat Werkt in de Wijk, bijeenkomsten@example.org',
      );
      expect([...organizer.querySelectorAll('a')].map((a) => a.href)).to.deep.equal([
        'https://example.org/wat-werkt-in-de-wijk',
        'mailto:bijeenkomsten@example.org',
      ]);
      expect(textOf(part(el, 'badge'))).to.equal('Status: Open');
      expect(textOf(part(el, 'register'))).to.equal('Aanmelden');
      expect(textOf(shadow(el).querySelector('.actions'))).to.include('Nog 23 plaatsen vrij.');
      expect(part(el, 'button')!.localName).to.equal('summary');
    });

    it('reserves the image space from width and height and loads it lazily', async () => {
      const el = await cardFor(udenMeeting);
      const image = part(el, 'image') as HTMLImageElement;
      expect(image.getAttribute('src')).to.equal(udenMeeting.image.src);
      expect(image.getAttribute('alt')).to.equal('');
      expect(image.getAttribute('width')).to.equal('1200');
      expect(image.getAttribute('height')).to.equal('675');
      expect(image.loading).to.equal('lazy');
      expect(image.decoding).to.equal('async');
      // Before (and without) the file, the box already has the image's proportions.
      const box = image.getBoundingClientRect();
      expect(box.height).to.be.closeTo((box.width * 675) / 1200, 1);
    });

    it('reserves a 16:9 box for an image without width and height', async () => {
      const el = await cardFor({ ...minimalEvent, image: { src: 'https://example.org/a.png', alt: 'Zaal' } });
      const image = part(el, 'image') as HTMLImageElement;
      expect(image.alt).to.equal('Zaal');
      const box = image.getBoundingClientRect();
      expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
    });

    it('links the address to the map with the chosen provider', async () => {
      const el = await fixture<BijeenEventCard>(
        html`<bijeen-event-card .event=${udenMeeting} map-provider="google"></bijeen-event-card>`,
      );
      const map = mapLinkOf(el)!;
      const url = new URL(map.href);
      expect(url.origin + url.pathname).to.equal('https://www.google.com/maps/search/');
      expect(url.searchParams.get('query')).to.equal('Leeuweriksweg 12, 5402 XD Uden');
      expect([map.target, map.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
      expect(map.getAttribute('part')).to.equal('link');
      expect(textOf(map)).to.equal('Bekijk op de kaart, Leeuweriksweg 12, 5402 XD Uden (opent in een nieuw venster)');
    });

    it('uses coordinates for the map when there is no street', async () => {
      const el = await cardFor(multiDayEvent);
      const url = new URL(mapLinkOf(el)!.href);
      expect([url.searchParams.get('mlat'), url.searchParams.get('mlon')]).to.deep.equal(['52.0894', '5.1077']);
    });

    it('reports a map-provider it does not know, and links to OpenStreetMap instead', async () => {
      const { el, paths, warned } = await cardWithBadAttribute('map-provider', 'bing');
      expect(new URL(mapLinkOf(el)!.href).origin).to.equal('https://www.openstreetmap.org');
      expect(paths).to.deep.equal(['map-provider']);
      expect(warned).to.include('map-provider');
    });

    it('has no map link with no-map, and none without an address or coordinates', async () => {
      const el = await fixture<BijeenEventCard>(html`<bijeen-event-card .event=${udenMeeting} no-map></bijeen-event-card>`);
      expect(mapLinkOf(el)).to.equal(null);
      const online = await cardFor(webinarEvent);
      expect(mapLinkOf(online)).to.equal(null);
    });

    it('links an online event to its online address, resolved against the page', async () => {
      // Without its (relative, unserved) image: only the link matters here.
      const el = await cardFor({ ...onlineEvent, image: undefined });
      const link = [...parts(el, 'link')].find((a) => textOf(a) === 'Online deelnemen') as HTMLAnchorElement;
      expect(link.href).to.equal(new URL('live/webinar-2024', location.href).href);
    });

    it('names a country other than the Netherlands in the reader’s language', async () => {
      const dutch = await cardFor(newYorkEvent, { lang: 'nl' });
      expect(placeLines(dutch)).to.deep.equal(['Housing Works', 'New York', 'Verenigde Staten']);
      const english = await cardFor(newYorkEvent, { lang: 'en' });
      expect(placeLines(english)).to.deep.equal(['Housing Works', 'New York', 'United States']);
    });

    it('hides the calendar control with no-calendar', async () => {
      const el = await fixture<BijeenEventCard>(
        html`<bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN} no-calendar></bijeen-event-card>`,
      );
      expect(shadow(el).querySelector('details')).to.equal(null);
      expect(part(el, 'register')).not.to.equal(null);
    });

    it('renders the minimal event without optional parts', async () => {
      const el = await cardFor(minimalEvent);
      expect(textOf(part(el, 'title'))).to.equal('Kennissessie');
      expect(part(el, 'image')).to.equal(null);
      expect(part(el, 'badge')).to.equal(null);
      expect(part(el, 'register')).to.equal(null);
      expect(shadow(el).querySelector('.place')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is accessible with a long Dutch title', async () => {
      const el = await cardFor(longTitleEvent);
      await expect(el).to.be.accessible();
    });
  });

  describe('heading-level', () => {
    const levels: [string | null, string, string][] = [
      [null, '2', '3'],
      ['1', '1', '2'],
      ['4', '4', '5'],
      ['6', '6', '6'],
      ['9', '6', '6'],
      ['0', '1', '2'],
      ['kop', '2', '3'],
    ];
    for (const [attribute, title, section] of levels) {
      it(`heading-level=${attribute} gives the title level ${title} and sections level ${section}`, async () => {
        const el = await fixture<BijeenEventCard>(
          html`<bijeen-event-card .event=${udenMeeting}></bijeen-event-card>`,
        );
        if (attribute !== null) el.setAttribute('heading-level', attribute);
        await el.updateComplete;
        const found = headings(el);
        expect(found[0][0]).to.equal(title);
        expect(found[1][0]).to.equal(section);
      });
    }
  });

  describe('teaser variant', () => {
    it('shows title, badge, date, place, summary and "Lees meer" only', async () => {
      const el = await cardFor(udenMeeting, { variant: 'teaser' });
      expect(textOf(part(el, 'title'))).to.equal(udenMeeting.title);
      expect(textOf(part(el, 'date'))).to.equal('dinsdag 18 september 2018, 13.00–17.00 uur');
      expect(textOf(shadow(el).querySelector('.place'))).to.equal('Area Wonen, Uden');
      expect(textOf(shadow(el).querySelector('.body'))).to.include(udenMeeting.summary);
      expect(shadow(el).querySelector('section, details, bijeen-map-link, [part~="register"], .meta')).to.equal(null);
      const more = parts(el, 'link');
      expect(more).to.have.length(1);
      expect((more[0] as HTMLAnchorElement).href).to.equal(udenMeeting.url);
      expect(textOf(more[0])).to.equal(`Lees meer over ${udenMeeting.title}`);
      expect(more[0].querySelector('.visually-hidden')).not.to.equal(null);
    });

    it('says "Read more about …" in English', async () => {
      const el = await cardFor(udenMeeting, { variant: 'teaser', lang: 'en' });
      expect(textOf(part(el, 'link'))).to.equal(`Read more about ${udenMeeting.title}`);
    });

    it('has no "Lees meer" without a url, and says "Online" for an online event', async () => {
      const el = await cardFor(dstNightEventWithoutUrl(), { variant: 'teaser' });
      expect(parts(el, 'link')).to.have.length(0);
      expect(textOf(shadow(el).querySelector('.place'))).to.equal('Online');
    });
  });

  describe('"Aanmelden"', () => {
    it('points at the event page when there is no form and no registration-href', async () => {
      const el = await cardFor(udenMeeting);
      expect((part(el, 'register') as HTMLAnchorElement).href).to.equal(udenMeeting.url);
    });

    it('points at mailto: the registration address when there is not even a url', async () => {
      const { url: _url, ...withoutUrl } = udenMeeting;
      const el = await cardFor(withoutUrl);
      expect((part(el, 'register') as HTMLAnchorElement).href).to.equal('mailto:aanmelden@example.org');
    });

    it('points at registration-href when set', async () => {
      const el = await fixture<BijeenEventCard>(
        html`<bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN} registration-href="/aanmelden?e=1"></bijeen-event-card>`,
      );
      expect((part(el, 'register') as HTMLAnchorElement).href).to.equal(new URL('/aanmelden?e=1', location.href).href);
    });

    it('ignores a registration-href that is not an allowed URL, and says so', async () => {
      const { el, paths, warned } = await cardWithBadAttribute('registration-href', 'javascript:alert(1)');
      expect((part(el, 'register') as HTMLAnchorElement).href).to.equal(udenMeeting.url);
      expect(paths).to.deep.equal(['registration-href']);
      expect(warned).to.include('registration-href');
    });

    it('moves focus to the registration form beside it', async () => {
      const wrapper = await fixture(html`<div>
        <bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN}></bijeen-event-card>
        <bijeen-registration-form id="aanmelden" tabindex="-1"></bijeen-registration-form>
      </div>`);
      const el = wrapper.querySelector('bijeen-event-card')!;
      el.requestUpdate();
      await el.updateComplete;
      const register = part(el, 'register') as HTMLAnchorElement;
      expect(register.getAttribute('href')).to.equal('#aanmelden');
      const announced = oneEvent(el, 'bijeen-register');
      register.click();
      const { detail } = (await announced) as CustomEvent<{ event: EventData }>;
      expect(detail.event.id).to.equal(udenMeeting.id);
      expect(document.activeElement).to.equal(wrapper.querySelector('bijeen-registration-form'));
      expect(location.hash).to.equal('');
    });

    it('moves focus to the form inside the same shadow root (as in <bijeen-event>)', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const el = document.createElement('bijeen-event-card');
      el.event = udenMeeting;
      el.now = REGISTRATION_OPEN;
      const form = document.createElement('bijeen-registration-form');
      form.tabIndex = -1;
      root.append(el, form);
      await el.updateComplete;
      const register = part(el, 'register') as HTMLAnchorElement;
      register.click();
      expect(root.activeElement).to.equal(form);
    });

    it('does nothing itself when a listener cancels bijeen-register', async () => {
      const wrapper = await fixture(html`<div>
        <bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN}></bijeen-event-card>
        <bijeen-registration-form tabindex="-1"></bijeen-registration-form>
      </div>`);
      const el = wrapper.querySelector('bijeen-event-card')!;
      el.addEventListener('bijeen-register', (event) => event.preventDefault());
      let navigated = true;
      const register = part(el, 'register')!;
      register.addEventListener('click', (click) => {
        navigated = !click.defaultPrevented;
        click.preventDefault();
      });
      register.click();
      expect(navigated).to.equal(false);
      expect(document.activeElement).not.to.equal(wrapper.querySelector('bijeen-registration-form'));
    });
  });

  describe('structured data', () => {
    it('adds schema.org Event JSON-LD to its light DOM once the page is idle, after the card shows', async () => {
      const el = await cardFor(udenMeeting);
      expect(part(el, 'title')).to.be.instanceOf(HTMLElement);
      expect(ldJson(el), 'not yet: the visitor sees the card first').to.have.length(0);
      await idle();
      const scripts = ldJson(el);
      expect(scripts).to.have.length(1);
      const data = JSON.parse(scripts[0].textContent!);
      expect(data).to.deep.include({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: udenMeeting.title,
        description: udenMeeting.summary,
        startDate: udenMeeting.start,
        endDate: udenMeeting.end,
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        url: udenMeeting.url,
        image: udenMeeting.image.src,
      });
      expect(data.location).to.deep.equal({
        '@type': 'Place',
        name: 'Area Wonen',
        address: {
          '@type': 'PostalAddress',
          streetAddress: 'Leeuweriksweg 12',
          postalCode: '5402 XD',
          addressLocality: 'Uden',
          addressCountry: 'NL',
        },
      });
      expect(data.organizer).to.deep.equal({
        '@type': 'Organization',
        name: 'Vakgemeenschap Wat Werkt in de Wijk',
        url: 'https://example.org/wat-werkt-in-de-wijk',
      });
      expect(data.offers.availability).to.equal('https://schema.org/InStock');
    });

    it('describes an online event with a VirtualLocation and a cancelled one as cancelled', async () => {
      const cards = [await cardFor(webinarEvent), await cardFor(cancelledEvent)];
      await idle();
      const [online, cancelled] = cards.map((card) => JSON.parse(ldJson(card)[0].textContent!));
      expect(online.eventAttendanceMode).to.equal('https://schema.org/OnlineEventAttendanceMode');
      expect(online.location).to.deep.equal({ '@type': 'VirtualLocation', url: webinarEvent.location.online });
      expect(cancelled.eventStatus).to.equal('https://schema.org/EventCancelled');
    });

    it('adds none with no-structured-data, and removes it when the attribute is set later', async () => {
      const el = await fixture<BijeenEventCard>(
        html`<bijeen-event-card .event=${udenMeeting} no-structured-data></bijeen-event-card>`,
      );
      await idle();
      expect(ldJson(el)).to.have.length(0);
      el.noStructuredData = false;
      await el.updateComplete;
      await idle();
      expect(ldJson(el)).to.have.length(1);
      el.noStructuredData = true;
      await el.updateComplete;
      expect(ldJson(el), 'removed at once').to.have.length(0);
    });

    it('replaces it when the event changes and removes it when the card leaves the page', async () => {
      const el = await cardFor(udenMeeting);
      await idle();
      el.event = webinarEvent;
      await el.updateComplete;
      await idle();
      expect(ldJson(el)).to.have.length(1);
      expect(JSON.parse(ldJson(el)[0].textContent!).name).to.equal(webinarEvent.title);
      const parent = el.parentElement!;
      el.remove();
      expect(ldJson(el), 'removed at once').to.have.length(0);
      parent.append(el);
      await el.updateComplete;
      await idle();
      expect(ldJson(el)).to.have.length(1);
    });

    it('settles: adding its own JSON-LD child does not keep the card re-rendering', async () => {
      const el = await cardFor(udenMeeting);
      let renders = 0;
      const render = el.render.bind(el);
      el.render = () => {
        renders++;
        return render();
      };
      el.event = webinarEvent;
      for (let frame = 0; frame < 5; frame++) await nextFrame();
      expect(renders).to.be.within(1, 3);
      expect(el.isUpdatePending).to.equal(false);
      const settled = renders;
      for (let frame = 0; frame < 5; frame++) await nextFrame();
      expect(renders).to.equal(settled);
    });
  });

  it('is accessible in both variants', async () => {
    for (const variant of ['full', 'teaser'] as const) {
      for (const lang of ['nl', 'en']) {
        const el = await cardFor(udenMeeting, { variant, lang });
        await expect(el).to.be.accessible();
      }
    }
  });
});

function dstNightEventWithoutUrl() {
  return {
    id: 'nacht',
    title: 'Nachtsessie',
    start: '2030-10-27T01:00:00+02:00',
    location: { online: 'https://example.org/live/nacht' },
  };
}
