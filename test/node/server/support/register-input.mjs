// What the endpoint hands a store's `register()` after validation, for the store tests.
import { createHash } from 'node:crypto';

/** The payload's hash, as the endpoint computes it to tell a retry from a changed request. */
export const payloadHash = (payload) => createHash('sha256').update(JSON.stringify(payload)).digest('hex');

/**
 * A `RegisterInput` for `event` (a fixture) and `payload`: its capacity and waiting list, no
 * non-members' or per-organisation limit, no hold; `respond` answers `201 { id, status }` and
 * `notify` gives no token and no mail. `overrides` replaces any of these.
 */
export function registerInput(event, payload, overrides = {}) {
  return {
    eventId: event.id,
    payload,
    // Given, for a payload that cannot be written as JSON (the failure tests).
    payloadHash: overrides.payloadHash ?? payloadHash(payload),
    capacity: event.registration.capacity,
    nonMemberCapacity: undefined,
    maxCompanionsPerOrganisation: undefined,
    waitlist: event.registration.waitlist ?? false,
    confirmBy: undefined,
    respond: ({ id, status }) => ({ status: 201, body: { id, status } }),
    notify: () => ({ mails: [] }),
    ...overrides,
  };
}
