/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// A real NL Design System theme from npm: Open Formulieren's design tokens. Its CSS only defines
// `--utrecht-*` tokens on `.openforms-theme`, so it changes nothing outside that class.
import '@open-formulieren/design-tokens/dist/index.css';
import '../src/index.js';
import type { EventInput } from '../src/schema/index.js';

// A future meeting that registers by e-mail, so the story works without a backend.
const meeting: EventInput = {
  id: 'thema-voorbeeld',
  title: 'Wat werkt in… wonen en zorg in de wijk',
  summary: 'Een middag over samenwerken tussen corporaties, gemeenten en zorgpartijen.',
  start: '2030-10-08T13:00:00+02:00',
  end: '2030-10-08T17:00:00+02:00',
  location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' },
  organizer: { name: 'Vakgemeenschap Wat Werkt in de Wijk', url: 'https://example.org/wat-werkt' },
  registration: { email: 'aanmelden@example.org', maxCompanions: 1, capacity: 60, remaining: 12 },
};

/**
 * One theme for every element: the global tokens (font, colours, accent, border, radius, spacing,
 * focus ring) set once on a wrapper, which every element reads, plus one element-specific token
 * each. See ARCHITECTURE.md ("Theming") and each element's `@cssproperty` list.
 */
const theme = [
  '--bijeen-font-family: Georgia, serif',
  '--bijeen-color: #1d2a3a',
  '--bijeen-accent-color: #6a1b5d',
  '--bijeen-accent-contrast-color: #ffffff',
  '--bijeen-border-color: #6a1b5d',
  '--bijeen-radius: 0',
  '--bijeen-spacing: 1.25rem',
  '--bijeen-focus-ring-color: #b3400a',
  '--bijeen-focus-ring-width: 4px',
  '--bijeen-link-color: #6a1b5d',
  '--bijeen-event-gap: 3rem',
  '--bijeen-event-card-background: #fbf8f3',
  '--bijeen-event-list-gap: 1.5rem',
  '--bijeen-registration-form-submit-background: #6a1b5d',
  '--bijeen-registration-form-submit-color: #ffffff',
  '--bijeen-map-link-hover-color: #1d2a3a',
].join(';');

const meta: Meta = {
  title: 'Theming/All elements',
};
export default meta;

/** Every element once: the map link in running text, a teaser card, the composite, the list. */
const elements = html`
  <p>
    Kaartlink in de lopende tekst:
    <bijeen-map-link address="Leeuweriksweg 12, 5402 XD Uden"></bijeen-map-link>
  </p>
  <bijeen-event-card variant="teaser" .event=${meeting} no-structured-data></bijeen-event-card>
  <bijeen-event .event=${meeting} no-structured-data></bijeen-event>
  <bijeen-event-list .events=${[meeting]} limit="1" calendar-href="https://example.org/api/events.ics" no-structured-data></bijeen-event-list>
`;

export const OneTheme: StoryObj = {
  render: () => html`<div style="${theme};background:#fff;padding:1.5rem;max-width:56rem">${elements}</div>`,
};

/**
 * The elements inside a page themed with NL Design System tokens (Open Formulieren's theme): the
 * primary button ("Aanmelden", the submit button), links, focus ring, font and text fields follow
 * the `--utrecht-*` tokens, with no `--bijeen-*` token set. README, "NL Design System", lists them.
 */
export const NlDesignSystem: StoryObj = {
  name: 'NL Design System theme',
  render: () => html`<div class="openforms-theme" style="background:#fff;padding:1.5rem;max-width:56rem">${elements}</div>`,
};

/** The same theme, with the page's own `--bijeen-*` tokens: those win over the theme's. */
export const NlDesignSystemWithBijeenTokens: StoryObj = {
  name: 'NL Design System theme, Bijeen tokens win',
  render: () => html`<div class="openforms-theme" style="${theme};background:#fff;padding:1.5rem;max-width:56rem">${elements}</div>`,
};
