// Which language an element speaks: its own `lang`, the nearest ancestor's (across shadow roots),
// the document's, Dutch (src/internal/locale.ts).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/map-link/map-link.js';
import { resolveLocale } from '../../src/internal/locale.js';

/** Runs `test` with `<html lang>` set to `lang`, then puts the page's own back. */
async function withDocumentLang(lang: string, test: () => Promise<void>) {
  const original = document.documentElement.lang;
  document.documentElement.lang = lang;
  try {
    await test();
  } finally {
    document.documentElement.lang = original;
  }
}

describe('resolveLocale', () => {
  it('an ancestor’s lang wins over a different <html lang>', () =>
    withDocumentLang('en', async () => {
      const wrapper = await fixture(html`<section lang="nl"><p><span></span></p></section>`);
      expect(resolveLocale(wrapper.querySelector('span')!)).to.equal('nl');
    }));

  it('the element’s own lang wins over its ancestors and the document', () =>
    withDocumentLang('nl', async () => {
      const wrapper = await fixture(html`<section lang="nl"><span lang="en-GB"></span></section>`);
      expect(resolveLocale(wrapper.querySelector('span')!)).to.equal('en');
    }));

  it('crosses a shadow root to the host’s lang before the document’s', () =>
    withDocumentLang('nl', async () => {
      const host = await fixture(html`<div lang="en"></div>`);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      expect(resolveLocale(inner)).to.equal('en');
    }));

  it('falls back to <html lang>, then Dutch', async () => {
    await withDocumentLang('en', async () => {
      const wrapper = await fixture(html`<div><span></span></div>`);
      expect(resolveLocale(wrapper.querySelector('span')!)).to.equal('en');
    });
    await withDocumentLang('', async () => {
      const wrapper = await fixture(html`<div><span></span></div>`);
      expect(resolveLocale(wrapper.querySelector('span')!)).to.equal('nl');
    });
  });

  it('an element inside a Dutch block on an English page renders Dutch', () =>
    withDocumentLang('en', async () => {
      const wrapper = await fixture(html`<div lang="nl"><bijeen-map-link address="Leeuweriksweg 12, Uden"></bijeen-map-link></div>`);
      const el = wrapper.querySelector('bijeen-map-link')!;
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Bekijk op de kaart');
    }));
});
