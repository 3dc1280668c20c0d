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

/** The `.ics` file for one event; `now` becomes DTSTAMP. */
export function icsFile(event: EventData, now: number): string {
  const place = placeLine(event.location);
  const notes = details(event);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bijeen//Event card//NL',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${text(`${event.id}@${(event.url ? new URL(event.url) : location).hostname || 'bijeen.invalid'}`)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(time(event.start))}`,
    // Without DTEND the event lasts zero time (RFC 5545 3.6.1): nothing invented.
    event.end && `DTEND:${utc(time(event.end))}`,
    `SUMMARY:${text(event.title)}`,
    place && `LOCATION:${text(place)}`,
    notes && `DESCRIPTION:${text(notes)}`,
    event.url && `URL:${event.url}`,
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : event.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
    .map((line) => (line ? fold(line) + '\r\n' : ''))
    .join('');
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
