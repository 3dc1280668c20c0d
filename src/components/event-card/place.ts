import type { EventLocation } from '../../schema/index.js';

/** "Leeuweriksweg 12, 5402 XD Uden": street, then postal code and city; empty when neither. */
export function addressLine(location: EventLocation): string {
  const town = [location.postalCode, location.city].filter(Boolean).join(' ');
  return [location.street, town].filter(Boolean).join(', ');
}

/** The place in one line, for calendar files: name and address, else the online address. */
export function placeLine(location: EventLocation | undefined): string {
  if (!location) return '';
  return [location.name, addressLine(location)].filter(Boolean).join(', ') || (location.online ?? '');
}
