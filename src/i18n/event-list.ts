import type { Localized } from './index.js';

const nl = {
  /** The list's accessible name when `label` is not set. */
  label: 'Bijeenkomsten',
  loading: 'De bijeenkomsten worden geladen.',
  empty: 'Er staan op dit moment geen bijeenkomsten gepland.',
  showMore: 'Toon meer',
  subscribe: 'Zet alle bijeenkomsten in uw agenda',
  /** Section headings when past events show too. */
  upcoming: 'Komende bijeenkomsten',
  past: 'Eerdere bijeenkomsten',
  /** Said politely by screen readers when a filter changes. */
  count: (count: number) =>
    count === 0 ? 'Geen bijeenkomsten gevonden.' : count === 1 ? '1 bijeenkomst gevonden.' : `${count} bijeenkomsten gevonden.`,
  /** For integrators (console and `bijeen-data-error`). */
  notList: 'verwacht een lijst van evenementen: { "events": [ … ] } of [ … ]',
  itemsLeftOut: (invalid: number, total: number) =>
    `${invalid} van de ${total} evenementen ${invalid === 1 ? 'klopt' : 'kloppen'} niet en ${invalid === 1 ? 'wordt' : 'worden'} weggelaten`,
  noValidItems: (total: number) => `geen van de ${total} evenementen klopt; de lijst toont de terugvalinhoud`,
  tooMany: (max: number) => `de lijst toont alleen de eerste ${max} evenementen`,
  badAttributes: 'ongeldige attributen, de lijst gebruikt de standaardwaarden',
};

const en: typeof nl = {
  label: 'Events',
  loading: 'Loading the events.',
  empty: 'There are no upcoming events.',
  showMore: 'Show more',
  subscribe: 'Add all events to your calendar',
  upcoming: 'Upcoming events',
  past: 'Past events',
  count: (count) => (count === 0 ? 'No events found.' : count === 1 ? '1 event found.' : `${count} events found.`),
  notList: 'expected a list of events: { "events": [ … ] } or [ … ]',
  itemsLeftOut: (invalid, total) => `${invalid} of the ${total} events ${invalid === 1 ? 'is' : 'are'} invalid and left out`,
  noValidItems: (total) => `none of the ${total} events is valid; the list shows its fallback content`,
  tooMany: (max) => `the list shows only the first ${max} events`,
  badAttributes: 'invalid attributes, the list uses the defaults',
};

export type EventListMessages = typeof nl;

/** `<bijeen-event-list>`. */
export const eventListMessages: Localized<EventListMessages> = { nl, en };
