// Registers every Bijeen element. Each element also has its own entry (bijeen/map-link, …).
export { BijeenEventCard } from './components/event-card/event-card.js';
export { BijeenEventList } from './components/event-list/event-list.js';
export { BijeenMapLink } from './components/map-link/map-link.js';
export { BijeenRegistrationForm } from './components/registration-form/registration-form.js';
export { BijeenEvent } from './components/event/event.js';
export type * from './internal/events.js';
export type { ElementState } from './internal/bijeen-element.js';
