/**
 * The rules that decide one registration, the same for every store: an idempotent retry gets its
 * first answer, a reused key is refused, one person holds one place per event, an organisation
 * brings no more companions than `maxCompanionsPerOrganisation`, and the capacity and the
 * non-members' places (`placesFor()`) decide between confirmed, the waiting list and full.
 *
 * `decide()` reads what it needs through `DecisionFacts` and writes nothing: the store calls it
 * inside its transaction, with facts that include every registration committed before and every
 * one decided earlier in the same transaction, then stores the `NewRegistration` it returns.
 */
import type { RegistrationPayload } from '../../src/schema/index.js';
import { organisationKey } from './organisation.js';
import { normaliseEmail, placesFor } from './store.js';
import type { Outcome, RegisterInput, RegistrationStatus, StoredResponse, Taken } from './store.js';

/** What a decision reads, as it stands at that moment inside the store's transaction. */
export interface DecisionFacts {
  /** The first answer given for an idempotency key, with the hash of the payload it answered. */
  earlier(key: string): { payloadHash: string; response: StoredResponse } | undefined;
  /** Whether a (normalised) address already holds a place for the event, as attendee or companion. */
  holdsPlace(eventId: string, email: string): boolean;
  /** Places taken by confirmed registrations of the event, erased ones included. */
  taken(eventId: string): Taken;
  /** Companions the organisation (`organisationKey()`) brings to the event, confirmed or waiting. */
  organisationCompanions(eventId: string, organisation: string): number;
}

/** A registration to store: one row, and one person per address (attendee first). */
export interface NewRegistration {
  id: string;
  eventId: string;
  idempotencyKey: string;
  payloadHash: string;
  status: RegistrationStatus;
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
}

export function decide(input: RegisterInput, facts: DecisionFacts): { outcome: Outcome; created?: NewRegistration } {
  const { payload, eventId } = input;
  const earlier = facts.earlier(payload.idempotencyKey);
  if (earlier) {
    const outcome: Outcome =
      earlier.payloadHash === input.payloadHash ? { kind: 'replay', response: earlier.response } : { kind: 'key-conflict' };
    return { outcome };
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

  const places = 1 + payload.companions.length;
  let status: RegistrationStatus = 'confirmed';
  const { left, nonMemberCap } = placesFor(payload.member, facts.taken(eventId), input);
  if (places > left) {
    if (!input.waitlist) return { outcome: { kind: 'full', remaining: left, nonMember: nonMemberCap } };
    status = 'waitlisted';
  }
  const registration = { id: crypto.randomUUID(), status };
  const response = input.respond(registration);
  return {
    outcome: { kind: 'created', response, registration },
    created: {
      id: registration.id,
      eventId,
      idempotencyKey: payload.idempotencyKey,
      payloadHash: input.payloadHash,
      status,
      places,
      email,
      member: payload.member,
      organisation,
      people: [...seen],
      payload,
      response,
      createdAt: new Date().toISOString(),
    },
  };
}

/**
 * `facts.taken()` once `registration` counts: what a store that keeps an event's places for a
 * whole batch adds after storing it.
 */
export function takenWith(taken: Taken, registration: NewRegistration): Taken {
  if (registration.status !== 'confirmed') return taken;
  return {
    places: taken.places + registration.places,
    nonMemberPlaces: taken.nonMemberPlaces + (registration.member === false ? registration.places : 0),
  };
}
