// Registers every Bijeen element. Each element also has its own entry (bijeen/map-link, …).
export { BijeenMapLink } from './components/map-link/map-link.js';
export type * from './internal/events.js';
