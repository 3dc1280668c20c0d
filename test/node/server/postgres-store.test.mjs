// What the PostgreSQL store (demo/server/postgres-store.ts) does beyond the store contract
// (store-contract.test.mjs, which both stores pass): the advisory locks every change waits for, the
// group commit when one registration in a batch fails, a connection that dies mid-transaction,
// erasure racing a new registration, the VACUUM after an erasure and the mail queue's bookkeeping.
// On a real server, one per test process (support/postgres-stores.mjs).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { unlimited } from '../endpoint/support/events.mjs';
import { companions, registration } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { closePostgresStores, emptySchema, openPostgres, PostgresStore, track, withClient } from './support/postgres-stores.mjs';
import { registerInput } from './support/register-input.mjs';

const { describeDatabaseUrl } = await tsImport('../../../demo/server/postgres-store.ts', import.meta.url);

/** The first halves of the store's advisory lock keys ("Bije", "Bijf"). */
const MIGRATION_LOCK = 0x42696a65;
const EVENT_LOCK = 0x42696a66;
const eventKey = (eventId) => createHash('sha256').update(eventId).digest().readInt32BE(0);

const held = [];
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  await closePostgresStores();
});

const tokenHash = (id) => createHash('sha256').update(`token-${id}`).digest('hex');

/** An event fixture with these registration settings. */
const eventWith = (id, settings) => ({ ...unlimited, id, registration: { ...unlimited.registration, ...settings } });
const limitsOf = (event) => ({ capacity: event.registration.capacity, nonMemberCapacity: undefined });

/** The endpoint's part in a change: a token for a new registration, a mail to the attendee and one to each companion. */
function contextFor(events = []) {
  return {
    promotable: (eventId) => {
      const event = events.find((candidate) => candidate.id === eventId);
      return event && limitsOf(event);
    },
    notify: (change) => {
      const { registration: stored } = change;
      const people = [stored.payload.attendee, ...stored.payload.companions];
      return {
        tokenHash: change.kind === 'registered' ? tokenHash(stored.id) : undefined,
        mails: people.map((person) => ({ to: person.email, message: { kind: change.kind, id: stored.id, payload: stored.payload } })),
      };
    },
  };
}

function input(event, payload = registration(event), overrides = {}) {
  return registerInput(event, payload, { notify: contextFor([event]).notify, ...overrides });
}

/** Takes advisory locks (`first`, each of `seconds`) in a transaction of its own, on a connection of its own, until `release()`. */
async function holdLock(url, first, ...seconds) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  for (const second of seconds) await client.query('SELECT pg_advisory_xact_lock($1, $2)', [first, second]);
  let released = false;
  const lock = {
    pid: (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid,
    async release() {
      if (released) return;
      released = true;
      await client.query('COMMIT');
      await client.end();
    },
  };
  held.push(lock);
  return lock;
}

/** Resolves to whether `promise` is still pending after `ms` (it is left running). */
async function stillPending(promise, ms = 300) {
  const waiting = Symbol('waiting');
  promise.catch(() => {});
  return (await Promise.race([promise.then(() => 'settled', () => 'settled'), sleep(ms).then(() => waiting)])) === waiting;
}

/** Backends of the store's database waiting for a lock, other than `except`. */
async function lockWaiters(url) {
  const { rows } = await withClient(url, (client) =>
    client.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"),
  );
  return rows.map((row) => row.pid);
}

describe('PostgresStore: advisory locks', () => {
  test('every change to an event\'s registrations waits for that event\'s lock, and no other', async () => {
    const { store, stores, url } = await openPostgres({ instances: 2 });
    const event = eventWith('slot', { capacity: 1, waitlist: true });
    const other = eventWith('elders', {});
    const context = contextFor([event]);
    const first = await store.register(input(event));
    const second = await store.register(input(event, registration(event, { companions: companions(1) })));
    const confirmBy = new Date(Date.now() + 60_000).toISOString();
    const pending = await store.register(input(event, registration(event), { confirmBy }));
    await store.register(input(event, registration(event), { confirmBy }));
    const changes = {
      register: () => store.register(input(event)),
      cancel: () => store.cancel(tokenHash(first.registration.id), context),
      removeCompanion: () => store.removeCompanion(tokenHash(second.registration.id), second.registration.payload.companions[0].email, context),
      confirm: () => store.confirm(tokenHash(pending.registration.id), new Date(), context),
      expireHolds: () => store.expireHolds(new Date(Date.now() + 120_000), context),
      promote: () => store.promote(event.id, context),
      erasePerson: () => store.erasePerson(first.registration.payload.attendee.email, context),
      eraseEvent: () => store.eraseEvent(event.id),
    };
    for (const [name, change] of Object.entries(changes)) {
      const lock = await holdLock(url, EVENT_LOCK, eventKey(event.id));
      const changing = change();
      assert.ok(await stillPending(changing), `${name} waits for the event's lock`);
      // Another event's registrations go on meanwhile (in another process: in this one, the next
      // batch waits for the one that waits for the lock).
      assert.equal((await stores[1].register(input(other))).kind, 'created', `${name}: another event is not held up`);
      await lock.release();
      await changing;
    }
    // Under another application's lock of the same second half, nothing waits.
    const foreign = await holdLock(url, EVENT_LOCK + 2, eventKey(event.id));
    assert.equal((await store.register(input(event))).kind, 'created');
    await foreign.release();
  });

  test('a registration erased while a change waits for its event\'s lock is unknown to that change', async () => {
    const { store, url } = await openPostgres();
    const event = eventWith('weg-tijdens-wachten', {});
    const { registration: stored } = await store.register(input(event));
    const lock = await holdLock(url, EVENT_LOCK, eventKey(event.id));
    const cancelling = store.cancel(tokenHash(stored.id), contextFor([event]));
    assert.ok(await stillPending(cancelling));
    // Another process erased it meanwhile (its token goes with it).
    await withClient(url, (client) => client.query('DELETE FROM registrations WHERE id = $1', [stored.id]));
    await lock.release();
    assert.deepEqual(await cancelling, { kind: 'unknown' });
  });

  test('a batch takes its events\' locks in ascending key order: it waits on the lowest key holding none of the others', async () => {
    const { stores, url } = await openPostgres({ instances: 2 });
    const events = Array.from({ length: 6 }, (_, index) => eventWith(`volgorde-${index}`, { capacity: 50 }));
    const lowest = [...events].sort((a, b) => eventKey(a.id) - eventKey(b.id))[0];
    const lock = await holdLock(url, EVENT_LOCK, eventKey(lowest.id));
    // One batch per instance, the events in opposite orders, each event twice.
    const batches = [events, [...events].reverse()].map((order, index) => Promise.all([...order, ...order].map((event) => stores[index].register(input(event)))));
    const advisory = async () =>
      (
        await withClient(url, (client) =>
          client.query("SELECT pid, objid::bigint AS key, granted FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND pid <> $2", [EVENT_LOCK, lock.pid]),
        )
      ).rows;
    let locks = [];
    for (let tries = 0; tries < 60 && locks.length < 2; tries++) {
      await sleep(50);
      locks = await advisory();
    }
    const unsigned = BigInt(eventKey(lowest.id) >>> 0);
    assert.deepEqual(locks.map((row) => [BigInt(row.key), row.granted]), [[unsigned, false], [unsigned, false]]);
    await lock.release();
    const outcomes = (await Promise.all(batches)).flat();
    assert.equal(outcomes.length, 24);
    assert.ok(outcomes.every((outcome) => outcome.kind === 'created'));
  });

  test('stores that start together on an empty database wait for each other\'s migration', async () => {
    const url = await emptySchema();
    const lock = await holdLock(url, MIGRATION_LOCK, 0);
    const opening = PostgresStore.open(url);
    assert.ok(await stillPending(opening), 'open() waits for the migration lock');
    await lock.release();
    track(await opening);
    const { rows } = await withClient(url, (client) => client.query('SELECT count(*)::integer AS count FROM schema_migrations'));
    assert.equal(rows[0].count, 1);
  });
});

describe('PostgresStore: group commit', () => {
  test('registrations that arrive together share one transaction, each decided after the ones before it', async () => {
    const { store, url } = await openPostgres();
    const event = eventWith('samen', { capacity: 5, waitlist: true });
    const before = await withClient(url, (client) => client.query("SELECT xact_commit::integer AS commits FROM pg_stat_database WHERE datname = current_database()"));
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => store.register(input(event))));
    assert.deepEqual(outcomes.map((outcome) => outcome.registration.status), [...Array(5).fill('confirmed'), ...Array(3).fill('waitlisted')]);
    assert.deepEqual(outcomes.map((outcome) => outcome.registration.seq), [1, 2, 3, 4, 5, 6, 7, 8]);
    const after = await withClient(url, (client) => client.query("SELECT xact_commit::integer AS commits FROM pg_stat_database WHERE datname = current_database()"));
    // One look-up batch (findByKey is not called here) and one commit for all eight, besides the statistics queries.
    assert.ok(after.rows[0].commits - before.rows[0].commits < 8, `${after.rows[0].commits - before.rows[0].commits} transactions for 8 registrations`);
  });

  test('one registration that fails its batch fails alone: the others are stored, with their tokens and mails', async () => {
    const { store } = await openPostgres();
    const event = eventWith('een-faalt', { capacity: 3 });
    const failing = registration(event);
    const broken = {
      ...input(event, failing),
      // `notify` runs inside the batch's transaction: throwing fails the transaction.
      notify: () => {
        throw new Error('notify failed');
      },
    };
    const others = Array.from({ length: 4 }, () => input(event));
    const results = await Promise.allSettled([store.register(others[0]), store.register(broken), ...others.slice(1).map((each) => store.register(each))]);
    assert.equal(results[1].status, 'rejected');
    assert.equal(results[1].reason.message, 'notify failed');
    const outcomes = results.filter((result) => result.status === 'fulfilled').map((result) => result.value.kind);
    assert.deepEqual(outcomes, ['created', 'created', 'created', 'full']);
    const rows = await store.list(event.id);
    assert.equal(rows.length, 3);
    assert.ok(rows.every((row) => row.payload.idempotencyKey !== failing.idempotencyKey));
    for (const row of rows) {
      assert.equal((await store.findByToken(tokenHash(row.id)))?.id, row.id);
      assert.equal((await store.mailsTo(row.payload.attendee.email)).length, 1);
    }
  });

  test('one key sent for two events at the same moment by two processes: one is stored, the other decided again and refused', async () => {
    const { stores, url } = await openPostgres({ instances: 2 });
    const [first, second] = [eventWith('sleutel-a', {}), eventWith('sleutel-b', {})];
    const payload = registration(first);
    const other = { ...registration(second), idempotencyKey: payload.idempotencyKey };
    // Both wait for their event's lock, and go at the same moment: neither sees the other's key
    // before writing it, and the second runs into the first's unique key.
    const lock = await holdLock(url, EVENT_LOCK, eventKey(first.id), eventKey(second.id));
    const outcomes = [stores[0].register(input(first, payload)), stores[1].register(input(second, other))];
    for (let tries = 0; tries < 60 && (await lockWaiters(url)).length < 2; tries++) await sleep(50);
    await lock.release();
    const kinds = (await Promise.all(outcomes)).map((outcome) => outcome.kind).sort();
    assert.deepEqual(kinds, ['created', 'key-conflict']);
    const rows = [...(await stores[0].list(first.id)), ...(await stores[0].list(second.id))];
    assert.equal(rows.length, 1);
  });

  test('a registration whose answer cannot be made fails alone, inside its batch', async () => {
    const { store } = await openPostgres();
    const event = eventWith('antwoord-faalt', {});
    const broken = {
      ...input(event),
      respond: () => {
        throw new Error('respond failed');
      },
    };
    const results = await Promise.allSettled([store.register(input(event)), store.register(broken), store.register(input(event))]);
    assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.equal(results[1].reason.message, 'respond failed');
    assert.deepEqual((await store.list(event.id)).map((row) => row.seq), [1, 2]);
  });

  test('a connection that dies mid-transaction fails its registration and is not used again', async () => {
    const { store, url } = await openPostgres({ poolSize: 1, log: () => {} });
    const event = eventWith('verbinding-weg', {});
    const lock = await holdLock(url, EVENT_LOCK, eventKey(event.id));
    // Its failure is awaited at once: it may come before pg_terminate_backend's own answer.
    const failed = assert.rejects(store.register(input(event)), /terminating connection/);
    await sleep(200);
    const [pid] = await lockWaiters(url);
    assert.ok(pid, 'the registration waits for the lock');
    await withClient(url, (client) => client.query('SELECT pg_terminate_backend($1)', [pid]));
    await failed;
    await lock.release();
    // The pool's only connection was dropped, not handed out again.
    assert.equal((await store.register(input(event))).kind, 'created');
  });
});

describe('PostgresStore: connections', () => {
  test('an idle connection that the server drops is logged, and the store goes on', async () => {
    const lines = [];
    const { store, url } = await openPostgres({ log: (line) => lines.push(line) });
    await store.taken('iets');
    await withClient(url, (client) =>
      client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'),
    );
    for (let tries = 0; tries < 40 && lines.length === 0; tries++) await sleep(50);
    assert.deepEqual(lines, ['error: PostgreSQL connection: terminating connection due to administrator command']);
    assert.deepEqual(await store.taken('iets'), { places: 0, nonMemberPlaces: 0 });
  });

  test('without a log of its own, a dropped idle connection is written to stderr', async () => {
    const { store, url } = await openPostgres();
    await store.taken('iets');
    const written = [];
    const original = console.error;
    console.error = (line) => written.push(line);
    try {
      await withClient(url, (client) =>
        client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'),
      );
      for (let tries = 0; tries < 40 && written.length === 0; tries++) await sleep(50);
    } finally {
      console.error = original;
    }
    assert.deepEqual(written, ['error: PostgreSQL connection: terminating connection due to administrator command']);
  });

  test('a connection handed back after a transaction carries no listener of it: many transactions, no listener leak', async () => {
    const { store } = await openPostgres({ poolSize: 1 });
    const warnings = [];
    const warned = (warning) => warnings.push(warning.name);
    process.on('warning', warned);
    try {
      for (let index = 0; index < 15; index++) await store.register(input(eventWith(`luisteraars-${index}`, {})));
      await sleep(50);
    } finally {
      process.off('warning', warned);
    }
    assert.deepEqual(warnings, []);
  });

  test('poolSize caps the connections per store', async () => {
    const { store, url } = await openPostgres({ poolSize: 2 });
    const event = eventWith('pool', {});
    await Promise.all(Array.from({ length: 20 }, () => Promise.all([store.taken(event.id), store.list(event.id), store.counts(event.id)])));
    const { rows } = await withClient(url, (client) =>
      client.query('SELECT count(*)::integer AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'),
    );
    assert.equal(rows[0].count, 2);
  });

  test('describeDatabaseUrl() leaves the password out', () => {
    assert.equal(describeDatabaseUrl('postgres://bijeen:geheim@db.example.org:5432/bijeen'), 'postgres://bijeen@db.example.org:5432/bijeen');
    assert.equal(describeDatabaseUrl('postgres://bijeen@db.example.org/bijeen'), 'postgres://bijeen@db.example.org/bijeen');
  });
});

describe('PostgresStore: changes', () => {
  test('a pending registration off the waiting list is confirmed when it fits where nothing waits, else it waits', async () => {
    const { store } = await openPostgres();
    const event = eventWith('wacht-bevestigd', { capacity: 1, waitlist: true });
    const context = contextFor([event]);
    const confirmBy = new Date(Date.now() + 60_000).toISOString();
    const first = await store.register(input(event, registration(event), { confirmBy }));
    const late = await store.register(input(event, registration(event), { confirmBy }));
    const later = await store.register(input(event, registration(event), { confirmBy }));
    assert.deepEqual([first, late, later].map((outcome) => outcome.registration.status), ['pending', 'pending-waitlist', 'pending-waitlist']);
    await store.cancel(tokenHash(first.registration.id), context);
    const confirmed = await store.confirm(tokenHash(late.registration.id), new Date(), context);
    assert.deepEqual([confirmed.kind, confirmed.registration.status, confirmed.promoted], ['changed', 'confirmed', []]);
    // Without the event's limits (it is gone from the event files), nothing is known to fit: it waits.
    const waiting = await store.confirm(tokenHash(later.registration.id), new Date(), contextFor([]));
    assert.deepEqual([waiting.kind, waiting.registration.status], ['changed', 'waitlisted']);
    assert.equal((await store.confirm(tokenHash(late.registration.id), new Date(), context)).kind, 'unchanged', 'confirmed once');
    assert.deepEqual(await store.confirm(tokenHash('niemand'), new Date(), context), { kind: 'unknown' });
    assert.deepEqual(await store.promote(event.id, contextFor([])), [], 'nothing promotes without limits');
  });

  test('overdue holds of several events expire together, and each event promotes its waiting', async () => {
    const { store } = await openPostgres();
    const events = [eventWith('verloopt-a', { capacity: 1, waitlist: true }), eventWith('verloopt-b', { capacity: 1, waitlist: true })];
    const context = contextFor(events);
    const now = Date.now();
    const held = [];
    const waiting = [];
    for (const event of events) {
      held.push((await store.register(input(event, registration(event), { confirmBy: new Date(now + 1_000).toISOString() }))).registration);
      waiting.push((await store.register(input(event))).registration);
    }
    // Not yet due at the moment itself minus one millisecond; due at it.
    assert.deepEqual(await store.expireHolds(new Date(now + 999), context), []);
    const expired = await store.expireHolds(new Date(now + 1_000), context);
    assert.deepEqual(expired.map((registration) => [registration.id, registration.status]), held.map((registration) => [registration.id, 'expired']));
    for (const [index, event] of events.entries()) {
      assert.deepEqual((await store.list(event.id)).map((row) => [row.id, row.status]), [[held[index].id, 'expired'], [waiting[index].id, 'confirmed']]);
    }
    // An expired registration's people are free again.
    const again = await store.register(input(events[0], registration(events[0], { attendee: held[0].payload.attendee })));
    assert.equal(again.kind, 'created');
  });

  test('removing a companion removes that one, by address in any case, and frees their address', async () => {
    const { store } = await openPostgres();
    const event = eventWith('gezelschap-eraf', {});
    const context = contextFor([event]);
    const { registration: stored } = await store.register(input(event, registration(event, { companions: companions(2) })));
    const [stays, leaves] = stored.payload.companions;
    const outcome = await store.removeCompanion(tokenHash(stored.id), ` ${leaves.email.toUpperCase()} `, context);
    assert.deepEqual([outcome.kind, outcome.registration.places, outcome.registration.payload.companions], ['changed', 2, [stays]]);
    assert.deepEqual((await store.list(event.id)).map((row) => row.payload.companions), [[stays]]);
    const [, removedMail] = await store.mailsTo(stored.payload.attendee.email);
    assert.equal(removedMail.message.kind, 'companion-removed');
    assert.equal((await store.register(input(event, registration(event, { attendee: { ...stored.payload.attendee, ...leaves } })))).kind, 'created');
    assert.deepEqual(await store.register(input(event, registration(event, { attendee: { ...stored.payload.attendee, ...stays } }))), { kind: 'duplicate' });
  });

  test('a pending registration holding the last places is confirmed; at its confirm-by moment it has expired', async () => {
    const { store } = await openPostgres();
    const event = eventWith('laatste-plaats', { capacity: 1, waitlist: true });
    const context = contextFor([event]);
    const confirmBy = new Date(Date.now() + 60_000);
    const { registration: held } = await store.register(input(event, registration(event), { confirmBy: confirmBy.toISOString() }));
    const confirmed = await store.confirm(tokenHash(held.id), new Date(confirmBy.getTime() - 1), context);
    assert.deepEqual([confirmed.kind, confirmed.registration.status], ['changed', 'confirmed']);
    assert.deepEqual((await store.mailsTo(held.payload.attendee.email)).map((mail) => mail.message.kind), ['registered', 'confirmed']);
    assert.deepEqual(await store.register(input(event, registration(event, { attendee: held.payload.attendee }))), { kind: 'duplicate' }, 'a confirmed registration holds its address');
    const { registration: late } = await store.register(input(eventWith('op-het-moment', {}), registration(event), { confirmBy: confirmBy.toISOString() }));
    const refused = await store.confirm(tokenHash(late.id), confirmBy, context);
    assert.deepEqual([refused.kind, refused.registration.status], ['unchanged', 'expired']);
  });

  test('retention names the erased event\'s mails by id', async () => {
    const { store } = await openPostgres();
    const event = eventWith('post-bewaren', {});
    const first = await store.register(input(event, registration(event, { companions: companions(1) })));
    await store.register(input(eventWith('blijft', {})));
    const second = await store.register(input(event));
    const ids = [];
    for (const outcome of [first, second]) {
      for (const person of [outcome.registration.payload.attendee, ...outcome.registration.payload.companions]) {
        ids.push(...(await store.mailsTo(person.email)).map((mail) => mail.id));
      }
    }
    const erased = await store.eraseEvent(event.id);
    assert.deepEqual(erased.mailIds, ids.sort((a, b) => a - b));
  });

  test('a cancelled registration keeps its companions; removing one then changes nothing', async () => {
    const { store } = await openPostgres();
    const event = eventWith('geannuleerd-gezelschap', {});
    const context = contextFor([event]);
    const { registration: stored } = await store.register(input(event, registration(event, { companions: companions(2) })));
    await store.cancel(tokenHash(stored.id), context);
    const outcome = await store.removeCompanion(tokenHash(stored.id), stored.payload.companions[0].email, context);
    assert.equal(outcome.kind, 'unchanged');
    assert.equal(outcome.registration.places, 3);
    assert.deepEqual(await store.removeCompanion(tokenHash('niemand'), 'a@example.org', context), { kind: 'unknown' });
    // The companions' addresses are free (a cancelled registration holds none).
    const companion = stored.payload.companions[1];
    assert.equal((await store.register(input(event, registration(event, { attendee: { ...stored.payload.attendee, ...companion } })))).kind, 'created');
  });
});

describe('PostgresStore: erasure', () => {
  test('erasing a companion erases the mails to them and rewrites the waiting mails that name them', async () => {
    const { store, url } = await openPostgres();
    const event = eventWith('gezelschap-wissen', { capacity: 3, waitlist: true });
    const context = contextFor([event]);
    const payload = registration(event, { companions: companions(2) });
    const { registration: stored } = await store.register(input(event, payload, { notify: context.notify }));
    const waiting = (await store.register(input(event, registration(event), { notify: context.notify }))).registration;
    const [gone, stays] = payload.companions;
    // A mail without the registration in it (a reminder, say) is left as it is.
    await withClient(url, (client) =>
      client.query("INSERT INTO mail_queue (registration_id, recipient, message, created_at, next_attempt_at) VALUES ($1, $2, '{\"kind\":\"herinnering\"}', now(), now())", [
        stored.id,
        payload.attendee.email,
      ]),
    );
    const mailsToGone = await store.mailsTo(gone.email);
    assert.equal(mailsToGone.length, 1);
    // One of the registration's mails has been sent: its content is gone already.
    const [sent] = await store.mailsTo(stays.email);
    await store.mailSent(sent.id, new Date());

    const erasure = await store.erasePerson(gone.email.toUpperCase(), context);
    assert.deepEqual([erasure.registrations, erasure.companions, erasure.eventIds], [0, 1, [event.id]]);
    assert.deepEqual(erasure.promoted.map((registration) => registration.id), [waiting.id], 'the freed place goes to the waiting registration');
    const attendeeMails = await store.mailsTo(payload.attendee.email);
    assert.deepEqual(
      [...erasure.mailIds].sort((a, b) => a - b),
      [...attendeeMails.map((mail) => mail.id), ...(await store.mailsTo(stays.email)).map((mail) => mail.id), mailsToGone[0].id].sort((a, b) => a - b),
    );
    assert.deepEqual(await store.mailsTo(gone.email), []);
    const [registered, reminder] = attendeeMails;
    assert.deepEqual(registered.message.payload.companions, [stays]);
    assert.deepEqual(reminder.message, { kind: 'herinnering' });
    const [row] = await store.list(event.id);
    assert.deepEqual([row.places, row.payload.companions], [2, [stays]]);
  });

  test('a registration naming the address that arrives while the erasure waits for its locks is erased too', async () => {
    const { store, url } = await openPostgres();
    const [first, second] = [eventWith('wissen-eerst', {}), eventWith('wissen-daarna', {})];
    const person = { name: 'Eva', email: 'eva-wissen@example.org', organisation: 'Gemeente' };
    await store.register(input(first, registration(first, { attendee: person })));
    const lock = await holdLock(url, EVENT_LOCK, eventKey(first.id));
    const erasing = store.erasePerson(person.email, contextFor([]));
    assert.ok(await stillPending(erasing));
    // Meanwhile, as a companion elsewhere; that event's lock is held when the erasure goes on.
    await store.register(input(second, registration(second, { companions: [person] })));
    const secondLock = await holdLock(url, EVENT_LOCK, eventKey(second.id));
    await lock.release();
    assert.ok(await stillPending(erasing), 'the erasure takes the lock of the event it found since');
    await secondLock.release();
    const erasure = await erasing;
    assert.deepEqual([erasure.registrations, erasure.companions, [...erasure.eventIds].sort()], [1, 1, [second.id, first.id].sort()]);
    assert.deepEqual(await store.findPerson(person.email), []);
  });

  test('an event is named once in an erasure, however many of its registrations named the address', async () => {
    const { store } = await openPostgres();
    const event = eventWith('twee-keer', { capacity: 1, waitlist: true });
    const context = contextFor([event]);
    const person = { name: 'Fem', email: 'fem-twee-keer@example.org', organisation: 'Gemeente' };
    const { registration: cancelled } = await store.register(input(event, registration(event, { attendee: person })));
    await store.cancel(tokenHash(cancelled.id), context);
    await store.register(input(event, registration(event, { attendee: person })));
    const erasure = await store.erasePerson(person.email, context);
    assert.deepEqual([erasure.registrations, erasure.eventIds], [2, [event.id]]);
    assert.deepEqual(await store.list(event.id), []);
  });

  test('an erasure that erased something vacuums the personal tables; one that found nothing does not', async () => {
    const { store, url } = await openPostgres();
    const vacuums = async () =>
      (
        await withClient(url, (client) =>
          client.query("SELECT relname, vacuum_count::integer AS count FROM pg_stat_user_tables WHERE relname IN ('registrations', 'people', 'access_tokens', 'mail_queue') ORDER BY relname"),
        )
      ).rows;
    const event = eventWith('vacuum', {});
    const { registration: stored } = await store.register(input(event));
    const start = await vacuums();
    const counted = (rows) => rows.map((row) => row.count);
    await store.erasePerson('niemand@example.org', contextFor([]));
    await store.eraseEvent('bestaat-niet');
    assert.deepEqual(await vacuums(), start);
    await store.erasePerson(stored.payload.attendee.email, contextFor([]));
    assert.deepEqual(counted(await vacuums()), counted(start).map((count) => count + 1));
    await store.register(input(event));
    await store.eraseEvent(event.id);
    assert.deepEqual(counted(await vacuums()), counted(start).map((count) => count + 2));
  });
});

describe('PostgresStore: mail queue', () => {
  test('claims the oldest due mails first, up to the limit; sent and given-up mails keep no claim, a retry waits for its time', async () => {
    const { store, url } = await openPostgres();
    const event = eventWith('post-volgorde', {});
    for (let index = 0; index < 5; index++) await store.register(input(event));
    const now = new Date(Date.now() + 1_000);
    const first = await store.claimMails(now, 2, 60_000);
    assert.deepEqual(first.map((mail) => mail.id), [1, 2]);
    assert.ok(first.every((mail) => typeof mail.to === 'string' && mail.message.kind === 'registered' && mail.attempts === 1));
    assert.ok(first.every((mail) => mail.createdAt <= now.toISOString()));
    assert.deepEqual((await store.claimMails(now, 10, 60_000)).map((mail) => mail.id), [3, 4, 5]);
    assert.deepEqual(await store.claimMails(new Date(now.getTime() + 59_999), 10, 60_000), [], 'a lease runs until its end');

    await store.mailSent(1, now);
    await store.mailFailed(3, 'smtp: 550 unknown', undefined);
    await store.mailFailed(2, 'smtp: 451 later', new Date(now.getTime() + 120_000));
    const rows = (
      await withClient(url, (client) => client.query('SELECT id::integer AS id, claimed_until, last_error, sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed FROM mail_queue ORDER BY id'))
    ).rows;
    assert.deepEqual(
      rows.slice(0, 3).map((row) => [row.id, row.claimed_until, row.last_error, row.sent, row.failed]),
      [
        [1, null, null, true, false],
        [2, null, 'smtp: 451 later', false, false],
        [3, null, 'smtp: 550 unknown', false, true],
      ],
    );
    // At the lease's end 4 and 5 are due again; 2 only at its retry time.
    assert.deepEqual((await store.claimMails(new Date(now.getTime() + 60_000), 10, 60_000)).map((mail) => [mail.id, mail.attempts]), [[4, 2], [5, 2]]);
    // 2 at its retry time; 4 and 5 again, their second lease over at that moment too; in id order
    // although 2 was changed last.
    assert.deepEqual((await store.claimMails(new Date(now.getTime() + 120_000), 10, 60_000)).map((mail) => [mail.id, mail.attempts]), [[2, 2], [4, 3], [5, 3]]);
  });
});
