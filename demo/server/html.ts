/** HTML and words for the demo site's server-rendered parts (the agenda's fallback, the snippet builder). */
import { formatRange, type Locale } from '../../src/text.js';
import { time, type EventData } from '../../src/schema/index.js';

/** Text made safe for HTML: element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** "dinsdag 18 september 2018, 13.00–17.00 uur" in the event's own time zone, as the card writes it. */
export function eventDate(event: EventData, locale: Locale): string {
  return formatRange(time(event.start), time(event.end ?? event.start), locale, event.timeZone).join('');
}
