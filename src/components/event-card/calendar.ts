import type { EventData } from '../../schema/index.js';
import { placeLine } from './place.js';
import { time } from '../../schema/index.js';

/**
 * "Add to calendar": an iCalendar file (RFC 5545) and links that open Google Calendar's and
 * Outlook on the web's new-event screen, filled in. Times are written in UTC (`…Z`): the simplest
 * correct form, no VTIMEZONE block needed; calendars show them in the reader's own zone.
 */

/** 2018-09-18T11:00:00Z (Outlook) */
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** 20180918T110000Z (iCalendar, Google) */
const utc = (ms: number) => iso(ms).replace(/[-:]/g, '');

/** TEXT value (RFC 5545 3.3.11): escape `\ ; ,` and line breaks; drop other control characters. */
const text = (value: string) =>
  value
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\r\n?|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');

/**
 * Folds a content line after 75 octets (RFC 5545 3.1): CRLF and one space, which counts toward the
 * next line's 75. Counts UTF-8 octets per code point, so a multi-byte character is never split.
 */
export function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    // UTF-8 length of one code point.
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

/** Summary, online address and event page, for the calendar entry's notes. */
const details = (event: EventData) =>
  [event.summary, event.location?.online, event.url].filter(Boolean).join('\n\n');

/**
 * The event's UID: its id at the host of its own page (`url`), else at `fallbackHost` (the card
 * uses the page it is on). The card's `.ics` and the reference endpoint's feed name an event alike,
 * so a calendar that has both sees one event.
 */
export function eventUid(event: EventData, fallbackHost: string): string {
  return `${event.id}@${(event.url ? new URL(event.url).hostname : fallbackHost) || 'bijeen.invalid'}`;
}

/** What a calendar file says besides its events. */
export interface CalendarOptions {
  /** DTSTAMP of each event: when this file was made (the card), or when the event last changed (a feed). */
  stamp: (event: EventData) => number;
  /** LAST-MODIFIED of each event, when known (a feed: the event file's time). */
  modified?: (event: EventData) => number;
  /** The host in UIDs for events without a `url`. */
  uidHost: string;
  /** A feed's name, for calendar apps (`NAME`, `X-WR-CALNAME`). */
  name?: string;
  /** How often a subscriber should fetch the feed again, an RFC 5545 duration such as `PT1H` (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`). */
  refresh?: string;
}

/** One event as VEVENT lines. */
function eventLines(event: EventData, { stamp, modified, uidHost }: CalendarOptions): (string | false | undefined)[] {
  const place = placeLine(event.location);
  const notes = details(event);
  return [
    'BEGIN:VEVENT',
    `UID:${text(eventUid(event, uidHost))}`,
    `DTSTAMP:${utc(stamp(event))}`,
    modified && `LAST-MODIFIED:${utc(modified(event))}`,
    `DTSTART:${utc(time(event.start))}`,
    // Without DTEND the event lasts zero time (RFC 5545 3.6.1): nothing invented.
    event.end && `DTEND:${utc(time(event.end))}`,
    `SUMMARY:${text(event.title)}`,
    place && `LOCATION:${text(place)}`,
    notes && `DESCRIPTION:${text(notes)}`,
    event.url && `URL:${event.url}`,
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : event.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** A calendar file (one VCALENDAR, RFC 5545) with the events, lines folded and ended with CRLF. */
export function calendarFile(events: readonly EventData[], options: CalendarOptions): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bijeen//Event card//NL',
    'METHOD:PUBLISH',
    options.name && `NAME:${text(options.name)}`,
    options.name && `X-WR-CALNAME:${text(options.name)}`,
    options.refresh && `REFRESH-INTERVAL;VALUE=DURATION:${options.refresh}`,
    options.refresh && `X-PUBLISHED-TTL:${options.refresh}`,
    ...events.flatMap((event) => eventLines(event, options)),
    'END:VCALENDAR',
  ]
    .map((line) => (line ? fold(line) + '\r\n' : ''))
    .join('');
}

/** The `.ics` file for one event, as the card hands it out; `now` becomes DTSTAMP. */
export function icsFile(event: EventData, now: number): string {
  return calendarFile([event], { stamp: () => now, uidHost: location.hostname });
}

const query = (params: Record<string, string>) =>
  Object.entries(params)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');

/** Links to Google Calendar's and Outlook on the web's "new event" screens. */
export function calendarLinks(event: EventData): { google: string; outlook: string } {
  const start = time(event.start);
  const end = event.end ? time(event.end) : start;
  const place = placeLine(event.location);
  const notes = details(event);
  return {
    google: `https://calendar.google.com/calendar/render?${query({
      action: 'TEMPLATE',
      text: event.title,
      dates: `${utc(start)}/${utc(end)}`,
      details: notes,
      location: place,
      ctz: event.timeZone,
    })}`,
    outlook: `https://outlook.office.com/calendar/deeplink/compose?${query({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: event.title,
      startdt: iso(start),
      enddt: iso(end),
      body: notes,
      location: place,
    })}`,
  };
}
