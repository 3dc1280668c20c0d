/**
 * What the reference endpoint asks of its database, whatever the engine (`main.ts` picks the
 * engine from the configuration). Every method is async, so an engine that talks to a server fits
 * the same interface as the embedded SQLite file.
 *
 * Every store keeps the same promises: `register()` decides and stores one registration atomically
 * (idempotency look-up, one person one place, the companions per organisation, capacity and the
 * non-members' places, insert), a registration that was answered with a 2xx is durable, and an
 * idempotency key stores at most one registration.
 *
 * Erasure (`erasePerson()`, `eraseEvent()`) is atomic too, and erased means gone: no query finds
 * the erased data once the promise resolves, and it takes its idempotency record with it. On
 * SQLite no copy stays in the database's files either (free pages, journal or write-ahead log);
 * PostgreSQL cannot overwrite freed space, and says so in `postgres-store.ts`.
 */
import type { RegistrationPayload } from '../../src/schema/index.js';

export type RegistrationStatus = 'confirmed' | 'waitlisted';

/** A stored answer: replayed as is for the same idempotency key. */
export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface StoredRegistration {
  seq: number;
  id: string;
  eventId: string;
  status: RegistrationStatus;
  places: number;
  createdAt: string;
  payload: RegistrationPayload;
}

/** What the transaction decided. */
export type Outcome =
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'key-conflict' }
  | { kind: 'duplicate' }
  /** Companions (by index) whose address is the attendee's or an earlier companion's, or already holds a place for the event. */
  | { kind: 'companions-refused'; repeated: number[]; registered: number[] }
  /** More companions than the attendee's organisation has left (`left`, of `maxCompanionsPerOrganisation`). */
  | { kind: 'organisation-limit'; left: number }
  /** Not enough places: `remaining` for this registration; `nonMember` when the non-members' cap is what ran out. */
  | { kind: 'full'; remaining: number; nonMember: boolean }
  | { kind: 'created'; response: StoredResponse; registration: { id: string; status: RegistrationStatus } };

/** Places taken by confirmed registrations: in all, and by those that answered the member question "no". */
export interface Taken {
  places: number;
  nonMemberPlaces: number;
}

/** The place limits of an event on this server; `undefined`: no limit. */
export interface PlaceLimits {
  /** Places this server may hand out in all (its confirmed registrations count against them). */
  capacity: number | undefined;
  /** Of those, the places registrations that answer the member question "no" may take. */
  nonMemberCapacity: number | undefined;
}

/**
 * The places a registration can still get: what is left of the capacity and, for one that answers
 * the member question "no", no more than is left of the non-members' places (a cap within the
 * capacity, not a reservation: members may take every place). `nonMemberCap` says that the
 * non-members' cap is the lower of the two. `Infinity` without limits. Every store decides with
 * this, and so does anything that confirms from the waiting list.
 */
export function placesFor(member: boolean | undefined, taken: Taken, limits: PlaceLimits): { left: number; nonMemberCap: boolean } {
  const left = limits.capacity === undefined ? Infinity : Math.max(0, limits.capacity - taken.places);
  if (member !== false || limits.nonMemberCapacity === undefined) return { left, nonMemberCap: false };
  const nonMembersLeft = Math.max(0, limits.nonMemberCapacity - taken.nonMemberPlaces);
  return nonMembersLeft < left ? { left: nonMembersLeft, nonMemberCap: true } : { left, nonMemberCap: false };
}

export interface RegisterInput extends PlaceLimits {
  eventId: string;
  payload: RegistrationPayload;
  /** Hash of the validated payload, to tell a retry from a reused key. */
  payloadHash: string;
  /**
   * Companions one organisation (`organisationKey()`) may bring over all its registrations that
   * hold or wait for a place, or `undefined` when unlimited. Waiting-list companions count, so
   * that confirming them later never breaks the limit.
   */
  maxCompanionsPerOrganisation: number | undefined;
  waitlist: boolean;
  /** Builds the 2xx body once the status and id are known. */
  respond: (registration: { id: string; status: RegistrationStatus }) => StoredResponse;
}

/** Where an address appears: as the attendee of a registration, or as one of its companions. */
export interface PersonEntry {
  role: 'attendee' | 'companion';
  registration: StoredRegistration;
}

/** What `erasePerson()` removed. */
export interface PersonErasure {
  /** Registrations deleted because the address was their attendee. */
  registrations: number;
  /** Companion entries removed from other people's registrations (those stay, one place smaller). */
  companions: number;
  /** Every event that lost a registration or a place: where the waiting list may move up. */
  eventIds: string[];
}

/** Registrations and the places they hold, per status. */
export type EventCounts = Record<RegistrationStatus, { registrations: number; places: number }>;

/** Rows of (status, registrations, places), as the stores' queries give them, added up per status. */
export function countsOf(rows: { status: RegistrationStatus; registrations: number; places: number }[]): EventCounts {
  const counts: EventCounts = { confirmed: { registrations: 0, places: 0 }, waitlisted: { registrations: 0, places: 0 } };
  for (const { status, registrations, places } of rows) {
    counts[status].registrations += registrations;
    counts[status].places += places;
  }
  return counts;
}

export interface RegistrationStore {
  /** The first answer given for an idempotency key, with the hash of the payload it answered. */
  findByKey(key: string): Promise<{ payloadHash: string; response: StoredResponse } | undefined>;
  /** Places taken by confirmed registrations made here, erased ones (`eraseEvent()`) included. */
  taken(eventId: string): Promise<Taken>;
  /** `taken()` for every event at once (events without registrations are left out). */
  takenByEvent(): Promise<Map<string, Taken>>;
  /** Every registration of an event, oldest first. */
  list(eventId: string): Promise<StoredRegistration[]>;
  /** Decides and stores one registration atomically. */
  register(input: RegisterInput): Promise<Outcome>;
  /** Events that still hold registrations with personal data. */
  registeredEvents(): Promise<string[]>;
  /** Every registration that names `email` (normalised) as attendee or companion, oldest first. */
  findPerson(email: string): Promise<PersonEntry[]>;
  /**
   * Erases `email` (normalised) everywhere, in one transaction: the registrations it is the attendee
   * of, and its entry in other registrations as a companion (that registration stays, with one place
   * fewer). The places are freed; nothing of the erased data is counted afterwards.
   */
  erasePerson(email: string): Promise<PersonErasure>;
  /**
   * Retention: erases every registration of an event in one transaction, keeping only how many
   * registrations and places each status had (`counts()`, `taken()`). Returns those counts.
   */
  eraseEvent(eventId: string): Promise<EventCounts>;
  /** Registrations and places per status of an event, erased ones included. */
  counts(eventId: string): Promise<EventCounts>;
  close(): Promise<void>;
}

/** E-mail addresses compare without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
