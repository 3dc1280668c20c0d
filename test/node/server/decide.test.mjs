// The registration rules every store applies (demo/server/decide.ts), decided on facts the test
// sets: a retry and a reused key, one person one place, companions that repeat or already hold a
// place, the organisation's companion limit (at most so many per corporation), the capacity with
// the non-members' places, the waiting list, and the holds of double opt-in.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { companions, registration } from '../endpoint/support/server.mjs';
import { describe, test } from '../support/suite.mjs';
import { registerInput } from './support/register-input.mjs';

const { decide, storedRegistration, takenWith } = await tsImport('../../../demo/server/decide.ts', import.meta.url);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVENT = 'bijeenkomst';
const event = { id: EVENT };

/**
 * What the store knows, as the test sets it: `earlier` answers by key, `holding` addresses that
 * hold a place, `taken`, and companions per organisation key. `asked` records every question.
 */
function facts({ earlier = {}, holding = [], taken = { places: 0, nonMemberPlaces: 0 }, organisations = {} } = {}) {
  const asked = [];
  return {
    asked,
    earlier(key) {
      asked.push(['earlier', key]);
      return earlier[key];
    },
    holdsPlace(eventId, email) {
      asked.push(['holdsPlace', eventId, email]);
      return eventId === EVENT && holding.includes(email);
    },
    taken(eventId) {
      asked.push(['taken', eventId]);
      return taken;
    },
    organisationCompanions(eventId, organisation) {
      asked.push(['organisationCompanions', eventId, organisation]);
      return organisations[organisation] ?? 0;
    },
  };
}

/** The store's input for `payload` with `limits` (capacity, nonMemberCapacity, waitlist, maxCompanionsPerOrganisation, confirmBy). */
const input = (payload, limits = {}) => registerInput({ id: EVENT, registration: {} }, payload, { payloadHash: `hash-of-${payload.idempotencyKey}`, ...limits });

const person = (name, email, organisation = 'Woonstichting Het Baken') => ({ name, email, organisation });

describe('decide: retries and duplicates', () => {
  test('a retry with the same payload gets its first answer again; a reused key with another payload is refused', () => {
    const payload = registration(event);
    const response = { status: 201, body: { id: 'eerste', status: 'confirmed' } };
    const known = facts({ earlier: { [payload.idempotencyKey]: { payloadHash: `hash-of-${payload.idempotencyKey}`, response } } });
    assert.deepEqual(decide(input(payload), known), { outcome: { kind: 'replay', response } });
    assert.deepEqual(known.asked, [['earlier', payload.idempotencyKey]], 'nothing else is looked at');
    const conflict = facts({ earlier: { [payload.idempotencyKey]: { payloadHash: 'another payload', response } } });
    assert.deepEqual(decide(input(payload), conflict), { outcome: { kind: 'key-conflict' } });
  });

  test('an address that holds a place already is a duplicate, compared without case and spaces', () => {
    const payload = registration(event, { attendee: person('Jan', '  Jan.Jansen@Example.ORG ') });
    const known = facts({ holding: ['jan.jansen@example.org'] });
    assert.deepEqual(decide(input(payload), known), { outcome: { kind: 'duplicate' } });
    assert.deepEqual(known.asked.at(-1), ['holdsPlace', EVENT, 'jan.jansen@example.org']);
  });

  test('companions that repeat an address, or already hold a place, are named by their position', () => {
    const payload = registration(event, {
      attendee: person('Jan', 'jan@example.org'),
      companions: [
        person('Piet', 'piet@example.org'),
        person('Klaas', 'KLAAS@example.org'),
        person('Jan again', ' JAN@example.org'),
        person('Klaas again', 'klaas@example.org'),
        person('Kees', 'kees@example.org'),
      ],
    });
    const known = facts({ holding: ['klaas@example.org'] });
    assert.deepEqual(decide(input(payload), known), { outcome: { kind: 'companions-refused', repeated: [2, 3], registered: [1] } });
  });

  test('one repeated companion alone, or one registered alone, is refused as well', () => {
    const repeated = registration(event, { attendee: person('Jan', 'jan@example.org'), companions: [person('Jan', 'jan@example.org')] });
    assert.deepEqual(decide(input(repeated), facts()), { outcome: { kind: 'companions-refused', repeated: [0], registered: [] } });
    const registered = registration(event, { companions: [person('Piet', 'piet@example.org')] });
    assert.deepEqual(decide(input(registered), facts({ holding: ['piet@example.org'] })), {
      outcome: { kind: 'companions-refused', repeated: [], registered: [0] },
    });
  });
});

describe('decide: companions per organisation', () => {
  const colleague = (companionCount, tag) =>
    registration(event, { attendee: person('Collega', `collega-${tag}@woonbaken.nl`), companions: companions(companionCount, tag) });

  test('an organisation brings no more companions than the limit, over all its registrations', () => {
    const limits = { maxCompanionsPerOrganisation: 2 };
    const known = facts({ organisations: { 'domain:woonbaken.nl': 1 } });
    assert.deepEqual(decide(input(colleague(2, 'a'), limits), known), { outcome: { kind: 'organisation-limit', left: 1 } });
    assert.deepEqual(known.asked.at(-1), ['organisationCompanions', EVENT, 'domain:woonbaken.nl']);
    const fits = decide(input(colleague(1, 'b'), limits), known);
    assert.equal(fits.created.status, 'confirmed', 'exactly what is left fits');
    assert.equal(fits.created.organisation, 'domain:woonbaken.nl');
  });

  test('an organisation over its limit (the limit went down) has none left, not fewer than none', () => {
    const known = facts({ organisations: { 'domain:woonbaken.nl': 5 } });
    assert.deepEqual(decide(input(colleague(1, 'c'), { maxCompanionsPerOrganisation: 2 }), known), {
      outcome: { kind: 'organisation-limit', left: 0 },
    });
    const alone = decide(input(colleague(0, 'd'), { maxCompanionsPerOrganisation: 2 }), known);
    assert.equal(alone.created.status, 'confirmed', 'an attendee without companions always may');
  });

  test('the count is asked only when there is a limit, an organisation and companions', () => {
    const counted = (payload, limits) => {
      const known = facts({ organisations: { 'domain:woonbaken.nl': 100 } });
      const decision = decide(input(payload, limits), known);
      return { decision, counted: known.asked.some(([question]) => question === 'organisationCompanions') };
    };
    const noLimit = counted(colleague(2, 'e'), {});
    assert.equal(noLimit.counted, false);
    assert.equal(noLimit.decision.created.status, 'confirmed');
    assert.equal(counted(colleague(0, 'f'), { maxCompanionsPerOrganisation: 2 }).counted, false);
    const nameless = registration(event, { attendee: person('Zonder', 'zonder@gmail.com', '!!!'), companions: companions(2, 'g') });
    const noKey = counted(nameless, { maxCompanionsPerOrganisation: 1 });
    assert.equal(noKey.counted, false);
    assert.equal(noKey.decision.created.organisation, undefined);
    assert.equal(noKey.decision.created.status, 'confirmed');
  });
});

describe('decide: places', () => {
  test('a registration that fits is confirmed, with everything the store keeps', () => {
    const payload = registration(event, {
      attendee: person('Jan', ' Jan@Woonbaken.NL'),
      companions: [person('Piet', 'Piet@Example.org'), person('Kees', 'kees@example.org ')],
      member: true,
    });
    const before = Date.now();
    const decision = decide(input(payload, { capacity: 10 }), facts({ taken: { places: 7, nonMemberPlaces: 0 } }));
    const after = Date.now();
    const { created } = decision;
    assert.match(created.id, UUID);
    const createdAt = Date.parse(created.createdAt);
    assert.ok(createdAt >= before && createdAt <= after, created.createdAt);
    assert.equal(created.createdAt, new Date(createdAt).toISOString());
    assert.deepEqual(created, {
      id: created.id,
      eventId: EVENT,
      idempotencyKey: payload.idempotencyKey,
      payloadHash: `hash-of-${payload.idempotencyKey}`,
      status: 'confirmed',
      places: 3,
      email: 'jan@woonbaken.nl',
      member: true,
      organisation: 'domain:woonbaken.nl',
      people: ['jan@woonbaken.nl', 'piet@example.org', 'kees@example.org'],
      payload,
      response: { status: 201, body: { id: created.id, status: 'confirmed' } },
      createdAt: created.createdAt,
      confirmBy: undefined,
    });
    assert.notEqual(decide(input(registration(event)), facts()).created.id, created.id, 'a new id each time');
  });

  test('without room: full with the places left, or the waiting list when the event has one', () => {
    const payload = registration(event, { companions: companions(1) });
    const known = facts({ taken: { places: 9, nonMemberPlaces: 0 } });
    assert.deepEqual(decide(input(payload, { capacity: 10 }), known), { outcome: { kind: 'full', remaining: 1, nonMember: false } });
    const waiting = decide(input(payload, { capacity: 10, waitlist: true }), known).created;
    assert.equal(waiting.status, 'waitlisted');
    assert.equal(waiting.places, 2);
    assert.deepEqual(waiting.response.body, { id: waiting.id, status: 'waitlisted' });
  });

  test('the non-members\' places: a "no" to the member question is full when they are taken; members still fit', () => {
    const limits = { capacity: 10, nonMemberCapacity: 3 };
    const known = facts({ taken: { places: 4, nonMemberPlaces: 2 } });
    const nonMember = registration(event, { member: false, companions: companions(1) });
    assert.deepEqual(decide(input(nonMember, limits), known), { outcome: { kind: 'full', remaining: 1, nonMember: true } });
    const member = registration(event, { member: true, companions: companions(1) });
    assert.equal(decide(input(member, limits), known).created.status, 'confirmed');
    const alone = registration(event, { member: false });
    const created = decide(input(alone, limits), known).created;
    assert.equal(created.status, 'confirmed');
    assert.equal(created.member, false);
  });

  test('double opt-in: a hold (pending) until confirmBy, or a pending place on the waiting list; both answer "pending"', () => {
    const confirmBy = '2031-01-01T12:00:00.000Z';
    const payload = registration(event);
    const held = decide(input(payload, { capacity: 1, confirmBy }), facts()).created;
    assert.equal(held.status, 'pending');
    assert.equal(held.confirmBy, confirmBy);
    assert.deepEqual(held.response.body, { id: held.id, status: 'pending' });
    const full = facts({ taken: { places: 1, nonMemberPlaces: 0 } });
    const waiting = decide(input(payload, { capacity: 1, confirmBy, waitlist: true }), full).created;
    assert.equal(waiting.status, 'pending-waitlist');
    assert.deepEqual(waiting.response.body, { id: waiting.id, status: 'pending' });
    assert.deepEqual(decide(input(payload, { capacity: 1, confirmBy }), full), { outcome: { kind: 'full', remaining: 0, nonMember: false } });
  });
});

describe('after the decision', () => {
  test('the stored registration: its row number and what the table keeps', () => {
    const payload = registration(event);
    const { created } = decide(input(payload, { confirmBy: '2031-01-01T12:00:00.000Z' }), facts());
    assert.deepEqual(storedRegistration(created, 42), {
      seq: 42,
      id: created.id,
      eventId: EVENT,
      status: 'pending',
      places: 1,
      createdAt: created.createdAt,
      confirmBy: '2031-01-01T12:00:00.000Z',
      payload,
    });
  });

  test('confirmed and pending registrations take places (non-members\' too); the waiting lists take none', () => {
    const taken = { places: 4, nonMemberPlaces: 1 };
    const made = (status, member, places = 2) => ({ status, member, places });
    assert.deepEqual(takenWith(taken, made('confirmed', false)), { places: 6, nonMemberPlaces: 3 });
    assert.deepEqual(takenWith(taken, made('pending', true)), { places: 6, nonMemberPlaces: 1 });
    assert.deepEqual(takenWith(taken, made('confirmed', undefined, 3)), { places: 7, nonMemberPlaces: 1 });
    assert.equal(takenWith(taken, made('waitlisted', false)), taken);
    assert.equal(takenWith(taken, made('pending-waitlist', false)), taken);
  });
});
