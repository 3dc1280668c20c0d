// `npm run migrate-to-postgres` (demo/server/migrate-to-postgres.ts) in the test process: an SQLite
// database made by `SqliteStore` is copied into PostgreSQL (support/postgres-stores.mjs), where a
// `PostgresStore` goes on where SQLite left off; the copy is refused, whole, when the target holds
// registrations or the two sides disagree on a table or a column. The script as a process (its
// exit code, the endpoint started on the copy) is test/node/endpoint/migrate-to-postgres.test.mjs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { full50, rules, unlimited, waitlist50 } from '../endpoint/support/events.mjs';
import { companions, registration, tempDir } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { closePostgresStores, emptySchema, openPostgres, PostgresStore, track, withClient } from './support/postgres-stores.mjs';
import { registerInput } from './support/register-input.mjs';

const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);
const { copyToPostgres, run } = await tsImport('../../../demo/server/migrate-to-postgres.ts', import.meta.url);

const temps = [];
afterEach(async () => {
  await closePostgresStores();
  for (const temp of temps.splice(0)) temp.cleanup();
});

/** A path for a new SQLite file. */
function sqlitePath() {
  const temp = tempDir('bijeen-migrate-');
  temps.push(temp);
  return join(temp.dir, 'bijeen.sqlite');
}

/** An empty PostgreSQL database with the current schema. */
async function emptyPostgres() {
  return (await openPostgres({ instances: 0 })).url;
}

const tokenHash = (id) => createHash('sha256').update(`token-${id}`).digest('hex');

/** A `RegisterInput` whose change gives a token and one mail to the attendee. */
function input(event, payload, overrides = {}) {
  return registerInput(event, payload, {
    notify: ({ kind, registration: stored }) => ({
      tokenHash: tokenHash(stored.id),
      mails: [{ to: stored.payload.attendee.email, message: { kind, id: stored.id, payload: stored.payload } }],
    }),
    ...overrides,
  });
}

/**
 * An SQLite database as an endpoint leaves it: registrations with companions, member answers
 * yes, no and none, an organisation by name, a waiting list, a pending hold, tokens, queued, sent
 * and given-up mails, and the counts of an event retention erased. Resolves to what it holds.
 */
async function usedSqlite(path) {
  const store = new SqliteStore(path);
  const registered = [];
  const add = async (event, payload, overrides) => {
    const outcome = await store.register(input(event, payload, overrides));
    registered.push({ event, payload, outcome });
  };
  for (let index = 0; index < 4; index++) {
    await add(rules, registration(rules, { member: index % 2 === 0, companions: companions(index % 3, `mig${index}`) }));
  }
  await add(unlimited, registration(unlimited, { attendee: { name: 'Via de gemeente', email: 'gemeente-migratie@gmail.com', organisation: 'Gemeente Uden' } }));
  await add(unlimited, registration(unlimited), { confirmBy: new Date(Date.now() + 3_600_000).toISOString() });
  const small = { ...waitlist50, registration: { ...waitlist50.registration, capacity: 1 } };
  await add(small, registration(small));
  await add(small, registration(small, { remarks: 'Graag een plek vooraan — rolstoel' }));
  const [sent, failed] = await store.claimMails(new Date(Date.now() + 1_000), 2, 60_000);
  await store.mailSent(sent.id, new Date());
  await store.mailFailed(failed.id, 'smtp: 550 no such user', undefined);
  // A past event that retention erased: only its counts stay, and they must move too.
  const past = { ...full50, id: 'voorbij' };
  for (let index = 0; index < 3; index++) await store.register(input(past, registration(past)));
  await store.eraseEvent(past.id);
  await store.close();
  return { registered, events: [rules.id, unlimited.id, small.id] };
}

/** What `store` holds, as the endpoint sees it: the registrations of `events`, their answers, tokens and mails, the counts. */
async function contents(store, registered, events) {
  const seen = {};
  for (const eventId of [...events, 'voorbij']) {
    seen[eventId] = { list: await store.list(eventId), counts: await store.counts(eventId), taken: await store.taken(eventId) };
  }
  seen.answers = await Promise.all(registered.map(({ payload }) => store.findByKey(payload.idempotencyKey)));
  seen.tokens = await Promise.all(registered.map(({ outcome }) => store.findByToken(tokenHash(outcome.registration.id))));
  seen.mails = await Promise.all(registered.map(({ payload }) => store.mailsTo(payload.attendee.email)));
  seen.takenByEvent = Object.fromEntries([...(await store.takenByEvent())].sort());
  seen.events = await store.registeredEvents();
  return seen;
}

/** Rows per table in the PostgreSQL database at `url`. */
async function rowCounts(url) {
  return withClient(url, async (client) => {
    const counts = {};
    for (const table of ['registrations', 'access_tokens', 'erased_counts', 'mail_queue', 'people']) {
      counts[table] = (await client.query(`SELECT count(*)::integer AS count FROM ${table}`)).rows[0].count;
    }
    return counts;
  });
}

/** `run()` with these settings; resolves to its exit code and the lines it wrote. */
async function runScript(env) {
  const lines = [];
  const errors = [];
  const code = await run(env, (line) => lines.push(line), (line) => errors.push(line));
  return { code, lines, errors };
}

describe('migrate-to-postgres', () => {
  test('copies every table and row, and a PostgresStore goes on where SQLite left off', async () => {
    const path = sqlitePath();
    const { registered, events } = await usedSqlite(path);
    const url = new URL(await emptyPostgres());
    url.password = 'geheim';

    const { code, lines, errors } = await runScript({ DATABASE_PATH: path, DATABASE_URL: url.href });
    assert.deepEqual(errors, []);
    assert.equal(code, 0);
    const shown = new URL(url);
    shown.password = '';
    const sqlite = new Database(path, { readonly: true });
    const count = (table) => sqlite.prepare(`SELECT count(*) AS count FROM ${table}`).get().count;
    const tables = ['registrations', 'access_tokens', 'erased_counts', 'mail_queue', 'people'];
    assert.deepEqual(lines, [
      `Copying ${path} into ${shown.href}`,
      ...tables.map((table) => `  ${table}: ${count(table)} rows`),
      'Done. Start the endpoint with DATABASE_URL set.',
    ]);
    assert.doesNotMatch(lines.join('\n'), /geheim/);
    assert.deepEqual(await rowCounts(url.href), Object.fromEntries(tables.map((table) => [table, count(table)])));
    const members = sqlite.prepare('SELECT DISTINCT member FROM registrations ORDER BY member').all().map((row) => row.member);
    assert.deepEqual(members, [null, 0, 1], 'member answers yes, no and none to copy');
    sqlite.close();

    // What the endpoint reads is the same, to the millisecond, on both.
    const before = new SqliteStore(path);
    const after = track(await PostgresStore.open(url.href));
    const expected = await contents(before, registered, events);
    await before.close();
    assert.deepEqual(await contents(after, registered, events), expected);
    assert.ok(expected.mails.flat().some((mail) => mail.sentAt !== null && mail.message === null), 'a sent mail among them');
    assert.equal(expected.voorbij.counts.confirmed.registrations, 3, 'an erased event\'s counts among them');
    // Numbering goes on after the highest number SQLite handed out: the erased event's too.
    const next = await after.register(input(unlimited, registration(unlimited)));
    assert.equal(next.registration.seq, registered.length + 3 + 1);
    const [mail] = await after.mailsTo(next.registration.payload.attendee.email);
    assert.equal(mail.id, expected.mails.flat().length + 3 + 1);
  });

  test('an empty SQLite database copies as empty tables, and numbering starts at 1', async () => {
    const path = sqlitePath();
    // A brand new schema: the script brings it to the current version first.
    const url = await emptySchema();
    const copied = await copyToPostgres(path, url, () => {});
    assert.deepEqual([...copied], [['registrations', 0], ['access_tokens', 0], ['erased_counts', 0], ['mail_queue', 0], ['people', 0]]);
    // Its connections are closed when it is done.
    const others = await withClient(url, (client) =>
      client.query('SELECT count(*)::integer AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'),
    );
    assert.equal(others.rows[0].count, 0);
    const store = track(await PostgresStore.open(url));
    const first = await store.register(input(unlimited, registration(unlimited)));
    assert.equal(first.registration.seq, 1);
    const [mail] = await store.mailsTo(first.registration.payload.attendee.email);
    assert.equal(mail.id, 1);
  });

  test('refuses a database that holds registrations already, and copies nothing', async () => {
    const path = sqlitePath();
    await usedSqlite(path);
    const url = await emptyPostgres();
    const store = track(await PostgresStore.open(url));
    await store.register(input(unlimited, registration(unlimited)));
    const before = await rowCounts(url);
    const { code, lines, errors } = await runScript({ DATABASE_PATH: path, DATABASE_URL: url });
    assert.equal(code, 1);
    assert.deepEqual(errors, ['migrate-to-postgres: the PostgreSQL database holds 1 registrations already; copy into an empty database; nothing was copied']);
    assert.equal(lines.length, 1, 'only the opening line');
    assert.deepEqual(await rowCounts(url), before);
  });

  test('says what is missing: DATABASE_URL, or the SQLite file', async () => {
    const noUrl = await runScript({ DATABASE_PATH: sqlitePath() });
    assert.deepEqual([noUrl.code, noUrl.lines], [1, []]);
    assert.deepEqual(noUrl.errors, [
      'migrate-to-postgres: set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host:5432/database); nothing was copied',
    ]);
    const path = sqlitePath();
    const noFile = await runScript({ DATABASE_PATH: path, DATABASE_URL: await emptyPostgres() });
    assert.deepEqual([noFile.code, noFile.lines], [1, []]);
    assert.deepEqual(noFile.errors, [`migrate-to-postgres: no SQLite database at ${path} (set DATABASE_PATH); nothing was copied`]);
  });

  test('a table or a column only one side has stops the copy, and nothing of it lands', async () => {
    const cases = [
      ['CREATE TABLE zz_extra (id integer)', undefined, 'table zz_extra is in SQLite but not in PostgreSQL'],
      ['ALTER TABLE people ADD COLUMN note text', undefined, 'table people: columns differ (only in SQLite: note; only in PostgreSQL: -)'],
      [undefined, 'ALTER TABLE people ADD COLUMN note text, ADD COLUMN seen boolean', 'table people: columns differ (only in SQLite: -; only in PostgreSQL: note, seen)'],
      ['ALTER TABLE people ADD COLUMN note text; ALTER TABLE people ADD COLUMN seen text', 'ALTER TABLE people ADD COLUMN other text', 'table people: columns differ (only in SQLite: note, seen; only in PostgreSQL: other)'],
    ];
    for (const [inSqlite, inPostgres, message] of cases) {
      const path = sqlitePath();
      await usedSqlite(path);
      if (inSqlite) {
        const sqlite = new Database(path);
        sqlite.exec(inSqlite);
        sqlite.close();
      }
      const url = await emptySchema();
      track(await PostgresStore.open(url));
      if (inPostgres) await withClient(url, (client) => client.query(inPostgres));
      const lines = [];
      await assert.rejects(copyToPostgres(path, url, (line) => lines.push(line)), { message });
      assert.ok(lines.length >= 1, 'tables were copied before the one that failed');
      const counts = await rowCounts(url);
      assert.deepEqual(counts, { registrations: 0, access_tokens: 0, erased_counts: 0, mail_queue: 0, people: 0 }, message);
    }
  });

  test('tables follow their foreign keys, a table that points at itself included, in chunks; JSON columns take the value; a circle is refused', async () => {
    const path = sqlitePath();
    await usedSqlite(path);
    const sqlite = new Database(path);
    // A table of the future: many rows (more than one INSERT takes), pointing at itself and at a later one by name.
    sqlite.exec(`
      CREATE TABLE zz_topics (id integer PRIMARY KEY, name text NOT NULL);
      CREATE TABLE aa_notes (id integer PRIMARY KEY, parent integer REFERENCES aa_notes (id), topic integer REFERENCES zz_topics (id), data text);`);
    sqlite.prepare('INSERT INTO zz_topics (id, name) VALUES (1, ?)').run('algemeen');
    const note = sqlite.prepare('INSERT INTO aa_notes (id, parent, topic, data) VALUES (?, ?, 1, ?)');
    sqlite.transaction(() => {
      for (let id = 1; id <= 2_345; id++) note.run(id, id === 1 ? null : id - 1, JSON.stringify({ n: id, tags: ['a'] }));
    })();
    sqlite.close();
    const url = await emptySchema();
    track(await PostgresStore.open(url));
    await withClient(url, (client) =>
      client.query(`
        CREATE TABLE zz_topics (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text NOT NULL);
        CREATE TABLE aa_notes (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, parent integer REFERENCES aa_notes (id),
                               topic integer REFERENCES zz_topics (id), data jsonb);`),
    );
    const copied = await copyToPostgres(path, url, () => {});
    assert.deepEqual([...copied.keys()], ['zz_topics', 'aa_notes', 'registrations', 'access_tokens', 'erased_counts', 'mail_queue', 'people']);
    assert.equal(copied.get('aa_notes'), 2_345);
    await withClient(url, async (client) => {
      const rows = (await client.query('SELECT id, parent, data FROM aa_notes ORDER BY id')).rows;
      assert.equal(rows.length, 2_345);
      assert.deepEqual(rows[2_344], { id: 2_345, parent: 2_344, data: { n: 2_345, tags: ['a'] } });
      const added = await client.query("INSERT INTO aa_notes (topic, data) VALUES (1, '{}') RETURNING id");
      assert.equal(added.rows[0].id, 2_346, 'the identity goes on after the highest id copied');
    });

    // Two tables that point at each other cannot be put in order.
    const circle = sqlitePath();
    await new SqliteStore(circle).close();
    const db = new Database(circle);
    db.exec(`
      CREATE TABLE bb_left (id integer PRIMARY KEY, other integer REFERENCES bb_right (id));
      CREATE TABLE bb_right (id integer PRIMARY KEY, other integer REFERENCES bb_left (id));`);
    db.close();
    await assert.rejects(copyToPostgres(circle, await emptyPostgres(), () => {}), { message: 'foreign keys run in a circle: bb_left → bb_right → bb_left' });
  });
});
