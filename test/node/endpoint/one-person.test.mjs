// One person, one place per event: an address holds one place, as attendee or as companion. And a
// fair share per client: PLACE_LIMIT places per address per event per hour.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { unlimited, waitlist50 } from './support/events.mjs';
import { companions, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { unlimited, waitlist50 });
  server = await startServer({ dir: temp.dir, env: { PLACE_LIMIT: '0' } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const person = (tag) => ({ name: `Persoon ${tag}`, email: `${tag}@example.org`, organisation: 'Woonstichting Het Baken' });
const unique = () => crypto.randomUUID().slice(0, 8);

describe('one person, one place per event', () => {
  test('a companion who already registered as attendee: 422 at that companion\'s e-mail, nothing stored', async () => {
    const a = `a-${unique()}`;
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: person(a) }))).status, 201);
    const b = await postJson(
      server,
      unlimited.id,
      registration(unlimited, { companions: [...companions(1), { name: 'A', email: ` ${a.toUpperCase()}@Example.org ` }] }),
    );
    assert.equal(b.status, 422);
    assert.deepEqual(b.body.errors, [{ path: 'companions.1.email', message: 'Deze deelnemer is al aangemeld voor deze bijeenkomst' }]);
    const english = await postJson(server, unlimited.id, registration(unlimited, { locale: 'en', companions: [{ name: 'A', email: `${a}@example.org` }] }));
    assert.deepEqual(english.body.errors, [{ path: 'companions.0.email', message: 'This participant is already registered for this event' }]);
  });

  test('a companion who is someone else\'s companion already: 422 too', async () => {
    const c = `c-${unique()}`;
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { companions: [person(c)] }))).status, 201);
    const again = await postJson(server, unlimited.id, registration(unlimited, { companions: [person(c)] }));
    assert.equal(again.status, 422);
    assert.equal(again.body.errors[0].path, 'companions.0.email');
  });

  test('the same address twice in one registration, or the attendee as companion: 422 at the repeat', async () => {
    const c = `c-${unique()}`;
    const three = await postJson(server, unlimited.id, registration(unlimited, { attendee: person(c), companions: [person(c), person(c.toUpperCase())] }));
    assert.equal(three.status, 422);
    assert.deepEqual(
      three.body.errors.map((error) => error.path),
      ['companions.0.email', 'companions.1.email'],
    );
    assert.equal(three.body.errors[0].message, 'Dit e-mailadres staat al bij een andere deelnemer in deze aanmelding');
    const pair = await postJson(server, unlimited.id, registration(unlimited, { companions: [person(`d-${c}`), person(`d-${c}`)] }));
    assert.deepEqual(pair.body.errors.map((error) => error.path), ['companions.1.email']);
  });

  test('an attendee who holds a place as someone\'s companion: 409 duplicate', async () => {
    const e = `e-${unique()}`;
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { companions: [person(e)] }))).status, 201);
    const later = await postJson(server, unlimited.id, registration(unlimited, { attendee: person(e) }));
    assert.equal(later.status, 409);
    assert.equal(later.body.status, 'duplicate');
  });

  test('the same people may register for another event', async () => {
    const f = `f-${unique()}`;
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: person(f) }))).status, 201);
    assert.equal((await postJson(server, waitlist50.id, registration(waitlist50, { companions: [person(f)] }))).status, 201);
  });
});

describe('PLACE_LIMIT: a fair share per client', () => {
  test('the default (20) stops one address after 20 places in an hour: 429 + Retry-After; other events are not affected', async () => {
    const limitedTemp = tempDir();
    writeEvents(join(limitedTemp.dir, 'events'), { unlimited, waitlist50 });
    // Empty: the server's own default.
    const limited = await startServer({ dir: limitedTemp.dir, env: { PLACE_LIMIT: '' } });
    try {
      const statuses = [];
      // 15 registrations of 3 places each, as in the finding: 48 of 50 places before.
      for (let i = 0; i < 15; i++) {
        statuses.push((await postJson(limited, waitlist50.id, registration(waitlist50, { companions: companions(2) }))).status);
      }
      assert.deepEqual(statuses.slice(0, 6), Array(6).fill(201), '18 places');
      assert.ok(statuses.slice(6).every((status) => status === 429), statuses.join());
      const refused = await postJson(limited, waitlist50.id, registration(waitlist50, { companions: companions(2) }));
      assert.equal(refused.body.status, 'place_limited');
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 3_000 && retryAfter <= 3_600, String(retryAfter));
      assert.equal(refused.body.retryAfter, retryAfter);
      // Two places fit under the limit still; three would not.
      assert.equal((await postJson(limited, waitlist50.id, registration(waitlist50, { companions: companions(1) }))).status, 201);
      const list = await (await fetch(`${limited.api}/api/events/${waitlist50.id}`)).json();
      assert.equal(list.registration.remaining, 30);
      assert.equal((await postJson(limited, unlimited.id, registration(unlimited, { companions: companions(2) }))).status, 201);
      assert.match(limited.output(), /place limit: 20 places per client per event per hour/);
    } finally {
      await limited.stop();
      limitedTemp.cleanup();
    }
  });

  test('PLACE_LIMIT below one full registration is refused at start-up', async () => {
    const badTemp = tempDir();
    writeEvents(join(badTemp.dir, 'events'), { unlimited });
    await assert.rejects(startServer({ dir: badTemp.dir, env: { PLACE_LIMIT: '5' } }), /PLACE_LIMIT must be 0 \(off\) or at least 11/);
    badTemp.cleanup();
  });
});
