/**
 * What the reference endpoint asks of its database, whatever the engine (`main.ts` picks the
 * engine from the configuration). Every method is async, so an engine that talks to a server fits
 * the same interface as the embedded SQLite file.
 *
 * Every store keeps the same promises: `register()` decides and stores one registration atomically
 * (idempotency look-up, one person one place, capacity, insert), a registration that was answered
 * with a 2xx is durable, and an idempotency key stores at most one registration.
 *
 * Erasure (`erasePerson()`, `eraseEvent()`) is atomic too, and erased means gone: no copy of the
 * erased data stays in the database's files (free pages, journal or write-ahead log) once the
 * promise resolves. An erased registration takes its idempotency record with it.
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
  | { kind: 'full'; remaining: number }
  | { kind: 'created'; response: StoredResponse; registration: { id: string; status: RegistrationStatus } };

export interface RegisterInput {
  eventId: string;
  payload: RegistrationPayload;
  /** Hash of the validated payload, to tell a retry from a reused key. */
  payloadHash: string;
  /** Places this server may hand out in all (its confirmed registrations count against them), or `undefined` when unlimited. */
  capacity: number | undefined;
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

export interface RegistrationStore {
  /** The first answer given for an idempotency key, with the hash of the payload it answered. */
  findByKey(key: string): Promise<{ payloadHash: string; response: StoredResponse } | undefined>;
  /** Places taken by confirmed registrations made here, erased ones (`eraseEvent()`) included. */
  taken(eventId: string): Promise<number>;
  /** `taken()` for every event at once. */
  takenByEvent(): Promise<Map<string, number>>;
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
