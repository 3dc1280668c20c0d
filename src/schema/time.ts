/**
 * Date-time and time-zone rules for event data. Hand-written rather than `z.iso.datetime()` so
 * that a feed may leave out the seconds (`2018-09-18T13:00+02:00`, valid ISO 8601) and so that
 * impossible dates (30 February) fail instead of rolling over the way `Date.parse` does.
 */
import { remembered } from './remembered.js';

// Date, `T`, hh:mm, optional :ss with optional fraction, then `Z` or ±hh:mm; each part within its
// range (month 01–12, day 01–31, hour 00–23, minute and second 00–59). Anchored, no nested
// quantifiers: linear on hostile input.
const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/**
 * Milliseconds since the epoch for an ISO 8601 date-time with an offset (`Z` or ±hh:mm), or
 * `undefined` when the text is not one or names an impossible date or time.
 */
export const parseDateTime: (value: string) => number | undefined = remembered(readDateTime);

function readDateTime(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const part = (index: number) => Number(match[index] ?? 0);
  const date = new Date(0);
  date.setUTCFullYear(part(1), part(2) - 1, part(3));
  // A day the month does not have (30 February) rolls over into the next month.
  if (date.getUTCDate() !== part(3)) return undefined;
  date.setUTCHours(part(4), part(5), part(6), Number((match[7] ?? '').padEnd(3, '0').slice(0, 3)));
  const offset = (part(9) * 60 + part(10)) * 60_000;
  return date.getTime() - (match[8] === '-' ? -offset : offset);
}

/** Whether `value` is an ISO 8601 date-time with an offset that names a real moment. */
export function isDateTime(value: string): boolean {
  return parseDateTime(value) !== undefined;
}

// An IANA name (`Europe/Amsterdam`, `UTC`, `America/Argentina/Buenos_Aires`), not an offset
// (`+01:00`), which newer engines also accept but calendar files cannot name.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]{0,63}(?:\/[A-Za-z0-9_+-]{1,64}){0,3}$/;

/** The zone of an event that names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const formats = /* @__PURE__ */ new Map<string, Intl.DateTimeFormat>();

/**
 * The date formatter for a language and time zone, one per page: building an
 * `Intl.DateTimeFormat` is the slow part of formatting (the first one on a page loads ICU data,
 * ~80 ms at 4× CPU throttling). The card's dates and `isTimeZone` use the same one, so a Dutch
 * page builds one formatter per zone, not a second just to check the zone. Throws a `RangeError`
 * for a zone the platform does not know.
 */
export function zonedDateFormat(language: 'nl-NL' | 'en-GB', timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    // The full date and the short time give the parts weekday, day, month, year, hour and minute
    // in every ICU version.
    format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23', timeZone });
    formats.set(key, format);
  }
  return format;
}

/** Whether the platform knows `name`, a text of the right shape, as an IANA time zone. */
const knownZone = remembered((name) => {
  try {
    // Dutch: the language most pages show, so the card reuses this formatter.
    zonedDateFormat('nl-NL', name);
    return true;
  } catch {
    return false;
  }
});

/** Whether the platform knows `name` as an IANA time zone. */
export const isTimeZone = (name: string): boolean => ZONE_NAME.test(name) && knownZone(name);
