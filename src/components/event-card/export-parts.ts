import { REGISTRATION_STATUSES } from '../../schema/index.js';

/**
 * Every part of a `<bijeen-event-card>`, for an element that shows cards to pass on with
 * `exportparts` (the card's `base` renamed `card-base`, apart from the outer element's own).
 */
export const CARD_EXPORT_PARTS = ['base: card-base', 'title', 'date', 'link', 'button', 'badge', 'image', 'register']
  .concat(REGISTRATION_STATUSES.map((status) => `badge-${status}`))
  .join(', ');
