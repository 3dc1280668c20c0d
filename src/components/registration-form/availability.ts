import { registrationStatus, type EventData, type RegistrationStatus } from '../../schema/index.js';

/**
 * Whether the form can take a registration at `now`: `none` when the event offers no route here
 * (no `registration`, or neither an endpoint nor an e-mail address); otherwise the shared
 * `registrationStatus` (the rules the card's badge and the reference endpoint use), where
 * "almost full" is simply open.
 */
export type Availability = 'none' | Exclude<RegistrationStatus, 'almost-full'>;

export function availability(event: EventData, now: number): Availability {
  const registration = event.registration;
  if (!registration?.endpoint && !registration?.email) return 'none';
  const status = registrationStatus(event, now) ?? 'open';
  return status === 'almost-full' ? 'open' : status;
}
