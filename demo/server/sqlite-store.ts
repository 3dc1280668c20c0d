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
 * Atomicity: better-sqlite3 is synchronous and this process is its only writer, so the batch
 * transaction (for each registration: idempotency look-up, duplicate check, organisation and
 * capacity counts, insert) runs start to end without any other request in between: capacity is
 * never overbooked. The unique indexes are a second line of defence.
 *
 * One person, one place: an e-mail address holds at most one place per event, as attendee or as
 * companion (the `people` table, one row per person, deleted with their registration).
 *
 * The seed meeting's rules: each registration keeps its answer to the member question (`member`:
 * 1, 0, or NULL when not asked) and its organisation (`organisationKey()`; NULL when there is
 * nothing to match by, so it matches no other), so the non-members' places and the companions per
 * organisation are counted by index inside the same transaction.
 *
 * Erasure: `secure_delete` overwrites deleted rows and freed pages with zeros, and after every
 * erasure a `TRUNCATE` checkpoint copies the zeroed pages into the file and empties the write-ahead
 * log, whose older frames still hold the erased rows. Retention keeps a past event's counts in
 * `erased_counts` (per status: registrations and places), not its people.
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
import { countsOf, normaliseEmail } from './store.js';
import type {
  EventCounts,
  Outcome,
  PersonEntry,
  PersonErasure,
  RegisterInput,
  RegistrationStatus,
  RegistrationStore,
  StoredRegistration,
  StoredResponse,
  Taken,
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
  payload: string;
}

const SCHEMA_VERSION = 3;

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
  member          INTEGER CHECK (member IN (0, 1)),
  organisation    TEXT,
  payload         TEXT    NOT NULL,
  response_status INTEGER NOT NULL,
  response_body   TEXT    NOT NULL,
  created_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS registrations_event_email ON registrations (event_id, email);
CREATE INDEX IF NOT EXISTS registrations_event_status ON registrations (event_id, status);
CREATE INDEX IF NOT EXISTS registrations_event_organisation ON registrations (event_id, organisation);
-- Every person of a registration (attendee and companions), for the duplicate check by index.
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

/** The `member` column: the answer to the member question, NULL when it was not asked. */
function memberColumn(member: boolean | undefined): number | null {
  return member === undefined ? null : Number(member);
}

function stored(row: RegistrationRow): StoredRegistration {
  return {
    seq: row.seq,
    id: row.id,
    eventId: row.event_id,
    status: row.status,
    places: row.places,
    createdAt: row.created_at,
    payload: JSON.parse(row.payload) as RegistrationPayload,
  };
}

export class SqliteStore implements RegistrationStore {
  readonly #db: Database.Database;
  readonly #byKey: Database.Statement<[string], { payload_hash: string; response_status: number; response_body: string }>;
  readonly #emailTaken: Database.Statement<[string, string], { found: number }>;
  readonly #insertPerson: Database.Statement<[string, string, string]>;
  readonly #taken: Database.Statement<[string], TakenRow>;
  readonly #takenAll: Database.Statement<[], TakenRow & { event_id: string }>;
  readonly #organisationCompanions: Database.Statement<[string, string], { companions: number }>;
  readonly #insert: Database.Statement<
    [string, string, string, string, RegistrationStatus, number, string, number | null, string | null, string, number, string, string]
  >;
  readonly #list: Database.Statement<[string], RegistrationRow>;
  readonly #registeredEvents: Database.Statement<[], { event_id: string }>;
  readonly #byPerson: Database.Statement<[string, string], RegistrationRow & { email: string }>;
  readonly #delete: Database.Statement<[string]>;
  readonly #dropCompanion: Database.Statement<[string, number, string]>;
  readonly #deletePerson: Database.Statement<[string, string]>;
  readonly #eventCounts: Database.Statement<[string], { status: RegistrationStatus; registrations: number; places: number }>;
  readonly #erasedCounts: Database.Statement<[string], { status: RegistrationStatus; registrations: number; places: number }>;
  readonly #keepCounts: Database.Statement<[string]>;
  readonly #deleteEvent: Database.Statement<[string]>;
  readonly #commits: Batcher<RegisterInput, Outcome>;
  readonly #erasePerson: (email: string) => PersonErasure;
  readonly #eraseEvent: (eventId: string) => EventCounts;

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
    this.#db.pragma('secure_delete = ON');
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${path} has schema version ${version}; this server knows up to ${SCHEMA_VERSION}`);
    }
    this.#db.transaction(() => {
      if (version === 1) this.#db.exec(MIGRATE_TO_2);
      if (version === 1 || version === 2) {
        this.#db.exec(MIGRATE_TO_3);
        this.#fillOrganisations();
      }
      this.#db.exec(SCHEMA);
      this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    // Files written before `secure_delete` may hold copies of live rows in free pages (the table
    // version 2 dropped); rebuilt once, so erasing those rows later leaves no copy behind.
    if (version > 0 && version < 3) {
      this.#db.exec('VACUUM');
      this.#scrub();
    }

    this.#byKey = this.#db.prepare(
      'SELECT payload_hash, response_status, response_body FROM registrations WHERE idempotency_key = ?',
    );
    // The attendee's address against earlier attendees and earlier companions of the same event.
    this.#emailTaken = this.#db.prepare('SELECT 1 AS found FROM people WHERE event_id = ? AND email = ? LIMIT 1');
    this.#insertPerson = this.#db.prepare('INSERT INTO people (event_id, email, registration_id) VALUES (?, ?, ?)');
    // Confirmed places in all, and those of registrations that answered the member question "no";
    // retention's erased counts included, so a past event's counts stay as they were.
    const held = `
      SELECT event_id, places, CASE WHEN member = 0 THEN places ELSE 0 END AS non_member_places
        FROM registrations WHERE status = 'confirmed'
      UNION ALL
      SELECT event_id, places, 0 FROM erased_counts WHERE status = 'confirmed'`;
    const takenColumns = 'coalesce(sum(places), 0) AS places, coalesce(sum(non_member_places), 0) AS non_member_places';
    this.#taken = this.#db.prepare(`SELECT ${takenColumns} FROM (${held}) AS held WHERE event_id = ?`);
    this.#takenAll = this.#db.prepare(`SELECT event_id, ${takenColumns} FROM (${held}) AS held GROUP BY event_id`);
    // Companions of every registration of the organisation that holds or waits for a place.
    this.#organisationCompanions = this.#db.prepare(`
      SELECT coalesce(sum(places - 1), 0) AS companions FROM registrations
      WHERE event_id = ? AND organisation = ? AND status IN ('confirmed', 'waitlisted')`);
    this.#insert = this.#db.prepare(`
      INSERT INTO registrations
        (id, event_id, idempotency_key, payload_hash, status, places, email, member, organisation, payload, response_status, response_body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#list = this.#db.prepare(
      'SELECT seq, id, event_id, status, places, created_at, payload FROM registrations WHERE event_id = ? ORDER BY seq',
    );
    this.#registeredEvents = this.#db.prepare('SELECT DISTINCT event_id FROM registrations ORDER BY event_id');
    // By what the registration holds, not by `people`: that table is only for the duplicate check.
    // Addresses are ASCII (the schema's rule) and stored trimmed, so `lower()` normalises them.
    this.#byPerson = this.#db.prepare(`
      SELECT seq, id, event_id, status, places, created_at, payload, email FROM registrations
      WHERE email = ? OR EXISTS (
        SELECT 1 FROM json_each(registrations.payload, '$.companions') AS companion
        WHERE lower(json_extract(companion.value, '$.email')) = ?)
      ORDER BY seq`);
    this.#delete = this.#db.prepare('DELETE FROM registrations WHERE id = ?');
    this.#dropCompanion = this.#db.prepare('UPDATE registrations SET payload = ?, places = ? WHERE id = ?');
    this.#deletePerson = this.#db.prepare('DELETE FROM people WHERE registration_id = ? AND email = ?');
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
    // Called inside the batch's transaction, better-sqlite3 runs this one in a savepoint.
    const decideOne = this.#db.transaction((input: RegisterInput, facts: BatchFacts) => this.#decide(input, facts));
    // `.immediate`: take the write lock at BEGIN, so the reads inside count what the inserts see.
    const commitBatch = this.#db.transaction((inputs: RegisterInput[]) => {
      const facts = this.#batchFacts();
      return inputs.map((input) => settle(() => decideOne(input, facts)));
    }).immediate;
    this.#commits = new Batcher(async (inputs) => commitBatch(inputs), GROUP_COMMIT);
    this.#erasePerson = this.#db.transaction((email: string) => this.#forget(email)).immediate;
    this.#eraseEvent = this.#db.transaction((eventId: string) => {
      const erased = countsOf(this.#eventCounts.all(eventId));
      this.#keepCounts.run(eventId);
      this.#deleteEvent.run(eventId);
      return erased;
    }).immediate;
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
  async taken(eventId: string): Promise<Taken> {
    return this.#takenNow(eventId);
  }

  #takenNow(eventId: string): Taken {
    return takenOf(this.#taken.get(eventId));
  }

  /** `taken()` for every event at once. */
  async takenByEvent(): Promise<Map<string, Taken>> {
    return new Map(this.#takenAll.all().map((row) => [row.event_id, takenOf(row)]));
  }

  /** Every registration of an event, oldest first. */
  async list(eventId: string): Promise<StoredRegistration[]> {
    return this.#list.all(eventId).map(stored);
  }

  /** Decides and stores one registration atomically, in the next group commit; see the file comment. */
  register(input: RegisterInput): Promise<Outcome> {
    return this.#commits.submit(input);
  }

  /** Migration to version 3: the organisation of every registration stored before. */
  #fillOrganisations() {
    const rows = this.#db.prepare<[], { id: string; payload: string }>('SELECT id, payload FROM registrations').all();
    const update = this.#db.prepare<[string | null, string]>('UPDATE registrations SET organisation = ? WHERE id = ?');
    for (const row of rows) update.run(organisationKey((JSON.parse(row.payload) as RegistrationPayload).attendee) ?? null, row.id);
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
      registration: stored(row),
    }));
  }

  /** Erases `email` everywhere in one transaction, then from the files; see the interface. */
  async erasePerson(email: string): Promise<PersonErasure> {
    const erasure = this.#erasePerson(normaliseEmail(email));
    if (erasure.eventIds.length > 0) this.#scrub();
    return erasure;
  }

  /** Retention: every registration of `eventId` erased, its counts kept; see the interface. */
  async eraseEvent(eventId: string): Promise<EventCounts> {
    const erased = this.#eraseEvent(eventId);
    if (Object.values(erased).some((count) => count.registrations > 0)) this.#scrub();
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

  #forget(email: string): PersonErasure {
    const erasure: PersonErasure = { registrations: 0, companions: 0, eventIds: [] };
    for (const row of this.#byPerson.all(email, email)) {
      if (row.email === email) {
        // Its `people` rows go with it (ON DELETE CASCADE), and so does its idempotency record.
        this.#delete.run(row.id);
        erasure.registrations++;
      } else {
        const payload = JSON.parse(row.payload) as RegistrationPayload;
        const kept = payload.companions.filter((companion) => normaliseEmail(companion.email) !== email);
        const dropped = payload.companions.length - kept.length;
        this.#dropCompanion.run(JSON.stringify({ ...payload, companions: kept }), row.places - dropped, row.id);
        this.#deletePerson.run(row.id, email);
        erasure.companions += dropped;
      }
      if (!erasure.eventIds.includes(row.event_id)) erasure.eventIds.push(row.event_id);
    }
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
      memberColumn(registration.member),
      registration.organisation ?? null,
      JSON.stringify(registration.payload),
      registration.response.status,
      JSON.stringify(registration.response.body),
      registration.createdAt,
    );
    for (const email of registration.people) this.#insertPerson.run(registration.eventId, email, registration.id);
  }
}

function takenOf(row: TakenRow | undefined): Taken {
  return { places: row?.places ?? 0, nonMemberPlaces: row?.non_member_places ?? 0 };
}
