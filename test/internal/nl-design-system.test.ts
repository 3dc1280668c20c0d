import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { BijeenEventCard } from '../../src/components/event-card/event-card.js';
import type { BijeenMapLink } from '../../src/components/map-link/map-link.js';
import type { BijeenRegistrationForm } from '../../src/components/registration-form/registration-form.js';
import { udenMeeting } from '../fixtures/events.js';
import { REGISTRATION_OPEN } from '../support/clock.js';
import { find, part } from '../support/dom.js';

/**
 * A real NL Design System theme, as a public-sector site loads it: Open Formulieren's design
 * tokens (the npm package, unchanged), whose CSS defines the `--utrecht-*` tokens on
 * `.openforms-theme`. Every expected value is what the theme's own CSS resolves to on the page,
 * never a copied colour.
 */
const THEME_CSS = new URL('../../node_modules/@open-formulieren/design-tokens/dist/index.css', import.meta.url).href;
const THEME_CLASS = 'openforms-theme';

async function loadTheme() {
  if (document.querySelector(`link[href="${THEME_CSS}"]`)) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: THEME_CSS });
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error(`could not load ${THEME_CSS}`));
  });
  document.head.append(link);
  await loaded;
}

interface Page {
  wrapper: HTMLElement;
  card: BijeenEventCard;
  form: BijeenRegistrationForm;
  mapLink: BijeenMapLink;
}

/** Card, form and map link inside a wrapper with the theme's class and, optionally, a page's own `--bijeen-*` tokens. */
async function page(bijeenTokens = ''): Promise<Page> {
  const wrapper = await fixture<HTMLElement>(html`
    <div class=${THEME_CLASS} style=${bijeenTokens}>
      <bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN} no-structured-data></bijeen-event-card>
      <bijeen-registration-form .event=${udenMeeting} .now=${REGISTRATION_OPEN}></bijeen-registration-form>
      <p>Adres: <bijeen-map-link address="Leeuweriksweg 12, 5402 XD Uden"></bijeen-map-link></p>
    </div>
  `);
  const card = wrapper.querySelector('bijeen-event-card')!;
  const form = wrapper.querySelector('bijeen-registration-form')!;
  const mapLink = wrapper.querySelector('bijeen-map-link')!;
  await Promise.all([card.updateComplete, form.updateComplete, mapLink.updateComplete]);
  return { wrapper, card, form, mapLink };
}

/**
 * What `value` (usually `var(--utrecht-…)`) computes to for `property` in `wrapper`: set on a probe
 * element there, so colours and font lists come out in the same form as the elements' own. The
 * probe has a solid border and outline, else their widths compute to 0.
 */
function resolved(wrapper: HTMLElement, property: string, value: string): string {
  const probe = document.createElement('span');
  probe.style.borderStyle = 'solid';
  probe.style.outlineStyle = 'solid';
  probe.style.setProperty(property, value);
  wrapper.append(probe);
  const result = getComputedStyle(probe).getPropertyValue(property);
  probe.remove();
  return result;
}

const style = (el: Element | null) => getComputedStyle(el!);
const textField = (form: BijeenRegistrationForm) => find<HTMLInputElement>(form, 'input[name="attendee.name"]')!;

describe('NL Design System theme (Open Formulieren design tokens)', () => {
  before(loadTheme);

  it('the theme is loaded and its tokens differ from Bijeen’s defaults', async () => {
    const { wrapper } = await page();
    const token = (name: string) => getComputedStyle(wrapper).getPropertyValue(name).trim();
    for (const name of [
      '--utrecht-button-primary-action-background-color',
      '--utrecht-button-primary-action-color',
      '--utrecht-link-color',
      '--utrecht-focus-outline-color',
      '--utrecht-focus-outline-width',
      '--utrecht-document-font-family',
      '--utrecht-textbox-border-color',
      '--utrecht-textbox-border-width',
      '--utrecht-textbox-border-radius',
      '--utrecht-textbox-background-color',
    ]) {
      expect(token(name), name).to.not.equal('');
    }
    // Otherwise the checks below could pass on Bijeen's own defaults.
    expect(resolved(wrapper, 'background-color', 'var(--utrecht-button-primary-action-background-color)')).to.not.be.oneOf([
      'rgb(11, 92, 173)',
      'rgba(0, 0, 0, 0)',
    ]);
    expect(resolved(wrapper, 'outline-width', 'var(--utrecht-focus-outline-width)')).to.not.equal('3px');
    expect(resolved(wrapper, 'border-top-width', 'var(--utrecht-textbox-border-width)')).to.not.equal('2px');
  });

  it('the submit button and "Aanmelden" follow the primary button', async () => {
    const { wrapper, card, form } = await page();
    const background = resolved(wrapper, 'background-color', 'var(--utrecht-button-primary-action-background-color)');
    const color = resolved(wrapper, 'color', 'var(--utrecht-button-primary-action-color)');
    for (const button of [part(form, 'submit'), part(card, 'register')]) {
      expect(style(button).backgroundColor).to.equal(background);
      expect(style(button).color).to.equal(color);
    }
  });

  it('links follow the link colour', async () => {
    const { wrapper, mapLink, card } = await page();
    const color = resolved(wrapper, 'color', 'var(--utrecht-link-color)');
    expect(color).to.not.equal(style(wrapper).color);
    expect(style(find(mapLink, 'a')).color).to.equal(color);
    expect(style(part(card, 'link')).color).to.equal(color);
  });

  it('the focus ring follows the focus outline colour and width', async () => {
    const { wrapper, form } = await page();
    const field = textField(form);
    field.focus();
    expect(field.matches(':focus-visible')).to.equal(true);
    expect(style(field).outlineColor).to.equal(resolved(wrapper, 'outline-color', 'var(--utrecht-focus-outline-color)'));
    expect(style(field).outlineWidth).to.equal(resolved(wrapper, 'outline-width', 'var(--utrecht-focus-outline-width)'));
  });

  it('every element takes the document font', async () => {
    const { wrapper, card, form, mapLink } = await page();
    const font = resolved(wrapper, 'font-family', 'var(--utrecht-document-font-family)');
    expect(font).to.not.equal(style(wrapper).fontFamily);
    for (const el of [card, form, mapLink]) expect(style(el).fontFamily).to.equal(font);
    expect(style(textField(form)).fontFamily).to.equal(font);
  });

  it('text fields follow the textbox tokens', async () => {
    const { wrapper, form } = await page();
    const field = style(textField(form));
    expect(field.borderTopColor).to.equal(resolved(wrapper, 'border-top-color', 'var(--utrecht-textbox-border-color)'));
    expect(field.borderTopWidth).to.equal(resolved(wrapper, 'border-top-width', 'var(--utrecht-textbox-border-width)'));
    expect(field.borderTopLeftRadius).to.equal(resolved(wrapper, 'border-top-left-radius', 'var(--utrecht-textbox-border-radius)'));
    expect(field.backgroundColor).to.equal(resolved(wrapper, 'background-color', 'var(--utrecht-textbox-background-color)'));
    expect(field.color).to.equal(resolved(wrapper, 'color', 'var(--utrecht-textbox-color)'));
  });

  it('passes axe with the theme', async () => {
    const { wrapper } = await page();
    await expect(wrapper).to.be.accessible();
  });

  it('a --bijeen-* token the page sets wins over the theme', async () => {
    const { card, form, mapLink } = await page(
      [
        '--bijeen-font-family: Georgia, serif',
        '--bijeen-color: rgb(29, 42, 58)',
        '--bijeen-accent-color: rgb(106, 27, 93)',
        '--bijeen-accent-contrast-color: rgb(255, 255, 254)',
        '--bijeen-registration-form-submit-background: rgb(1, 2, 3)',
        '--bijeen-registration-form-submit-color: rgb(250, 251, 252)',
        '--bijeen-link-color: rgb(4, 5, 6)',
        '--bijeen-focus-ring-color: rgb(7, 8, 9)',
        '--bijeen-focus-ring-width: 5px',
        '--bijeen-border-color: rgb(10, 11, 12)',
        '--bijeen-radius: 7px',
        '--bijeen-registration-form-input-background: rgb(253, 252, 251)',
      ].join(';'),
    );
    expect(style(part(card, 'register')).backgroundColor).to.equal('rgb(106, 27, 93)');
    expect(style(part(card, 'register')).color).to.equal('rgb(255, 255, 254)');
    expect(style(part(form, 'submit')).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style(part(form, 'submit')).color).to.equal('rgb(250, 251, 252)');
    expect(style(find(mapLink, 'a')).color).to.equal('rgb(4, 5, 6)');
    expect(style(form).fontFamily).to.equal('Georgia, serif');
    const field = textField(form);
    field.focus();
    expect(style(field).outlineColor).to.equal('rgb(7, 8, 9)');
    expect(style(field).outlineWidth).to.equal('5px');
    expect(style(field).borderTopColor).to.equal('rgb(10, 11, 12)');
    expect(style(field).borderTopLeftRadius).to.equal('7px');
    expect(style(field).backgroundColor).to.equal('rgb(253, 252, 251)');
    expect(style(field).color).to.equal('rgb(29, 42, 58)');
  });

  it('outside the theme’s class, Bijeen’s own defaults apply', async () => {
    const { wrapper, card, form, mapLink } = await page();
    wrapper.classList.remove(THEME_CLASS);
    expect(style(part(card, 'register')).backgroundColor).to.equal('rgb(11, 92, 173)');
    expect(style(part(form, 'submit')).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(style(find(mapLink, 'a')).color).to.equal(style(wrapper).color);
    expect(style(form).fontFamily).to.equal(style(wrapper).fontFamily);
    const field = textField(form);
    field.focus();
    expect(style(field).outlineWidth).to.equal('3px');
    expect(style(field).borderTopWidth).to.equal('2px');
  });
});
