// What every store decides by (demo/server/store.ts): the places a registration can still get,
// with the non-members' cap inside the capacity, and how addresses compare.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { answeredStatus, countsOf, fits, normaliseEmail, placeRequest, placesFor, withRequest } = await tsImport('../../../demo/server/store.ts', import.meta.url);

const taken = (places, nonMemberPlaces = 0) => ({ places, nonMemberPlaces });

describe('placesFor', () => {
  test('what is left of the capacity, never below 0; without a capacity, no limit', () => {
    assert.deepEqual(placesFor(true, taken(3), { capacity: 10, nonMemberCapacity: undefined }), { left: 7, nonMemberCap: false });
    assert.deepEqual(placesFor(true, taken(12), { capacity: 10, nonMemberCapacity: undefined }), { left: 0, nonMemberCap: false });
    assert.deepEqual(placesFor(true, taken(3), { capacity: undefined, nonMemberCapacity: undefined }), { left: Infinity, nonMemberCap: false });
  });

  test('a non-member gets no more than the non-members’ places left; members and those not asked are not capped', () => {
    const limits = { capacity: 10, nonMemberCapacity: 4 };
    assert.deepEqual(placesFor(false, taken(5, 3), limits), { left: 1, nonMemberCap: true });
    assert.deepEqual(placesFor(false, taken(5, 6), limits), { left: 0, nonMemberCap: true });
    assert.deepEqual(placesFor(true, taken(5, 3), limits), { left: 5, nonMemberCap: false });
    assert.deepEqual(placesFor(undefined, taken(5, 3), limits), { left: 5, nonMemberCap: false });
    assert.deepEqual(placesFor(false, taken(5, 3), { capacity: 10, nonMemberCapacity: undefined }), { left: 5, nonMemberCap: false });
  });

  test('the cap is the lower of the two: when both leave as many, the capacity is what runs out', () => {
    assert.deepEqual(placesFor(false, taken(8, 0), { capacity: 10, nonMemberCapacity: 2 }), { left: 2, nonMemberCap: false });
    assert.deepEqual(placesFor(false, taken(9, 0), { capacity: 10, nonMemberCapacity: 2 }), { left: 1, nonMemberCap: false });
    assert.deepEqual(placesFor(false, taken(2, 1), { capacity: undefined, nonMemberCapacity: 2 }), { left: 1, nonMemberCap: true });
  });
});

describe('normaliseEmail', () => {
  test('without case and surrounding spaces', () => {
    assert.equal(normaliseEmail('  Fien@Example.ORG\t'), 'fien@example.org');
  });
});

describe('fits and withRequest', () => {
  const limits = { capacity: 10, nonMemberCapacity: 4 };

  test('a registration fits when its places are no more than what is left for it', () => {
    assert.equal(fits(limits, taken(7), { places: 3, member: true }), true);
    assert.equal(fits(limits, taken(7), { places: 4, member: true }), false);
    assert.equal(fits(limits, taken(5, 3), { places: 1, member: false }), true);
    assert.equal(fits(limits, taken(5, 3), { places: 2, member: false }), false);
    assert.equal(fits(limits, taken(5, 3), { places: 2, member: undefined }), true);
    assert.equal(fits({ capacity: undefined, nonMemberCapacity: undefined }, taken(1000), { places: 3, member: false }), true);
  });

  test('placeRequest: the attendee and each companion, with the member answer', () => {
    const payload = { attendee: { name: 'Fien', email: 'fien@example.org' }, companions: [{ name: 'Ada', email: 'ada@example.org' }], member: false };
    assert.deepEqual(placeRequest(payload), { places: 2, member: false });
    assert.deepEqual(placeRequest({ ...payload, companions: [], member: undefined }), { places: 1, member: undefined });
  });

  test('withRequest: the places granted are taken; a non-member’s count against the non-members’ places too', () => {
    assert.deepEqual(withRequest(taken(5, 1), { places: 2, member: false }), taken(7, 3));
    assert.deepEqual(withRequest(taken(5, 1), { places: 2, member: true }), taken(7, 1));
    assert.deepEqual(withRequest(taken(5, 1), { places: 2, member: undefined }), taken(7, 1));
  });
});

describe('countsOf and answeredStatus', () => {
  test('rows per status added up; every status present, zero where no row says', () => {
    const counts = countsOf([
      { status: 'confirmed', registrations: 2, places: 3 },
      { status: 'expired', registrations: 1, places: 1 },
      { status: 'confirmed', registrations: 1, places: 2 },
    ]);
    const zero = { registrations: 0, places: 0 };
    assert.deepEqual(counts, {
      confirmed: { registrations: 3, places: 5 },
      waitlisted: zero,
      pending: zero,
      'pending-waitlist': zero,
      cancelled: zero,
      expired: { registrations: 1, places: 1 },
    });
  });

  test('a client is told pending for both pending states, the status itself otherwise', () => {
    assert.deepEqual(['confirmed', 'waitlisted', 'pending', 'pending-waitlist'].map(answeredStatus), ['confirmed', 'waitlisted', 'pending', 'pending']);
  });
});
