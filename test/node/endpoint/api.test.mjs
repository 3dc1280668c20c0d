// The reference endpoint's answers, one by one (contract sections 4–6), against a real server
// process with a temporary database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as fixtures from './support/events.mjs';
import {
  companions,
  exportCsv,
  postJson,
  readResponse,
  registration,
  startServer,
  tempDir,
  writeEvents,
} from './support/server.mjs';

const TOKEN = 'test-token-api-0123456789abcdefghij';
let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { ...fixtures.all, ...fixtures.broken });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN } });
});

after(async () => {
  const exit = await server?.stop();
  temp?.cleanup();
  assert.deepEqual(exit, { code: 0, signal: null }, 'SIGTERM ends the server cleanly');
});

async function getJson(path, headers = {}) {
  return readResponse(await fetch(`${server.api}${path}`, { headers: { Accept: 'application/json', ...headers } }));
}

async function remaining(id) {
  return (await getJson(`/api/events/${id}`)).body.registration.remaining;
}

/** Rows in the export for an event, heading excluded. */
async function storedRows(id) {
  const csv = await exportCsv(server, id, TOKEN);
  assert.equal(csv.status, 200);
  return csv.rows.slice(1);
}

function formBody(entries) {
  const params = new URLSearchParams();
  for (const [key, value] of entries) params.append(key, value);
  return params.toString();
}

async function postForm(id, body, { origin = server.siteOrigin } = {}) {
  return readResponse(
    await fetch(`${server.api}/api/events/${id}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) },
      body,
    }),
  );
}

describe('event data', () => {
  test('GET /api/events lists the valid events in date order, open to every origin', async () => {
    const { status, body, headers } = await getJson('/api/events', { Origin: 'https://any-partner.example.org' });
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    const ids = body.events.map((event) => event.id);
    assert.equal(new Set(ids).size, ids.length, 'each id once');
    assert.deepEqual(new Set(ids), new Set(Object.values(fixtures.all).map((event) => event.id)));
    const starts = body.events.map((event) => Date.parse(event.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  test('invalid event files are skipped and logged; the server still starts', () => {
    const output = server.output();
    assert.match(output, /skipped kapotte-json\.json: not valid JSON/);
    assert.match(output, /skipped ongeldig-event\.json: start/);
    assert.match(output, /skipped zz-dubbel-id\.json: id "onbeperkt" is already used/);
  });

  test('GET /api/events/:id serves the file with a live remaining count; URLs stay relative to the API', async () => {
    const { status, body, headers } = await getJson(`/api/events/${fixtures.rules.id}`);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(body.registration.remaining, 10);
    assert.equal(body.registration.endpoint, `/api/events/${fixtures.rules.id}/registrations`);
    assert.equal(await remaining(fixtures.prefull.id), 0, 'capacity − remaining in the file counts as taken');
  });

  test('an unknown event is 404 with a JSON body', async () => {
    const { status, body } = await getJson('/api/events/bestaat-niet');
    assert.equal(status, 404);
    assert.equal(body.status, 'not_found');
    assert.match(body.message, /bestaat niet/);
  });
});

describe('POST /api/events/:id/registrations', () => {
  test('201 confirmed; attendee and companions each take a place', async () => {
    const before = await remaining(fixtures.rules.id);
    const payload = registration(fixtures.rules, { companions: companions(2) });
    const { status, body, headers } = await postJson(server, fixtures.rules.id, payload);
    assert.equal(status, 201);
    assert.equal(body.status, 'confirmed');
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.match(body.message, /aangemeld voor ‘Testbijeenkomst regels’/);
    assert.equal(headers.get('access-control-allow-origin'), server.siteOrigin);
    assert.equal(await remaining(fixtures.rules.id), before - 3);
  });

  test('idempotent replay: the same key and body return the first answer and store nothing new', async () => {
    const payload = registration(fixtures.unlimited, { companions: companions(1) });
    const first = await postJson(server, fixtures.unlimited.id, payload);
    assert.equal(first.status, 201);
    const again = await Promise.all(Array.from({ length: 5 }, () => postJson(server, fixtures.unlimited.id, payload)));
    for (const replay of again) {
      assert.equal(replay.status, first.status);
      assert.equal(replay.text, first.text, 'byte for byte the same body');
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    }
    const rows = (await storedRows(fixtures.unlimited.id)).filter((row) => row.includes(payload.attendee.email));
    assert.equal(rows.length, 1);
  });

  test('the same key with a different body is refused with 422 on idempotencyKey', async () => {
    const payload = registration(fixtures.unlimited);
    assert.equal((await postJson(server, fixtures.unlimited.id, payload)).status, 201);
    const changed = { ...payload, remarks: 'Toch iets anders' };
    const { status, body } = await postJson(server, fixtures.unlimited.id, changed);
    assert.equal(status, 422);
    assert.deepEqual(body.errors.map((error) => error.path), ['idempotencyKey']);
    const rows = (await storedRows(fixtures.unlimited.id)).filter((row) => row.includes(payload.attendee.email));
    assert.equal(rows.length, 1);
  });

  test('a second registration with the same e-mail address is 409 duplicate (any case, also a companion)', async () => {
    const first = registration(fixtures.unlimited, { companions: companions(1, 'dup') });
    assert.equal((await postJson(server, fixtures.unlimited.id, first)).status, 201);
    const sameAddress = registration(fixtures.unlimited, {
      attendee: { ...first.attendee, name: 'Iemand anders', email: first.attendee.email.toUpperCase() },
    });
    const duplicate = await postJson(server, fixtures.unlimited.id, sameAddress);
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.status, 'duplicate');
    assert.match(duplicate.body.message, /al iemand aangemeld/);
    const companion = registration(fixtures.unlimited, {
      attendee: { name: 'Partner', email: first.companions[0].email, organisation: 'Zorg' },
    });
    assert.equal((await postJson(server, fixtures.unlimited.id, companion)).body.status, 'duplicate');
  });

  test('when places run out: 409 full without a waiting list, saying how many are left', async () => {
    const id = fixtures.small.id;
    const pair = await postJson(server, id, registration(fixtures.small, { companions: companions(1) }));
    assert.equal(pair.body.status, 'confirmed');
    const tooMany = await postJson(server, id, registration(fixtures.small, { companions: companions(1) }));
    assert.equal(tooMany.status, 409);
    assert.equal(tooMany.body.status, 'full');
    assert.equal(tooMany.body.remaining, 1);
    assert.match(tooMany.body.message, /nog 1 plaats vrij; u meldt 2 personen aan/);
    assert.equal((await postJson(server, id, registration(fixtures.small))).body.status, 'confirmed');
    const full = await postJson(server, id, registration(fixtures.small, { locale: 'en' }));
    assert.equal(full.status, 409);
    assert.deepEqual({ ...full.body, message: undefined }, { status: 'full', remaining: 0, message: undefined });
    assert.match(full.body.message, /is full/);
    assert.equal(await remaining(id), 0);
  });

  test('when full with a waiting list: 201 waitlisted, and remaining stays 0', async () => {
    const { status, body } = await postJson(server, fixtures.prefull.id, registration(fixtures.prefull));
    assert.equal(status, 201);
    assert.equal(body.status, 'waitlisted');
    assert.match(body.message, /wachtlijst/);
    assert.equal(await remaining(fixtures.prefull.id), 0);
    const [row] = await storedRows(fixtures.prefull.id);
    assert.equal(row[2], 'wachtlijst');
  });

  for (const [event, third] of [
    [fixtures.twoLeft, 'full'],
    [fixtures.twoLeftWaitlist, 'waitlisted'],
  ]) {
    test(`remaining without a capacity is a limit: two places, then ${third}`, async () => {
      const id = event.id;
      assert.equal(await remaining(id), 2);
      assert.equal((await postJson(server, id, registration(event))).body.status, 'confirmed');
      assert.equal(await remaining(id), 1);
      assert.equal((await postJson(server, id, registration(event))).body.status, 'confirmed');
      assert.equal(await remaining(id), 0);
      const listed = (await getJson('/api/events')).body.events.find((entry) => entry.id === id);
      assert.equal(listed.registration.remaining, 0, 'the list counts down too');
      const last = await postJson(server, id, registration(event));
      assert.equal(last.body.status, third);
      assert.equal(last.status, third === 'full' ? 409 : 201);
      assert.equal(await remaining(id), 0);
      assert.deepEqual(
        (await storedRows(id)).map((row) => row[2]),
        third === 'full' ? ['bevestigd', 'bevestigd'] : ['bevestigd', 'bevestigd', 'wachtlijst'],
      );
    });
  }

  test('422 names every problem by its payload path, in form order, in the payload locale', async () => {
    const payload = registration(fixtures.rules, {
      attendee: { name: ' ', email: 'geen-adres', organisation: 'X' },
      companions: companions(3),
      answers: { themes: ['Onbekend'] },
      consent: false,
    });
    delete payload.member;
    const { status, body, headers } = await postJson(server, fixtures.rules.id, payload);
    assert.equal(status, 422);
    assert.equal(headers.get('access-control-allow-origin'), server.siteOrigin);
    assert.deepEqual(
      body.errors.map((error) => error.path),
      ['attendee.name', 'attendee.email', 'member', 'companions', 'answers.workshop', 'answers.themes', 'consent'],
    );
    for (const error of body.errors) assert.equal(typeof error.message, 'string');
    assert.match(body.errors.find((error) => error.path === 'companions').message, /2/);
    const english = await postJson(server, fixtures.rules.id, { ...payload, idempotencyKey: randomUUID(), locale: 'en' });
    assert.equal(english.status, 422);
    assert.equal(english.body.errors[0].path, 'attendee.name');
    assert.equal(english.body.errors[0].message, 'Enter your name', 'English messages for locale en');
    assert.match(english.body.message, /problems/);
  });

  test('422 for a registration meant for another event', async () => {
    const payload = registration(fixtures.unlimited, { eventId: fixtures.rules.id });
    const { status, body } = await postJson(server, fixtures.unlimited.id, payload);
    assert.equal(status, 422);
    assert.deepEqual(body.errors.map((error) => error.path), ['eventId']);
  });

  for (const [name, event, reason] of [
    ['not open yet', fixtures.notOpen, 'not-open'],
    ['closed', fixtures.closed, 'closed'],
    ['past', fixtures.past, 'past'],
    ['cancelled', fixtures.cancelled, 'cancelled'],
    ['postponed', fixtures.postponed, 'postponed'],
  ]) {
    test(`403 closed (${reason}) for an event whose registration is ${name}, and nothing stored`, async () => {
      const { status, body } = await postJson(server, event.id, registration(event));
      assert.equal(status, 403);
      assert.equal(body.status, 'closed');
      assert.equal(body.reason, reason);
      assert.equal(typeof body.message, 'string');
      assert.deepEqual(await storedRows(event.id), []);
    });
  }

  test('the not-open message says when registration opens, in the event time zone, as the card and form write it', async () => {
    // Written out here from Intl's parts, independently of src/internal/format-date.ts.
    const opens = Date.parse(fixtures.notOpen.registration.opens);
    const parts = (locale) =>
      Object.fromEntries(
        new Intl.DateTimeFormat(locale, {
          timeZone: 'Europe/Amsterdam',
          dateStyle: 'full',
          timeStyle: 'short',
          hourCycle: 'h23',
        })
          .formatToParts(opens)
          .map(({ type, value }) => [type, value]),
      );
    const nl = parts('nl-NL');
    const en = parts('en-GB');
    const dutch = await postJson(server, fixtures.notOpen.id, registration(fixtures.notOpen));
    assert.equal(
      dutch.body.message,
      `De aanmelding is nog niet open. Aanmelden kan vanaf ${nl.weekday} ${nl.day} ${nl.month} ${nl.year}, ${Number(nl.hour)}.${nl.minute} uur.`,
    );
    const english = await postJson(server, fixtures.notOpen.id, registration(fixtures.notOpen, { locale: 'en' }));
    assert.equal(
      english.body.message,
      `Registration is not open yet. Registration opens ${en.weekday} ${en.day} ${en.month} ${en.year}, ${en.hour.padStart(2, '0')}:${en.minute}.`,
    );
  });

  test('404 for an unknown event and for an event without registration', async () => {
    const unknown = await postJson(server, 'bestaat-niet', registration({ id: 'bestaat-niet' }));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.status, 'not_found');
    const none = await postJson(server, fixtures.noRegistration.id, registration(fixtures.noRegistration));
    assert.equal(none.status, 404);
    assert.match(none.body.message, /niet via deze site aanmelden/);
  });

  test('400 for malformed JSON, and for a missing or different Idempotency-Key header', async () => {
    const broken = await postJson(server, fixtures.unlimited.id, '{"eventId": ', { headers: { 'Idempotency-Key': randomUUID() } });
    assert.equal(broken.status, 400);
    assert.deepEqual(Object.keys(broken.body).sort(), ['message', 'status']);
    assert.equal(broken.body.status, 'bad_request');

    const payload = registration(fixtures.unlimited);
    const missing = await fetch(`${server.api}/api/events/${fixtures.unlimited.id}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.siteOrigin },
      body: JSON.stringify(payload),
    });
    assert.equal(missing.status, 400);
    const different = await postJson(server, fixtures.unlimited.id, payload, { headers: { 'Idempotency-Key': randomUUID() } });
    assert.equal(different.status, 400);
    assert.match(different.body.message, /Idempotency-Key/);
  });

  test('415 for a body that is neither JSON nor form-encoded', async () => {
    const response = await fetch(`${server.api}/api/events/${fixtures.unlimited.id}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: server.siteOrigin },
      body: 'hallo',
    });
    const { status, body } = await readResponse(response);
    assert.equal(status, 415);
    assert.equal(body.status, 'unsupported_media_type');
  });

  test('413 for a body over 32 KB, JSON or form, and the connection answers cleanly', async () => {
    const payload = registration(fixtures.unlimited, { remarks: 'x'.repeat(40 * 1024) });
    const json = await postJson(server, fixtures.unlimited.id, payload);
    assert.equal(json.status, 413);
    assert.equal(json.body.status, 'too_large');
    const form = await postForm(fixtures.unlimited.id, formBody([['remarks', 'y'.repeat(40 * 1024)]]));
    assert.equal(form.status, 413);
    const rows = (await storedRows(fixtures.unlimited.id)).filter((row) => row.includes(payload.attendee.email));
    assert.equal(rows.length, 0);
  });

  test('a body past the drain limit (1 MB) is cut off quietly: no server error logged, the server carries on', async () => {
    const logged = server.output().length;
    const payload = registration(fixtures.unlimited, { remarks: 'z'.repeat(2 * 1024 * 1024) });
    // The server stops reading and closes the connection: the client sees a 413 or a reset, either is fine.
    const outcome = await postJson(server, fixtures.unlimited.id, payload).catch((error) => error);
    if (!(outcome instanceof Error)) assert.equal(outcome.status, 413);
    // Give the server a moment to log whatever it would log about the cut-off request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.doesNotMatch(server.output().slice(logged), /error/i);
    assert.equal((await postJson(server, fixtures.unlimited.id, registration(fixtures.unlimited))).status, 201);
    const rows = (await storedRows(fixtures.unlimited.id)).filter((row) => row.includes(payload.attendee.email));
    assert.equal(rows.length, 0);
  });

  test('405 for other methods', async () => {
    const response = await fetch(`${server.api}/api/events/${fixtures.unlimited.id}/registrations`);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
    assert.equal((await readResponse(response)).body.status, 'method_not_allowed');
    const remove = await fetch(`${server.api}/api/events/${fixtures.unlimited.id}`, { method: 'DELETE' });
    assert.equal(remove.status, 405);
  });

  test('honeypot filled in: a 2xx that looks like success, and nothing stored (JSON and form)', async () => {
    const id = fixtures.rules.id;
    const before = await remaining(id);
    const rowsBefore = (await storedRows(id)).length;
    const bot = registration(fixtures.rules, { website: 'https://spam.example.org' });
    const json = await postJson(server, id, bot);
    assert.equal(json.status, 201);
    assert.equal(json.body.status, 'confirmed');
    const form = await postForm(
      id,
      formBody([
        ['eventId', id],
        ['idempotencyKey', randomUUID()],
        ['attendee.name', 'Bot'],
        ['attendee.email', 'bot@example.org'],
        ['website', 'ja'],
      ]),
    );
    assert.equal(form.status, 201);
    assert.equal(await remaining(id), before);
    assert.equal((await storedRows(id)).length, rowsBefore);
  });

  test('application/x-www-form-urlencoded with flattened keys is accepted, replayed and stored like JSON', async () => {
    const id = fixtures.rules.id;
    const key = randomUUID();
    const body = formBody([
      ['eventId', id],
      ['idempotencyKey', key],
      ['attendee.name', 'Fien de Vries'],
      ['attendee.email', 'fien@example.org'],
      ['attendee.organisation', 'Gemeente Uden'],
      ['attendee.role', 'Beleidsadviseur'],
      ['member', 'false'],
      ['companions.0.name', 'Gijs Jansen'],
      ['companions.0.email', 'gijs@example.org'],
      ['companions.0.organisation', 'Zorggroep Noord'],
      ['answers.workshop', 'Buurtbeheer'],
      ['answers.themes', 'Toewijzing'],
      ['answers.themes', 'Begeleiding'],
      ['remarks', 'Graag een plek vooraan'],
      ['consent', 'true'],
      ['locale', 'nl'],
      ['source', 'http://127.0.0.1/aanmelden'],
      ['website', ''],
    ]);
    const first = await postForm(id, body);
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.status, 'confirmed');
    assert.equal(first.headers.get('access-control-allow-origin'), server.siteOrigin);
    const replay = await postForm(id, body);
    assert.equal(replay.text, first.text);
    const rows = (await storedRows(id)).filter((row) => row.includes('fien@example.org'));
    assert.equal(rows.length, 1);
    assert.ok(rows[0].includes('Gijs Jansen'));
    assert.ok(rows[0].includes('Toewijzing; Begeleiding'));
    assert.ok(rows[0].includes('nee'), 'member false');
  });

  test('form-encoded validation errors are 422 with the same paths', async () => {
    const { status, body } = await postForm(
      fixtures.rules.id,
      formBody([
        ['eventId', fixtures.rules.id],
        ['idempotencyKey', randomUUID()],
        ['attendee.name', 'Alleen een naam'],
        ['locale', 'en'],
        ['source', 'http://127.0.0.1/'],
      ]),
    );
    assert.equal(status, 422);
    const paths = body.errors.map((error) => error.path);
    assert.ok(paths.includes('attendee.email') && paths.includes('attendee.organisation') && paths.includes('consent'), paths.join());
  });
});

describe('CORS', () => {
  const preflight = (origin) =>
    fetch(`${server.api}/api/events/${fixtures.unlimited.id}/registrations`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });

  test('the preflight from the allowed origin permits POST with Content-Type and Idempotency-Key', async () => {
    const response = await preflight(server.siteOrigin);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), server.siteOrigin);
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST, GET, OPTIONS');
    assert.equal(response.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key');
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
    assert.match(response.headers.get('vary'), /Origin/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  test('the default allowed origins are the demo site on localhost and 127.0.0.1', async () => {
    const localhost = server.siteOrigin.replace('127.0.0.1', 'localhost');
    assert.equal((await preflight(localhost)).headers.get('access-control-allow-origin'), localhost);
  });

  test('a foreign origin gets no CORS headers on the preflight, and its POST is refused with 403', async () => {
    const response = await preflight('https://evil.example.org');
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const payload = registration(fixtures.unlimited);
    const post = await postForm(
      fixtures.unlimited.id,
      formBody([
        ['eventId', fixtures.unlimited.id],
        ['idempotencyKey', payload.idempotencyKey],
        ['attendee.name', 'X'],
        ['attendee.email', payload.attendee.email],
        ['attendee.organisation', 'X'],
        ['consent', 'true'],
        ['locale', 'nl'],
        ['source', 'https://evil.example.org/'],
      ]),
      { origin: 'https://evil.example.org' },
    );
    assert.equal(post.status, 403);
    assert.equal(post.body.status, 'forbidden');
    assert.equal(post.headers.get('access-control-allow-origin'), null);
    assert.equal((await storedRows(fixtures.unlimited.id)).filter((row) => row.includes(payload.attendee.email)).length, 0);
  });

  test('a request without Origin (curl, a server) may register', async () => {
    const { status } = await postJson(server, fixtures.unlimited.id, registration(fixtures.unlimited), { origin: null });
    assert.equal(status, 201);
  });

  test('error answers to the allowed origin carry CORS headers and expose Retry-After', async () => {
    const { status, headers } = await postJson(server, fixtures.closed.id, registration(fixtures.closed));
    assert.equal(status, 403);
    assert.equal(headers.get('access-control-allow-origin'), server.siteOrigin);
    assert.equal(headers.get('access-control-expose-headers'), 'Retry-After');
  });
});
