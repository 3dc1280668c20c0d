/**
 * What the reference endpoint asks of its database, whatever the engine (`main.ts` picks the
 * engine from the configuration). Every method is async, so an engine that talks to a server fits
 * the same interface as the embedded SQLite file.
 *
 * Every store keeps the same promises:
 * - `register()` decides and stores one registration atomically (idempotency look-up, one person
 *   one place, the companions per organisation, capacity and the non-members' places, insert, its
 *   first access token and its mails), a registration that was answered with a 2xx is durable, and
 *   an idempotency key stores at most one registration;
 * - every change that frees places (a cancellation, a removed companion, an expired hold, an
 *   erasure) confirms the oldest waiting registrations that fit, and queues every resulting mail, in
 *   the same transaction: a freed place never goes unused, and a mail is never lost or invented by a
 *   crash;
 * - the mail queue hands a mail to one sender at a time (a lease), and keeps it until it is marked
 *   sent or failed;
 * - erasure (`erasePerson()`, `eraseEvent()`) is atomic too, and erased means gone: no query finds
 *   the erased data once the promise resolves, and an erased registration takes its idempotency
 *   record, access tokens and mails with it. On SQLite no copy stays in the database's files either
 *   (free pages, journal or write-ahead log); PostgreSQL cannot overwrite freed space, and says so
 *   in `postgres-store.ts`.
 */
import type { RegistrationPayload } from '../../src/schema/index.js';

/**
 * A registration's life:
 * - `confirmed`: holds its places;
 * - `waitlisted`: waits for places, confirmed in order when they come free;
 * - `pending` (double opt-in): holds its places until `confirmBy`, confirmed when the registrant
 *   follows the mail's link;
 * - `pending-waitlist` (double opt-in, the event was full): holds nothing, joins the waiting list
 *   when the registrant follows the link before `confirmBy`;
 * - `cancelled` (by the registrant) and `expired` (not confirmed in time): hold nothing; kept for the
 *   organiser's export and for idempotent replays.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'pending', 'pending-waitlist', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** What a client is told: both pending states are `pending` (contract section 5). */
export type AnsweredStatus = 'confirmed' | 'waitlisted' | 'pending';

export function answeredStatus(status: 'confirmed' | 'waitlisted' | 'pending' | 'pending-waitlist'): AnsweredStatus {
  return status === 'pending-waitlist' ? 'pending' : status;
}

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
  /** The attendee and the companions still on it. */
  places: number;
  createdAt: string;
  /** Until when a pending registration waits for its confirmation (ISO); `undefined` otherwise. */
  confirmBy: string | undefined;
  payload: RegistrationPayload;
}

/** Places taken (confirmed, or held by a pending registration): in all, and by those that answered the member question "no". */
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

/** What a registration asks for: its places, and whether it answered the member question "no". */
export interface PlaceRequest {
  places: number;
  member: boolean | undefined;
}

/** What a registration asks for: the attendee and each companion. */
export function placeRequest(payload: RegistrationPayload): PlaceRequest {
  return { places: 1 + payload.companions.length, member: payload.member };
}

/**
 * The places a registration can still get: what is left of the capacity and, for one that answers
 * the member question "no", no more than is left of the non-members' places (a cap within the
 * capacity, not a reservation: members may take every place). `nonMemberCap` says that the
 * non-members' cap is the lower of the two. `Infinity` without limits.
 */
export function placesFor(member: boolean | undefined, taken: Taken, limits: PlaceLimits): { left: number; nonMemberCap: boolean } {
  const left = limits.capacity === undefined ? Infinity : Math.max(0, limits.capacity - taken.places);
  if (member !== false || limits.nonMemberCapacity === undefined) return { left, nonMemberCap: false };
  const nonMembersLeft = Math.max(0, limits.nonMemberCapacity - taken.nonMemberPlaces);
  return nonMembersLeft < left ? { left: nonMembersLeft, nonMemberCap: true } : { left, nonMemberCap: false };
}

/**
 * The one place where "does this registration fit" is decided: for a new registration, for a
 * confirmation after a double opt-in and for promotion from the waiting list alike.
 */
export function fits(limits: PlaceLimits, taken: Taken, request: PlaceRequest): boolean {
  return request.places <= placesFor(request.member, taken, limits).left;
}

/** What is taken once `request` is granted (promoting several in one transaction). */
export function withRequest(taken: Taken, request: PlaceRequest): Taken {
  return {
    places: taken.places + request.places,
    nonMemberPlaces: taken.nonMemberPlaces + (request.member === false ? request.places : 0),
  };
}

/** A mail to queue; the store keeps `message` (what the mail is about) as JSON and does not look inside. */
export interface OutgoingMail {
  to: string;
  message: object;
}

/** A queued mail, handed to one sender. */
export interface QueuedMail {
  id: number;
  to: string;
  message: object;
  /** Attempts so far, this one included. */
  attempts: number;
  createdAt: string;
}

/**
 * Why a registration changed, for its mails:
 * - `registered`: new (any status); `promoted`: from the waiting list to confirmed;
 * - `confirmed`: the registrant confirmed a pending registration (`status` tells the result);
 * - `cancelled`: cancelled by the registrant; `companion-removed`: `removed` is no longer on it.
 */
export type ChangeKind = 'registered' | 'promoted' | 'confirmed' | 'cancelled' | 'companion-removed';

export interface Change {
  kind: ChangeKind;
  /** The registration after the change. */
  registration: StoredRegistration;
  /** Its status before (`undefined` for a new one). */
  previous?: RegistrationStatus;
  removed?: RegistrationPayload['companions'][number];
}

/** What a change leaves behind: a new access token (its hash) for the registration, and mails. */
export interface Notice {
  tokenHash?: string;
  mails: OutgoingMail[];
}

/** What the store asks of the endpoint while it changes registrations (called inside the transaction). */
export interface ChangeContext {
  /** The event's limits for promotion; `undefined`: no promotion for this event (past, cancelled, unknown). */
  promotable: (eventId: string) => PlaceLimits | undefined;
  /** The mails (and a new access token) for one change. Must not throw and must not wait. */
  notify: (change: Change) => Notice;
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
  | { kind: 'created'; response: StoredResponse; registration: StoredRegistration };

export interface RegisterInput extends PlaceLimits {
  eventId: string;
  payload: RegistrationPayload;
  /** Hash of the validated payload, to tell a retry from a reused key. */
  payloadHash: string;
  /**
   * Companions one organisation (`organisationKey()`) may bring over all its registrations that
   * hold or wait for a place, or `undefined` when unlimited. Waiting-list (and pending) companions
   * count, so that confirming them later never breaks the limit.
   */
  maxCompanionsPerOrganisation: number | undefined;
  waitlist: boolean;
  /** Double opt-in: the registration waits for its confirmation until then (ISO); `undefined`: no opt-in. */
  confirmBy: string | undefined;
  /** Builds the 2xx body once the status and id are known. */
  respond: (registration: { id: string; status: AnsweredStatus }) => StoredResponse;
  /** The new registration's access token and mails. */
  notify: ChangeContext['notify'];
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
  /** Every event that lost a registration or a place. */
  eventIds: string[];
  /** Registrations confirmed from the waiting list in the places that came free. */
  promoted: StoredRegistration[];
  /** Queued or sent mails erased with it (their ids), to or about the address: their copies go too. */
  mailIds: number[];
}

/** What `eraseEvent()` removed: the counts it kept, and the mails it erased. */
export interface EventErasure {
  counts: EventCounts;
  mailIds: number[];
}

/** A mail to an address, as the queue keeps it (a sent mail's content is erased). */
export interface MailRecord {
  id: number;
  registrationId: string | null;
  createdAt: string;
  attempts: number;
  sentAt: string | null;
  failedAt: string | null;
  /** What the mail is about, while it waits to be sent. */
  message: object | null;
}

/** Registrations and the places they hold, per status. */
export type EventCounts = Record<RegistrationStatus, { registrations: number; places: number }>;
/** What a change through an access token did. */
export type TokenOutcome =
  | { kind: 'unknown' }
  /** Not possible in the registration's state (e.g. cancelling a cancelled one, removing a removed companion): nothing changed. */
  | { kind: 'unchanged'; registration: StoredRegistration }
  | { kind: 'changed'; registration: StoredRegistration; promoted: StoredRegistration[] };


/** Rows of (status, registrations, places), as the stores' queries give them, added up per status. */
export function countsOf(rows: { status: RegistrationStatus; registrations: number; places: number }[]): EventCounts {
  const counts = Object.fromEntries(REGISTRATION_STATUSES.map((status) => [status, { registrations: 0, places: 0 }])) as EventCounts;
  for (const { status, registrations, places } of rows) {
    counts[status].registrations += registrations;
    counts[status].places += places;
  }
  return counts;
}

export interface RegistrationStore {
  /** The first answer given for an idempotency key, with the hash of the payload it answered. */
  findByKey(key: string): Promise<{ payloadHash: string; response: StoredResponse } | undefined>;
  /** Places taken (confirmed, and held by pending registrations) by registrations made here, erased ones (`eraseEvent()`) included. */
  taken(eventId: string): Promise<Taken>;
  /** `taken()` for every event at once (events without registrations are left out). */
  takenByEvent(): Promise<Map<string, Taken>>;
  /** Every registration of an event, oldest first. */
  list(eventId: string): Promise<StoredRegistration[]>;
  /** Decides and stores one registration atomically, its token and mails included. */
  register(input: RegisterInput): Promise<Outcome>;
  /** Events that still hold registrations with personal data. */
  registeredEvents(): Promise<string[]>;
  /** Every registration that names `email` (normalised) as attendee or companion, oldest first. */
  findPerson(email: string): Promise<PersonEntry[]>;
  /** Every mail to `email` (normalised) in the queue, sent ones included, oldest first. */
  mailsTo(email: string): Promise<MailRecord[]>;
  /**
   * Erases `email` (normalised) everywhere, in one transaction: the registrations it is the attendee
   * of, and its entry in other registrations as a companion (that registration stays, with one place
   * fewer), with every mail to it or about those registrations. The places are freed and promoted
   * (`context`); nothing of the erased data is counted afterwards.
   */
  erasePerson(email: string, context: ChangeContext): Promise<PersonErasure>;
  /**
   * Retention: erases every registration of an event in one transaction, keeping only how many
   * registrations and places each status had (`counts()`, `taken()`), and its mails. Returns those counts.
   */
  eraseEvent(eventId: string): Promise<EventErasure>;
  /** Registrations and places per status of an event, erased ones included. */
  counts(eventId: string): Promise<EventCounts>;

  /** The registration an access token (its hash) belongs to. */
  findByToken(tokenHash: string): Promise<StoredRegistration | undefined>;
  /** Cancels the registration, frees its places and its people's addresses, promotes the waiting list. */
  cancel(tokenHash: string, context: ChangeContext): Promise<TokenOutcome>;
  /** Takes one companion (by address) off the registration, frees that place and address, promotes. */
  removeCompanion(tokenHash: string, email: string, context: ChangeContext): Promise<TokenOutcome>;
  /**
   * Confirms a pending registration before `now` passes its `confirmBy`: `pending` becomes
   * `confirmed`; `pending-waitlist` becomes `confirmed` when it fits by now, else `waitlisted`.
   */
  confirm(tokenHash: string, now: Date, context: ChangeContext): Promise<TokenOutcome>;
  /** Pending registrations whose `confirmBy` has passed become `expired`; the freed places are promoted. */
  expireHolds(now: Date, context: ChangeContext): Promise<StoredRegistration[]>;
  /** Confirms the oldest waiting registrations of an event that fit (e.g. after its capacity was raised). */
  promote(eventId: string, context: ChangeContext): Promise<StoredRegistration[]>;

  /**
   * Hands up to `limit` due mails to the caller for `leaseMs`; another caller gets them only after
   * that (a store that is its database's only user, as SQLite here, releases a dead process's claims
   * when it opens).
   */
  claimMails(now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]>;
  /** The mail went out: it is never sent again, and its content (with the personal link) is erased. */
  mailSent(id: number, now: Date): Promise<void>;
  /** The mail did not go out: try again at `retryAt`, or never (`undefined`: given up, `error` kept). */
  mailFailed(id: number, error: string, retryAt: Date | undefined): Promise<void>;

  close(): Promise<void>;
}

/** E-mail addresses compare without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
