export { BijeenEvent } from './components/event/event.js';
