// What every store decides by (demo/server/store.ts): the places a registration can still get,
// with the non-members' cap inside the capacity, and how addresses compare.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { normaliseEmail, placesFor } = await tsImport('../../../demo/server/store.ts', import.meta.url);

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
