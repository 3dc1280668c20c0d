export { BijeenEventCard } from './components/event-card/event-card.js';
