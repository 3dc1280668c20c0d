import { fixture, html } from '@open-wc/testing';
import '../../../src/components/event-card/event-card.js';
import type { BijeenEventCard } from '../../../src/components/event-card/event-card.js';
import type { DataErrorDetail } from '../../../src/internal/events.js';
import type { EventInput } from '../../../src/schema/index.js';

export type { BijeenEventCard };

/** A clock inside the seed meeting's registration window (1 August 2018). */
export const AUGUST_2018 = new Date('2018-08-01T12:00:00+02:00');

export { parsed } from '../../fixtures/parse.js';

interface CardOptions {
  variant?: 'full' | 'teaser';
  lang?: string;
  now?: Date | number;
}

/** A card with `event` set as a property, rendered. */
export async function cardFor(event: EventInput, options: CardOptions = {}): Promise<BijeenEventCard> {
  return fixture<BijeenEventCard>(html`<bijeen-event-card
    .event=${event}
    .now=${options.now ?? AUGUST_2018}
    variant=${options.variant ?? 'full'}
    lang=${options.lang ?? 'nl'}
  ></bijeen-event-card>`);
}

export const shadow = (el: Element) => el.shadowRoot!;
export const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: Element, name: string) => [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
/** Text as a reader sees it: whitespace runs collapsed. */
export const textOf = (node: Node | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether the card currently shows an event (rather than loading, error or empty). */
export const rendered = (el: Element) => shadow(el).querySelector('article') !== null;

/** Whether the light-DOM fallback slot is shown. */
export const fallbackShown = (el: Element) => !shadow(el).querySelector('slot')!.hidden;

export { quietly } from '../../support/console.js';
export type { DataErrorDetail };
