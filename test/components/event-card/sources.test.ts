import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { EventData } from '../../../src/schema/index.js';
import { udenMeeting } from '../../fixtures/events.js';
import {
  fallbackShown,
  idle,
  part,
  quietly,
  rendered,
  shadow,
  textOf,
  type BijeenEventCard,
  type DataErrorDetail,
} from './helpers.js';
import { feed } from '../../support/feeds.js';

// What the card shows while loading and when a source fails, against the real test-server feeds
// (test/server/event-feeds.mjs). The sources' own rules (inline scripts, late scripts, aborting,
// precedence) are tested once for every element: test/internal/event-source.test.ts and the
// conformance suite (test/conformance/).

/** A card not yet on the page, with a fallback link as partners write it. */
function cardWithFallback(): BijeenEventCard {
  const el = document.createElement('bijeen-event-card');
  el.innerHTML = '<a href="https://example.org/agenda">Bekijk de agenda</a>';
  return el;
}

async function mount(el: BijeenEventCard): Promise<BijeenEventCard> {
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

const skeleton = (el: BijeenEventCard) => shadow(el).querySelector('.skeleton');

describe('<bijeen-event-card> event sources', () => {
  beforeEach(async () => {
    await fetch('/feeds/log?clear');
  });

  it('loads src: a calm placeholder with reserved space and the fallback, then the event', async () => {
    const el = cardWithFallback();
    el.src = feed('valid', '?delay=300');
    const loaded = oneEvent(el, 'bijeen-load');
    await mount(el);
    const placeholder = skeleton(el)!;
    expect(placeholder).not.to.equal(null);
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    expect(placeholder.getAttribute('part')).to.equal('base');
    expect(placeholder.getBoundingClientRect().height).to.be.at.least(150);
    expect(fallbackShown(el)).to.equal(true);
    await expect(el).to.be.accessible();

    const { detail } = (await loaded) as CustomEvent<{ event: EventData }>;
    expect(detail.event.id).to.equal('valid');
    expect(rendered(el)).to.equal(true);
    expect(skeleton(el)).to.equal(null);
    expect(fallbackShown(el)).to.equal(false);
    expect(textOf(part(el, 'title'))).to.equal('Testbijeenkomst valid');
    // Relative URLs in the feed resolve against the feed's own URL.
    el.variant = 'teaser';
    await el.updateComplete;
    expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(new URL('/feeds/lees-meer.html', location.href).href);
  });

  const failures: [string, string, RegExp][] = [
    ['JSON that fails the schema', 'invalid', /De evenementgegevens kloppen niet/],
    ['a body that is not JSON', 'not-json', /geen geldige JSON/],
    ['a 404', 'missing', /HTTP 404/],
    ['a 500', 'broken', /HTTP 500/],
  ];
  for (const [name, feedName, message] of failures) {
    it(`keeps the fallback on ${name}, tells the integrator, shows nothing scary`, async () => {
      const el = cardWithFallback();
      el.src = feed(feedName);
      const { result: detail, warned } = await quietly(async () => {
        const failed = oneEvent(el, 'bijeen-data-error');
        await mount(el);
        return ((await failed) as CustomEvent<DataErrorDetail>).detail;
      });
      expect(detail.message).to.match(message);
      expect(warned.join('\n')).to.match(message);
      expect(rendered(el)).to.equal(false);
      expect(skeleton(el)).to.equal(null);
      expect(fallbackShown(el)).to.equal(true);
      expect(shadow(el).textContent!.trim()).to.equal('');
      expect(el.querySelector('a')!.checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the fallback on a network error', async () => {
    const el = cardWithFallback();
    // Nothing listens on port 9 of the loopback: the connection is refused at once.
    el.src = 'http://127.0.0.1:9/event.json';
    const { result: detail } = await quietly(async () => {
      const failed = oneEvent(el, 'bijeen-data-error');
      await mount(el);
      return ((await failed) as CustomEvent<DataErrorDetail>).detail;
    });
    expect(detail.message).to.include('127.0.0.1:9');
    expect(fallbackShown(el)).to.equal(true);
    expect(rendered(el)).to.equal(false);
  });

  it('keeps the fallback on inline JSON that does not parse, and the integrator learns the paths', async () => {
    const el = cardWithFallback();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"id": "kapot", "title": ';
    el.append(script);
    const { result: detail } = await quietly(async () => {
      const failed = oneEvent(el, 'bijeen-data-error');
      await mount(el);
      return ((await failed) as CustomEvent<DataErrorDetail>).detail;
    });
    expect(detail.message).to.include('geen geldige JSON');
    expect(fallbackShown(el)).to.equal(true);

    const { result: invalid } = await quietly(async () => {
      const failed = oneEvent(el, 'bijeen-data-error');
      el.event = { ...udenMeeting, registration: { ...udenMeeting.registration, maxCompanions: 11 } };
      return ((await failed) as CustomEvent<DataErrorDetail>).detail;
    });
    expect(invalid.issues!.map((issue) => issue.path)).to.include('registration.maxCompanions');
    expect(fallbackShown(el)).to.equal(true);
    await idle();
    expect(el.querySelectorAll('script[type="application/ld+json"]')).to.have.length(0);
  });

  it('recovers when valid data follows an error', async () => {
    const el = cardWithFallback();
    el.src = feed('missing');
    await quietly(async () => {
      const failed = oneEvent(el, 'bijeen-data-error');
      await mount(el);
      await failed;
    });
    const loaded = oneEvent(el, 'bijeen-load');
    el.src = feed('valid');
    await loaded;
    expect(rendered(el)).to.equal(true);
    expect(fallbackShown(el)).to.equal(false);
  });
});
