// The SQLite registration store (demo/server/sqlite-store.ts) called directly: what `register()`
// decides, what it keeps and hands back, and the file it keeps it in.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { companions, registration, tempDir } from '../endpoint/support/server.mjs';
import { small, unlimited } from '../endpoint/support/events.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { payloadHash, registerInput } from './support/register-input.mjs';

const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const opened = [];
const temps = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const temp of temps.splice(0)) temp.cleanup();
});

function memoryStore() {
  const store = new SqliteStore(':memory:');
  opened.push(store);
  return store;
}

function folder() {
  const temp = tempDir('bijeen-sqlite-');
  temps.push(temp);
  return temp.dir;
}


/** A `RegisterInput` for `event` (a fixture) as the endpoint builds it. */
/** What an erasure asks of the endpoint: here no promotion and no mail. */
const QUIET = { promotable: () => undefined, notify: () => ({ mails: [] }) };

/** Counts per status (every status the store knows), zero where `counts` does not say. */
function countsOf(counts) {
  const zero = { registrations: 0, places: 0 };
  const all = { confirmed: zero, waitlisted: zero, pending: zero, 'pending-waitlist': zero, cancelled: zero, expired: zero };
  return { ...all, ...counts };
}

function input(event, payload = registration(event), overrides = {}) {
  // No access token, no mail (registerInput's default): the mail and store-change tests cover those.
  return registerInput(event, payload, {
    respond: ({ id, status }) => ({ status: 201, body: { id, status, note: `voor ${payload.attendee.name}` } }),
    ...overrides,
  });
}

describe('SqliteStore.register', () => {
  test('created: a new id, confirmed, the answer from respond(), and the registration kept in full', async () => {
    const store = memoryStore();
    const payload = registration(unlimited, { companions: companions(2) });
    const before = Date.now();
    const outcome = await store.register(input(unlimited, payload));
    assert.equal(outcome.kind, 'created');
    assert.match(outcome.registration.id, UUID);
    assert.equal(outcome.registration.status, 'confirmed');
    assert.deepEqual(outcome.response, { status: 201, body: { id: outcome.registration.id, status: 'confirmed', note: `voor ${payload.attendee.name}` } });
    const [row] = await store.list(unlimited.id);
    assert.deepEqual({ ...row, createdAt: undefined }, {
      seq: 1,
      id: outcome.registration.id,
      eventId: unlimited.id,
      status: 'confirmed',
      places: 3,
      createdAt: undefined,
      confirmBy: undefined,
      payload,
    });
    assert.ok(Date.parse(row.createdAt) >= before - 1 && Date.parse(row.createdAt) <= Date.now(), row.createdAt);
    assert.match(row.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('the same key and hash: the first answer again, nothing new; another hash: a key conflict', async () => {
    const store = memoryStore();
    const payload = registration(unlimited);
    const created = await store.register(input(unlimited, payload));
    assert.deepEqual(await store.register(input(unlimited, payload)), { kind: 'replay', response: created.response });
    assert.deepEqual(await store.register(input(unlimited, payload, { payloadHash: 'anders' })), { kind: 'key-conflict' });
    assert.deepEqual(await store.findByKey(payload.idempotencyKey), { payloadHash: payloadHash(payload), response: created.response });
    assert.equal(await store.findByKey('onbekend'), undefined);
    assert.equal((await store.list(unlimited.id)).length, 1);
  });

  test('one person, one place per event: the attendee’s address in any case or spacing is a duplicate', async () => {
    const store = memoryStore();
    const first = registration(unlimited, { companions: companions(1) });
    await store.register(input(unlimited, first));
    const shouting = registration(unlimited, { attendee: { ...first.attendee, email: `  ${first.attendee.email.toUpperCase()} ` } });
    assert.deepEqual(await store.register(input(unlimited, shouting)), { kind: 'duplicate' });
    const companionAsAttendee = registration(unlimited, { attendee: { ...first.attendee, email: first.companions[0].email } });
    assert.deepEqual(await store.register(input(unlimited, companionAsAttendee)), { kind: 'duplicate' });
    const elsewhere = { ...input(unlimited, registration(unlimited, { attendee: first.attendee })), eventId: 'ander-event' };
    assert.equal((await store.register(elsewhere)).kind, 'created', 'another event is another place');
  });

  test('companions: a repeated address and one that already holds a place are named by index', async () => {
    const store = memoryStore();
    const earlier = registration(unlimited, { companions: companions(1) });
    await store.register(input(unlimited, earlier));
    const payload = registration(unlimited);
    payload.companions = [
      { name: 'Nieuw', email: 'nieuw@example.org' },
      { name: 'Al binnen', email: earlier.companions[0].email.toUpperCase() },
      { name: 'Zichzelf', email: payload.attendee.email },
      { name: 'Nog eens nieuw', email: ' NIEUW@example.org' },
      { name: 'Al binnen als deelnemer', email: earlier.attendee.email },
    ];
    assert.deepEqual(await store.register(input(unlimited, payload)), { kind: 'companions-refused', repeated: [2, 3], registered: [1, 4] });
    assert.equal((await store.list(unlimited.id)).length, 1, 'nothing stored');
    assert.equal((await store.register(input(unlimited, registration(unlimited, { attendee: { ...payload.attendee } })))).kind, 'created');
  });

  test('capacity: confirmed while places last, then full with what is left, or waitlisted with a waiting list', async () => {
    const store = memoryStore();
    const pair = () => registration(small, { companions: companions(1) });
    assert.equal((await store.register(input(small, pair()))).registration.status, 'confirmed');
    assert.deepEqual(await store.register(input(small, pair())), { kind: 'full', remaining: 1, nonMember: false });
    assert.equal((await store.register(input(small, registration(small)))).registration.status, 'confirmed', 'exactly the last place');
    assert.deepEqual(await store.register(input(small, registration(small))), { kind: 'full', remaining: 0, nonMember: false });
    const waiting = await store.register(input(small, pair(), { waitlist: true }));
    assert.equal(waiting.registration.status, 'waitlisted');
    assert.equal(waiting.response.body.status, 'waitlisted');
    assert.deepEqual(await store.taken(small.id), { places: 3, nonMemberPlaces: 0 }, 'the waiting list takes no places');
    assert.deepEqual(
      (await store.list(small.id)).map((row) => [row.status, row.places]),
      [
        ['confirmed', 2],
        ['confirmed', 1],
        ['waitlisted', 2],
      ],
    );
  });

  test('a capacity below what is taken (places taken elsewhere): full with 0 left, never less', async () => {
    const store = memoryStore();
    await store.register(input(small, registration(small, { companions: companions(2) })));
    assert.deepEqual(await store.register(input(small, registration(small), { capacity: 1 })), { kind: 'full', remaining: 0, nonMember: false });
    assert.equal((await store.register(input(small, registration(small), { capacity: 0, waitlist: true }))).registration.status, 'waitlisted');
  });

  test('without a capacity every registration is confirmed', async () => {
    const store = memoryStore();
    for (let i = 0; i < 3; i++) {
      const outcome = await store.register(input(unlimited, registration(unlimited, { companions: companions(2) }), { capacity: undefined }));
      assert.equal(outcome.registration.status, 'confirmed');
    }
    assert.equal((await store.taken(unlimited.id)).places, 9);
  });
});

describe('SqliteStore: counts and lists', () => {
  test('taken and takenByEvent count confirmed places per event; list is per event, oldest first', async () => {
    const store = memoryStore();
    assert.deepEqual(await store.taken(small.id), { places: 0, nonMemberPlaces: 0 });
    assert.deepEqual(await store.takenByEvent(), new Map());
    const first = await store.register(input(small, registration(small, { companions: companions(1) })));
    await store.register(input(unlimited, registration(unlimited)));
    const second = await store.register(input(small, registration(small)));
    await store.register(input(small, registration(small), { capacity: 3, waitlist: true }));
    await store.register(input(small, registration(small), { capacity: 0, waitlist: true }));
    assert.deepEqual(await store.taken(small.id), { places: 3, nonMemberPlaces: 0 });
    assert.deepEqual(
      await store.takenByEvent(),
      new Map([
        [small.id, { places: 3, nonMemberPlaces: 0 }],
        [unlimited.id, { places: 1, nonMemberPlaces: 0 }],
      ]),
    );
    const rows = await store.list(small.id);
    assert.deepEqual(rows.slice(0, 2).map((row) => row.id), [first.registration.id, second.registration.id]);
    assert.deepEqual(rows.map((row) => row.seq), [1, 3, 4, 5]);
    assert.deepEqual(await store.list('geen'), []);
  });
});

describe('SqliteStore: the file', () => {
  test('created 0600 in a folder it creates 0700; registrations survive a reopen', async () => {
    const dir = folder();
    const path = join(dir, 'data', 'nieuw', 'bijeen.sqlite');
    const store = new SqliteStore(path);
    const payload = registration(unlimited);
    await store.register(input(unlimited, payload));
    await store.close();
    await store.close();
    assert.equal(statSync(join(dir, 'data', 'nieuw')).mode & 0o777, 0o700);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const reopened = new SqliteStore(path);
    opened.push(reopened);
    assert.deepEqual((await reopened.list(unlimited.id)).map((row) => row.payload), [payload]);
    const db = new Database(path, { readonly: true });
    assert.deepEqual(
      [db.pragma('journal_mode', { simple: true }), db.pragma('user_version', { simple: true })],
      ['wal', 4],
    );
    db.close();
  });

  test('an existing folder keeps its mode', () => {
    const dir = folder();
    mkdirSync(join(dir, 'open'), { mode: 0o755 });
    opened.push(new SqliteStore(join(dir, 'open', 'bijeen.sqlite')));
    assert.equal(statSync(join(dir, 'open')).mode & 0o777, 0o755);
  });

  test('a database from a newer server is refused, naming both versions', () => {
    const path = join(folder(), 'nieuwer.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 5');
    db.close();
    assert.throws(() => new SqliteStore(path), { message: `${path} has schema version 5; this server knows up to 4` });
  });

  test('version 1: people get ON DELETE CASCADE, and rows whose registration is gone stop blocking an address', async () => {
    const path = join(folder(), 'oud.sqlite');
    const old = new Database(path);
    // A person left behind by a registration deleted without the cascade.
    old.pragma('foreign_keys = OFF');
    old.exec(`
      CREATE TABLE registrations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE, payload_hash TEXT NOT NULL, status TEXT NOT NULL, places INTEGER NOT NULL,
        email TEXT NOT NULL, payload TEXT NOT NULL, response_status INTEGER NOT NULL, response_body TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE people (event_id TEXT NOT NULL, email TEXT NOT NULL, registration_id TEXT NOT NULL REFERENCES registrations (id));
      INSERT INTO registrations VALUES (1, 'r1', 'onbeperkt', 'k1', 'h', 'confirmed', 1, 'blijft@example.org',
        '{"attendee":{"name":"Blijft","email":"blijft@example.org","organisation":"Het Baken"},"companions":[]}', 201, '{}',
        '2026-01-01T00:00:00.000Z');
      INSERT INTO people VALUES ('onbeperkt', 'blijft@example.org', 'r1');
      INSERT INTO people VALUES ('onbeperkt', 'verweesd@example.org', 'weg');
      PRAGMA user_version = 1;`);
    old.close();
    const store = new SqliteStore(path);
    opened.push(store);
    const attendee = (email) => registration(unlimited, { attendee: { name: 'Iemand', email, organisation: 'Het Baken' } });
    assert.equal((await store.register(input(unlimited, attendee('verweesd@example.org')))).kind, 'created');
    assert.equal((await store.register(input(unlimited, attendee('blijft@example.org')))).kind, 'duplicate', 'kept rows still count');
    const db = new Database(path);
    assert.equal(db.prepare("SELECT on_delete FROM pragma_foreign_key_list('people')").get().on_delete, 'CASCADE');
    assert.equal(db.pragma('user_version', { simple: true }), 4);
    db.close();
  });
});

/** A registration for `event` by someone at `domain` (their organisation `organisation`) with `count` companions. */
function from(event, domain, count, extra = {}) {
  const payload = registration(event, { companions: companions(count), ...extra });
  payload.attendee = { ...payload.attendee, email: `${crypto.randomUUID().slice(0, 8)}@${domain}`, organisation: extra.organisation ?? 'Het Baken' };
  return payload;
}

/** The tables of a version 2 file, as a server of that version made them. */
const VERSION_2_TABLES = `
  CREATE TABLE registrations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE, payload_hash TEXT NOT NULL, status TEXT NOT NULL, places INTEGER NOT NULL,
    email TEXT NOT NULL, payload TEXT NOT NULL, response_status INTEGER NOT NULL, response_body TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE people (event_id TEXT NOT NULL, email TEXT NOT NULL,
    registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE);
  PRAGMA user_version = 2;`;

describe('SqliteStore: upgrading a version 2 file', () => {
  test('each registration gets its member answer and organisation, and counts by them from then on', async () => {
    const path = join(folder(), 'versie2.sqlite');
    const old = new Database(path);
    old.exec(VERSION_2_TABLES);
    const insert = old.prepare("INSERT INTO registrations VALUES (?, ?, 'onbeperkt', ?, 'h', 'confirmed', ?, ?, ?, 201, '{}', '2026-01-01T00:00:00.000Z')");
    const row = (seq, email, member, count) => {
      const payload = { attendee: { name: 'Oud', email, organisation: 'Het Baken' }, companions: companions(count), member };
      insert.run(seq, `r${seq}`, `k${seq}`, 1 + count, email, JSON.stringify(payload));
    };
    row(1, 'een@woonbaken.nl', false, 1);
    row(2, 'twee@woonbaken.nl', true, 1);
    row(3, 'drie@example.org', undefined, 0);
    old.close();
    const store = new SqliteStore(path);
    opened.push(store);
    assert.deepEqual(await store.taken(unlimited.id), { places: 5, nonMemberPlaces: 2 });
    const colleague = input(unlimited, from(unlimited, 'woonbaken.nl', 1), { maxCompanionsPerOrganisation: 2 });
    assert.deepEqual(await store.register(colleague), { kind: 'organisation-limit', left: 0 });
    const db = new Database(path, { readonly: true });
    assert.deepEqual(
      db.prepare('SELECT member, organisation FROM registrations ORDER BY seq').all(),
      [
        { member: 0, organisation: 'domain:woonbaken.nl' },
        { member: 1, organisation: 'domain:woonbaken.nl' },
        { member: null, organisation: 'domain:example.org' },
      ],
    );
    assert.equal(db.pragma('user_version', { simple: true }), 4);
    db.close();
  });
});

describe('SqliteStore: upgrading a version 3 file', () => {
  test('its registrations stay, and registrations that wait for their confirmation can be stored from then on', async () => {
    const path = join(folder(), 'versie3.sqlite');
    const old = new Database(path);
    old.exec(VERSION_2_TABLES);
    old.exec('ALTER TABLE registrations ADD COLUMN member INTEGER; ALTER TABLE registrations ADD COLUMN organisation TEXT; PRAGMA user_version = 3;');
    const payload = registration(unlimited);
    old.prepare("INSERT INTO registrations VALUES (1, 'r1', ?, 'k1', 'h', 'confirmed', 1, ?, ?, 201, '{}', '2026-01-01T00:00:00.000Z', 1, NULL)")
      .run(unlimited.id, payload.attendee.email, JSON.stringify(payload));
    old.prepare('INSERT INTO people VALUES (?, ?, ?)').run(unlimited.id, payload.attendee.email, 'r1');
    old.close();

    const store = new SqliteStore(path);
    opened.push(store);
    const [kept] = await store.list(unlimited.id);
    assert.deepEqual([kept.id, kept.status, kept.confirmBy, kept.payload], ['r1', 'confirmed', undefined, payload]);
    const confirmBy = new Date(Date.now() + 60_000).toISOString();
    const held = await store.register(input(unlimited, registration(unlimited), { confirmBy }));
    assert.deepEqual([held.registration.status, held.registration.confirmBy], ['pending', confirmBy]);
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), 4);
    db.close();
  });

  test('a file whose rows point at registrations that are not there is refused, and left as it was', () => {
    const path = join(folder(), 'versie3-kapot.sqlite');
    const old = new Database(path);
    old.pragma('foreign_keys = OFF');
    old.exec(VERSION_2_TABLES);
    old.exec('ALTER TABLE registrations ADD COLUMN member INTEGER; ALTER TABLE registrations ADD COLUMN organisation TEXT; PRAGMA user_version = 3;');
    old.prepare('INSERT INTO people VALUES (?, ?, ?)').run(unlimited.id, 'weg@example.org', 'niet-daar');
    old.close();
    assert.throws(() => new SqliteStore(path), { message: `${path}: 1 rows point at rows that do not exist` });
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), 3);
    assert.equal(db.prepare('SELECT count(*) AS n FROM people').get().n, 1);
    db.close();
  });
});

describe('SqliteStore: companions per organisation', () => {
  const limited = (payload, overrides = {}) => input(unlimited, payload, { maxCompanionsPerOrganisation: 2, ...overrides });

  test('an organisation’s companions are counted over all its registrations, by mail domain', async () => {
    const store = memoryStore();
    assert.equal((await store.register(limited(from(unlimited, 'woonbaken.nl', 1)))).kind, 'created');
    assert.deepEqual(await store.register(limited(from(unlimited, 'WOONBAKEN.nl', 2))), { kind: 'organisation-limit', left: 1 });
    assert.equal((await store.register(limited(from(unlimited, 'woonbaken.nl', 1)))).kind, 'created');
    assert.deepEqual(await store.register(limited(from(unlimited, 'woonbaken.nl', 1))), { kind: 'organisation-limit', left: 0 });
    assert.equal((await store.register(limited(from(unlimited, 'woonbaken.nl', 0)))).kind, 'created', 'without companions: always');
    assert.equal((await store.register(limited(from(unlimited, 'zorggroep.nl', 2)))).kind, 'created', 'another organisation');
    const elsewhere = { ...limited(from(unlimited, 'woonbaken.nl', 2)), eventId: 'ander-event' };
    assert.equal((await store.register(elsewhere)).kind, 'created', 'another event');
    assert.equal((await store.register(input(unlimited, from(unlimited, 'woonbaken.nl', 2)))).kind, 'created', 'no limit set');
  });

  test('at a public mail provider by the organisation’s name; without a name to match, on its own', async () => {
    const store = memoryStore();
    assert.equal((await store.register(limited(from(unlimited, 'gmail.com', 2, { organisation: 'Stichting Het Baken' })))).kind, 'created');
    assert.deepEqual(await store.register(limited(from(unlimited, 'ziggo.nl', 1, { organisation: 'het baken' }))), {
      kind: 'organisation-limit',
      left: 0,
    });
    assert.equal((await store.register(limited(from(unlimited, 'gmail.com', 2, { organisation: '—' })))).kind, 'created');
    assert.equal((await store.register(limited(from(unlimited, 'gmail.com', 2, { organisation: '—' })))).kind, 'created');
  });

  test('companions on the waiting list count too', async () => {
    const store = memoryStore();
    const waiting = limited(from(small, 'woonbaken.nl', 2), { capacity: 0, waitlist: true });
    assert.equal((await store.register(waiting)).registration.status, 'waitlisted');
    assert.deepEqual(await store.register(limited(from(small, 'woonbaken.nl', 1))), { kind: 'organisation-limit', left: 0 });
  });
});

describe('SqliteStore: places for non-members', () => {
  test('non-members take at most their share of the capacity; members, and registrations not asked, the rest', async () => {
    const store = memoryStore();
    const limits = { capacity: 5, nonMemberCapacity: 2 };
    const as = (member, count = 0) => input(unlimited, registration(unlimited, { member, companions: companions(count) }), limits);
    assert.equal((await store.register(as(false, 1))).kind, 'created');
    assert.deepEqual(await store.taken(unlimited.id), { places: 2, nonMemberPlaces: 2 });
    assert.deepEqual(await store.register(as(false)), { kind: 'full', remaining: 0, nonMember: true });
    assert.equal((await store.register(as(true, 1))).kind, 'created');
    assert.equal((await store.register(as(undefined))).kind, 'created', 'not asked counts as a member');
    assert.deepEqual(await store.taken(unlimited.id), { places: 5, nonMemberPlaces: 2 });
    assert.deepEqual(await store.register(as(true)), { kind: 'full', remaining: 0, nonMember: false });
    const waiting = await store.register({ ...as(false), waitlist: true });
    assert.equal(waiting.registration.status, 'waitlisted');
    assert.deepEqual(await store.takenByEvent(), new Map([[unlimited.id, { places: 5, nonMemberPlaces: 2 }]]));
  });
});

describe('SqliteStore: access and erasure', () => {
  test('findPerson: every registration naming the address, as attendee or companion, oldest first', async () => {
    const store = memoryStore();
    const own = registration(unlimited);
    const other = registration(small, { companions: [{ name: 'Fien', email: own.attendee.email.toUpperCase() }] });
    await store.register(input(unlimited, own));
    await store.register(input(small, other));
    await store.register(input(unlimited, registration(unlimited)));
    const found = await store.findPerson(` ${own.attendee.email.toUpperCase()}`);
    assert.deepEqual(
      found.map((entry) => [entry.role, entry.registration.eventId, entry.registration.payload.attendee.email]),
      [
        ['attendee', unlimited.id, own.attendee.email],
        ['companion', small.id, other.attendee.email],
      ],
    );
    assert.deepEqual(await store.findPerson('niemand@example.org'), []);
  });

  test('erasePerson: their registrations go (key and all), their companion entries leave others one place smaller', async () => {
    const store = memoryStore();
    const own = registration(unlimited, { companions: companions(1) });
    const other = registration(small, { companions: [{ name: 'Fien', email: own.attendee.email }, ...companions(1)] });
    await store.register(input(unlimited, own));
    await store.register(input(small, other, { capacity: undefined }));
    const erasure = await store.erasePerson(own.attendee.email.toUpperCase(), QUIET);
    assert.deepEqual(erasure, { registrations: 1, companions: 1, eventIds: [unlimited.id, small.id], promoted: [], mailIds: [] });
    assert.deepEqual(await store.list(unlimited.id), []);
    assert.equal(await store.findByKey(own.idempotencyKey), undefined);
    const [kept] = await store.list(small.id);
    assert.equal(kept.places, 2);
    assert.deepEqual(kept.payload.companions, other.companions.slice(1));
    assert.deepEqual(await store.findPerson(own.attendee.email), []);
    const again = registration(small, { attendee: { ...own.attendee } });
    assert.equal((await store.register(input(small, again, { capacity: undefined }))).kind, 'created', 'the address may register again');
    assert.equal((await store.register(input(unlimited, registration(unlimited, { attendee: { ...own.companions[0], organisation: 'X' } })))).kind, 'created');
    assert.deepEqual(await store.erasePerson('niemand@example.org', QUIET), { registrations: 0, companions: 0, eventIds: [], promoted: [], mailIds: [] });
  });

  test('eraseEvent: the registrations go, their counts per status stay and keep counting', async () => {
    const store = memoryStore();
    await store.register(input(small, registration(small, { companions: companions(1) })));
    await store.register(input(small, registration(small), { capacity: 2, waitlist: true }));
    await store.register(input(unlimited, registration(unlimited)));
    assert.deepEqual(await store.registeredEvents(), [small.id, unlimited.id].sort());
    const counts = countsOf({ confirmed: { registrations: 1, places: 2 }, waitlisted: { registrations: 1, places: 1 } });
    assert.deepEqual(await store.eraseEvent(small.id), { counts, mailIds: [] });
    assert.deepEqual(await store.list(small.id), []);
    assert.deepEqual(await store.registeredEvents(), [unlimited.id]);
    assert.deepEqual(await store.counts(small.id), counts);
    assert.deepEqual(await store.taken(small.id), { places: 2, nonMemberPlaces: 0 }, 'erased places stay taken');
    await store.register(input(small, registration(small)));
    assert.deepEqual(await store.eraseEvent(small.id), { counts: countsOf({ confirmed: { registrations: 1, places: 1 } }), mailIds: [] });
    assert.deepEqual(await store.counts(small.id), countsOf({ confirmed: { registrations: 2, places: 3 }, waitlisted: { registrations: 1, places: 1 } }));
    assert.deepEqual(await store.eraseEvent('leeg'), { counts: countsOf({}), mailIds: [] });
  });
});

describe('SqliteStore: erased means gone from the files', () => {
  /** Whether `text` is anywhere in the database file or its write-ahead log. */
  function inFiles(path, text) {
    return [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text)));
  }

  test('an erased person: no copy left in the database or its log', async () => {
    const path = join(folder(), 'bijeen.sqlite');
    const store = new SqliteStore(path);
    opened.push(store);
    const person = registration(unlimited, { remarks: `kenmerk-${crypto.randomUUID()}` });
    await store.register(input(unlimited, person));
    await store.register(input(unlimited, registration(unlimited)));
    assert.ok(inFiles(path, person.remarks), 'written to disk');
    await store.erasePerson(person.attendee.email, QUIET);
    assert.equal(inFiles(path, person.remarks), false);
    assert.equal(inFiles(path, person.attendee.email), false);
  });

  test('an erased event: no copy left in the database or its log', async () => {
    const path = join(folder(), 'bijeen.sqlite');
    const store = new SqliteStore(path);
    opened.push(store);
    const person = registration(small, { remarks: `kenmerk-${crypto.randomUUID()}` });
    await store.register(input(small, person));
    await store.eraseEvent(small.id);
    assert.equal(inFiles(path, person.remarks), false);
  });

  test('upgrading a file from before secure_delete clears rows an older server deleted', async () => {
    const path = join(folder(), 'oud.sqlite');
    const old = new Database(path);
    old.exec(VERSION_2_TABLES);
    const gone = `weg-${crypto.randomUUID()}@example.org`;
    const payload = JSON.stringify({ attendee: { name: 'Weg', email: gone, organisation: 'X' }, companions: [] });
    old.prepare("INSERT INTO registrations VALUES (1, 'r1', 'e', 'k', 'h', 'confirmed', 1, ?, ?, 201, '{}', 'x')").run(gone, payload);
    old.prepare("DELETE FROM registrations WHERE id = 'r1'").run();
    old.close();
    assert.ok(inFiles(path, gone), 'the older server left the deleted row in a free page');
    opened.push(new SqliteStore(path));
    assert.equal(inFiles(path, gone), false);
  });

  test('an in-memory store leaves no file behind', () => {
    rmSync(':memory:', { force: true });
    opened.push(new SqliteStore(':memory:'));
    assert.equal(existsSync(':memory:'), false);
  });
});
