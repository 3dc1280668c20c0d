export { BijeenEventList } from './components/event-list/event-list.js';
