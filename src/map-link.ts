export { BijeenMapLink } from './components/map-link/map-link.js';
