/**
 * `bijeen/text`: the words and dates the elements show, for a server that must say the same
 * thing in the same way (the reference endpoint's "not open yet" refusal, a server-rendered
 * event page, a calendar feed with the card's UIDs, a confirmation mail with the form's field
 * names, the card's place line and map link), and `jsonScript()`, the inline JSON a
 * server-rendered element takes its event from in the browser. Registers nothing, needs no DOM;
 * runs in browsers and on Node 20.
 */
export { toLocale, type Locale, type Localized } from './i18n/index.js';
export { cardMessages, type CardMessages } from './i18n/card.js';
export { eventListMessages, type EventListMessages } from './i18n/event-list.js';
export { formMessages } from './i18n/form.js';
export { schemaMessages, type SchemaMessages } from './i18n/schema.js';
export { formatMoment, formatRange, opensAtSentence } from './internal/format-date.js';
export { calendarFile, eventUid, type CalendarOptions } from './components/event-card/calendar.js';
export { addressLine, placeLine } from './components/event-card/place.js';
export { jsonScript } from './internal/json.js';
export { mapUrl, type MapMode, type MapProvider, type MapTarget } from './components/map-link/map-urls.js';
