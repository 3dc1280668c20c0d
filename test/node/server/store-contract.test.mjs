// The store contract: what every RegistrationStore promises, run against both stores, SQLite and
// PostgreSQL (a real server, one per test process: support/postgres-stores.mjs). Called directly,
// many calls at once, and on PostgreSQL through two store instances on one database, as two
// endpoint processes would; then through the API handler (support/endpoint.mjs), where the answers
// and the export must not tell the two stores apart. Every test starts from an empty store.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';
import { full50, rules, unlimited, waitlist50 } from '../endpoint/support/events.mjs';
import { companions, exportCsv, postJson, registration } from '../endpoint/support/server.mjs';
import { afterEach, beforeEach, describe, test } from '../support/suite.mjs';
import { closeEndpoints, startEndpoint, TOKEN } from './support/endpoint.mjs';
import { payloadHash, registerInput } from './support/register-input.mjs';
import { closePostgresStores, emptySchema, MIGRATIONS, openPostgres, PostgresStore, track, withClient } from './support/postgres-stores.mjs';

const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const opened = [];
afterEach(async () => {
  await closeEndpoints();
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
  await closePostgresStores();
});

/** The two engines. `open()` gives a fresh, empty store and `stores`: it and, on PostgreSQL, a second instance on the same database. */
const engines = {
  sqlite: {
    async open() {
      const store = new SqliteStore(':memory:');
      opened.push(store);
      return { store, stores: [store] };
    },
  },
  postgres: {
    open: () => openPostgres({ instances: 2 }),
  },
};


/** The access token a test's `notify` hands out for a registration, and its hash as the store keeps it. */
const tokenOf = (id) => `token-${id}`;
const tokenHash = (id) => createHash('sha256').update(tokenOf(id)).digest('hex');

/**
 * The endpoint's part in a change, as the tests play it: a token for every new registration, and
 * one mail per change to the attendee naming what happened (`changes` records them all).
 */
function contextFor(limitsByEvent = {}) {
  const changes = [];
  return {
    changes,
    promotable: (eventId) => limitsByEvent[eventId],
    notify: (change) => {
      changes.push(change);
      const { registration } = change;
      return {
        tokenHash: change.kind === 'registered' ? tokenHash(registration.id) : undefined,
        mails: [{ to: registration.payload.attendee.email, message: { kind: change.kind, id: registration.id, status: registration.status, payload: registration.payload } }],
      };
    },
  };
}

/** `counts()` as every store gives it: every status, zero where none. */
function countsWith(given) {
  const statuses = ['confirmed', 'waitlisted', 'pending', 'pending-waitlist', 'cancelled', 'expired'];
  return Object.fromEntries(statuses.map((status) => [status, { registrations: given[status]?.[0] ?? 0, places: given[status]?.[1] ?? 0 }]));
}

/** The place limits of `event` (a fixture) for `promotable()`. */
const limitsOf = (event) => ({ capacity: event.registration.capacity, nonMemberCapacity: event.registration.nonMemberPlaces });

/** A `RegisterInput` for `event` (a fixture) with its seed rules, as the endpoint builds it after validation. */
function input(event, payload = registration(event), overrides = {}) {
  const settings = event.registration;
  return registerInput(event, payload, {
    nonMemberCapacity: settings.nonMemberPlaces,
    maxCompanionsPerOrganisation: settings.maxCompanionsPerOrganisation,
    notify: contextFor().notify,
    respond: ({ id, status }) => ({ status: 201, body: { id, status, message: `${status} ${payload.attendee.name}` } }),
    ...overrides,
  });
}

const placesOf = (payload) => 1 + payload.companions.length;

/** An event fixture with the member question and the given registration settings (the seed rules). */
function seedEvent(id, settings) {
  return {
    ...unlimited,
    id,
    registration: { ...unlimited.registration, memberQuestion: 'Is uw organisatie lid?', maxCompanions: 2, ...settings },
  };
}
const confirmedPlaces = (rows) => rows.filter((row) => row.status === 'confirmed').reduce((sum, row) => sum + row.places, 0);

for (const [engine, { open }] of Object.entries(engines)) {
  describe(`store contract: ${engine}`, () => {
    let store;
    let stores;
    /** Spreads calls over the instances: on PostgreSQL half go to the twin. */
    const spread = (index) => stores[index % stores.length];

    beforeEach(async () => {
      ({ store, stores } = await open());
    });

    test('capacity is exact: 300 registrations at once against 50 places, companions counted, the rest "full"', async () => {
      const payloads = Array.from({ length: 300 }, (_, index) => registration(full50, { companions: companions(index % 3, `cap${index}`) }));
      const outcomes = await Promise.all(payloads.map((payload, index) => spread(index).register(input(full50, payload))));
      const created = outcomes.filter((outcome) => outcome.kind === 'created');
      const full = outcomes.filter((outcome) => outcome.kind === 'full');
      assert.equal(created.length + full.length, 300, 'every call is created or full');
      const placesTold = payloads.filter((_, index) => outcomes[index].kind === 'created').reduce((sum, payload) => sum + placesOf(payload), 0);
      assert.equal(placesTold, 50, 'exactly the capacity was handed out');
      for (const refusal of full) assert.ok(refusal.remaining < 3, `refused with ${refusal.remaining} left`);
      const rows = await store.list(full50.id);
      assert.equal(rows.length, created.length, 'one row per created registration');
      assert.equal(confirmedPlaces(rows), 50);
      assert.deepEqual(await store.taken(full50.id), { places: 50, nonMemberPlaces: 0 });
      assert.deepEqual((await stores.at(-1).takenByEvent()).get(full50.id), { places: 50, nonMemberPlaces: 0 });
    });

    test('with a waiting list the rest is waitlisted, and the confirmed places stay exact', async () => {
      const payloads = Array.from({ length: 120 }, (_, index) => registration(waitlist50, { companions: companions(index % 3, `wl${index}`) }));
      const outcomes = await Promise.all(payloads.map((payload, index) => spread(index).register(input(waitlist50, payload))));
      assert.ok(outcomes.every((outcome) => outcome.kind === 'created'));
      const rows = await store.list(waitlist50.id);
      assert.equal(rows.length, 120);
      assert.equal(confirmedPlaces(rows), 50);
      assert.ok(rows.some((row) => row.status === 'waitlisted'));
      const told = new Map(outcomes.map((outcome) => [outcome.registration.id, outcome.registration.status]));
      for (const row of rows) assert.equal(told.get(row.id), row.status, 'the stored status is the one answered');
    });

    test('idempotency is exact: one key sent 20 times at once stores one row, and every answer is the first', async () => {
      const payload = registration(unlimited);
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, index) => spread(index).register(input(unlimited, payload))));
      const created = outcomes.filter((outcome) => outcome.kind === 'created');
      assert.equal(created.length, 1);
      const replays = outcomes.filter((outcome) => outcome.kind === 'replay');
      assert.equal(replays.length, 19);
      for (const replay of replays) assert.deepEqual(replay.response, created[0].response);
      const rows = (await store.list(unlimited.id)).filter((row) => row.payload.idempotencyKey === payload.idempotencyKey);
      assert.equal(rows.length, 1);
      assert.deepEqual(await store.findByKey(payload.idempotencyKey), { payloadHash: payloadHash(payload), response: created[0].response });
    });

    test('a key reused with another registration is refused, also for another event at the same moment', async () => {
      const first = registration(unlimited);
      assert.equal((await store.register(input(unlimited, first))).kind, 'created');
      const other = { ...registration(unlimited), idempotencyKey: first.idempotencyKey };
      assert.deepEqual(await spread(1).register(input(unlimited, other)), { kind: 'key-conflict' });
      // The same new key for two events at once, on two instances: one stores it, the other is refused.
      const key = crypto.randomUUID();
      const a = registration(unlimited, { idempotencyKey: key });
      const b = registration(waitlist50, { idempotencyKey: key });
      const outcomes = await Promise.all([store.register(input(unlimited, a)), spread(1).register(input(waitlist50, b))]);
      assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['created', 'key-conflict']);
      assert.equal((await store.findByKey(key)).payloadHash, outcomes[0].kind === 'created' ? payloadHash(a) : payloadHash(b));
    });

    test('one person, one place: as attendee or companion, also when both arrive at once', async () => {
      const tag = crypto.randomUUID().slice(0, 8);
      const person = (name) => ({ name, email: `${name}-${tag}@example.org`, organisation: 'Woonstichting Het Baken' });
      const ann = registration(unlimited, { attendee: person('ann'), companions: [person('bob')] });
      assert.equal((await store.register(input(unlimited, ann))).kind, 'created');
      // Bob is Ann's companion: as attendee a duplicate, as someone's companion refused at his index.
      const bobAlone = registration(unlimited, { attendee: { ...person('bob'), email: ` BOB-${tag}@Example.org ` } });
      assert.deepEqual(await spread(1).register(input(unlimited, bobAlone)), { kind: 'duplicate' });
      const withBob = registration(unlimited, { attendee: person('cas'), companions: [person('dee'), person('bob'), person('dee')] });
      assert.deepEqual(await store.register(input(unlimited, withBob)), { kind: 'companions-refused', repeated: [2], registered: [1] });
      // Eve twice at once, with two keys, on two instances: one place.
      const eves = [registration(unlimited, { attendee: person('eve') }), registration(unlimited, { attendee: person('eve') })];
      const outcomes = await Promise.all(eves.map((payload, index) => spread(index).register(input(unlimited, payload))));
      assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['created', 'duplicate']);
      const rows = await store.list(unlimited.id);
      assert.equal(rows.filter((row) => row.payload.attendee.email.includes(`eve-${tag}`)).length, 1);
    });

    test('registrations that fail do not sink the others of their batch', async () => {
      const payloads = Array.from({ length: 8 }, () => registration(unlimited));
      // One whose answer cannot be built, one that cannot be stored (JSON has no BigInt).
      const noAnswer = 2;
      const unstorable = 5;
      payloads[unstorable].answers = { dieet: 10n };
      const results = await Promise.allSettled(
        payloads.map((payload, index) =>
          store.register(
            input(unlimited, payload, {
              ...(index === noAnswer ? { respond: () => { throw new Error('answer could not be built'); } } : {}),
              ...(index === unstorable ? { payloadHash: 'not computable either' } : {}),
            }),
          ),
        ),
      );
      assert.match(results[noAnswer].reason?.message, /answer could not be built/);
      assert.match(results[unstorable].reason?.message, /BigInt/);
      const stored = new Set((await store.list(unlimited.id)).map((row) => row.payload.idempotencyKey));
      payloads.forEach((payload, index) => {
        if (index === noAnswer || index === unstorable) assert.ok(!stored.has(payload.idempotencyKey), `${index} is not stored`);
        else {
          assert.equal(results[index].value?.kind, 'created');
          assert.ok(stored.has(payload.idempotencyKey), `registration ${index} is stored`);
        }
      });
    });

    test('list() gives every registration oldest first, with its payload and time as stored', async () => {
      const event = { ...unlimited, id: `lijst-${engine}` };
      const payloads = [
        registration(event, { companions: companions(2) }),
        registration(event, { answers: { dieet: 'Vegetarisch — geen noten', themes: ['Toewijzing', 'Begeleiding'] } }),
        registration(event, { attendee: { name: 'Zoë Ğündoğdu', email: 'zoe@example.org', organisation: 'Corporatie "De Sleutel"' } }),
      ];
      const before = new Date().toISOString();
      for (const payload of payloads) await store.register(input(event, payload));
      const rows = await store.list(event.id);
      assert.deepEqual(rows.map((row) => row.payload), payloads);
      assert.deepEqual(rows.map((row) => row.places), [3, 1, 1]);
      assert.ok(rows[0].seq < rows[1].seq && rows[1].seq < rows[2].seq);
      for (const row of rows) {
        assert.equal(row.eventId, event.id);
        assert.match(row.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.ok(row.createdAt >= before);
      }
      assert.deepEqual(await store.list('bestaat-niet'), []);
      assert.deepEqual(await store.taken('bestaat-niet'), { places: 0, nonMemberPlaces: 0 });
    });

    test("the non-members' places are exact: 40 non-members at once against 4 of 12 places, then members take the rest", async () => {
      const event = seedEvent(`niet-leden-${engine}`, { capacity: 12, nonMemberPlaces: 4 });
      const nonMembers = Array.from({ length: 40 }, () => registration(event, { member: false }));
      const outcomes = await Promise.all(nonMembers.map((payload, index) => spread(index).register(input(event, payload))));
      assert.equal(outcomes.filter((outcome) => outcome.kind === 'created').length, 4);
      for (const refusal of outcomes.filter((outcome) => outcome.kind !== 'created')) {
        assert.deepEqual(refusal, { kind: 'full', remaining: 0, nonMember: true });
      }
      assert.deepEqual(await store.taken(event.id), { places: 4, nonMemberPlaces: 4 });
      // Members are not held back by the non-members' cap: the other 8 places, then full.
      const members = Array.from({ length: 10 }, () => registration(event, { member: true }));
      const memberOutcomes = await Promise.all(members.map((payload, index) => spread(index).register(input(event, payload))));
      assert.equal(memberOutcomes.filter((outcome) => outcome.kind === 'created').length, 8);
      assert.deepEqual(await spread(1).taken(event.id), { places: 12, nonMemberPlaces: 4 });
    });

    test('companions per organisation are exact at once, waiting-list companions counted, other organisations apart', async () => {
      const event = seedEvent(`per-organisatie-${engine}`, { capacity: 3, waitlist: true, maxCompanionsPerOrganisation: 2 });
      const tag = crypto.randomUUID().slice(0, 8);
      const colleague = (index) => ({ name: `Collega ${index}`, email: `collega-${index}@corporatie-${tag}.nl`, organisation: 'Corporatie' });
      // Ten colleagues of one corporation, each with one companion, at once: two of them get theirs.
      const payloads = Array.from({ length: 10 }, (_, index) =>
        registration(event, { attendee: colleague(index), companions: companions(1, `${tag}-${index}`) }),
      );
      const outcomes = await Promise.all(payloads.map((payload, index) => spread(index).register(input(event, payload))));
      const created = outcomes.filter((outcome) => outcome.kind === 'created');
      assert.equal(created.length, 2);
      // Capacity 3: the first pair is confirmed, the second waits, and its companion still counts.
      assert.deepEqual(created.map((outcome) => outcome.registration.status).sort(), ['confirmed', 'waitlisted']);
      for (const refusal of outcomes.filter((outcome) => outcome.kind !== 'created')) assert.deepEqual(refusal, { kind: 'organisation-limit', left: 0 });
      // A colleague alone is still welcome; another organisation has its own two.
      assert.equal((await store.register(input(event, registration(event, { attendee: colleague(10) })))).kind, 'created');
      const other = { name: 'Ander', email: `iemand@gemeente-${tag}.nl`, organisation: 'Gemeente' };
      const outcome = await spread(1).register(input(event, registration(event, { attendee: other, companions: companions(2, `${tag}-gemeente`) })));
      assert.equal(outcome.kind, 'created');
      assert.equal(outcome.registration.status, 'waitlisted');
    });

    test('one person, one place: two people who hold places, both again in one batch, are both duplicates', async () => {
      const tag = crypto.randomUUID().slice(0, 8);
      const person = (index) => registration(unlimited, { attendee: { name: `Persoon ${index}`, email: `p${index}-${tag}@example.org`, organisation: 'Gemeente' } });
      for (const index of [0, 1]) assert.equal((await store.register(input(unlimited, person(index)))).kind, 'created');
      // Through one instance at once, so one batch reads both addresses as taken.
      const again = await Promise.all([0, 1].map((index) => store.register(input(unlimited, person(index)))));
      assert.deepEqual(again, [{ kind: 'duplicate' }, { kind: 'duplicate' }]);
    });

    test('companions per organisation within one batch: each registration adds its companions, not its places', async () => {
      const event = seedEvent(`per-organisatie-batch-${engine}`, { capacity: 20, maxCompanionsPerOrganisation: 2 });
      const tag = crypto.randomUUID().slice(0, 8);
      const colleague = (index, count) =>
        registration(event, { attendee: { name: `Collega ${index}`, email: `c${index}@corporatie-${tag}.nl`, organisation: 'Corporatie' }, companions: companions(count, `${tag}-${index}`) });
      // Through one instance at once, so they share a batch: 0, 0 and 2 companions fill the 2 exactly.
      const outcomes = await Promise.all([colleague(0, 0), colleague(1, 0), colleague(2, 2)].map((payload) => store.register(input(event, payload))));
      assert.deepEqual(outcomes.map((outcome) => outcome.kind), ['created', 'created', 'created']);
      assert.deepEqual(await store.register(input(event, colleague(3, 1))), { kind: 'organisation-limit', left: 0 });
    });

    test('privacy: findPerson() and registeredEvents() find an address as attendee and companion', async () => {
      const tag = crypto.randomUUID().slice(0, 8);
      const ann = { name: 'Ann', email: `ann-${tag}@example.org`, organisation: 'Woonstichting Het Baken' };
      const first = registration(unlimited, { attendee: ann, companions: companions(1, tag) });
      const second = registration(full50, { attendee: { name: 'Bob', email: `bob-${tag}@example.org`, organisation: 'Gemeente' }, companions: [{ name: 'Ann', email: `ANN-${tag}@Example.org` }] });
      await store.register(input(unlimited, first));
      await stores.at(-1).register(input(full50, second));
      assert.deepEqual(await store.registeredEvents(), [full50.id, unlimited.id].sort());
      const found = await stores.at(-1).findPerson(`  Ann-${tag}@EXAMPLE.org `);
      assert.deepEqual(found.map((entry) => [entry.role, entry.registration.eventId]), [['attendee', unlimited.id], ['companion', full50.id]]);
      assert.deepEqual(found[1].registration.payload, second);
      assert.deepEqual(await store.findPerson(`nobody-${tag}@example.org`), []);
    });

    test('privacy: erasePerson() deletes their registrations, drops them as companion, frees the places and the address', async () => {
      const tag = crypto.randomUUID().slice(0, 8);
      const person = (name) => ({ name, email: `${name}-${tag}@example.org`, organisation: 'Woonstichting Het Baken' });
      // Ann registers herself for one event and is someone's companion for two others.
      const own = registration(unlimited, { attendee: person('ann'), companions: companions(1, tag) });
      const hosted = registration(full50, { attendee: person('bob'), companions: [person('ann'), person('cas')] });
      const elsewhere = registration(waitlist50, { attendee: person('dee'), companions: [person('ann')] });
      for (const [event, payload] of [[unlimited, own], [full50, hosted], [waitlist50, elsewhere]]) {
        assert.equal((await store.register(input(event, payload))).kind, 'created');
      }
      assert.deepEqual(await store.taken(full50.id), { places: 3, nonMemberPlaces: 0 });

      const mailsBefore = await store.mailsTo(person('bob').email);
      const erasure = await stores.at(-1).erasePerson(` ANN-${tag}@example.org`, contextFor());
      const events = [full50.id, unlimited.id, waitlist50.id].sort();
      const { mailIds, ...rest } = erasure;
      assert.deepEqual({ ...rest, eventIds: [...erasure.eventIds].sort() }, { registrations: 1, companions: 2, eventIds: events, promoted: [] });
      // The mails of the three registrations that named her: her own is gone, the others' still wait without her.
      assert.equal(new Set(mailIds).size, 3);
      assert.ok(mailIds.includes(mailsBefore[0].id));
      assert.deepEqual(await store.mailsTo(`ann-${tag}@example.org`), []);
      const [bobsMail] = await store.mailsTo(person('bob').email);
      assert.deepEqual(bobsMail.message.payload.companions.map((companion) => companion.name), ['cas']);
      assert.deepEqual(await store.findPerson(`ann-${tag}@example.org`), []);
      assert.equal(await store.findByKey(own.idempotencyKey), undefined, 'the idempotency record went with it');
      const rows = await store.list(full50.id);
      assert.deepEqual(rows.map((row) => [row.payload.attendee.name, row.places, row.payload.companions.map((companion) => companion.name)]), [['bob', 2, ['cas']]]);
      assert.deepEqual(await store.taken(full50.id), { places: 2, nonMemberPlaces: 0 });
      assert.deepEqual(await store.counts(full50.id), countsWith({ confirmed: [1, 2] }));
      // Her address is free again, on both events; Cas still holds his place.
      assert.equal((await store.register(input(full50, registration(full50, { attendee: person('ann') })))).kind, 'created');
      assert.equal((await spread(1).register(input(unlimited, registration(unlimited, { attendee: person('ann') })))).kind, 'created');
      assert.deepEqual(await store.register(input(full50, registration(full50, { attendee: person('cas') }))), { kind: 'duplicate' });
      assert.deepEqual(await store.erasePerson(`nobody-${tag}@example.org`, contextFor()), {
        registrations: 0,
        companions: 0,
        eventIds: [],
        promoted: [],
        mailIds: [],
      });
    });

    test('retention: eraseEvent() erases an event whole and keeps its counts, which still count as places taken', async () => {
      const event = seedEvent(`bewaartermijn-${engine}`, { capacity: 4, waitlist: true, nonMemberPlaces: 2 });
      const payloads = [
        registration(event, { member: false, companions: companions(1) }),
        registration(event, { companions: companions(1) }),
        registration(event, { companions: companions(2) }),
      ];
      for (const payload of payloads) await store.register(input(event, payload));
      await store.register(input(unlimited, registration(unlimited)));
      const before = countsWith({ confirmed: [2, 4], waitlisted: [1, 3] });
      assert.deepEqual(await store.counts(event.id), before);

      const erased = await stores.at(-1).eraseEvent(event.id);
      assert.deepEqual(erased.counts, before);
      assert.equal(erased.mailIds.length, 3, 'one mail per registration, erased with it');
      assert.deepEqual(await store.list(event.id), []);
      assert.deepEqual(await store.registeredEvents(), [unlimited.id]);
      for (const payload of payloads) assert.equal(await store.findByKey(payload.idempotencyKey), undefined);
      assert.deepEqual(await store.counts(event.id), before);
      // Erased places stay taken (the non-members' among them counted as places only).
      assert.deepEqual(await store.taken(event.id), { places: 4, nonMemberPlaces: 0 });
      assert.deepEqual((await store.takenByEvent()).get(event.id), { places: 4, nonMemberPlaces: 0 });
      // A late registration after the erasure, erased in turn: the counts add up.
      const late = await store.register(input(event, registration(event)));
      assert.equal(late.registration.status, 'waitlisted');
      const second = await store.eraseEvent(event.id);
      assert.deepEqual(second.counts, countsWith({ waitlisted: [1, 1] }));
      assert.deepEqual(await store.counts(event.id), countsWith({ confirmed: [2, 4], waitlisted: [2, 4] }));
      assert.deepEqual(await store.eraseEvent('bestaat-niet'), { counts: countsWith({}), mailIds: [] });
    });

    test('waiting-list promotion: a cancellation or a removed companion confirms the oldest waiting that fit, each with its mail', async () => {
      const event = seedEvent(`promotie-${engine}`, { capacity: 4, waitlist: true });
      const context = contextFor({ [event.id]: limitsOf(event) });
      const register = async (companionCount, instance = store) => {
        const outcome = await instance.register(input(event, registration(event, { companions: companions(companionCount) }), { notify: context.notify }));
        assert.equal(outcome.kind, 'created');
        return outcome.registration;
      };
      const [a, b] = [await register(1), await register(1)];
      const [c, d, e] = [await register(2), await register(0, spread(1)), await register(1)];
      assert.deepEqual([a, b, c, d, e].map((registration) => registration.status), ['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
      assert.deepEqual(await spread(1).findByToken(tokenHash(c.id)), c);
      assert.equal(await store.findByToken(tokenHash('nobody')), undefined);

      // A's two places: C (3) does not fit, D (1) does, E (2) no longer.
      const cancelled = await spread(1).cancel(tokenHash(a.id), context);
      assert.equal(cancelled.kind, 'changed');
      assert.equal(cancelled.registration.status, 'cancelled');
      assert.deepEqual(cancelled.promoted.map((registration) => [registration.id, registration.status]), [[d.id, 'confirmed']]);
      assert.deepEqual((await store.cancel(tokenHash(a.id), context)).kind, 'unchanged');
      assert.deepEqual(await store.cancel(tokenHash('nobody'), context), { kind: 'unknown' });
      // C takes a companion off: 2 places, still no room (1 left); E's companion off: E fits.
      const removed = await store.removeCompanion(tokenHash(e.id), e.payload.companions[0].email.toUpperCase(), context);
      assert.equal(removed.kind, 'changed');
      assert.equal(removed.registration.places, 1);
      assert.deepEqual(removed.promoted.map((registration) => registration.id), [e.id]);
      assert.equal((await store.removeCompanion(tokenHash(e.id), 'niemand@example.org', context)).kind, 'unchanged');
      assert.deepEqual(await store.taken(event.id), { places: 4, nonMemberPlaces: 0 });
      // A's address is free again (on the waiting list now); the cancelled registration stays for the export.
      const again = await store.register(input(event, registration(event, { attendee: a.payload.attendee })));
      assert.deepEqual([again.kind, again.registration.status], ['created', 'waitlisted']);
      assert.equal((await store.list(event.id)).filter((row) => row.status === 'cancelled').length, 1);
      const mails = await store.mailsTo(d.payload.attendee.email);
      assert.deepEqual(mails.map((mail) => mail.message.kind), ['registered', 'promoted']);
      assert.deepEqual(context.changes.filter((change) => change.kind !== 'registered').map((change) => change.kind), ['cancelled', 'promoted', 'companion-removed', 'promoted']);
    });

    test('promotion stays exact when places come free on both instances at once', async () => {
      const event = seedEvent(`promotie-samen-${engine}`, { capacity: 10, waitlist: true });
      const context = contextFor({ [event.id]: limitsOf(event) });
      const registered = [];
      for (let index = 0; index < 30; index++) {
        const payload = registration(event, { companions: companions(index % 3) });
        registered.push((await store.register(input(event, payload, { notify: context.notify }))).registration);
      }
      const confirmed = registered.filter((registration) => registration.status === 'confirmed');
      await Promise.all(confirmed.map((registration, index) => spread(index).cancel(tokenHash(registration.id), context)));
      const rows = await store.list(event.id);
      const taken = confirmedPlaces(rows);
      assert.ok(taken <= 10, `${taken} places confirmed of 10`);
      assert.deepEqual(await store.taken(event.id), { places: taken, nonMemberPlaces: 0 });
      for (const waiting of rows.filter((row) => row.status === 'waitlisted')) {
        assert.ok(waiting.places > 10 - taken, `a waiting registration of ${waiting.places} places was left with ${10 - taken} free`);
      }
    });

    test('double opt-in: a pending registration holds its places until confirmed; an expired hold frees them and promotes', async () => {
      const event = seedEvent(`bevestigen-${engine}`, { capacity: 2, waitlist: true });
      const context = contextFor({ [event.id]: limitsOf(event) });
      const now = new Date();
      const inAnHour = new Date(now.getTime() + 3_600_000).toISOString();
      const register = async (payload, confirmBy) => (await store.register(input(event, payload, { confirmBy, notify: context.notify }))).registration;
      const held = await register(registration(event, { companions: companions(1) }), inAnHour);
      const late = await register(registration(event), inAnHour);
      const plain = await register(registration(event), undefined);
      assert.deepEqual([held.status, late.status, plain.status], ['pending', 'pending-waitlist', 'waitlisted']);
      assert.equal(held.confirmBy, inAnHour);
      assert.deepEqual(await store.taken(event.id), { places: 2, nonMemberPlaces: 0 });
      assert.deepEqual(await store.counts(event.id), countsWith({ pending: [1, 2], 'pending-waitlist': [1, 1], waitlisted: [1, 1] }));

      // Still full: confirming the late one puts it on the waiting list, ahead of the plain one (older).
      const confirmedLate = await spread(1).confirm(tokenHash(late.id), now, context);
      assert.deepEqual([confirmedLate.kind, confirmedLate.registration.status], ['changed', 'waitlisted']);
      assert.equal(confirmedLate.registration.confirmBy, undefined);
      assert.deepEqual(await store.expireHolds(now, context), [], 'nothing is overdue yet');
      const expired = await spread(1).expireHolds(new Date(now.getTime() + 7_200_000), context);
      assert.deepEqual(expired.map((registration) => [registration.id, registration.status]), [[held.id, 'expired']]);
      const rows = await store.list(event.id);
      assert.deepEqual(rows.map((row) => row.status), ['expired', 'confirmed', 'confirmed']);
      assert.equal((await store.confirm(tokenHash(held.id), now, context)).kind, 'unchanged', 'an expired hold is not confirmed');

      // Confirmed in time: pending becomes confirmed; too late: it expires then and there.
      const other = seedEvent(`bevestigen-op-tijd-${engine}`, { capacity: 5 });
      const otherContext = contextFor({ [other.id]: limitsOf(other) });
      const onTime = (await store.register(input(other, registration(other), { confirmBy: inAnHour, notify: otherContext.notify }))).registration;
      const confirmed = await store.confirm(tokenHash(onTime.id), now, otherContext);
      assert.deepEqual([confirmed.kind, confirmed.registration.status], ['changed', 'confirmed']);
      const tooLate = (await store.register(input(other, registration(other), { confirmBy: inAnHour, notify: otherContext.notify }))).registration;
      const refused = await store.confirm(tokenHash(tooLate.id), new Date(now.getTime() + 7_200_000), otherContext);
      assert.deepEqual([refused.kind, refused.registration.status], ['unchanged', 'expired']);
    });

    test('the mail queue hands each mail to one sender at a time, over both instances; sent mails lose their content', async () => {
      const event = seedEvent('post', {});
      for (let index = 0; index < 30; index++) await store.register(input(event, registration(event)));
      const now = new Date(Date.now() + 1000);
      const claims = await Promise.all(Array.from({ length: 6 }, (_, index) => stores[index % stores.length].claimMails(now, 10, 60_000)));
      const ids = claims.flat().map((mail) => mail.id);
      assert.equal(ids.length, 30, 'every due mail claimed');
      assert.equal(new Set(ids).size, 30, 'no mail claimed twice');
      assert.deepEqual(await stores.at(-1).claimMails(now, 10, 60_000), [], 'claimed mails wait for their lease');
      const [first, second, third] = claims.flat().sort((a, b) => a.id - b.id);
      assert.deepEqual([first.attempts, first.message.kind], [1, 'registered']);

      await store.mailSent(first.id, now);
      await stores.at(-1).mailFailed(second.id, 'smtp: 451 try later', new Date(now.getTime() + 3_600_000));
      await store.mailFailed(third.id, 'smtp: 550 no such user', undefined);
      const [sent] = await store.mailsTo(first.to);
      assert.deepEqual([sent.message, sent.sentAt, sent.failedAt], [null, now.toISOString(), null]);
      const [givenUp] = await store.mailsTo(third.to);
      assert.equal(givenUp.message, null);
      assert.ok(givenUp.failedAt);
      // Once the leases run out, what is neither sent, given up nor waiting for its retry is due again.
      const later = await store.claimMails(new Date(now.getTime() + 61_000), 100, 60_000);
      assert.equal(later.length, 27);
      assert.ok(later.every((mail) => mail.attempts === 2));
      const retried = await store.claimMails(new Date(now.getTime() + 3_700_000), 100, 60_000);
      assert.ok(retried.some((mail) => mail.id === second.id));
    });

    test('retention run by every process at once erases an event once: its counts are kept once', async () => {
      const event = seedEvent(`bewaartermijn-samen-${engine}`, { capacity: 5, waitlist: true });
      const payloads = Array.from({ length: 8 }, (_, index) => registration(event, { companions: companions(index % 2) }));
      await Promise.all(payloads.map((payload, index) => spread(index).register(input(event, payload))));
      const before = await store.counts(event.id);
      assert.equal(before.confirmed.registrations + before.waitlisted.registrations, 8);
      const erasures = await Promise.all(Array.from({ length: 6 }, (_, index) => spread(index).eraseEvent(event.id)));
      const together = structuredClone(erasures[0].counts);
      for (const erased of erasures.slice(1)) {
        for (const [status, count] of Object.entries(erased.counts)) {
          together[status].registrations += count.registrations;
          together[status].places += count.places;
        }
      }
      assert.deepEqual(together, before, 'the erasures together erased each registration once');
      assert.deepEqual(await spread(1).counts(event.id), before);
      assert.deepEqual(await store.list(event.id), []);
    });
  });
}

describe('store contract: PostgreSQL schema', () => {
  test('processes that start together on an empty database migrate it once', async () => {
    const url = await emptySchema();
    await Promise.all(Array.from({ length: 4 }, async () => track(await PostgresStore.open(url))));
    const rows = await withClient(url, (client) => client.query('SELECT version, name FROM schema_migrations ORDER BY version'));
    assert.deepEqual(rows.rows, MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const tables = await withClient(url, (client) => client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name'));
    assert.deepEqual(tables.rows.map((row) => row.table_name), ['access_tokens', 'erased_counts', 'mail_queue', 'people', 'registrations', 'schema_migrations']);
    // Opened again, nothing is applied twice.
    track(await PostgresStore.open(url));
    const again = await withClient(url, (client) => client.query('SELECT count(*)::integer AS count FROM schema_migrations'));
    assert.equal(again.rows[0].count, MIGRATIONS.length);
  });

  test('a database with a newer schema than this server knows is refused with the versions named', async () => {
    const url = await emptySchema();
    track(await PostgresStore.open(url));
    const newer = MIGRATIONS.at(-1).version + 1;
    await withClient(url, (client) => client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')", [newer]));
    await assert.rejects(PostgresStore.open(url), new RegExp(`^Error: the database has schema version ${newer}; this server knows up to ${newer - 1}$`));
  });

  test('an unreachable server fails open() with the reason', async () => {
    await assert.rejects(PostgresStore.open('postgres://nobody@127.0.0.1:1/none'), /ECONNREFUSED/);
  });
});

describe('store contract: through the HTTP endpoint', () => {
  /** The same API handler on each store, with the same events. */
  async function endpoints() {
    const runs = {};
    for (const [engine, { open }] of Object.entries(engines)) runs[engine] = { server: await startEndpoint({ events: { rules, full50 }, store: (await open()).store }) };
    return runs;
  }

  /** Registrations for the `rules` event: created, replayed, duplicate, key reused, full. */
  function script() {
    const fixed = (tag) => ({ name: `Vaste ${tag}`, email: `vast-${tag}@example.org`, organisation: 'Woonstichting Het Baken' });
    const bodies = [
      registration(rules, { attendee: fixed('a'), companions: companions(2, 'http-a'), answers: { workshop: 'Buurtbeheer', themes: ['Toewijzing'], dieet: 'Geen' } }),
      registration(rules, { attendee: fixed('b'), member: false }),
      registration(rules, { attendee: fixed('a') }),
    ];
    bodies.push(structuredClone(bodies[0]));
    bodies.push({ ...registration(rules, { attendee: fixed('c') }), idempotencyKey: bodies[1].idempotencyKey });
    for (let i = 0; i < 3; i++) bodies.push(registration(rules, { attendee: fixed(`vol${i}`), companions: companions(2, `vol${i}`) }));
    return bodies;
  }

  /** Sends the same script to each endpoint; resolves to each engine's answers. */
  async function sendScript(runs) {
    const bodies = script();
    const answers = {};
    for (const [engine, { server }] of Object.entries(runs)) {
      answers[engine] = [];
      for (const body of bodies) {
        const { status, body: answer, headers } = await postJson(server, rules.id, body);
        answers[engine].push({ status, kind: answer.status ?? answer.errors?.[0]?.path, replayed: headers.get('idempotent-replayed') });
      }
    }
    return answers;
  }

  test('both stores answer the same requests alike: created, replayed, duplicate, key reused, full', async () => {
    const answers = await sendScript(await endpoints());
    assert.deepEqual(answers.postgres, answers.sqlite);
    assert.deepEqual(
      answers.sqlite.map((answer) => `${answer.status} ${answer.kind}${answer.replayed ? ' replayed' : ''}`),
      ['201 confirmed', '201 confirmed', '409 duplicate', '201 confirmed replayed', '422 idempotencyKey', '201 confirmed', '201 confirmed', '409 full'],
    );
  });

  test('the organiser\'s CSV export is the same from both stores, ids and times aside', async () => {
    const runs = await endpoints();
    await sendScript(runs);
    const exports = {};
    for (const [engine, { server }] of Object.entries(runs)) {
      const csv = await exportCsv(server, rules.id, TOKEN);
      assert.equal(csv.status, 200);
      assert.deepEqual(csv.rows[0].slice(0, 2), ['aanmelding', 'ontvangen (UTC)']);
      // Without the registration's id and time, which differ by nature.
      exports[engine] = csv.rows.map((row) => row.slice(2));
    }
    assert.equal(exports.sqlite.length, 5, 'heading and the four registrations stored');
    assert.deepEqual(exports.postgres, exports.sqlite);
  });

  test('access and erasure requests answer alike on both stores, and the erased address is gone from the export', async () => {
    /** `/api/people` for `email`, ids and times left out (they differ by nature). */
    const people = async (server, method, email) => {
      const response = await fetch(`${server.api}/api/people?email=${encodeURIComponent(email)}`, {
        method,
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const body = await response.json();
      for (const entry of body.registrations ?? []) {
        delete entry.id;
        delete entry.createdAt;
      }
      // Which mails, not how far the mail worker has got with them (sent, attempts, content erased).
      if (body.mails) body.mails = body.mails.map((mail) => mail.id);
      return { status: response.status, body };
    };
    const runs = await endpoints();
    await sendScript(runs);
    const answers = {};
    for (const [engine, { server }] of Object.entries(runs)) {
      answers[engine] = [
        await people(server, 'GET', 'VAST-A@example.org'),
        await people(server, 'GET', 'partner-http-a-1@example.org'),
        await people(server, 'DELETE', 'partner-http-a-1@example.org'),
        await people(server, 'DELETE', 'vast-b@example.org'),
        await people(server, 'GET', 'vast-b@example.org'),
      ];
      const csv = await exportCsv(server, rules.id, TOKEN);
      assert.doesNotMatch(csv.raw, /vast-b@example\.org|partner-http-a-1@example\.org/);
      assert.match(csv.raw, /partner-http-a-0@example\.org/);
    }
    assert.deepEqual(answers.postgres, answers.sqlite);
    const [access, asCompanion, companionErased, attendeeErased, afterwards] = answers.sqlite;
    assert.deepEqual(access.body.registrations.map((entry) => [entry.role, entry.places]), [['attendee', 3]]);
    assert.deepEqual(asCompanion.body.registrations.map((entry) => [entry.role, entry.registeredBy.name]), [['companion', 'Vaste a']]);
    const erasedRegistrations = (answer) => [answer.body.erased.registrations, answer.body.erased.companions];
    assert.deepEqual([companionErased, attendeeErased].map(erasedRegistrations), [[0, 1], [1, 0]]);
    assert.deepEqual(afterwards.body.registrations, []);
  });
});
