// Endpoint promises at their edges (issue 17): an idempotent retry gets its first answer even after
// registration has closed, the earlier use of a key decides before validation does, and the allowed
// origins match exactly, never by prefix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { unlimited } from './support/events.mjs';
import { companions, daysFromNow, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const temps = [];
const servers = [];

async function start(dir, env) {
  const server = await startServer({ dir, env });
  servers.push(server);
  return server;
}

after(async () => {
  for (const server of servers) await server.stop();
  for (const temp of temps) temp.cleanup();
});

/** An open event with companions; `closes` decides whether it still takes registrations. */
function closingEvent(closes) {
  return {
    ...unlimited,
    id: 'sluit-straks',
    registration: { ...unlimited.registration, endpoint: '/api/events/sluit-straks/registrations', closes },
  };
}

describe('idempotent replay comes before the registration window and validation', () => {
  const temp = tempDir();
  temps.push(temp);
  const eventsDir = join(temp.dir, 'events');
  const event = closingEvent(daysFromNow(10));
  const body = registration(event, { companions: companions(2) });
  let first;

  before(async () => {
    writeEvents(eventsDir, { event });
    const server = await start(temp.dir);
    first = await postJson(server, event.id, body);
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'confirmed');

    // Same key, a body that does not validate: the key was used for another registration.
    const broken = await postJson(server, event.id, { ...body, attendee: { ...body.attendee, email: 'geen-adres' } });
    assert.equal(broken.status, 422);
    assert.deepEqual(broken.body.errors.map((error) => error.path), ['idempotencyKey']);
    await server.stop();
  });

  test('after registration has closed, a retry with the same key and body gets the first answer', async () => {
    writeEvents(eventsDir, { event: closingEvent(daysFromNow(-1)) });
    const server = await start(temp.dir);
    // The window really is closed now: a new registration is refused.
    const late = await postJson(server, event.id, registration(event));
    assert.equal(late.status, 403);
    assert.equal(late.body.reason, 'closed');

    const replay = await postJson(server, event.id, body);
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');

    // A changed body under the same key is still the key's earlier use, not "closed".
    const changed = await postJson(server, event.id, { ...body, remarks: 'toch iets anders' });
    assert.equal(changed.status, 422);
    assert.deepEqual(changed.body.errors.map((error) => error.path), ['idempotencyKey']);
    const invalid = await postJson(server, event.id, { ...body, attendee: { ...body.attendee, email: 'geen-adres' } });
    assert.equal(invalid.status, 422);
    assert.deepEqual(invalid.body.errors.map((error) => error.path), ['idempotencyKey']);
  });
});

describe('ALLOWED_ORIGINS matches whole origins', () => {
  const PARTNER = 'https://partner.example.org';
  const LOOKALIKES = [`${PARTNER}.evil.example`, `${PARTNER}:8443`, 'http://partner.example.org', `${PARTNER}/`, 'https://partner.example.or'];
  let server;

  before(async () => {
    const temp = tempDir();
    temps.push(temp);
    writeEvents(join(temp.dir, 'events'), { unlimited });
    server = await start(temp.dir, { ALLOWED_ORIGINS: PARTNER });
  });

  const url = () => `${server.api}/api/events/${unlimited.id}/registrations`;

  test('the partner’s own origin may register, and is told so in CORS', async () => {
    const { status, headers } = await postJson(server, unlimited.id, registration(unlimited), { origin: PARTNER });
    assert.equal(status, 201);
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
  });

  for (const origin of LOOKALIKES) {
    test(`a look-alike origin (${origin}) is refused: 403 on POST, no CORS anywhere`, async () => {
      const post = await postJson(server, unlimited.id, registration(unlimited), { origin });
      assert.equal(post.status, 403);
      assert.equal(post.body.status, 'forbidden');
      assert.equal(post.headers.get('access-control-allow-origin'), null);

      const preflight = await fetch(url(), {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
      });
      await preflight.arrayBuffer();
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);

      // Answers other than the refusal (here a 405) carry no CORS for it either.
      const get = await fetch(url(), { headers: { Origin: origin } });
      await get.arrayBuffer();
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    });
  }
});

describe('a retry of an accepted registration outlives a change of the event’s rules', () => {
  const temp = tempDir();
  temps.push(temp);
  const eventsDir = join(temp.dir, 'events');
  const event = closingEvent(daysFromNow(10));

  test('two companions were accepted; with at most one allowed now, the same retry still gets its first answer', async () => {
    writeEvents(eventsDir, { event });
    let server = await start(temp.dir);
    const body = registration(event, { companions: companions(2) });
    const first = await postJson(server, event.id, body);
    assert.equal(first.status, 201);
    await server.stop();

    writeEvents(eventsDir, { event: { ...event, registration: { ...event.registration, maxCompanions: 1 } } });
    server = await start(temp.dir);
    // A new registration with two companions is refused under the new rule …
    const fresh = await postJson(server, event.id, registration(event, { companions: companions(2) }));
    assert.equal(fresh.status, 422);
    // … but the retry of the accepted one is the same request: its first answer, nothing stored twice.
    const replay = await postJson(server, event.id, body);
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  });
});
