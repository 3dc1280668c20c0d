/**
 * The default `RegistrationStore`: registrations in one SQLite file (better-sqlite3).
 *
 * Durability: WAL with `synchronous = FULL`, so every commit is on disk (fsync of the WAL) before
 * `register()` returns, before the 2xx is written: a registration that got a 2xx survives
 * `kill -9` and a power cut. NORMAL would survive `kill -9` too but may lose the last commits on a
 * power cut; at this endpoint's volume the extra fsync costs nothing that matters.
 *
 * Group commit: `register()` calls that arrive within a few milliseconds share one transaction
 * (`Batcher`), so one fsync makes the whole batch durable; each promise settles after that
 * commit. Inside the batch every registration is decided by `decide()` in arrival order, in a
 * savepoint of its own: a registration that throws rolls back alone, the others commit.
 *
 * Atomicity: better-sqlite3 is synchronous and this process is its only writer, so each
 * transaction (a batch of registrations; a cancellation with the promotions it allows and their
 * mails; …) runs start to end without any other request in between: capacity is never overbooked. The
 * unique indexes are a second line of defence. Every transaction takes the write lock at BEGIN
 * (`.immediate`), so the reads inside count what its writes see.
 *
 * One person, one place: an e-mail address holds at most one place per event, as attendee or as
 * companion (the `people` table, one row per person, deleted with their registration and when the
 * registration is cancelled or expires).
 *
 * The seed meeting's rules: each registration keeps its answer to the member question (`member`:
 * 1, 0, or NULL when not asked) and its organisation (`organisationKey()`; NULL when there is
 * nothing to match by, so it matches no other), so the non-members' places and the companions per
 * organisation are counted by index inside the same transaction.
 *
 * Access tokens are stored only as their SHA-256 hash (`access_tokens`). The mail queue
 * (`mail_queue`) holds each mail until it is sent; a sent mail's content is erased, only its
 * recipient and times stay.
 *
 * Erasure: `secure_delete` overwrites deleted rows and freed pages with zeros, and after every
 * erasure a `TRUNCATE` checkpoint copies the zeroed pages into the file and empties the write-ahead
 * log, whose older frames still hold the erased rows. Retention keeps a past event's counts in
 * `erased_counts` (per status: registrations and places), not its people.
 *
 * The SQL is kept to what PostgreSQL reads the same way (partial indexes, `RETURNING`, ISO
 * timestamps compared as text), so another store can follow it statement by statement.
 *
 * The file is created `0600` and, when this creates it, its folder `0700`: registrations are
 * personal data.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RegistrationPayload } from '../../src/schema/index.js';
import { Batcher, settle } from './batcher.js';
import { decide, takenWith, type DecisionFacts, type NewRegistration } from './decide.js';
import { organisationKey } from './organisation.js';
import { countsOf, fits, normaliseEmail, placeRequest, withRequest } from './store.js';
import type {
  Change,
  ChangeContext,
  EventCounts,
  EventErasure,
  MailRecord,
  Outcome,
  PersonEntry,
  PersonErasure,
  QueuedMail,
  RegisterInput,
  RegistrationStatus,
  RegistrationStore,
  StoredRegistration,
  StoredResponse,
  Taken,
  TokenOutcome,
} from './store.js';

interface TakenRow {
  places: number;
  non_member_places: number;
}

interface RegistrationRow {
  seq: number;
  id: string;
  event_id: string;
  status: RegistrationStatus;
  places: number;
  created_at: string;
  confirm_by: string | null;
  payload: string;
}

interface MailRow {
  id: number;
  recipient: string;
  message: string;
  attempts: number;
  created_at: string;
}

const SCHEMA_VERSION = 4;

/** `DecisionFacts` for one batch, told of each registration stored. */
interface BatchFacts extends DecisionFacts {
  stored(registration: NewRegistration): void;
}

/**
 * The commit blocks this process while it flushes: what arrives meanwhile waits in the socket
 * buffers and joins the next batch. A first registration after a quiet spell waits 2 ms for
 * company; measured in `npm run bench` (see the README).
 */
const GROUP_COMMIT = { windowMs: 2, maxBatch: 200 };

/** The registrations table; a function of its name, for the migration that rebuilds it. */
const registrationsTable = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT    NOT NULL UNIQUE,
  event_id        TEXT    NOT NULL,
  idempotency_key TEXT    NOT NULL UNIQUE,
  payload_hash    TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'pending', 'pending-waitlist', 'cancelled', 'expired')),
  places          INTEGER NOT NULL CHECK (places >= 1),
  email           TEXT    NOT NULL,
  member          INTEGER CHECK (member IN (0, 1)),
  organisation    TEXT,
  payload         TEXT    NOT NULL,
  response_status INTEGER NOT NULL,
  response_body   TEXT    NOT NULL,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  -- Pending registrations (double opt-in): confirmed by then, or expired.
  confirm_by      TEXT
);`;

const SCHEMA = `
${registrationsTable('registrations')}
-- One live registration per attendee address; a cancelled or expired one does not block a new one.
CREATE UNIQUE INDEX IF NOT EXISTS registrations_event_email ON registrations (event_id, email)
  WHERE status NOT IN ('cancelled', 'expired');
CREATE INDEX IF NOT EXISTS registrations_event_status ON registrations (event_id, status);
CREATE INDEX IF NOT EXISTS registrations_event_organisation ON registrations (event_id, organisation);
CREATE INDEX IF NOT EXISTS registrations_confirm_by ON registrations (confirm_by) WHERE confirm_by IS NOT NULL;
-- Every person of a live registration (attendee and companions), for the duplicate check by index.
CREATE TABLE IF NOT EXISTS people (
  event_id        TEXT    NOT NULL,
  email           TEXT    NOT NULL,
  registration_id TEXT    NOT NULL REFERENCES registrations (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS people_event_email ON people (event_id, email);
CREATE INDEX IF NOT EXISTS people_registration ON people (registration_id);
-- What retention keeps of an erased event: how many registrations and places per status, no people.
CREATE TABLE IF NOT EXISTS erased_counts (
  event_id      TEXT    NOT NULL,
  status        TEXT    NOT NULL,
  registrations INTEGER NOT NULL,
  places        INTEGER NOT NULL,
  PRIMARY KEY (event_id, status)
);
-- The personal links' tokens, as SHA-256 hashes: the link itself is only in the registrant's mail.
CREATE TABLE IF NOT EXISTS access_tokens (
  token_hash      TEXT    PRIMARY KEY,
  registration_id TEXT    NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
  created_at      TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS access_tokens_registration ON access_tokens (registration_id);
-- Mails waiting to be sent, and those sent (content erased) or given up.
CREATE TABLE IF NOT EXISTS mail_queue (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT    REFERENCES registrations (id) ON DELETE CASCADE,
  recipient       TEXT    NOT NULL,
  message         TEXT,
  created_at      TEXT    NOT NULL,
  next_attempt_at TEXT    NOT NULL,
  claimed_until   TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  sent_at         TEXT,
  failed_at       TEXT,
  last_error      TEXT
);
CREATE INDEX IF NOT EXISTS mail_queue_due ON mail_queue (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX IF NOT EXISTS mail_queue_registration ON mail_queue (registration_id);
CREATE INDEX IF NOT EXISTS mail_queue_recipient ON mail_queue (recipient);
`;

/**
 * Version 1 → 2: `people` gets `ON DELETE CASCADE` (SQLite cannot add it to a table), and rows
 * whose registration is gone stop blocking their address.
 */
const MIGRATE_TO_2 = `
CREATE TABLE people_v2 (
  event_id        TEXT    NOT NULL,
  email           TEXT    NOT NULL,
  registration_id TEXT    NOT NULL REFERENCES registrations (id) ON DELETE CASCADE
);
INSERT INTO people_v2 SELECT event_id, email, registration_id FROM people WHERE registration_id IN (SELECT id FROM registrations);
DROP TABLE people;
ALTER TABLE people_v2 RENAME TO people;
`;

/**
 * Version 2 → 3: every registration's member answer and organisation, as columns to count by. The
 * organisation of the rows already there is filled in by `fillOrganisations()`.
 */
const MIGRATE_TO_3 = `
ALTER TABLE registrations ADD COLUMN member INTEGER CHECK (member IN (0, 1));
ALTER TABLE registrations ADD COLUMN organisation TEXT;
UPDATE registrations SET member = CASE json_extract(payload, '$.member') WHEN 1 THEN 1 WHEN 0 THEN 0 END;
`;

/**
 * Version 3 → 4: registrations get the statuses of self-service and double opt-in, `updated_at`
 * and `confirm_by`, and the address index becomes partial (a cancelled registrant may register
 * again). SQLite cannot change a CHECK constraint, so the table is rebuilt (foreign keys are off
 * meanwhile; `people` keeps pointing at the table by name). The new tables come from `SCHEMA`.
 */
const MIGRATE_TO_4 = `
${registrationsTable('registrations_v4')}
INSERT INTO registrations_v4
  (seq, id, event_id, idempotency_key, payload_hash, status, places, email, member, organisation, payload, response_status, response_body, created_at, updated_at)
  SELECT seq, id, event_id, idempotency_key, payload_hash, status, places, email, member, organisation, payload, response_status, response_body, created_at, created_at
  FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_v4 RENAME TO registrations;
`;

/** The `member` column: the answer to the member question, NULL when it was not asked. */
function memberColumn(member: boolean | undefined): number | null {
  return member === undefined ? null : Number(member);
}

function takenOf(row: TakenRow | undefined): Taken {
  return { places: row?.places ?? 0, nonMemberPlaces: row?.non_member_places ?? 0 };
}

const REGISTRATION_COLUMNS = 'seq, id, event_id, status, places, created_at, confirm_by, payload';

function toRegistration(row: RegistrationRow): StoredRegistration {
  return {
    seq: row.seq,
    id: row.id,
    eventId: row.event_id,
    status: row.status,
    places: row.places,
    createdAt: row.created_at,
    confirmBy: row.confirm_by ?? undefined,
    payload: JSON.parse(row.payload) as RegistrationPayload,
  };
}

type CountRow = { status: RegistrationStatus; registrations: number; places: number };

interface MailRecordRow {
  id: number;
  registration_id: string | null;
  created_at: string;
  attempts: number;
  sent_at: string | null;
  failed_at: string | null;
  message: string | null;
}

const isPending = (status: RegistrationStatus) => status === 'pending' || status === 'pending-waitlist';
/** Statuses in which a registration holds its people's addresses. */
const isLive = (status: RegistrationStatus) => status !== 'cancelled' && status !== 'expired';

export class SqliteStore implements RegistrationStore {
  readonly #db: Database.Database;
  readonly #byKey: Database.Statement<[string], { payload_hash: string; response_status: number; response_body: string }>;
  readonly #emailTaken: Database.Statement<[string, string], { found: number }>;
  readonly #insertPerson: Database.Statement<[string, string, string]>;
  readonly #taken: Database.Statement<[string], TakenRow>;
  readonly #takenAll: Database.Statement<[], TakenRow & { event_id: string }>;
  readonly #organisationCompanions: Database.Statement<[string, string], { companions: number }>;
  readonly #insert: Database.Statement<
    [
      string, string, string, string, RegistrationStatus, number, string, number | null, string | null,
      string, number, string, string, string, string | null,
    ]
  >;
  readonly #list: Database.Statement<[string], RegistrationRow>;
  readonly #byId: Database.Statement<[string], RegistrationRow>;
  readonly #byToken: Database.Statement<[string], RegistrationRow>;
  readonly #waiting: Database.Statement<[string], RegistrationRow>;
  readonly #overdue: Database.Statement<[string], RegistrationRow>;
  readonly #setStatus: Database.Statement<[RegistrationStatus, string, string]>;
  readonly #setPeople: Database.Statement<[string, number, string, string]>;
  readonly #dropPeople: Database.Statement<[string]>;
  readonly #dropPerson: Database.Statement<[string, string]>;
  readonly #insertToken: Database.Statement<[string, string, string]>;
  readonly #insertMail: Database.Statement<[string, string, string, string, string]>;
  readonly #claim: Database.Statement<[{ lease: string; now: string; limit: number }], MailRow>;
  readonly #sent: Database.Statement<[string, number]>;
  readonly #retry: Database.Statement<[string, string, number]>;
  readonly #givenUp: Database.Statement<[string, string, number]>;

  readonly #commits: Batcher<RegisterInput, Outcome>;
  readonly #cancel: (tokenHash: string, context: ChangeContext) => TokenOutcome;
  readonly #removeCompanion: (tokenHash: string, email: string, context: ChangeContext) => TokenOutcome;
  readonly #confirm: (tokenHash: string, now: Date, context: ChangeContext) => TokenOutcome;
  readonly #expireHolds: (now: Date, context: ChangeContext) => StoredRegistration[];
  readonly #promote: (eventId: string, context: ChangeContext) => StoredRegistration[];
  readonly #claimMails: (now: Date, limit: number, leaseMs: number) => MailRow[];

  readonly #registeredEvents: Database.Statement<[], { event_id: string }>;
  readonly #byPerson: Database.Statement<[string, string], RegistrationRow & { email: string }>;
  readonly #delete: Database.Statement<[string]>;
  readonly #eventCounts: Database.Statement<[string], CountRow>;
  readonly #erasedCounts: Database.Statement<[string], CountRow>;
  readonly #keepCounts: Database.Statement<[string]>;
  readonly #deleteEvent: Database.Statement<[string]>;
  readonly #eventMails: Database.Statement<[string], { id: number }>;
  readonly #registrationMails: Database.Statement<[string], { id: number; message: string | null }>;
  readonly #setMessage: Database.Statement<[string, number]>;
  readonly #mailsTo: Database.Statement<[string], MailRecordRow>;
  readonly #deleteMailsTo: Database.Statement<[string], { id: number }>;
  readonly #erasePerson: (email: string, context: ChangeContext) => PersonErasure;
  readonly #eraseEvent: (eventId: string) => EventErasure;

  constructor(path: string) {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // Created before SQLite opens it, so it never exists with the umask's wider mode; the WAL
      // and shared-memory files take the database file's mode.
      closeSync(openSync(path, 'a', 0o600));
      chmodSync(path, 0o600);
    }
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
    // Before the migration, so the pages it frees are zeroed too.
    this.#db.pragma('secure_delete = ON');
    this.#migrate(path);
    // After the migration: rebuilding a table that others reference needs foreign keys off.
    this.#db.pragma('foreign_keys = ON');
    // This process is the file's only user, so a claim on a mail still open was made by a process
    // that died while sending: the mail is due again now, not when the lease would have run out.
    this.#db.prepare('UPDATE mail_queue SET claimed_until = NULL WHERE claimed_until IS NOT NULL AND sent_at IS NULL').run();

    this.#byKey = this.#db.prepare(
      'SELECT payload_hash, response_status, response_body FROM registrations WHERE idempotency_key = ?',
    );
    // The attendee's address against earlier attendees and earlier companions of the same event.
    this.#emailTaken = this.#db.prepare('SELECT 1 AS found FROM people WHERE event_id = ? AND email = ? LIMIT 1');
    this.#insertPerson = this.#db.prepare('INSERT INTO people (event_id, email, registration_id) VALUES (?, ?, ?)');
    // Places are taken by confirmed registrations and held by pending ones: in all, and by those
    // who answered the member question "no"; retention's erased counts included, so a past event's
    // counts stay as they were.
    const held = `
      SELECT event_id, places, CASE WHEN member = 0 THEN places ELSE 0 END AS non_member_places
        FROM registrations WHERE status IN ('confirmed', 'pending')
      UNION ALL
      SELECT event_id, places, 0 FROM erased_counts WHERE status IN ('confirmed', 'pending')`;
    const takenColumns = 'coalesce(sum(places), 0) AS places, coalesce(sum(non_member_places), 0) AS non_member_places';
    this.#taken = this.#db.prepare(`SELECT ${takenColumns} FROM (${held}) AS held WHERE event_id = ?`);
    this.#takenAll = this.#db.prepare(`SELECT event_id, ${takenColumns} FROM (${held}) AS held GROUP BY event_id`);
    // Companions of every registration of the organisation that holds, waits for or asks a place.
    this.#organisationCompanions = this.#db.prepare(`
      SELECT coalesce(sum(places - 1), 0) AS companions FROM registrations
      WHERE event_id = ? AND organisation = ? AND status NOT IN ('cancelled', 'expired')`);
    this.#insert = this.#db.prepare(`
      INSERT INTO registrations
        (id, event_id, idempotency_key, payload_hash, status, places, email, member, organisation, payload,
         response_status, response_body, created_at, updated_at, confirm_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#list = this.#db.prepare(`SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE event_id = ? ORDER BY seq`);
    this.#byId = this.#db.prepare(`SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE id = ?`);
    this.#byToken = this.#db.prepare(`
      SELECT ${REGISTRATION_COLUMNS.replace(/(\w+)/g, 'r.$1')} FROM access_tokens t JOIN registrations r ON r.id = t.registration_id
      WHERE t.token_hash = ?`);
    this.#waiting = this.#db.prepare(
      `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE event_id = ? AND status = 'waitlisted' ORDER BY seq`,
    );
    this.#overdue = this.#db.prepare(
      `SELECT ${REGISTRATION_COLUMNS} FROM registrations
       WHERE confirm_by IS NOT NULL AND confirm_by <= ? AND status IN ('pending', 'pending-waitlist') ORDER BY seq`,
    );
    this.#setStatus = this.#db.prepare('UPDATE registrations SET status = ?, confirm_by = NULL, updated_at = ? WHERE id = ?');
    this.#setPeople = this.#db.prepare('UPDATE registrations SET payload = ?, places = ?, updated_at = ? WHERE id = ?');
    this.#dropPeople = this.#db.prepare('DELETE FROM people WHERE registration_id = ?');
    this.#dropPerson = this.#db.prepare('DELETE FROM people WHERE registration_id = ? AND email = ?');
    this.#insertToken = this.#db.prepare('INSERT INTO access_tokens (token_hash, registration_id, created_at) VALUES (?, ?, ?)');
    this.#insertMail = this.#db.prepare(
      'INSERT INTO mail_queue (registration_id, recipient, message, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#claim = this.#db.prepare(`
      UPDATE mail_queue SET claimed_until = @lease, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM mail_queue
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
        ORDER BY id LIMIT @limit
      )
      RETURNING id, recipient, message, attempts, created_at`);
    this.#sent = this.#db.prepare('UPDATE mail_queue SET sent_at = ?, message = NULL, claimed_until = NULL WHERE id = ?');
    this.#retry = this.#db.prepare('UPDATE mail_queue SET next_attempt_at = ?, last_error = ?, claimed_until = NULL WHERE id = ?');
    this.#givenUp = this.#db.prepare(
      'UPDATE mail_queue SET failed_at = ?, message = NULL, last_error = ?, claimed_until = NULL WHERE id = ?',
    );

    const transaction = <A extends unknown[], R>(work: (...args: A) => R) => this.#db.transaction(work).immediate;
    // Called inside the batch's transaction, better-sqlite3 runs this one in a savepoint.
    const decideOne = this.#db.transaction((input: RegisterInput, facts: BatchFacts) => this.#decide(input, facts));
    const commitBatch = transaction((inputs: RegisterInput[]) => {
      const facts = this.#batchFacts();
      return inputs.map((input) => settle(() => decideOne(input, facts)));
    });
    this.#commits = new Batcher(async (inputs) => commitBatch(inputs), GROUP_COMMIT);
    this.#cancel = transaction((tokenHash: string, context: ChangeContext) => this.#cancelNow(tokenHash, context));
    this.#removeCompanion = transaction((tokenHash: string, email: string, context: ChangeContext) =>
      this.#removeCompanionNow(tokenHash, email, context),
    );
    this.#confirm = transaction((tokenHash: string, now: Date, context: ChangeContext) => this.#confirmNow(tokenHash, now, context));
    this.#expireHolds = transaction((now: Date, context: ChangeContext) => this.#expireNow(now, context));
    this.#promote = transaction((eventId: string, context: ChangeContext) => this.#promoteNow(eventId, context));
    this.#claimMails = transaction((now: Date, limit: number, leaseMs: number) =>
      this.#claim.all({ lease: new Date(now.getTime() + leaseMs).toISOString(), now: now.toISOString(), limit }),
    );

    this.#registeredEvents = this.#db.prepare('SELECT DISTINCT event_id FROM registrations ORDER BY event_id');
    // By what the registrations hold, not by `people`: that table only has live registrations.
    // Addresses are ASCII (the schema's rule) and stored trimmed, so `lower()` normalises them.
    this.#byPerson = this.#db.prepare(`
      SELECT ${REGISTRATION_COLUMNS}, email FROM registrations
      WHERE email = ? OR EXISTS (
        SELECT 1 FROM json_each(registrations.payload, '$.companions') AS companion
        WHERE lower(json_extract(companion.value, '$.email')) = ?)
      ORDER BY seq`);
    // Its people, access tokens and mails go with it (ON DELETE CASCADE).
    this.#delete = this.#db.prepare('DELETE FROM registrations WHERE id = ?');
    this.#eventCounts = this.#db.prepare(`
      SELECT status, count(*) AS registrations, sum(places) AS places FROM registrations
      WHERE event_id = ? GROUP BY status`);
    this.#erasedCounts = this.#db.prepare('SELECT status, registrations, places FROM erased_counts WHERE event_id = ?');
    this.#keepCounts = this.#db.prepare(`
      INSERT INTO erased_counts (event_id, status, registrations, places)
      SELECT event_id, status, count(*), sum(places) FROM registrations WHERE event_id = ? GROUP BY event_id, status
      ON CONFLICT (event_id, status) DO UPDATE SET
        registrations = erased_counts.registrations + excluded.registrations,
        places = erased_counts.places + excluded.places`);
    this.#deleteEvent = this.#db.prepare('DELETE FROM registrations WHERE event_id = ?');
    this.#eventMails = this.#db.prepare(
      'SELECT id FROM mail_queue WHERE registration_id IN (SELECT id FROM registrations WHERE event_id = ?)',
    );
    this.#registrationMails = this.#db.prepare('SELECT id, message FROM mail_queue WHERE registration_id = ?');
    this.#setMessage = this.#db.prepare('UPDATE mail_queue SET message = ? WHERE id = ?');
    this.#mailsTo = this.#db.prepare(`
      SELECT id, registration_id, created_at, attempts, sent_at, failed_at, message FROM mail_queue
      WHERE lower(recipient) = ? ORDER BY id`);
    this.#deleteMailsTo = this.#db.prepare('DELETE FROM mail_queue WHERE lower(recipient) = ? RETURNING id');

    this.#erasePerson = transaction((email: string, context: ChangeContext) => this.#forget(email, context));
    this.#eraseEvent = transaction((eventId: string) => {
      const counts = countsOf(this.#eventCounts.all(eventId));
      const mailIds = this.#eventMails.all(eventId).map((row) => row.id);
      this.#keepCounts.run(eventId);
      this.#deleteEvent.run(eventId);
      return { counts, mailIds };
    });
  }

  /** Brings an older file to `SCHEMA_VERSION`, in one transaction; refuses a newer one. */
  #migrate(path: string): void {
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${path} has schema version ${version}; this server knows up to ${SCHEMA_VERSION}`);
    }
    this.#db.pragma('foreign_keys = OFF');
    this.#db.transaction(() => {
      if (version === 1) this.#db.exec(MIGRATE_TO_2);
      if (version === 1 || version === 2) {
        this.#db.exec(MIGRATE_TO_3);
        this.#fillOrganisations();
      }
      if (version >= 1 && version <= 3) this.#db.exec(MIGRATE_TO_4);
      this.#db.exec(SCHEMA);
      const broken = this.#db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${path}: ${broken.length} rows point at rows that do not exist`);
      this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    // Files written before `secure_delete` may hold copies of live rows in free pages (the table
    // version 2 dropped); rebuilt once, so erasing those rows later leaves no copy behind. The
    // write-ahead log holds the tables a migration rebuilt as they were: emptied.
    if (version > 0 && version < 3) this.#db.exec('VACUUM');
    if (version > 0 && version < SCHEMA_VERSION) this.#scrub();
  }

  /** The first answer given for an idempotency key, with the hash of the payload it answered. */
  async findByKey(key: string): Promise<{ payloadHash: string; response: StoredResponse } | undefined> {
    return this.#findByKey(key);
  }

  #findByKey(key: string): { payloadHash: string; response: StoredResponse } | undefined {
    const row = this.#byKey.get(key);
    if (!row) return undefined;
    return {
      payloadHash: row.payload_hash,
      response: { status: row.response_status, body: JSON.parse(row.response_body) as Record<string, unknown> },
    };
  }

  async taken(eventId: string): Promise<Taken> {
    return this.#takenNow(eventId);
  }

  /** What is taken of the event's places now, as `fits()` reads it. */
  #takenNow(eventId: string): Taken {
    return takenOf(this.#taken.get(eventId));
  }

  async takenByEvent(): Promise<Map<string, Taken>> {
    return new Map(this.#takenAll.all().map((row) => [row.event_id, takenOf(row)]));
  }

  /** Migration to version 3: the organisation of every registration stored before. */
  #fillOrganisations() {
    const rows = this.#db.prepare<[], { id: string; payload: string }>('SELECT id, payload FROM registrations').all();
    const update = this.#db.prepare<[string | null, string]>('UPDATE registrations SET organisation = ? WHERE id = ?');
    for (const row of rows) update.run(organisationKey((JSON.parse(row.payload) as RegistrationPayload).attendee) ?? null, row.id);
  }

  async list(eventId: string): Promise<StoredRegistration[]> {
    return this.#list.all(eventId).map(toRegistration);
  }

  /** Decides and stores one registration atomically, in the next group commit; see the file comment. */
  register(input: RegisterInput): Promise<Outcome> {
    return this.#commits.submit(input);
  }

  async findByToken(tokenHash: string): Promise<StoredRegistration | undefined> {
    const row = this.#byToken.get(tokenHash);
    return row && toRegistration(row);
  }

  async cancel(tokenHash: string, context: ChangeContext): Promise<TokenOutcome> {
    return this.#cancel(tokenHash, context);
  }

  async removeCompanion(tokenHash: string, email: string, context: ChangeContext): Promise<TokenOutcome> {
    return this.#removeCompanion(tokenHash, email, context);
  }

  async confirm(tokenHash: string, now: Date, context: ChangeContext): Promise<TokenOutcome> {
    return this.#confirm(tokenHash, now, context);
  }

  async expireHolds(now: Date, context: ChangeContext): Promise<StoredRegistration[]> {
    return this.#expireHolds(now, context);
  }

  async promote(eventId: string, context: ChangeContext): Promise<StoredRegistration[]> {
    return this.#promote(eventId, context);
  }

  async claimMails(now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]> {
    return this.#claimMails(now, limit, leaseMs)
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        id: row.id,
        to: row.recipient,
        message: JSON.parse(row.message) as Record<string, unknown>,
        attempts: row.attempts,
        createdAt: row.created_at,
      }));
  }

  async mailSent(id: number, now: Date): Promise<void> {
    this.#sent.run(now.toISOString(), id);
  }

  async mailFailed(id: number, error: string, retryAt: Date | undefined): Promise<void> {
    if (retryAt) this.#retry.run(retryAt.toISOString(), error, id);
    else this.#givenUp.run(new Date().toISOString(), error, id);
  }

  /** Events that still hold registrations with personal data. */
  async registeredEvents(): Promise<string[]> {
    return this.#registeredEvents.all().map((row) => row.event_id);
  }

  /** Every registration that names `email` as attendee or companion, oldest first. */
  async findPerson(email: string): Promise<PersonEntry[]> {
    const address = normaliseEmail(email);
    return this.#byPerson.all(address, address).map((row) => ({
      role: row.email === address ? 'attendee' : 'companion',
      registration: toRegistration(row),
    }));
  }

  /** Every mail to `email` in the queue, sent ones included. */
  async mailsTo(email: string): Promise<MailRecord[]> {
    return this.#mailsTo.all(normaliseEmail(email)).map((row) => ({
      id: row.id,
      registrationId: row.registration_id,
      createdAt: row.created_at,
      attempts: row.attempts,
      sentAt: row.sent_at,
      failedAt: row.failed_at,
      message: row.message === null ? null : (JSON.parse(row.message) as object),
    }));
  }

  /** Erases `email` everywhere in one transaction, then from the files; see the interface. */
  async erasePerson(email: string, context: ChangeContext): Promise<PersonErasure> {
    const erasure = this.#erasePerson(normaliseEmail(email), context);
    if (erasure.eventIds.length + erasure.mailIds.length > 0) this.#scrub();
    return erasure;
  }

  /** Retention: every registration of `eventId` erased, its counts kept; see the interface. */
  async eraseEvent(eventId: string): Promise<EventErasure> {
    const erased = this.#eraseEvent(eventId);
    if (Object.values(erased.counts).some((count) => count.registrations > 0)) this.#scrub();
    return erased;
  }

  /** Registrations and places per status, erased ones included. */
  async counts(eventId: string): Promise<EventCounts> {
    return countsOf([...this.#eventCounts.all(eventId), ...this.#erasedCounts.all(eventId)]);
  }

  async close(): Promise<void> {
    await this.#commits.drain();
    if (this.#db.open) this.#db.close();
  }

  /**
   * Copies every committed page into the database file and empties the write-ahead log: its older
   * frames still hold what `secure_delete` has just zeroed in the newer ones.
   */
  #scrub(): void {
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  #forget(email: string, context: ChangeContext): PersonErasure {
    const erasure: PersonErasure = { registrations: 0, companions: 0, eventIds: [], promoted: [], mailIds: [] };
    for (const row of this.#byPerson.all(email, email)) {
      const mails = this.#registrationMails.all(row.id);
      // Copies of its mails (sent ones in the outbox) name the address too.
      erasure.mailIds.push(...mails.map((mail) => mail.id));
      if (row.email === email) {
        this.#delete.run(row.id);
        erasure.registrations++;
      } else {
        const found = toRegistration(row);
        const payload = { ...found.payload, companions: found.payload.companions.filter((companion) => normaliseEmail(companion.email) !== email) };
        const dropped = found.payload.companions.length - payload.companions.length;
        this.#setPeople.run(JSON.stringify(payload), found.places - dropped, new Date().toISOString(), found.id);
        this.#dropPerson.run(found.id, email);
        // Its mails still waiting carry the registration as it was (`payload`): now as it is.
        for (const mail of mails) {
          if (mail.message === null) continue;
          const message = JSON.parse(mail.message) as { payload?: unknown };
          if (message.payload !== undefined) this.#setMessage.run(JSON.stringify({ ...message, payload }), mail.id);
        }
        erasure.companions += dropped;
      }
      if (!erasure.eventIds.includes(row.event_id)) erasure.eventIds.push(row.event_id);
    }
    // Mails to the address about registrations that stay (a companion's own mails).
    erasure.mailIds.push(...this.#deleteMailsTo.all(email).map((row) => row.id));
    erasure.mailIds = [...new Set(erasure.mailIds)];
    for (const eventId of erasure.eventIds) erasure.promoted.push(...this.#promoteNow(eventId, context));
    return erasure;
  }

  /**
   * What `decide()` reads inside one batch's transaction, which sees the batch's own inserts: the
   * database, except that an event's places are counted once per batch (a sum over its rows) and
   * then kept up to date with each registration the batch stores.
   */
  #batchFacts(): BatchFacts {
    const taken = new Map<string, Taken>();
    return {
      earlier: (key) => this.#findByKey(key),
      holdsPlace: (eventId, email) => this.#emailTaken.get(eventId, email) !== undefined,
      taken: (eventId) => {
        if (!taken.has(eventId)) taken.set(eventId, this.#takenNow(eventId));
        return taken.get(eventId)!;
      },
      organisationCompanions: (eventId, organisation) => this.#organisationCompanions.get(eventId, organisation)?.companions ?? 0,
      stored: (registration) => {
        const counted = taken.get(registration.eventId);
        if (counted) taken.set(registration.eventId, takenWith(counted, registration));
      },
    };
  }

  /** One registration, decided by the shared rules and stored with its token and mails, in a savepoint of its own. */
  #decide(input: RegisterInput, facts: BatchFacts): Outcome {
    const decision = decide(input, facts);
    if ('outcome' in decision) return decision.outcome;
    const { created } = decision;
    this.#insert.run(
      created.id,
      created.eventId,
      created.idempotencyKey,
      created.payloadHash,
      created.status,
      created.places,
      created.email,
      memberColumn(created.member),
      created.organisation ?? null,
      JSON.stringify(created.payload),
      created.response.status,
      JSON.stringify(created.response.body),
      created.createdAt,
      created.createdAt,
      created.confirmBy ?? null,
    );
    for (const email of created.people) this.#insertPerson.run(created.eventId, email, created.id);
    const registration = this.#reload(created.id);
    this.#follow({ kind: 'registered', registration }, input.notify);
    facts.stored(created);
    return { kind: 'created', response: created.response, registration };
  }

  #reload(id: string): StoredRegistration {
    return toRegistration(this.#byId.get(id)!);
  }

  /** Stores what a change leaves behind: its new access token and its mails. */
  #follow(change: Change, notify: ChangeContext['notify']): void {
    const notice = notify(change);
    const now = new Date().toISOString();
    const { id } = change.registration;
    if (notice.tokenHash) this.#insertToken.run(notice.tokenHash, id, now);
    for (const mail of notice.mails) this.#insertMail.run(id, mail.to, JSON.stringify(mail.message), now, now);
  }

  #changeStatus(registration: StoredRegistration, status: RegistrationStatus): StoredRegistration {
    this.#setStatus.run(status, new Date().toISOString(), registration.id);
    if (!isLive(status)) this.#dropPeople.run(registration.id);
    return this.#reload(registration.id);
  }

  /** Confirms the oldest waiting registrations of the event that fit, each with its mails. */
  #promoteNow(eventId: string, context: ChangeContext): StoredRegistration[] {
    const limits = context.promotable(eventId);
    if (!limits) return [];
    let taken = this.#takenNow(eventId);
    const promoted: StoredRegistration[] = [];
    for (const row of this.#waiting.all(eventId)) {
      const waiting = toRegistration(row);
      const request = placeRequest(waiting.payload);
      if (!fits(limits, taken, request)) continue;
      const registration = this.#changeStatus(waiting, 'confirmed');
      taken = withRequest(taken, request);
      promoted.push(registration);
      this.#follow({ kind: 'promoted', registration, previous: waiting.status }, context.notify);
    }
    return promoted;
  }

  #byTokenNow(tokenHash: string): StoredRegistration | undefined {
    const row = this.#byToken.get(tokenHash);
    return row && toRegistration(row);
  }

  #cancelNow(tokenHash: string, context: ChangeContext): TokenOutcome {
    const found = this.#byTokenNow(tokenHash);
    if (!found) return { kind: 'unknown' };
    if (!isLive(found.status)) return { kind: 'unchanged', registration: found };
    const registration = this.#changeStatus(found, 'cancelled');
    this.#follow({ kind: 'cancelled', registration, previous: found.status }, context.notify);
    return { kind: 'changed', registration, promoted: this.#promoteNow(found.eventId, context) };
  }

  #removeCompanionNow(tokenHash: string, email: string, context: ChangeContext): TokenOutcome {
    const found = this.#byTokenNow(tokenHash);
    if (!found) return { kind: 'unknown' };
    const address = normaliseEmail(email);
    const removed = found.payload.companions.find((companion) => normaliseEmail(companion.email) === address);
    if (!isLive(found.status) || !removed) return { kind: 'unchanged', registration: found };
    const payload = { ...found.payload, companions: found.payload.companions.filter((companion) => companion !== removed) };
    this.#setPeople.run(JSON.stringify(payload), found.places - 1, new Date().toISOString(), found.id);
    this.#dropPerson.run(found.id, address);
    const registration = this.#reload(found.id);
    this.#follow({ kind: 'companion-removed', registration, previous: found.status, removed }, context.notify);
    return { kind: 'changed', registration, promoted: this.#promoteNow(found.eventId, context) };
  }

  #confirmNow(tokenHash: string, now: Date, context: ChangeContext): TokenOutcome {
    const found = this.#byTokenNow(tokenHash);
    if (!found) return { kind: 'unknown' };
    if (!isPending(found.status)) return { kind: 'unchanged', registration: found };
    if (found.confirmBy! <= now.toISOString()) {
      // Too late: expired now rather than at the next sweep, with what that frees.
      const registration = this.#changeStatus(found, 'expired');
      this.#promoteNow(found.eventId, context);
      return { kind: 'unchanged', registration };
    }
    let status: RegistrationStatus = 'confirmed';
    if (found.status === 'pending-waitlist') {
      // Every change that frees places promotes at once, so what is waiting now does not fit:
      // this one may take free places ahead of them only when it fits where they do not.
      const limits = context.promotable(found.eventId);
      const fitsNow = limits !== undefined && fits(limits, this.#takenNow(found.eventId), placeRequest(found.payload));
      status = fitsNow ? 'confirmed' : 'waitlisted';
    }
    const registration = this.#changeStatus(found, status);
    this.#follow({ kind: 'confirmed', registration, previous: found.status }, context.notify);
    return { kind: 'changed', registration, promoted: [] };
  }

  #expireNow(now: Date, context: ChangeContext): StoredRegistration[] {
    const expired = this.#overdue.all(now.toISOString()).map((row) => this.#changeStatus(toRegistration(row), 'expired'));
    for (const eventId of new Set(expired.map((registration) => registration.eventId))) this.#promoteNow(eventId, context);
    return expired;
  }
}
