/**
 * An event and a registration as label–value pairs, in Dutch or English: what the confirmation mail
 * and the self-service page both show, written once. Field names are the form's own
 * (`formMessages` from `bijeen/text`), the date is the card's (`eventDate`, in the event's time
 * zone), the map link is the card's (`mapUrl`).
 */
import { formMessages, mapUrl, placeLine, type Locale } from '../../src/text.js';
import { answerKind, type EventData, type RegistrationPayload } from '../../src/schema/index.js';
import { eventDate } from './html.js';

/** A value: text, or an address (a link where links are possible, showing `text` when given; plain text shows the address). */
export type Value = string | { href: string; text?: string };
export type Fact = [label: string, value: Value];

const labels = {
  nl: { when: 'Wanneer', where: 'Waar', map: 'Kaart', showMap: 'Bekijk op de kaart', online: 'Online', more: 'Meer informatie' },
  en: { when: 'When', where: 'Where', map: 'Map', showMap: 'View on map', online: 'Online', more: 'More information' },
} satisfies Record<Locale, Record<string, string>>;

/** A value as plain text: a link is its address. */
export const valueText = (value: Value) => (typeof value === 'string' ? value : value.href);

/** A value in HTML (escaped with `escape`): a link shows its `text`, else its address. */
export function valueHtml(value: Value, escape: (text: string) => string): string {
  if (typeof value === 'string') return escape(value).replace(/\n/g, '<br>');
  return `<a href="${escape(value.href)}">${escape(value.text ?? value.href)}</a>`;
}

/** When, where (with a map link), online, more. */
export function eventFacts(event: EventData, locale: Locale): Fact[] {
  const text = labels[locale];
  const facts: Fact[] = [[text.when, eventDate(event, locale)]];
  const { location } = event;
  const place = location && placeLine({ ...location, online: undefined });
  if (location && place) {
    facts.push([text.where, place]);
    const target = location.lat !== undefined && location.lon !== undefined ? { lat: location.lat, lon: location.lon } : { address: place };
    facts.push([text.map, { href: mapUrl('osm', 'view', target), text: text.showMap }]);
  }
  if (location?.online) facts.push([text.online, { href: location.online }]);
  if (event.url) facts.push([text.more, { href: event.url }]);
  return facts;
}

function answerText(answer: unknown, locale: Locale): string {
  const words = formMessages[locale];
  if (Array.isArray(answer)) return answer.join(', ');
  if (typeof answer === 'boolean') return answer ? words.yes : words.no;
  return typeof answer === 'string' ? answer : '';
}

/** What a companion is called at the start of a line: "Samenwerkingspartner", else "Extra deelnemer". */
export function companionHeading(event: EventData, locale: Locale): string {
  const label = event.registration?.companionLabel ?? formMessages[locale].companion;
  return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
}

/** Everything the registrant filled in, companions included, in the form's words. */
export function registrationFacts(payload: RegistrationPayload, event: EventData, locale: Locale): Fact[] {
  const words = formMessages[locale];
  const settings = event.registration;
  const { attendee } = payload;
  const facts: Fact[] = [
    [words.name, attendee.name],
    [words.email, attendee.email],
    [words.organisation, attendee.organisation],
  ];
  if (attendee.role) facts.push([words.role, attendee.role]);
  if (attendee.phone) facts.push([words.phone, attendee.phone]);
  if (settings?.memberQuestion && payload.member !== undefined) facts.push([settings.memberQuestion, answerText(payload.member, locale)]);
  const heading = companionHeading(event, locale);
  payload.companions.forEach((companion, index) => {
    const who = [companion.name, companion.email, companion.organisation].filter(Boolean).join(', ');
    facts.push([`${heading} ${index + 1}`, who]);
  });
  for (const question of settings?.questions ?? []) {
    const answer = payload.answers[question.id];
    if (answer === undefined && answerKind(question) !== 'confirm') continue;
    facts.push([question.label, answerText(answer ?? false, locale)]);
  }
  if (payload.remarks) facts.push([words.remarks, payload.remarks]);
  return facts;
}
