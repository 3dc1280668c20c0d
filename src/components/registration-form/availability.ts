import { parseDateTime, type EventData } from '../../schema/index.js';

/**
 * Whether a registration can be made at `now`, derived from the event data alone:
 * - `none`: the event takes no registrations here (no `registration`, or neither an endpoint nor
 *   an e-mail address);
 * - `cancelled`, `past` (the event has ended; without `end`, once it started), `not-open` (before
 *   `registration.opens`), `closed` (from `registration.closes`, else from the start);
 * - `full` (`remaining: 0`), or `waitlist` when the event keeps a waiting list;
 * - `open`.
 * The first that applies wins, in this order.
 */
export type Availability = 'none' | 'cancelled' | 'past' | 'not-open' | 'closed' | 'full' | 'waitlist' | 'open';

const time = (value: string | undefined) => (value === undefined ? undefined : parseDateTime(value));

export function availability(event: EventData, now: number): Availability {
  const registration = event.registration;
  if (!registration || !(registration.endpoint || registration.email)) return 'none';
  if (event.status === 'cancelled') return 'cancelled';
  const start = time(event.start) ?? 0;
  if (now >= (time(event.end) ?? start)) return 'past';
  const opens = time(registration.opens);
  if (opens !== undefined && now < opens) return 'not-open';
  if (now >= (time(registration.closes) ?? start)) return 'closed';
  if (registration.remaining === 0) return registration.waitlist ? 'waitlist' : 'full';
  return 'open';
}
