/**
 * `GET /api/events.ics`: the agenda as a calendar to subscribe to (RFC 5545), written by the same
 * module as the card's `.ics` file (`calendarFile` from `bijeen/text`), so each event has the same
 * UID in both. It holds every event still to come and those that ended in the last
 * `RECENT_DAYS` days (a subscriber sees a cancellation or a change of a meeting just held), cancelled
 * ones with `STATUS:CANCELLED`. DTSTAMP and LAST-MODIFIED are the event file's time, so the feed
 * reads the same until a file (or the set of events in the window) changes, and its ETag with it.
 */
import { createHash } from 'node:crypto';
import { calendarFile, type Locale } from '../../src/text.js';
import { agenda, endsAt, type EventData } from '../../src/schema/index.js';
import { resolvedAt, type LoadedEvent } from './events.js';
import { endpointMessages } from './messages.js';

/** Ended events stay in the feed this many days. */
export const RECENT_DAYS = 30;

/** How often a calendar app should fetch the feed again. */
const REFRESH = 'PT1H';

const DAY = 24 * 60 * 60 * 1000;

export interface CalendarFeed {
  body: string;
  /** A strong validator of `body`. */
  etag: string;
}

/**
 * The feed at `now` for `tags` (any of them; none: every event). `apiBase` is the feed's own
 * address: relative URLs in the event files resolve against it, as they do for a card that loads
 * the file's JSON from this endpoint.
 */
export function calendarFeed(
  events: Iterable<LoadedEvent>,
  { now, tags, apiBase, locale }: { now: number; tags: string[]; apiBase: URL; locale: Locale },
): CalendarFeed {
  const modified = new Map<EventData, number>();
  const resolved: EventData[] = [];
  for (const event of events) {
    const data = resolvedAt(event, apiBase);
    modified.set(data, event.modified);
    resolved.push(data);
  }
  const { upcoming, past } = agenda(resolved, now, tags);
  const recent = past.filter((event) => endsAt(event) > now - RECENT_DAYS * DAY);
  const name = endpointMessages(locale).calendarName(tags);
  const body = calendarFile([...upcoming, ...recent.reverse()], {
    stamp: (event) => modified.get(event)!,
    modified: (event) => modified.get(event)!,
    uidHost: apiBase.hostname,
    name,
    refresh: REFRESH,
  });
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
}
