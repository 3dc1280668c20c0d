/**
 * The events this endpoint serves: every `*.json` in `EVENTS_DIR`, validated with `parseEvent` at
 * start-up. Invalid files are logged and skipped; so is a second file with an id already taken
 * (files are read in name order). The map is in date order, for the list and the agenda. Restart
 * the server to pick up changed files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { issueText, parseEvent, registrationStatus, time, type EventData } from '../../src/schema/index.js';
import type { ClosedReason } from './messages.js';
import { placesFor, type PlaceLimits, type Taken } from './store.js';

export interface LoadedEvent {
  /** Validated, defaults filled in, URLs absolute (resolved against a stand-in API origin): for rules. */
  data: EventData;
  /** The file's own JSON object, served as is (URLs stay relative to the API) with a live `remaining`. */
  raw: Record<string, unknown>;
  file: string;
  /** When the file last changed (ms since the epoch): the calendar feed's LAST-MODIFIED and DTSTAMP. */
  modified: number;
  /**
   * Places this server may hand out, as of start-up: `remaining` as written in the file, else
   * `capacity`; `undefined` when the file sets neither (no limit). A file's `remaining` below its
   * `capacity` counts places taken elsewhere (e.g. by e-mail): `capacity: 25, remaining: 0` is full
   * from the start, and `remaining: 2` without a capacity gives two places.
   */
  placesHere: number | undefined;
  /** Of those, the places for non-members, the same way: `nonMemberRemaining`, else `nonMemberPlaces`. */
  nonMemberPlacesHere: number | undefined;
}

/** Only for validating relative URLs; the files' URLs are served unchanged. */
const STAND_IN_BASE = 'http://localhost/api/events/';

export function loadEvents(dir: string, log: (line: string) => void = console.error): Map<string, LoadedEvent> {
  const events = new Map<string, LoadedEvent>();
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    log(`events: cannot read ${dir}: ${(error as Error).message}`);
    return events;
  }
  for (const file of files) {
    let raw: unknown;
    let modified: number;
    try {
      modified = Math.floor(statSync(join(dir, file)).mtimeMs);
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      log(`events: skipped ${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const result = parseEvent(raw, { baseUrl: STAND_IN_BASE, locale: 'en' });
    if (!result.success) {
      log(`events: skipped ${file}: ${result.issues.map(issueText).join('; ')}`);
      continue;
    }
    const data = result.data;
    if (events.has(data.id)) {
      log(`events: skipped ${file}: id "${data.id}" is already used by ${events.get(data.id)!.file}`);
      continue;
    }
    const { capacity, remaining, nonMemberPlaces, nonMemberRemaining } = data.registration ?? {};
    events.set(data.id, {
      data,
      raw: raw as Record<string, unknown>,
      file,
      modified,
      placesHere: remaining ?? capacity,
      nonMemberPlacesHere: nonMemberRemaining ?? nonMemberPlaces,
    });
  }
  // Sorted once here: a Map iterates in insertion order. The sort is stable, so events that start
  // together stay in file-name order.
  return new Map([...events].sort(([, a], [, b]) => time(a.data.start) - time(b.data.start)));
}

/**
 * The event with its file's relative URLs resolved against this endpoint's public address (as for
 * a card that loads the JSON from here), for what leaves the server: calendar files and mails.
 */
export function resolvedAt(event: LoadedEvent, apiBase: URL): EventData {
  // Validated at start-up; parsed again only to resolve its URLs against this address.
  const result = parseEvent(event.raw, { baseUrl: new URL('/api/events/', apiBase).href, locale: 'en' });
  return result.success ? result.data : event.data;
}

/** The place limits the store decides by. */
export function placeLimits(event: LoadedEvent): PlaceLimits {
  return { capacity: event.placesHere, nonMemberCapacity: event.nonMemberPlacesHere };
}

/**
 * The file's JSON with the live counts: `registration.remaining` (when the event has a capacity)
 * and `registration.nonMemberRemaining` (when it has non-member places; never more than
 * `remaining`), as `placesFor` gives them to a member and to a non-member.
 */
export function liveEvent(event: LoadedEvent, taken: Taken): Record<string, unknown> {
  const registration = event.raw.registration;
  if (typeof registration !== 'object' || registration === null) return event.raw;
  const limits = placeLimits(event);
  const live: Record<string, number> = {};
  if (limits.capacity !== undefined) live.remaining = placesFor(true, taken, limits).left;
  if (limits.nonMemberCapacity !== undefined) live.nonMemberRemaining = placesFor(false, taken, limits).left;
  return { ...event.raw, registration: { ...registration, ...live } };
}

const CLOSED: ReadonlySet<string> = new Set<ClosedReason>(['not-open', 'closed', 'past', 'cancelled', 'postponed']);

/** Why registration is closed at `now`, or `undefined` when it is open: the rules the card and form use. */
export function closedReason(event: EventData, now: number): ClosedReason | undefined {
  const status = registrationStatus(event, now);
  return status && CLOSED.has(status) ? (status as ClosedReason) : undefined;
}

/**
 * The event's limits for promoting its waiting list at `now`, or `undefined` when nobody should be
 * promoted any more: the event is past, cancelled or postponed, or takes no registrations. A closed
 * registration window still promotes: a place given back the day before goes to the next in line.
 */
export function promotionLimits(event: LoadedEvent | undefined, now: number): PlaceLimits | undefined {
  if (!event?.data.registration) return undefined;
  const status = registrationStatus(event.data, now);
  if (status === 'past' || status === 'cancelled' || status === 'postponed') return undefined;
  return placeLimits(event);
}
