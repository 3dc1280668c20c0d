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
 * commit. Inside the batch every registration is decided in arrival order in a savepoint of its
 * own: a registration that throws rolls back alone, the others commit.
 *
 * Atomicity: better-sqlite3 is synchronous and this process is its only writer, so the batch
 * transaction (for each registration: idempotency look-up, duplicate check, capacity count,
 * insert) runs start to end without any other request in between: capacity is never overbooked.
 * The unique indexes are a second line of defence.
 *
 * One person, one place: an e-mail address holds at most one place per event, as attendee or as
 * companion (the `people` table, one row per person, deleted with their registration).
 *
 * The file is created `0600` and, when this creates it, its folder `0700`: registrations are
 * personal data.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RegistrationPayload } from '../../src/schema/index.js';
import { decide, type DecisionFacts, type NewRegistration } from './decide.js';
import { Batcher, settle } from './batcher.js';
import type {
  Outcome,
  RegisterInput,
  RegistrationStatus,
  RegistrationStore,
  StoredRegistration,
  StoredResponse,
} from './store.js';

interface RegistrationRow {
  seq: number;
  id: string;
  event_id: string;
  status: RegistrationStatus;
  places: number;
  created_at: string;
  payload: string;
}

const SCHEMA_VERSION = 2;

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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS registrations (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT    NOT NULL UNIQUE,
  event_id        TEXT    NOT NULL,
  idempotency_key TEXT    NOT NULL UNIQUE,
  payload_hash    TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
  places          INTEGER NOT NULL CHECK (places >= 1),
  email           TEXT    NOT NULL,
  payload         TEXT    NOT NULL,
  response_status INTEGER NOT NULL,
  response_body   TEXT    NOT NULL,
  created_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS registrations_event_email ON registrations (event_id, email);
CREATE INDEX IF NOT EXISTS registrations_event_status ON registrations (event_id, status);
-- Every person of a registration (attendee and companions), for the duplicate check by index.
CREATE TABLE IF NOT EXISTS people (
  event_id        TEXT    NOT NULL,
  email           TEXT    NOT NULL,
  registration_id TEXT    NOT NULL REFERENCES registrations (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS people_event_email ON people (event_id, email);
CREATE INDEX IF NOT EXISTS people_registration ON people (registration_id);
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

export class SqliteStore implements RegistrationStore {
  readonly #db: Database.Database;
  readonly #byKey: Database.Statement<[string], { payload_hash: string; response_status: number; response_body: string }>;
  readonly #emailTaken: Database.Statement<[string, string], { found: number }>;
  readonly #insertPerson: Database.Statement<[string, string, string]>;
  readonly #taken: Database.Statement<[string], { taken: number }>;
  readonly #takenAll: Database.Statement<[], { event_id: string; taken: number }>;
  readonly #insert: Database.Statement<
    [string, string, string, string, RegistrationStatus, number, string, string, number, string, string]
  >;
  readonly #list: Database.Statement<[string], RegistrationRow>;
  readonly #commits: Batcher<RegisterInput, Outcome>;

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
    this.#db.pragma('foreign_keys = ON');
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${path} has schema version ${version}; this server knows up to ${SCHEMA_VERSION}`);
    }
    this.#db.transaction(() => {
      if (version === 1) this.#db.exec(MIGRATE_TO_2);
      this.#db.exec(SCHEMA);
      this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();

    this.#byKey = this.#db.prepare(
      'SELECT payload_hash, response_status, response_body FROM registrations WHERE idempotency_key = ?',
    );
    // The attendee's address against earlier attendees and earlier companions of the same event.
    this.#emailTaken = this.#db.prepare('SELECT 1 AS found FROM people WHERE event_id = ? AND email = ? LIMIT 1');
    this.#insertPerson = this.#db.prepare('INSERT INTO people (event_id, email, registration_id) VALUES (?, ?, ?)');
    this.#taken = this.#db.prepare(
      "SELECT coalesce(sum(places), 0) AS taken FROM registrations WHERE event_id = ? AND status = 'confirmed'",
    );
    this.#takenAll = this.#db.prepare(
      "SELECT event_id, sum(places) AS taken FROM registrations WHERE status = 'confirmed' GROUP BY event_id",
    );
    this.#insert = this.#db.prepare(`
      INSERT INTO registrations
        (id, event_id, idempotency_key, payload_hash, status, places, email, payload, response_status, response_body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#list = this.#db.prepare(
      'SELECT seq, id, event_id, status, places, created_at, payload FROM registrations WHERE event_id = ? ORDER BY seq',
    );
    // Called inside the batch's transaction, better-sqlite3 runs this one in a savepoint.
    const decideOne = this.#db.transaction((input: RegisterInput, facts: BatchFacts) => this.#decide(input, facts));
    // `.immediate`: take the write lock at BEGIN, so the reads inside count what the inserts see.
    const commitBatch = this.#db.transaction((inputs: RegisterInput[]) => {
      const facts = this.#batchFacts();
      return inputs.map((input) => settle(() => decideOne(input, facts)));
    }).immediate;
    this.#commits = new Batcher(async (inputs) => commitBatch(inputs), GROUP_COMMIT);
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

  /** Places taken by confirmed registrations made here. */
  async taken(eventId: string): Promise<number> {
    return this.#takenNow(eventId);
  }

  #takenNow(eventId: string): number {
    return this.#taken.get(eventId)?.taken ?? 0;
  }

  /** `taken()` for every event at once. */
  async takenByEvent(): Promise<Map<string, number>> {
    return new Map(this.#takenAll.all().map((row) => [row.event_id, row.taken]));
  }

  /** Every registration of an event, oldest first. */
  async list(eventId: string): Promise<StoredRegistration[]> {
    return this.#list.all(eventId).map((row) => ({
      seq: row.seq,
      id: row.id,
      eventId: row.event_id,
      status: row.status,
      places: row.places,
      createdAt: row.created_at,
      payload: JSON.parse(row.payload) as RegistrationPayload,
    }));
  }

  /** Decides and stores one registration atomically, in the next group commit; see the file comment. */
  register(input: RegisterInput): Promise<Outcome> {
    return this.#commits.submit(input);
  }

  async close(): Promise<void> {
    await this.#commits.drain();
    if (this.#db.open) this.#db.close();
  }

  /**
   * What `decide()` reads inside one batch's transaction, which sees the batch's own inserts: the
   * database, except that an event's places are counted once per batch (a sum over its rows) and
   * then kept up to date with each confirmed registration the batch stores.
   */
  #batchFacts(): BatchFacts {
    const taken = new Map<string, number>();
    return {
      earlier: (key) => this.#findByKey(key),
      holdsPlace: (eventId, email) => this.#emailTaken.get(eventId, email) !== undefined,
      taken: (eventId) => {
        if (!taken.has(eventId)) taken.set(eventId, this.#takenNow(eventId));
        return taken.get(eventId)!;
      },
      stored: (registration) => {
        const counted = taken.get(registration.eventId);
        if (counted !== undefined && registration.status === 'confirmed') taken.set(registration.eventId, counted + registration.places);
      },
    };
  }

  /** One registration, decided by the shared rules and stored, in a savepoint of its own. */
  #decide(input: RegisterInput, facts: BatchFacts): Outcome {
    const { outcome, created } = decide(input, facts);
    if (created) {
      this.#write(created);
      facts.stored(created);
    }
    return outcome;
  }

  #write(registration: NewRegistration): void {
    this.#insert.run(
      registration.id,
      registration.eventId,
      registration.idempotencyKey,
      registration.payloadHash,
      registration.status,
      registration.places,
      registration.email,
      JSON.stringify(registration.payload),
      registration.response.status,
      JSON.stringify(registration.response.body),
      registration.createdAt,
    );
    for (const email of registration.people) this.#insertPerson.run(registration.eventId, email, registration.id);
  }
}
