import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { BijeenElement } from '../../src/internal/bijeen-element.js';
import type { DataErrorDetail } from '../../src/internal/events.js';
import { EventSourceController } from '../../src/internal/event-source.js';
import { EventSourceMixin } from '../../src/internal/event-source-mixin.js';
import type { EventData } from '../../src/schema/index.js';
import { captureWarnings } from '../support/console.js';
import { feed, feedLog, ROUND_TRIP } from '../support/feeds.js';

/** The smallest element that shows an event: the controller's state as text, plus the fallback slot. */
class SourceProbe extends EventSourceMixin(BijeenElement) {
  readonly source = new EventSourceController(this);
  renders = 0;

  override render() {
    this.renders++;
    const { state } = this.source;
    return litHtml`<p id="state">${state.status === 'ready' ? state.value.title : state.status}</p>
      <slot ?hidden=${state.status === 'ready'}></slot>`;
  }
}
customElements.define('source-probe', SourceProbe);

const stateText = (el: SourceProbe) => el.shadowRoot!.querySelector('#state')!.textContent;
const inlineEvent = (id: string, title: string) =>
  JSON.stringify({ id, title, start: '2030-03-12T13:00:00+01:00', location: { name: 'Area Wonen' } });

const requestArrived = async () => (await feedLog()).length > 0;

describe('EventSourceController', () => {
  beforeEach(async () => {
    await fetch('/feeds/log?clear');
  });

  describe('src', () => {
    it('fetches the JSON with Accept: application/json, validates it and fires bijeen-load', async () => {
      const el = document.createElement('source-probe') as SourceProbe;
      el.src = feed('valid');
      const loaded = oneEvent(el, 'bijeen-load');
      await fixture(html`<div></div>`).then((wrapper) => wrapper.append(el));
      const { detail } = (await loaded) as CustomEvent<{ event: EventData }>;
      expect(detail.event.id).to.equal('valid');
      expect(stateText(el)).to.equal('Testbijeenkomst valid');
      const [request] = await feedLog();
      expect(request.accept).to.equal('application/json');
    });

    it('resolves relative URLs in the data against the JSON file, not the page', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe src=${feed('valid')}></source-probe>`);
      await waitUntil(() => el.source.event, 'event loaded', ROUND_TRIP);
      expect(el.source.event!.url).to.equal(new URL('/feeds/lees-meer.html', location.href).href);
    });

    it('shows loading, keeps the fallback visible, then hides it when the event renders', async () => {
      const el = await fixture<SourceProbe>(
        html`<source-probe src=${feed('valid', '?delay=300')}><a href="/agenda">Bekijk de agenda</a></source-probe>`,
      );
      expect(stateText(el)).to.equal('loading');
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.hidden).to.equal(false);
      await waitUntil(() => el.source.event, 'event loaded', ROUND_TRIP);
      await el.updateComplete;
      expect(slot.hidden).to.equal(true);
    });

    it('aborts the running request when src changes and shows only the newer event', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe src=${feed('valid', '?delay=2000')}></source-probe>`);
      // An abort before the request left the browser would never reach the server.
      await waitUntil(requestArrived, 'the slow request reached the server', ROUND_TRIP);
      el.src = feed('other');
      await waitUntil(() => el.source.event, 'new event loaded', ROUND_TRIP);
      expect(el.source.event!.id).to.equal('other');
      await waitUntil(async () => (await feedLog()).some((entry) => entry.aborted), 'server saw the abort', ROUND_TRIP);
      expect(el.source.event!.id).to.equal('other');
    });

    it('aborts the request when the element leaves the page, and loads again when it returns', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('source-probe') as SourceProbe;
      el.src = feed('valid', '?delay=1000');
      wrapper.append(el);
      await waitUntil(requestArrived, 'the slow request reached the server', ROUND_TRIP);
      el.remove();
      await waitUntil(async () => (await feedLog()).some((entry) => entry.aborted), 'server saw the abort', ROUND_TRIP);
      expect(el.source.event).to.equal(undefined);
      // Still on its way: it loads again when it comes back.
      expect([el.state, el.getAttribute('state')]).to.deep.equal(['loading', 'loading']);
      wrapper.append(el);
      await waitUntil(() => el.source.event, 'loaded after reconnect', ROUND_TRIP);
      await el.updateComplete;
      expect([el.state, el.getAttribute('state')]).to.deep.equal(['ready', 'ready']);
    });

    const failures: [string, RegExp][] = [
      ['missing', /HTTP 404/],
      ['broken', /HTTP 500/],
      ['not-json', /geen geldige JSON/],
      ['no-such-host', /netwerkfout/],
      ['malformed-url', /netwerkfout/],
    ];
    for (const [name, message] of failures) {
      it(`reports ${name} calmly: bijeen-data-error, a console warning, the fallback stays`, async () => {
        const special: Record<string, string> = { 'no-such-host': 'http://127.0.0.1:9/event.json', 'malformed-url': 'http://[::1/event.json' };
        const src = special[name] ?? feed(name);
        const warnings = await captureWarnings(async () => {
          const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement('source-probe') as SourceProbe;
          el.src = src;
          el.innerHTML = '<a href="/agenda">Bekijk de agenda</a>';
          const failed = oneEvent(wrapper, 'bijeen-data-error');
          wrapper.append(el);
          const { detail } = (await failed) as CustomEvent<DataErrorDetail>;
          expect(detail.message).to.match(message);
          expect(stateText(el)).to.equal('error');
          expect(el.shadowRoot!.querySelector('slot')!.hidden).to.equal(false);
        });
        expect(warnings.join('\n')).to.match(message);
      });
    }

    it('reports schema problems with their paths', async () => {
      const warnings = await captureWarnings(async () => {
        const el = document.createElement('source-probe') as SourceProbe;
        el.src = feed('invalid');
        const failed = oneEvent(el, 'bijeen-data-error');
        (await fixture(html`<div></div>`)).append(el);
        const { detail } = (await failed) as CustomEvent<DataErrorDetail>;
        const paths = detail.issues!.map((issue) => issue.path);
        expect(paths).to.include.members(['title', 'start', 'registration.maxCompanions']);
      });
      expect(warnings.join('\n')).to.contain('registration.maxCompanions');
    });
  });

  describe('inline script and property', () => {
    it('reads an inline <script type="application/json"> child', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe
        ><script type="application/json">
          ${inlineEvent('inline', 'Inline bijeenkomst')}
        </script></source-probe
      >`);
      await waitUntil(() => el.source.event);
      expect(stateText(el)).to.equal('Inline bijeenkomst');
    });

    it('picks up an inline script the parser adds after the element upgraded', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe></source-probe>`);
      expect(stateText(el)).to.equal('empty');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = inlineEvent('late', 'Laat geparst');
      el.append(script);
      await waitUntil(() => el.source.event, 'late inline script read');
      expect(stateText(el)).to.equal('Laat geparst');
      script.textContent = inlineEvent('late', 'Vervangen tekst');
      await waitUntil(() => stateText(el) === 'Vervangen tekst', 'changed script text read');
    });

    it('reports inline JSON that does not parse', async () => {
      await captureWarnings(async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const failed = oneEvent(wrapper, 'bijeen-data-error');
        wrapper.innerHTML = '<source-probe><script type="application/json">{ nope</script></source-probe>';
        const { detail } = (await failed) as CustomEvent<DataErrorDetail>;
        expect(detail.message).to.contain('<script type="application/json">');
      });
    });

    it('validates the event property and fires bijeen-load after rendering it', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe></source-probe>`);
      const loaded = oneEvent(el, 'bijeen-load');
      el.event = JSON.parse(inlineEvent('prop', 'Via property'));
      await loaded;
      expect(stateText(el)).to.equal('Via property');
    });

    it('applies the precedence src < inline < property, and falls back when a source goes away', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe src=${feed('valid')}
        ><script type="application/json">
          ${inlineEvent('inline', 'Inline wint van src')}
        </script></source-probe
      >`);
      await waitUntil(() => el.source.event);
      expect(stateText(el)).to.equal('Inline wint van src');
      el.event = JSON.parse(inlineEvent('prop', 'Property wint van inline'));
      await el.updateComplete;
      expect(stateText(el)).to.equal('Property wint van inline');
      el.event = undefined;
      await el.updateComplete;
      expect(stateText(el)).to.equal('Inline wint van src');
      el.querySelector('script')!.remove();
      await waitUntil(() => stateText(el) === 'Testbijeenkomst valid', 'falls back to src', ROUND_TRIP);
      expect((await feedLog()).length).to.equal(1);
    });

    it('takes an event this library validated already as it is, without parsing it again', async () => {
      const first = await fixture<SourceProbe>(html`<source-probe src=${feed('valid')}></source-probe>`);
      await waitUntil(() => first.source.event, 'event loaded', ROUND_TRIP);
      const second = await fixture<SourceProbe>(html`<source-probe></source-probe>`);
      second.event = first.source.event;
      await second.updateComplete;
      // parseEvent builds new objects: the same object means no second pass, so URLs resolved
      // against the JSON's address stay as they are.
      expect(second.source.event).to.equal(first.source.event);
      expect(second.source.event!.url).to.equal(new URL('/feeds/lees-meer.html', location.href).href);
    });

    it('hands out validated events frozen, so nothing unchecked can be written into them', async () => {
      const first = await fixture<SourceProbe>(html`<source-probe src=${feed('valid')}></source-probe>`);
      const { detail } = await oneEvent(first, 'bijeen-load');
      const event = detail.event as { url?: string; location: { city?: string } };
      // Module code is strict: writing to a frozen object throws.
      expect(() => (event.url = 'javascript:alert(1)')).to.throw(TypeError);
      expect(() => (event.location.city = '<img src=x onerror=alert(1)>')).to.throw(TypeError);
      expect(event.url).to.equal(new URL('/feeds/lees-meer.html', location.href).href);
    });

    it('does not update for light-DOM children that are not JSON scripts (e.g. the card\'s JSON-LD)', async () => {
      const el = await fixture<SourceProbe>(html`<source-probe
        ><script type="application/json">
          ${inlineEvent('inline', 'Stil')}
        </script></source-probe
      >`);
      await waitUntil(() => el.source.event);
      await el.updateComplete;
      const before = el.renders;
      const ld = document.createElement('script');
      ld.type = 'application/ld+json';
      ld.textContent = '{}';
      el.append(ld, document.createElement('p'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.renders).to.equal(before);
    });
  });
});
