import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/event-card/event-card.js';
import type { BijeenEventCard } from '../../../src/components/event-card/event-card.js';
import type { DataErrorDetail } from '../../../src/internal/events.js';
import type { EventInput } from '../../../src/schema/index.js';
import { REGISTRATION_OPEN } from '../../support/clock.js';
import { shadow } from '../../support/dom.js';

export type { BijeenEventCard };

export { REGISTRATION_OPEN } from '../../support/clock.js';

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
    .now=${options.now ?? REGISTRATION_OPEN}
    variant=${options.variant ?? 'full'}
    lang=${options.lang ?? 'nl'}
  ></bijeen-event-card>`);
}

export { find, findAll, idle, part, parts, shadow, textOf } from '../../support/dom.js';

/**
 * Opens "Zet in uw agenda" as a visitor does (a click on its summary) and resolves with the
 * `<details>` once its links are rendered: they are built when it first opens.
 */
export async function openCalendar(el: BijeenEventCard): Promise<HTMLDetailsElement> {
  const details = shadow(el).querySelector('details')!;
  const toggled = oneEvent(details, 'toggle');
  details.querySelector('summary')!.click();
  await toggled;
  await el.updateComplete;
  return details;
}

/** Whether the card currently shows an event (rather than loading, error or empty). */
export const rendered = (el: Element) => shadow(el).querySelector('article') !== null;

/** Whether the light-DOM fallback slot is shown. */
export const fallbackShown = (el: Element) => !shadow(el).querySelector('slot')!.hidden;

export { quietly } from '../../support/console.js';
export type { DataErrorDetail };
