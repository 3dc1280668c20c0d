/**
 * The rules that decide one registration, the same for every store: an idempotent retry gets its
 * first answer, a reused key is refused, one person holds one place per event, an organisation
 * brings no more companions than `maxCompanionsPerOrganisation`, and the capacity and the
 * non-members' places (`fits()`) decide between confirmed, the waiting list and full; with double
 * opt-in, between `pending` and `pending-waitlist`.
 *
 * `decide()` reads what it needs through `DecisionFacts` and writes nothing: the store calls it
 * inside its transaction, with facts that include every registration committed before and every
 * one decided earlier in the same transaction, then stores the `NewRegistration` it returns, with
 * the access token and mails `input.notify` gives for it.
 */
import type { RegistrationPayload } from '../../src/schema/index.js';
import { organisationKey } from './organisation.js';
import { answeredStatus, fits, normaliseEmail, placeRequest, placesFor, withRequest } from './store.js';
import type { Outcome, RegisterInput, StoredRegistration, StoredResponse, Taken } from './store.js';

/** What a decision reads, as it stands at that moment inside the store's transaction. */
export interface DecisionFacts {
  /** The first answer given for an idempotency key, with the hash of the payload it answered. */
  earlier(key: string): { payloadHash: string; response: StoredResponse } | undefined;
  /** Whether a (normalised) address already holds a place for the event, as attendee or companion of a live registration. */
  holdsPlace(eventId: string, email: string): boolean;
  /** Places taken (confirmed, and held by pending registrations) of the event, erased ones included. */
  taken(eventId: string): Taken;
  /** Companions the organisation (`organisationKey()`) brings to the event over its live registrations. */
  organisationCompanions(eventId: string, organisation: string): number;
}

/** The statuses a new registration can get. */
export type NewStatus = 'confirmed' | 'waitlisted' | 'pending' | 'pending-waitlist';

/** A registration to store: one row, and one person per address (attendee first). */
export interface NewRegistration {
  id: string;
  eventId: string;
  idempotencyKey: string;
  payloadHash: string;
  status: NewStatus;
  places: number;
  /** The attendee's normalised address. */
  email: string;
  /** The answer to the member question, `undefined` when it was not asked. */
  member: boolean | undefined;
  /** `organisationKey()` of the attendee, `undefined` when there is nothing to match by. */
  organisation: string | undefined;
  /** Every normalised address that takes a place: the attendee, then each companion. */
  people: string[];
  payload: RegistrationPayload;
  response: StoredResponse;
  createdAt: string;
  /** Double opt-in: until when it waits for its confirmation (ISO). */
  confirmBy: string | undefined;
}

/** A refusal or a replay, or a registration to store. */
export type Decision = { outcome: Exclude<Outcome, { kind: 'created' }> } | { created: NewRegistration };

export function decide(input: RegisterInput, facts: DecisionFacts): Decision {
  const { payload, eventId } = input;
  const earlier = facts.earlier(payload.idempotencyKey);
  if (earlier) {
    return { outcome: earlier.payloadHash === input.payloadHash ? { kind: 'replay', response: earlier.response } : { kind: 'key-conflict' } };
  }
  const email = normaliseEmail(payload.attendee.email);
  if (facts.holdsPlace(eventId, email)) return { outcome: { kind: 'duplicate' } };
  const seen = new Set([email]);
  const repeated: number[] = [];
  const registered: number[] = [];
  payload.companions.forEach((companion, index) => {
    const address = normaliseEmail(companion.email);
    if (seen.has(address)) repeated.push(index);
    else if (facts.holdsPlace(eventId, address)) registered.push(index);
    seen.add(address);
  });
  if (repeated.length + registered.length > 0) return { outcome: { kind: 'companions-refused', repeated, registered } };

  const organisation = organisationKey(payload.attendee);
  const { maxCompanionsPerOrganisation: maxPerOrganisation } = input;
  if (maxPerOrganisation !== undefined && organisation !== undefined && payload.companions.length > 0) {
    const left = Math.max(0, maxPerOrganisation - facts.organisationCompanions(eventId, organisation));
    if (payload.companions.length > left) return { outcome: { kind: 'organisation-limit', left } };
  }

  const request = placeRequest(payload);
  const taken = facts.taken(eventId);
  const optIn = input.confirmBy !== undefined;
  let status: NewStatus = optIn ? 'pending' : 'confirmed';
  if (!fits(input, taken, request)) {
    const { left, nonMemberCap } = placesFor(request.member, taken, input);
    if (!input.waitlist) return { outcome: { kind: 'full', remaining: left, nonMember: nonMemberCap } };
    status = optIn ? 'pending-waitlist' : 'waitlisted';
  }
  const id = crypto.randomUUID();
  return {
    created: {
      id,
      eventId,
      idempotencyKey: payload.idempotencyKey,
      payloadHash: input.payloadHash,
      status,
      places: request.places,
      email,
      member: payload.member,
      organisation,
      people: [...seen],
      payload,
      response: input.respond({ id, status: answeredStatus(status) }),
      createdAt: new Date().toISOString(),
      confirmBy: input.confirmBy,
    },
  };
}

/** The stored registration once `created` has its place in the table (`seq`). */
export function storedRegistration(created: NewRegistration, seq: number): StoredRegistration {
  const { id, eventId, status, places, createdAt, confirmBy, payload } = created;
  return { seq, id, eventId, status, places, createdAt, confirmBy, payload };
}

/**
 * `facts.taken()` once `registration` counts: what a store that keeps an event's places for a
 * whole batch adds after storing it. Confirmed and pending registrations hold places.
 */
export function takenWith(taken: Taken, registration: NewRegistration): Taken {
  const holds = registration.status === 'confirmed' || registration.status === 'pending';
  return holds ? withRequest(taken, { places: registration.places, member: registration.member }) : taken;
}
