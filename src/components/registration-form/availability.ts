import { parseDateTime, type EventData } from '../../schema/index.js';

/**
 * Whether a registration can be made at `now`, derived from the event data alone:
 * - `none`: the event takes no registrations here (no `registration`, or neither an endpoint nor
 *   an e-mail address);
 * - `cancelled`, `past` (the event has ended; without `end`, once it started), `not-open` (before
 *   `registration.opens`), `closed` (from `registration.closes`, else from the start);
 * - `full` (`remaining: 0`), or `waitlist` when the event keeps a waiting list;
 * - `open`.
 * The first that applies wins, in this order. (The card's badge, `event-card/status.ts`, reads the
 * same dates the same way.)
 */
export type Availability = 'none' | 'cancelled' | 'past' | 'not-open' | 'closed' | 'full' | 'waitlist' | 'open';

export function availability(event: EventData, now: number): Availability {
  const registration = event.registration;
  // Valid event data has valid date-times; a missing one reads as 0, "long ago".
  const time = (value?: string) => (value && parseDateTime(value)) || 0;
  const start = time(event.start);
  return !registration?.endpoint && !registration?.email
    ? 'none'
    : event.status === 'cancelled'
      ? 'cancelled'
      : now >= (time(event.end) || start)
        ? 'past'
        : now < time(registration.opens)
          ? 'not-open'
          : now >= (time(registration.closes) || start)
            ? 'closed'
            : registration.remaining === 0
              ? registration.waitlist
                ? 'waitlist'
                : 'full'
              : 'open';
}
