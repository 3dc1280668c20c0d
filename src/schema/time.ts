/**
 * Date-time and time-zone rules for event data. Hand-written rather than `z.iso.datetime()` so
 * that a feed may leave out the seconds (`2018-09-18T13:00+02:00`, valid ISO 8601) and so that
 * impossible dates (30 February) fail instead of rolling over the way `Date.parse` does.
 */

// Date, `T`, hh:mm, optional :ss with optional fraction, then `Z` or ±hh:mm. Anchored, no nested
// quantifiers: linear on hostile input.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * Milliseconds since the epoch for an ISO 8601 date-time with an offset (`Z` or ±hh:mm), or
 * `undefined` when the text is not one or names an impossible date or time.
 */
export function parseDateTime(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = match[7] ?? '';
  const sign = match[8] === '-' ? -1 : 1;
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/** Whether `value` is an ISO 8601 date-time with an offset that names a real moment. */
export function isDateTime(value: string): boolean {
  return parseDateTime(value) !== undefined;
}

// An IANA name (`Europe/Amsterdam`, `UTC`, `America/Argentina/Buenos_Aires`), not an offset
// (`+01:00`), which newer engines also accept but calendar files cannot name.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]{0,63}(?:\/[A-Za-z0-9_+-]{1,64}){0,3}$/;

const zoneCache = /* @__PURE__ */ new Map<string, boolean>();

/** Whether the platform knows `name` as an IANA time zone. */
export function isTimeZone(name: string): boolean {
  if (!ZONE_NAME.test(name)) return false;
  let known = zoneCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat(undefined, { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(name, known);
  }
  return known;
}
