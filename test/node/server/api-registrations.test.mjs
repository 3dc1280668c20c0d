// POST /api/events/:id/registrations (demo/server/api.ts, contract section 5) on an endpoint in
// this process: every answer the handler can give, each test on an endpoint and store of its own.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { tsImport } from 'tsx/esm/api';
import * as fixtures from '../endpoint/support/events.mjs';
import { companions, postJson, registration } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { closeEndpoints, PARTNER, postForm, request, startEndpoint } from './support/endpoint.mjs';

const { endpointMessages } = await tsImport('../../../demo/server/messages.ts', import.meta.url);
const { opensAtSentence, schemaMessages } = await tsImport('../../../src/text.ts', import.meta.url);

const nl = endpointMessages('nl');
const en = endpointMessages('en');
const { unlimited, small, prefull, rules } = fixtures;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

afterEach(closeEndpoints);

/** A clock that stands still: the limiters' waits come out exact. */
const stillClock = () => 1_700_000_000_000;

/** Resolves once `check()` is truthy, or fails after two seconds. */
async function until(check, what) {
  for (const started = Date.now(); !check(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > 2_000) throw new Error(`timed out waiting for ${what}`);
  }
}

/** The registration as form fields, flattened the way the form posts them. */
function formEntries(payload) {
  const entries = [
    ['eventId', payload.eventId],
    ['idempotencyKey', payload.idempotencyKey],
    ['attendee.name', payload.attendee.name],
    ['attendee.email', payload.attendee.email],
    ['attendee.organisation', payload.attendee.organisation],
    ['consent', String(payload.consent)],
    ['locale', payload.locale],
    ['source', payload.source],
  ];
  payload.companions.forEach((companion, index) => {
    entries.push([`companions.${index}.name`, companion.name], [`companions.${index}.email`, companion.email]);
  });
  return entries;
}

describe('POST registrations: accepted', () => {
  test('201 confirmed with a new id and a message; attendee and companions take places; CORS for the partner', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited, { companions: companions(1) });
    const { status, body, headers } = await postJson(endpoint, unlimited.id, payload);
    assert.equal(status, 201);
    assert.deepEqual(Object.keys(body).sort(), ['id', 'message', 'status']);
    assert.match(body.id, UUID);
    assert.equal(body.status, 'confirmed');
    assert.equal(body.message, nl.confirmed(unlimited.title));
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(headers.get('access-control-expose-headers'), 'Retry-After');
    assert.equal(headers.get('vary'), 'Origin');
    assert.equal(headers.get('idempotent-replayed'), null);
    assert.ok(endpoint.logs.includes(`registration ${body.id} for ${unlimited.id}: confirmed, 2 place(s)`), endpoint.logs.join('\n'));
    const [stored] = await endpoint.store.list(unlimited.id);
    assert.deepEqual([stored.id, stored.status, stored.places], [body.id, 'confirmed', 2]);
    assert.equal(stored.payload.source, payload.source, 'an http(s) source is kept');
  });

  test('the capacity counts attendee and companions; the event file’s capacity is handed out here', async () => {
    const endpoint = await startEndpoint({ events: { small } });
    assert.equal((await postJson(endpoint, small.id, registration(small, { companions: companions(2) }))).body.status, 'confirmed');
    assert.equal((await endpoint.store.taken(small.id)).places, 3);
  });

  test('201 waitlisted when full with a waiting list', async () => {
    const endpoint = await startEndpoint({ events: { prefull } });
    const { status, body } = await postJson(endpoint, prefull.id, registration(prefull, { locale: 'en' }));
    assert.equal(status, 201);
    assert.equal(body.status, 'waitlisted');
    assert.equal(body.message, en.waitlisted(prefull.title));
    assert.equal((await endpoint.store.list(prefull.id))[0].status, 'waitlisted');
  });

  test('a request without Origin (curl, a server) may register, and gets no CORS headers', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, headers } = await postJson(endpoint, unlimited.id, registration(unlimited), { origin: null });
    assert.equal(status, 201);
    assert.equal(headers.get('access-control-allow-origin'), null);
  });

  test('form-encoded: no Idempotency-Key header needed; a matching one is fine, a different one is not', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const plain = registration(unlimited, { companions: companions(1) });
    const first = await postForm(endpoint, unlimited.id, formEntries(plain));
    assert.equal(first.status, 201, first.text);
    const stored = (await endpoint.store.list(unlimited.id))[0].payload;
    assert.equal(stored.companions[0].email, plain.companions[0].email);
    const matching = registration(unlimited);
    const second = await postForm(endpoint, unlimited.id, formEntries(matching), { headers: { 'Idempotency-Key': matching.idempotencyKey } });
    assert.equal(second.status, 201);
    const other = registration(unlimited);
    const third = await postForm(endpoint, unlimited.id, formEntries(other), { headers: { 'Idempotency-Key': randomUUID() } });
    assert.equal(third.status, 400);
    assert.deepEqual(third.body, { status: 'bad_request', message: nl.idempotencyHeader });
  });

  test('the media type is read without its parameters and case', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited);
    const { status } = await postJson(endpoint, unlimited.id, payload, { headers: { 'Content-Type': 'Application/JSON; charset=utf-8' } });
    assert.equal(status, 201);
  });

  test('a source that is not an http(s) URL is stored empty', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const source of ['javascript:alert(1)', 'https://partner.example.org/agenda']) {
      assert.equal((await postJson(endpoint, unlimited.id, registration(unlimited, { source }))).status, 201);
    }
    const sources = (await endpoint.store.list(unlimited.id)).map((row) => row.payload.source);
    assert.deepEqual(sources, ['', 'https://partner.example.org/agenda']);
  });

  test('honeypot filled in (JSON or form): a 201 that looks real, logged, and nothing stored', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const json = await postJson(endpoint, unlimited.id, registration(unlimited, { website: 'https://spam.example' }));
    assert.equal(json.status, 201);
    assert.match(json.body.id, UUID);
    assert.deepEqual({ ...json.body, id: undefined }, { id: undefined, status: 'confirmed', message: nl.confirmed(unlimited.title) });
    assert.equal(json.headers.get('access-control-allow-origin'), PARTNER);
    const form = await postForm(endpoint, unlimited.id, [...formEntries(registration(unlimited)), ['website', 'ja']]);
    assert.equal(form.status, 201);
    assert.deepEqual(await endpoint.store.list(unlimited.id), []);
    assert.equal(endpoint.logs.filter((line) => line === `honeypot: discarded a registration for ${unlimited.id}`).length, 2);
  });
});

describe('POST registrations: idempotency', () => {
  test('the same key and body get the first answer again, marked as replayed, whatever the key order', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited, { companions: companions(2) });
    const first = await postJson(endpoint, unlimited.id, payload);
    // The same registration, its keys (and its attendee's) in reverse order.
    const reversed = Object.fromEntries(Object.entries({ ...payload, attendee: Object.fromEntries(Object.entries(payload.attendee).reverse()) }).reverse());
    const again = await postJson(endpoint, unlimited.id, reversed);
    assert.equal(again.status, 201);
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal((await endpoint.store.list(unlimited.id)).length, 1);
  });

  test('the same key with another body is a 422 on idempotencyKey, even when that body would not validate', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited, { companions: companions(2) });
    assert.equal((await postJson(endpoint, unlimited.id, payload)).status, 201);
    const expected = { errors: [{ path: 'idempotencyKey', message: nl.keyReused }], message: nl.keyReused };
    const swapped = { ...payload, companions: [...payload.companions].reverse() };
    for (const changed of [swapped, { ...payload, attendee: { ...payload.attendee, email: 'geen-adres' } }]) {
      const { status, body } = await postJson(endpoint, unlimited.id, changed);
      assert.equal(status, 422);
      assert.deepEqual(body, expected);
    }
    const english = await postJson(endpoint, unlimited.id, { ...payload, locale: 'en' });
    assert.equal(english.body.message, en.keyReused, 'in the language of the second attempt');
  });

  test('the body is compared as it was sent: arrays, objects and fields the endpoint ignores count too', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited, { extra: [1, 2] });
    assert.equal((await postJson(endpoint, unlimited.id, payload)).status, 201);
    for (const changed of [{ ...payload, extra: [12] }, { ...payload, companions: {} }, { ...payload, extra: { 0: 1, 1: 2 } }]) {
      assert.equal((await postJson(endpoint, unlimited.id, changed)).status, 422, JSON.stringify(changed.extra ?? changed.companions));
    }
    assert.equal((await postJson(endpoint, unlimited.id, { ...payload })).status, 201);
  });

  test('a retry after registration has closed still gets its first answer; a new registration does not', async () => {
    const open = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited);
    const first = await postJson(open, unlimited.id, payload);
    const closedEvent = { ...unlimited, registration: { ...unlimited.registration, closes: fixtures.closed.registration.closes } };
    const later = await startEndpoint({ events: { unlimited: closedEvent }, store: open.store });
    const retry = await postJson(later, unlimited.id, payload);
    assert.equal(retry.status, 201);
    assert.equal(retry.text, first.text);
    assert.equal((await postJson(later, unlimited.id, registration(unlimited))).status, 403);
  });

  test('JSON needs the key in the Idempotency-Key header as well, the same one', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited);
    const missing = await request(endpoint, {
      method: 'POST',
      path: `/api/events/${unlimited.id}/registrations`,
      headers: { 'Content-Type': 'application/json', Origin: PARTNER },
      body: JSON.stringify(payload),
    });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { status: 'bad_request', message: nl.idempotencyHeader });
    const different = await postJson(endpoint, unlimited.id, payload, { headers: { 'Idempotency-Key': randomUUID() } });
    assert.equal(different.status, 400);
    const withoutKey = await postJson(endpoint, unlimited.id, { ...payload, idempotencyKey: undefined }, {
      headers: { 'Idempotency-Key': payload.idempotencyKey },
    });
    assert.equal(withoutKey.status, 400, 'a header without a key in the body');
    assert.deepEqual(await endpoint.store.list(unlimited.id), []);
  });

  test('when the store finds the key first (a retry that raced its original): the stored answer, or a 422 for another body', async () => {
    const shared = await startEndpoint({ events: { unlimited } });
    const { store } = shared;
    // A second endpoint on the same store, whose look-up by key always runs before the first
    // request commits.
    const racing = await startEndpoint({
      events: { unlimited },
      store: {
        findByKey: async () => undefined,
        taken: (eventId) => store.taken(eventId),
        takenByEvent: () => store.takenByEvent(),
        list: (eventId) => store.list(eventId),
        register: (input) => store.register(input),
        close: async () => {},
      },
    });
    const payload = registration(unlimited);
    const first = await postJson(shared, unlimited.id, payload);
    const replay = await postJson(racing, unlimited.id, payload);
    assert.equal(replay.status, 201);
    assert.equal(replay.text, first.text);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('access-control-allow-origin'), PARTNER);
    const conflict = await postJson(racing, unlimited.id, { ...payload, remarks: 'anders' });
    assert.equal(conflict.status, 422);
    assert.deepEqual(conflict.body.errors, [{ path: 'idempotencyKey', message: nl.keyReused }]);
  });
});

describe('POST registrations: refused', () => {
  test('409 duplicate for an address that already holds a place', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const first = registration(unlimited);
    await postJson(endpoint, unlimited.id, first);
    const again = registration(unlimited, { attendee: { ...first.attendee, email: first.attendee.email.toUpperCase() } });
    const { status, body, headers } = await postJson(endpoint, unlimited.id, again);
    assert.equal(status, 409);
    assert.deepEqual(body, { status: 'duplicate', message: nl.duplicate });
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
  });

  test('422 at each companion that repeats an address or already holds a place, in form order', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const earlier = registration(unlimited, { companions: companions(1) });
    await postJson(endpoint, unlimited.id, earlier);
    const payload = registration(unlimited);
    payload.companions = [
      { name: 'Al aangemeld', email: earlier.companions[0].email },
      { name: 'Zelfde adres', email: payload.attendee.email },
    ];
    const { status, body } = await postJson(endpoint, unlimited.id, payload);
    assert.equal(status, 422);
    assert.deepEqual(body, {
      errors: [
        { path: 'companions.0.email', message: nl.companionRegistered },
        { path: 'companions.1.email', message: nl.companionRepeated },
      ],
      message: schemaMessages.nl.registrationInvalid(2),
    });
  });

  test('409 full: how many places are left when some are, else that it is full', async () => {
    const endpoint = await startEndpoint({ events: { small } });
    await postJson(endpoint, small.id, registration(small, { companions: companions(1) }));
    const pair = await postJson(endpoint, small.id, registration(small, { companions: companions(1) }));
    assert.equal(pair.status, 409);
    assert.deepEqual(pair.body, { status: 'full', message: nl.notEnough(small.title, 1, 2), remaining: 1 });
    await postJson(endpoint, small.id, registration(small));
    const full = await postJson(endpoint, small.id, registration(small, { locale: 'en' }));
    assert.deepEqual(full.body, { status: 'full', message: en.full(small.title), remaining: 0 });
  });

  test('403 for an origin that is not allowed, matched exactly; nothing stored, no CORS', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const origin of ['https://evil.example', `${PARTNER}.evil.example`, `${PARTNER}:443`]) {
      const { status, body, headers } = await postJson(endpoint, unlimited.id, registration(unlimited), { origin });
      assert.equal(status, 403, origin);
      assert.deepEqual(body, { status: 'forbidden', message: nl.origin });
      assert.equal(headers.get('access-control-allow-origin'), null);
      assert.equal(headers.get('vary'), 'Origin');
    }
    const english = await postJson(endpoint, unlimited.id, registration(unlimited), {
      origin: 'https://evil.example',
      headers: { 'Accept-Language': 'en' },
    });
    assert.equal(english.body.message, en.origin);
    assert.deepEqual(await endpoint.store.list(unlimited.id), []);
  });

  test('404 for an unknown event, and for one without registration here', async () => {
    const endpoint = await startEndpoint({ events: { unlimited, noRegistration: fixtures.noRegistration } });
    const unknown = await postJson(endpoint, 'bestaat-niet', registration({ id: 'bestaat-niet' }));
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { status: 'not_found', message: nl.notFound });
    const none = await postJson(endpoint, fixtures.noRegistration.id, registration(fixtures.noRegistration));
    assert.deepEqual(none.body, { status: 'not_found', message: nl.noRegistration });
    assert.equal(none.headers.get('access-control-allow-origin'), PARTNER);
  });

  test('415 for anything but JSON or a form', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', undefined]) {
      const { status, body } = await request(endpoint, {
        method: 'POST',
        path: `/api/events/${unlimited.id}/registrations`,
        headers: { Origin: PARTNER, ...(type ? { 'Content-Type': type } : {}) },
        body: 'hallo',
      });
      assert.equal(status, 415, type);
      assert.deepEqual(body, { status: 'unsupported_media_type', message: nl.mediaType });
    }
  });

  test('413 for a body over the limit, in kB', async () => {
    const endpoint = await startEndpoint({ events: { unlimited }, bodyLimit: 2048 });
    const payload = registration(unlimited, { remarks: 'x'.repeat(2048) });
    const { status, body } = await postJson(endpoint, unlimited.id, payload);
    assert.equal(status, 413);
    assert.deepEqual(body, { status: 'too_large', message: nl.tooLarge(2048) });
    assert.match(body.message, /meer dan 2 kB/);
    const fits = registration(unlimited, { remarks: 'x'.repeat(1500) });
    assert.equal((await postJson(endpoint, unlimited.id, fits)).status, 201);
  });

  test('a body past 1 MiB is cut off: no answer, nothing logged as an error, nothing stored', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const outcome = await postJson(endpoint, unlimited.id, registration(unlimited, { remarks: 'z'.repeat(1.5 * 1024 * 1024) })).catch(
      (error) => error,
    );
    if (!(outcome instanceof Error)) assert.equal(outcome.status, 413);
    assert.deepEqual(endpoint.logs.filter((line) => !line.startsWith('events:')), []);
    assert.deepEqual(await endpoint.store.list(unlimited.id), []);
  });

  test('a client that goes away mid-body: one info line, no answer, nothing stored', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const socket = connect(Number(new URL(endpoint.api).port), '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/events/${unlimited.id}/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"eventId"`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.resetAndDestroy();
    const line = `info: POST "/api/events/${unlimited.id}/registrations": the client went away before its body ended`;
    await until(() => endpoint.logs.includes(line), 'the info line');
    assert.deepEqual(await endpoint.store.list(unlimited.id), []);
  });

  test('400 for JSON that does not parse, and for JSON that is not an object', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const key = { 'Idempotency-Key': randomUUID() };
    const broken = await postJson(endpoint, unlimited.id, '{"eventId": ', { headers: key });
    assert.equal(broken.status, 400);
    assert.deepEqual(broken.body, { status: 'bad_request', message: nl.badJson });
    for (const text of ['[1]', 'null', '"aanmelding"', '12']) {
      const { status, body } = await postJson(endpoint, unlimited.id, text, { headers: key });
      assert.equal(status, 400, text);
      assert.deepEqual(body, { status: 'bad_request', message: nl.notObject });
    }
  });

  test('a form with more than 300 field names is refused before its fields are grouped', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const fields = (count) => Array.from({ length: count }, (_, index) => [`veld${index}`, 'x']);
    const tooMany = await postForm(endpoint, unlimited.id, fields(301));
    assert.equal(tooMany.status, 400);
    assert.deepEqual(tooMany.body, { status: 'bad_request', message: nl.tooManyFields });
    const justSo = await postForm(endpoint, unlimited.id, fields(300));
    assert.equal(justSo.status, 422, 'judged on its fields instead');
  });

  test('422 for a registration that does not validate, in the payload’s language', async () => {
    const endpoint = await startEndpoint({ events: { rules } });
    const payload = registration(rules, { attendee: { name: ' ', email: 'geen-adres', organisation: 'X' } });
    const dutch = await postJson(endpoint, rules.id, payload);
    assert.equal(dutch.status, 422);
    assert.deepEqual(dutch.body.errors.map((error) => error.path), ['attendee.name', 'attendee.email']);
    assert.equal(dutch.body.message, schemaMessages.nl.registrationInvalid(2));
    assert.equal(dutch.headers.get('access-control-allow-origin'), PARTNER);
    const english = await postJson(endpoint, rules.id, { ...payload, idempotencyKey: randomUUID(), locale: 'en' });
    assert.equal(english.body.message, schemaMessages.en.registrationInvalid(2));
    const dutchOverEnglish = await postJson(endpoint, rules.id, { ...payload, idempotencyKey: randomUUID() }, { headers: { 'Accept-Language': 'en' } });
    assert.equal(dutchOverEnglish.body.message, schemaMessages.nl.registrationInvalid(2), 'the payload’s nl over the request’s en');
    // A locale the endpoint does not speak: the request's own language decides.
    const german = await postJson(endpoint, rules.id, { ...payload, idempotencyKey: randomUUID(), locale: 'de' }, {
      headers: { 'Accept-Language': 'en-GB' },
    });
    assert.equal(german.body.message, schemaMessages.en.registrationInvalid(german.body.errors.length));
  });

  test('422 for text with control or bidi characters, and for more companions than can be counted', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const bidi = registration(unlimited);
    bidi.attendee.name = 'Ann\u202Eerik';
    const { status, body } = await postJson(endpoint, unlimited.id, bidi);
    assert.equal(status, 422);
    assert.deepEqual(body.errors.map((error) => error.path), ['attendee.name']);
    const crowd = registration(unlimited, { companions: Array.from({ length: 5_000 }, () => ({})) });
    const refused = await postJson(endpoint, unlimited.id, crowd);
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors.map((error) => error.path), ['companions']);
  });

  for (const [name, event, reason] of [
    ['not open yet', fixtures.notOpen, 'not-open'],
    ['closed', fixtures.closed, 'closed'],
    ['past', fixtures.past, 'past'],
    ['cancelled', fixtures.cancelled, 'cancelled'],
    ['postponed', fixtures.postponed, 'postponed'],
  ]) {
    test(`403 closed (${reason}) when registration is ${name}, before validation; nothing stored`, async () => {
      const endpoint = await startEndpoint({ events: { event } });
      const { status, body } = await postJson(endpoint, event.id, registration(event, { attendee: { name: '', email: 'x', organisation: '' } }));
      assert.equal(status, 403);
      const opens = reason === 'not-open' ? opensAtSentence(endpoint.events.get(event.id).data, 'nl') : '';
      assert.deepEqual(body, { status: 'closed', message: nl.closed[reason](opens), reason });
      assert.deepEqual(await endpoint.store.list(event.id), []);
    });
  }

  test('the not-open message says when it opens, in the payload’s language', async () => {
    const endpoint = await startEndpoint({ events: { notOpen: fixtures.notOpen } });
    const { body } = await postJson(endpoint, fixtures.notOpen.id, registration(fixtures.notOpen, { locale: 'en' }));
    const data = endpoint.events.get(fixtures.notOpen.id).data;
    assert.equal(body.message, `Registration is not open yet. ${opensAtSentence(data, 'en')}`);
    assert.match(body.message, /Registration opens \w+day/);
  });
});

describe('POST registrations: the seed meeting’s rules', () => {
  const seed = {
    ...unlimited,
    id: 'seed',
    title: 'Wat werkt',
    registration: {
      ...unlimited.registration,
      endpoint: '/api/events/seed/registrations',
      capacity: 6,
      maxCompanions: 2,
      maxCompanionsPerOrganisation: 2,
      memberQuestion: 'Is uw organisatie lid?',
      nonMemberPlaces: 2,
    },
  };
  const at = (domain, count, member = true) => {
    const payload = registration(seed, { member, companions: companions(count) });
    payload.attendee = { ...payload.attendee, email: `${randomUUID().slice(0, 8)}@${domain}` };
    return payload;
  };

  test('companions past the organisation’s share: 422 at each companion that does not fit', async () => {
    const endpoint = await startEndpoint({ events: { seed } });
    assert.equal((await postJson(endpoint, seed.id, at('woonbaken.nl', 1))).status, 201);
    const { status, body, headers } = await postJson(endpoint, seed.id, at('woonbaken.nl', 2));
    assert.equal(status, 422);
    assert.deepEqual(body, {
      errors: [{ path: 'companions.1', message: nl.organisationCompanions(1, 2) }],
      message: schemaMessages.nl.registrationInvalid(1),
    });
    assert.equal((await postJson(endpoint, seed.id, at('woonbaken.nl', 1))).status, 201);
    const none = await postJson(endpoint, seed.id, { ...at('woonbaken.nl', 2), locale: 'en' });
    assert.deepEqual(none.body.errors, [
      { path: 'companions.0', message: en.organisationCompanions(0, 2) },
      { path: 'companions.1', message: en.organisationCompanions(0, 2) },
    ]);
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
  });

  test('non-members past their places: 409 full for non-members, saying what is left for them', async () => {
    const endpoint = await startEndpoint({ events: { seed } });
    assert.equal((await postJson(endpoint, seed.id, at('a.example', 0, false))).status, 201);
    const pair = await postJson(endpoint, seed.id, at('b.example', 1, false));
    assert.equal(pair.status, 409);
    assert.deepEqual(pair.body, { status: 'full', message: nl.nonMembersFull(seed.title, 1, 2), remaining: 1, scope: 'non-member' });
    assert.equal((await postJson(endpoint, seed.id, at('c.example', 0, false))).status, 201);
    const none = await postJson(endpoint, seed.id, { ...at('d.example', 0, false), locale: 'en' });
    assert.deepEqual(none.body, { status: 'full', message: en.nonMembersFull(seed.title, 0, 1), remaining: 0, scope: 'non-member' });
    const member = await postJson(endpoint, seed.id, at('e.example', 2));
    assert.equal(member.status, 201, 'members take the rest');
    const last = await postJson(endpoint, seed.id, at('f.example', 1));
    assert.deepEqual(last.body, { status: 'full', message: nl.notEnough(seed.title, 1, 2), remaining: 1 }, 'a member: no scope');
    const { body } = await request(endpoint, { path: `/api/events/${seed.id}` });
    assert.deepEqual([body.registration.remaining, body.registration.nonMemberRemaining], [1, 0]);
  });
});

describe('POST registrations: limits per client', () => {
  test('past RATE_LIMIT: 429 with the whole seconds to wait, for the page to read', async () => {
    const endpoint = await startEndpoint({ events: { unlimited }, rateLimit: 2, now: stillClock });
    // A refused origin is stopped before the limiter and costs nothing.
    assert.equal((await postJson(endpoint, unlimited.id, registration(unlimited), { origin: 'https://evil.example' })).status, 403);
    for (let i = 0; i < 2; i++) assert.equal((await postJson(endpoint, unlimited.id, registration(unlimited))).status, 201);
    const { status, body, headers } = await postJson(endpoint, unlimited.id, registration(unlimited));
    assert.equal(status, 429);
    assert.deepEqual(body, { status: 'rate_limited', message: nl.rateLimited(30), retryAfter: 30 });
    assert.equal(headers.get('retry-after'), '30');
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(headers.get('access-control-expose-headers'), 'Retry-After');
    const spoofed = await postJson(endpoint, unlimited.id, registration(unlimited), { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    assert.equal(spoofed.status, 429, 'without trustProxy the header is anyone’s to send');
  });

  test('behind a trusted proxy each forwarded client is counted by the entry the proxy added', async () => {
    const endpoint = await startEndpoint({ events: { unlimited }, rateLimit: 1, trustProxy: true, now: stillClock });
    const post = (forwardedFor) =>
      postJson(endpoint, unlimited.id, registration(unlimited), { headers: forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor } });
    assert.equal((await post('198.51.100.1')).status, 201);
    assert.equal((await post('198.51.100.2')).status, 201);
    assert.equal((await post('203.0.113.21')).status, 201, 'an address is whole, not its last digits');
    assert.equal((await post('10.0.0.9, 198.51.100.1')).status, 429);
    assert.equal((await post(' 10.0.0.9 ,  198.51.100.3 ')).status, 201);
    assert.equal((await post(undefined)).status, 201, 'no header: the socket’s address');
    assert.equal((await post('')).status, 429, 'an empty header: the socket’s address again');
  });

  test('past PLACE_LIMIT: 429 place_limited; places of a refused registration are given back', async () => {
    const endpoint = await startEndpoint({ events: { unlimited }, placeLimit: 11, now: stillClock });
    const first = registration(unlimited, { companions: companions(2) });
    assert.equal((await postJson(endpoint, unlimited.id, first)).status, 201);
    // Refused as a duplicate: its three places come back.
    const duplicate = registration(unlimited, { attendee: first.attendee, companions: companions(2) });
    assert.equal((await postJson(endpoint, unlimited.id, duplicate)).status, 409);
    for (const count of [2, 2]) {
      assert.equal((await postJson(endpoint, unlimited.id, registration(unlimited, { companions: companions(count) }))).status, 201);
    }
    assert.equal((await postJson(endpoint, unlimited.id, registration(unlimited, { companions: companions(1) }))).status, 201, '3 + 3 + 3 + 2 = 11');
    const { status, body, headers } = await postJson(endpoint, unlimited.id, registration(unlimited));
    assert.equal(status, 429);
    assert.deepEqual(body, { status: 'place_limited', message: nl.placeLimited(3600), retryAfter: 3600 });
    assert.equal(headers.get('retry-after'), '3600');
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
  });
});

describe('POST registrations: failures', () => {
  test('a store that fails: 500 with CORS for the page, the error logged, nothing thrown out of the handler', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    await endpoint.store.close();
    const { status, body, headers } = await postJson(endpoint, unlimited.id, registration(unlimited), { headers: { 'Accept-Language': 'en' } });
    assert.equal(status, 500);
    assert.deepEqual(body, { status: 'error', message: en.server });
    assert.equal(headers.get('access-control-allow-origin'), PARTNER);
    const logged = endpoint.logs.find((line) => line.startsWith('error: '));
    assert.ok(logged.startsWith(`error: POST "/api/events/${unlimited.id}/registrations": `), logged);
    assert.match(logged, /database connection is not open\n {4}at /, 'with the stack');
  });

  test('when even the log fails, the connection is closed and the endpoint carries on', async () => {
    let failing = true;
    const endpoint = await startEndpoint({
      events: { unlimited },
      log: (line) => {
        if (failing && line.startsWith('error: ')) throw new Error('disk full');
      },
    });
    await endpoint.store.close();
    const started = Date.now();
    const outcome = await postJson(endpoint, unlimited.id, registration(unlimited)).catch((error) => error);
    assert.ok(outcome instanceof Error, 'no answer: the connection was closed');
    assert.ok(Date.now() - started < 2_000, 'at once, not when the idle connection times out');
    failing = false;
    assert.equal((await request(endpoint, { path: '/api' })).status, 200);
  });
});
