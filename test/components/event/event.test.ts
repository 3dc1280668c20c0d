import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/event/event.js';
import type { BijeenEvent } from '../../../src/components/event/event.js';
import type { DataErrorDetail } from '../../../src/internal/events.js';
import { captureWarnings, quietly } from '../../support/console.js';
import { find, idle } from '../../support/dom.js';
import { feed, feedLog, ROUND_TRIP } from '../../support/feeds.js';

async function loaded(el: BijeenEvent) {
  await waitUntil(() => find(el, 'bijeen-event-card'), 'card rendered', ROUND_TRIP);
  const card = find(el, 'bijeen-event-card')!;
  const form = find(el, 'bijeen-registration-form');
  await card.updateComplete;
  await form?.updateComplete;
  return { card, form };
}

describe('<bijeen-event>', () => {
  beforeEach(async () => {
    await fetch('/feeds/log?clear');
  });

  it('fetches once and renders the full card, then the form', async () => {
    const el = await fixture<BijeenEvent>(html`<bijeen-event src=${feed('with-registration')}></bijeen-event>`);
    const { card, form } = await loaded(el);
    expect(card.variant).to.equal('full');
    expect(form).to.be.instanceOf(HTMLElement);
    expect(card.compareDocumentPosition(form!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(await feedLog()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('renders no form for an event without registration', async () => {
    const el = await fixture<BijeenEvent>(html`<bijeen-event src=${feed('valid')}></bijeen-event>`);
    await loaded(el);
    expect(find(el, 'bijeen-registration-form')).to.equal(null);
  });

  it('fires bijeen-load once, for itself, not again for the inner card and form', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const loads: EventTarget[] = [];
    wrapper.addEventListener('bijeen-load', (event) => loads.push(event.target!));
    const el = document.createElement('bijeen-event');
    el.src = feed('with-registration');
    wrapper.append(el);
    await loaded(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).to.deep.equal([el]);
  });

  it('passes endpoint, format and map-provider through', async () => {
    const el = await fixture<BijeenEvent>(html`<bijeen-event
      src=${feed('with-registration')}
      endpoint="/elders/register"
      format="form"
      map-provider="google"
    ></bijeen-event>`);
    const { card, form } = await loaded(el);
    expect(form!.endpoint).to.equal('/elders/register');
    expect(form!.format).to.equal('form');
    expect(card.mapProvider).to.equal('google');
    expect(find<HTMLAnchorElement>(card, 'a.map-link')!.href).to.match(/^https:\/\/www\.google\.com\/maps\/search\//);
  });

  it('speaks the language of its lang attribute, inside card and form', async () => {
    const el = await fixture<BijeenEvent>(html`<bijeen-event lang="en" src=${feed('with-registration')}></bijeen-event>`);
    const { card, form } = await loaded(el);
    expect(card.locale).to.equal('en');
    expect(form!.locale).to.equal('en');
  });

  it('moves focus to the form\'s first field when "Aanmelden" is activated by keyboard', async () => {
    const el = await fixture<BijeenEvent>(html`<bijeen-event src=${feed('with-registration')}></bijeen-event>`);
    const { card, form } = await loaded(el);
    await waitUntil(() => find(card, '[part~="register"]'), '"Aanmelden" shown');
    find<HTMLElement>(card, '[part~="register"]')!.focus();
    const announced = oneEvent(el, 'bijeen-register');
    await sendKeys({ press: 'Enter' });
    await announced;
    await waitUntil(() => form!.shadowRoot!.activeElement, 'focus moved into the form');
    expect(form!.shadowRoot!.activeElement!.getAttribute('name')).to.equal('attendee.name');
  });

  it('keeps its fallback content visible when the data fails', async () => {
    const { warned } = await quietly(async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const failed = oneEvent(wrapper, 'bijeen-data-error');
      wrapper.innerHTML = `<bijeen-event src="${feed('missing')}"><a href="/agenda">Bekijk de agenda</a></bijeen-event>`;
      const el = wrapper.querySelector('bijeen-event')!;
      await failed;
      await el.updateComplete;
      expect(find(el, 'slot')!.hidden).to.equal(false);
      expect(find(el, 'bijeen-event-card')).to.equal(null);
    });
    expect(warned.length, 'a console warning for the integrator').to.be.above(0);
  });

  it("lets the inner form's report of a refused attribute through, once", async () => {
    const reports: DataErrorDetail[] = [];
    const warnings = await captureWarnings(async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.addEventListener('bijeen-data-error', (event) => reports.push((event as CustomEvent<DataErrorDetail>).detail));
      const el = document.createElement('bijeen-event');
      el.setAttribute('format', 'xml');
      el.src = feed('with-registration');
      wrapper.append(el);
      await loaded(el);
      await waitUntil(() => reports.length, 'the form reported', ROUND_TRIP);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(reports.map((report) => report.issues?.map((issue) => issue.path))).to.deep.equal([['format']]);
    expect(warnings.join('\n')).to.include('format: ');
  });

  it('passes on the card\'s badge-<status> parts and the form\'s retry part', async () => {
    const style = document.createElement('style');
    style.textContent = 'bijeen-event::part(badge-open) { outline: 3px solid rgb(1, 2, 3) }';
    document.head.append(style);
    try {
      const el = await fixture<BijeenEvent>(html`<bijeen-event src=${feed('with-registration')}></bijeen-event>`);
      const { card, form } = await loaded(el);
      const badge = find(card, '[part~="badge-open"]')!;
      expect(getComputedStyle(badge).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(form!.getAttribute('exportparts')!.split(/,\s*/)).to.include('retry');
    } finally {
      style.remove();
    }
  });
});

describe('<bijeen-event> structured data', () => {
  it('puts the schema.org JSON-LD in its own light DOM, once, and not inside the card', async () => {
    const el = await fixture<BijeenEvent>(html`<bijeen-event src=${feed('with-registration')}></bijeen-event>`);
    const { card } = await loaded(el);
    await el.updateComplete;
    await idle();
    const scripts = el.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    expect(JSON.parse(scripts[0].textContent!)['@type']).to.equal('Event');
    expect(card.querySelector('script[type="application/ld+json"]')).to.equal(null);
    el.remove();
    expect(el.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });
});
