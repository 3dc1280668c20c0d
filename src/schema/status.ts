import type { EventData, EventRegistration } from './event.js';
import { parseDateTime } from './time.js';

/**
 * Where an event stands for registration at a moment: the card's badge, the form's open or closed
 * state and the reference endpoint's refusals all read it from here. The first rule that applies
 * wins:
 *
 * 1. `cancelled`: `status` is `cancelled`;
 * 2. `postponed`: `status` is `postponed` (the date shown is no longer certain);
 * 3. `past`: the event has ended (`end`, or `start` when there is no end, lies before the clock);
 * 4. no registration at all: no badge (`undefined`);
 * 5. `not-open`: `registration.opens` lies after the clock;
 * 6. `closed`: `registration.closes` (or, without it, `start`) lies at or before the clock;
 * 7. `waitlist` / `full`: `remaining` is 0, with or without `waitlist`;
 * 8. `almost-full`: at most 10% of `capacity` remains, or at most 5 places and at most half;
 * 9. `open`.
 */
export const REGISTRATION_STATUSES = [
  'cancelled',
  'postponed',
  'past',
  'not-open',
  'closed',
  'full',
  'waitlist',
  'almost-full',
  'open',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Valid event data always has valid date-times; this turns one into epoch milliseconds. */
export const time = (iso: string): number => parseDateTime(iso)!;

/** When an event has ended: its end, or its start when it has none. */
export const endsAt = (event: EventData): number => time(event.end ?? event.start);

export function registrationStatus(event: EventData, now: number): RegistrationStatus | undefined {
  if (event.status !== 'scheduled') return event.status;
  if (endsAt(event) <= now) return 'past';
  const registration = event.registration;
  if (!registration) return undefined;
  const { opens, closes, capacity, remaining } = registration;
  if (opens && now < time(opens)) return 'not-open';
  if (time(closes ?? event.start) <= now) return 'closed';
  if (remaining === 0) return registration.waitlist ? 'waitlist' : 'full';
  if (
    remaining !== undefined &&
    ((capacity !== undefined && remaining * 10 <= capacity) ||
      (remaining <= 5 && (capacity === undefined || remaining * 2 <= capacity)))
  ) {
    return 'almost-full';
  }
  return 'open';
}

/**
 * Places a registration that answers the member question "no" can still take: `nonMemberRemaining`,
 * never more than `remaining` (non-member places are a cap within the capacity, not a reservation).
 * `undefined` when the data does not say.
 */
export function nonMemberPlacesLeft({ nonMemberRemaining, remaining }: Pick<EventRegistration, 'nonMemberRemaining' | 'remaining'>) {
  return nonMemberRemaining === undefined ? undefined : Math.min(nonMemberRemaining, remaining ?? nonMemberRemaining);
}
