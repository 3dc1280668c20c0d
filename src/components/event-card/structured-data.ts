import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventData } from '../../schema/index.js';
import { setScriptText } from '../../internal/trusted-types.js';
import { toJson } from '../../internal/json.js';

const SCHEMA = 'https://schema.org/';

/**
 * The event as schema.org `Event` JSON-LD, ready for the text of a
 * `<script type="application/ld+json">`. Built with `toJson` (absent fields drop out; Prototype.js cannot bend it) and
 * with every `<` written as `\u003c`, so no text in the data can end the script element.
 */
export function structuredData(event: EventData): string {
  const { location: place, registration, organizer, status } = event;
  const physical = place?.name || place?.street || place?.city;
  const online = place?.online;
  const locations = [
    physical && {
      '@type': 'Place',
      name: place!.name,
      address: {
        '@type': 'PostalAddress',
        streetAddress: place!.street,
        postalCode: place!.postalCode,
        addressLocality: place!.city,
        addressCountry: place!.country,
      },
      geo: place!.lat === undefined ? undefined : { '@type': 'GeoCoordinates', latitude: place!.lat, longitude: place!.lon },
    },
    online && { '@type': 'VirtualLocation', url: online },
  ].filter(Boolean);
  return toJson({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    startDate: event.start,
    endDate: event.end,
    // EventScheduled, EventCancelled, EventPostponed
    eventStatus: `${SCHEMA}Event${status[0].toUpperCase()}${status.slice(1)}`,
    // The schema gives every location a name, street, city or online address.
    eventAttendanceMode: place && `${SCHEMA}${physical ? (online ? 'Mixed' : 'Offline') : 'Online'}EventAttendanceMode`,
    location: locations[1] ? locations : locations[0],
    image: event.image?.src,
    url: event.url,
    organizer: organizer && { '@type': 'Organization', name: organizer.name, url: organizer.url },
    offers: registration && {
      '@type': 'Offer',
      url: event.url,
      availability: SCHEMA + (registration.remaining === 0 ? 'SoldOut' : 'InStock'),
      validFrom: registration.opens,
    },
  }).replace(/</g, '\\u003c');
}

/**
 * Keeps one `<script type="application/ld+json">` child in its host's light DOM (where search
 * engines read it) in step with `getEvent()`; removes it when there is no event or the host leaves
 * the page. Touches the DOM only on a real change: the event source watches the host's children.
 */
export class StructuredDataController implements ReactiveController {
  private script?: HTMLScriptElement;
  /** The event the script holds: validated events are frozen, so the same object means the same JSON. */
  private written?: EventData;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly getEvent: () => EventData | undefined,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Puts the JSON-LD back when the host returns to the page.
    this.host.requestUpdate();
  }

  hostDisconnected() {
    this.script?.remove();
  }

  hostUpdated() {
    const event = this.host.isConnected ? this.getEvent() : undefined;
    if (!event) return void this.script?.remove();
    const script = (this.script ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' }));
    if (event !== this.written) {
      if (!setScriptText(script, structuredData(event))) return;
      this.written = event;
    }
    if (script.parentNode !== this.host) this.host.append(script);
  }
}
