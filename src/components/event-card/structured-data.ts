import type { ReactiveController, ReactiveControllerHost } from 'lit';
// Types only (a dev dependency): they check the JSON-LD's shape and ship nothing.
import type {
  Event as SchemaEvent,
  EventAttendanceModeEnumeration,
  EventStatusType,
  ItemList,
  Place,
  VirtualLocation,
  WithContext,
} from 'schema-dts';
import type { EventData } from '../../schema/index.js';
import { whenIdle } from '../../internal/idle.js';
import { setScriptText } from '../../internal/trusted-types.js';
import { scriptJson } from '../../internal/json.js';

const EVENT_STATUS: Record<EventData['status'], EventStatusType> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};

/** The event as schema.org locations: a place, an online address, or both. */
function locations(place: EventData['location']): (Place | VirtualLocation)[] {
  if (!place) return [];
  const found: (Place | VirtualLocation)[] = [];
  if (place.name || place.street || place.city) {
    found.push({
      '@type': 'Place',
      name: place.name,
      address: {
        '@type': 'PostalAddress',
        streetAddress: place.street,
        postalCode: place.postalCode,
        addressLocality: place.city,
        addressCountry: place.country,
      },
      geo: place.lat === undefined ? undefined : { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lon },
    });
  }
  if (place.online) found.push({ '@type': 'VirtualLocation', url: place.online });
  return found;
}

/** Offline, online or mixed, from the locations; none without a location. */
function attendanceMode(place: EventData['location']): EventAttendanceModeEnumeration | undefined {
  if (!place) return undefined;
  // The schema gives every location a name, street, city or online address.
  const physical = Boolean(place.name || place.street || place.city);
  if (physical && place.online) return 'https://schema.org/MixedEventAttendanceMode';
  return physical ? 'https://schema.org/OfflineEventAttendanceMode' : 'https://schema.org/OnlineEventAttendanceMode';
}

/** One event as a schema.org `Event` (absent fields stay `undefined` and drop out of the JSON). */
function eventLd(event: EventData): SchemaEvent {
  const { registration, organizer } = event;
  const where = locations(event.location);
  return {
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    startDate: event.start,
    endDate: event.end,
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: attendanceMode(event.location),
    location: where.length > 1 ? where : where[0],
    image: event.image?.src,
    url: event.url,
    organizer: organizer && { '@type': 'Organization', name: organizer.name, url: organizer.url },
    offers: registration && {
      '@type': 'Offer',
      url: event.url,
      availability: registration.remaining === 0 ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      validFrom: registration.opens,
    },
  };
}

/** JSON-LD ready for the text of a `<script type="application/ld+json">` (absent fields drop out). */
const jsonLd = (data: WithContext<SchemaEvent | ItemList>) => scriptJson(data);

/** The event as schema.org `Event` JSON-LD (the card, the composite). */
export function structuredData(event: EventData): string {
  return jsonLd({ '@context': 'https://schema.org', ...eventLd(event) } as WithContext<SchemaEvent>);
}

/** Events as one schema.org `ItemList` of `Event`s, in the order shown (the list). */
export function itemListData(events: readonly EventData[]): string {
  return jsonLd({
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    numberOfItems: events.length,
    itemListElement: events.map((event, index) => ({ '@type': 'ListItem', position: index + 1, item: eventLd(event) })),
  });
}

/** Controllers whose JSON-LD waits to be written, all in one idle callback. */
const pending = new Set<{ write(): void }>();

/** Whether the idle callback of this moment already waited once for a page that was not idle. */
let waited = false;

/**
 * Writes every waiting script. When the second ran out before the page was idle, the page was
 * busy all that time: often with the very cards that asked (an agenda of 200 renders in one task
 * that can last longer than a second). Then the scripts wait once more for an idle moment (again
 * at most a second), so that the cards show in the next frame, before their 200 scripts are written.
 */
const writePending = (deadline?: IdleDeadline) => {
  if (deadline?.didTimeout && !waited) {
    waited = true;
    return whenIdle(writePending);
  }
  waited = false;
  pending.forEach((controller) => controller.write());
};

/**
 * Keeps one `<script type="application/ld+json">` child in its host's light DOM (where search
 * engines read it) in step with `getData()`, written by `toText` (`structuredData` for an event,
 * `itemListData` for a list); removes it at once when there is no data or the host leaves the page.
 *
 * The script is for search engines, not for the visitor: it is written when the page is next idle
 * (`requestIdleCallback`, at most a second later, or two when the page was busy, see
 * `writePending`), for every element of that moment together, so an agenda of 200 cards shows
 * before its 200 scripts are written. Touches the DOM only on a real change: the event source
 * watches the host's children.
 */
export class StructuredDataController<Data extends object> implements ReactiveController {
  private script?: HTMLScriptElement;
  /** The data the script holds: validated events are frozen, so the same object means the same JSON. */
  private written?: Data;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly getData: () => Data | undefined,
    private readonly toText: (data: Data) => string,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Puts the JSON-LD back when the host returns to the page.
    this.host.requestUpdate();
  }

  hostDisconnected() {
    this.write();
  }

  hostUpdated() {
    // Removed at once, written when the page is idle.
    if (!this.data()) return this.write();
    if (!pending.size) whenIdle(writePending);
    pending.add(this);
  }

  /** The data to write: none once the host has left the page. */
  private data(): Data | undefined {
    return this.host.isConnected ? this.getData() : undefined;
  }

  /** Brings the script in step with the data of this moment (the host may have changed since it asked). */
  write() {
    pending.delete(this);
    const data = this.data();
    if (!data) return void this.script?.remove();
    const script = (this.script ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' }));
    if (data !== this.written) {
      if (!setScriptText(script, this.toText(data))) return;
      this.written = data;
    }
    if (script.parentNode !== this.host) this.host.append(script);
  }
}
