// Registers every Bijeen element. Each element also has its own entry (bijeen/map-link, …).
// The composite first: it puts every element's messages together, then imports the card. The
// card imports the map link after the schema, so the CDN bundle puts the map link's code and
// styles beside the card's, which repeat much of their text; gzip only finds repeats within
// 32 KB (measured: 0.25 KB less than with the map link first).
export { BijeenEvent } from './components/event/event.js';
export { BijeenEventCard } from './components/event-card/event-card.js';
export { BijeenMapLink } from './components/map-link/map-link.js';
export { BijeenRegistrationForm } from './components/registration-form/registration-form.js';
export type * from './internal/events.js';
