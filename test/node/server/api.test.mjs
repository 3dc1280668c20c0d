// The endpoint's other routes (demo/server/api.ts, contract sections 4 and 6) on an endpoint in
// this process: event data, the calendar feed, the organiser's export, preflights, methods,
// addresses it does not know, shutdown and failures. Registrations: api-registrations.test.mjs.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import * as fixtures from '../endpoint/support/events.mjs';
import { rawRequest } from '../endpoint/support/raw.mjs';
import { readXlsx } from '../endpoint/support/xlsx.mjs';
import { companions, parseCsv, postJson, registration } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { closeEndpoints, PARTNER, request, startEndpoint, TOKEN } from './support/endpoint.mjs';

const { endpointMessages } = await tsImport('../../../demo/server/messages.ts', import.meta.url);
const { XLSX_TYPE } = await tsImport('../../../demo/server/xlsx.ts', import.meta.url);

const nl = endpointMessages('nl');
const en = endpointMessages('en');
const { unlimited, small, rules } = fixtures;

afterEach(closeEndpoints);

const stillClock = () => 1_700_000_000_000;

describe('event data', () => {
  test('the root names the endpoint, open to every origin; only reads', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const path of ['/', '/api', '/api/']) {
      const { status, body, headers } = await request(endpoint, { path });
      assert.equal(status, 200, path);
      assert.deepEqual(body, { name: 'Bijeen reference endpoint', events: '/api/events' });
      assert.equal(headers['access-control-allow-origin'], '*');
    }
    const post = await request(endpoint, { method: 'POST', path: '/api' });
    assert.equal(post.status, 405);
    assert.deepEqual(post.body, { status: 'method_not_allowed', message: nl.method });
    assert.equal(post.headers.allow, 'GET, HEAD, OPTIONS');
    assert.equal(post.headers['access-control-allow-origin'], '*');
  });

  test('GET /api/events: every event in date order, with live places left; HEAD too; nothing else', async () => {
    const endpoint = await startEndpoint({ events: { rules, small, unlimited } });
    await postJson(endpoint, small.id, registration(small, { companions: companions(1) }));
    for (const path of ['/api/events', '/api/events/']) {
      const { status, body, headers } = await request(endpoint, { path });
      assert.equal(status, 200);
      assert.equal(headers['access-control-allow-origin'], '*');
      assert.deepEqual(
        body.events.map((event) => [event.id, event.registration.remaining]),
        [...endpoint.events.values()].map(({ data }) => [data.id, { regels: 10, klein: 1, onbeperkt: undefined }[data.id]]),
      );
    }
    assert.equal((await request(endpoint, { method: 'HEAD', path: '/api/events' })).status, 200);
    const put = await request(endpoint, { method: 'PUT', path: '/api/events' });
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, 'GET, HEAD, OPTIONS');
    assert.equal(put.headers['access-control-allow-origin'], '*');
  });

  test('GET /api/events?tag=: only events with one of those tags', async () => {
    const tagged = (id, tags) => ({ ...unlimited, id, registration: undefined, tags });
    const endpoint = await startEndpoint({
      events: { a: tagged('wonen', ['Wonen']), b: tagged('zorg', ['zorg', 'buurt']), c: tagged('geen', undefined) },
    });
    const ids = async (query) => (await request(endpoint, { path: `/api/events${query}` })).body.events.map((event) => event.id).sort();
    assert.deepEqual(await ids('?tag=wonen'), ['wonen']);
    assert.deepEqual(await ids('?tag=buurt,wonen'), ['wonen', 'zorg']);
    assert.deepEqual(await ids(''), ['geen', 'wonen', 'zorg']);
  });

  test('GET /api/events/:id: the file as written, with a live remaining; ids are percent-decoded', async () => {
    const endpoint = await startEndpoint({ events: { small, unlimited } });
    await postJson(endpoint, small.id, registration(small));
    const { status, body, headers } = await request(endpoint, { path: `/api/events/${small.id}` });
    assert.equal(status, 200);
    assert.deepEqual(body, { ...small, registration: { ...small.registration, remaining: 2 } });
    assert.equal(headers['access-control-allow-origin'], '*');
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal((await request(endpoint, { path: '/api/events/%6Blein' })).body.id, 'klein');
    assert.deepEqual((await request(endpoint, { path: `/api/events/${unlimited.id}` })).body, unlimited, 'no limit: as written');
    const head = await request(endpoint, { method: 'HEAD', path: `/api/events/${small.id}` });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });

  test('an unknown event: 404 with a JSON body, open to every origin; writing to an event: 405', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, body, headers } = await request(endpoint, { path: '/api/events/bestaat-niet', headers: { 'Accept-Language': 'en' } });
    assert.equal(status, 404);
    assert.deepEqual(body, { status: 'not_found', message: en.notFound });
    assert.equal(headers['access-control-allow-origin'], '*');
    const remove = await request(endpoint, { method: 'DELETE', path: `/api/events/${unlimited.id}` });
    assert.equal(remove.status, 405);
    assert.equal(remove.headers.allow, 'GET, HEAD, OPTIONS');
  });

  test('addresses the endpoint does not have: 404 pageNotFound', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const path of [
      '/api/events/onbeperkt/deelnemers',
      '/api/events/onbeperkt/registrations/1',
      '/api/events//registrations',
      '/api/events/%E0%A4%A',
      '/api/evenementen',
      '/events/onbeperkt',
      '/v2/events/onbeperkt',
      '/api/events.json',
    ]) {
      const { status, body } = await request(endpoint, { path });
      assert.equal(status, 404, path);
      assert.deepEqual(body, { status: 'not_found', message: nl.pageNotFound }, path);
    }
  });

  test('a target the server cannot read: 400', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const path of ['*', 'ftp://api.example.org/api/events']) {
      const { status, body } = await request(endpoint, { path, headers: { 'Accept-Language': 'en' } });
      assert.equal(status, 400, path);
      assert.deepEqual(body, { status: 'bad_request', message: en.badTarget });
    }
    assert.equal((await request(endpoint, { path: `http://api.example.org/api/events/${unlimited.id}` })).status, 200, 'absolute form');
  });
});

describe('preflight (OPTIONS)', () => {
  const preflight = (endpoint, path, origin = PARTNER) =>
    request(endpoint, { method: 'OPTIONS', path, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });

  test('the registrations route: allowed for the partner, with the methods and headers the form sends', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, headers, text } = await preflight(endpoint, `/api/events/${unlimited.id}/registrations`);
    assert.equal(status, 204);
    assert.equal(text, '');
    assert.equal(headers['access-control-allow-origin'], PARTNER);
    assert.equal(headers['access-control-allow-methods'], 'POST, GET, OPTIONS');
    assert.equal(headers['access-control-allow-headers'], 'Content-Type, Idempotency-Key');
    assert.equal(headers['access-control-expose-headers'], 'Retry-After');
    assert.equal(headers['access-control-max-age'], '600');
    assert.equal(headers.vary, 'Origin');
    assert.equal(headers['cache-control'], 'no-store');
  });

  test('the registrations route from another site: 403 without CORS headers', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, body, headers } = await preflight(endpoint, `/api/events/${unlimited.id}/registrations`, 'https://evil.example');
    assert.equal(status, 403);
    assert.deepEqual(body, { status: 'forbidden', message: nl.origin });
    assert.equal(headers['access-control-allow-origin'], undefined);
    assert.equal(headers.vary, 'Origin');
    const withoutOrigin = await request(endpoint, { method: 'OPTIONS', path: `/api/events/${unlimited.id}/registrations` });
    assert.equal(withoutOrigin.status, 403);
  });

  test('the event data: open to every origin', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const path of ['/', '/api/events', `/api/events/${unlimited.id}`]) {
      const { status, headers } = await preflight(endpoint, path, 'https://any.example');
      assert.equal(status, 204, path);
      assert.equal(headers['access-control-allow-origin'], '*');
      assert.equal(headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS');
      assert.equal(headers['access-control-max-age'], '600');
      assert.equal(headers['x-content-type-options'], 'nosniff');
    }
  });

  test('the export and unknown addresses: no CORS at all', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const csv = await preflight(endpoint, `/api/events/${unlimited.id}/registrations.csv`);
    assert.equal(csv.status, 403);
    assert.equal(csv.headers['access-control-allow-origin'], undefined);
    const unknown = await preflight(endpoint, '/api/nergens', 'https://any.example');
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { status: 'not_found', message: nl.pageNotFound });
    assert.equal(unknown.headers.vary, 'Origin');
  });

  test('the registrations route answers other methods with 405, with CORS for the partner only', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, headers } = await request(endpoint, { path: `/api/events/${unlimited.id}/registrations`, headers: { Origin: PARTNER } });
    assert.equal(status, 405);
    assert.equal(headers.allow, 'POST, OPTIONS');
    assert.equal(headers['access-control-allow-origin'], PARTNER);
    assert.equal(headers.vary, 'Origin');
    const foreign = await request(endpoint, { path: `/api/events/${unlimited.id}/registrations`, headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.status, 405);
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
  });
});

describe('the calendar feed', () => {
  test('text/calendar with an ETag, cacheable with revalidation, open to every origin; HEAD without a body', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, headers, text } = await request(endpoint, { path: '/api/events.ics' });
    assert.equal(status, 200);
    assert.equal(headers['content-type'], 'text/calendar; charset=utf-8');
    assert.equal(headers['content-length'], String(Buffer.byteLength(text)));
    assert.equal(headers['cache-control'], 'no-cache');
    assert.equal(headers['access-control-allow-origin'], '*');
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.match(headers.etag, /^"[\w-]{32}"$/);
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(text, /X-WR-CALNAME:Bijeenkomsten\r\n/);
    assert.match(text, /SUMMARY:Testbijeenkomst onbeperkt/);
    const head = await request(endpoint, { method: 'HEAD', path: '/api/events.ics' });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.equal(head.headers['content-length'], headers['content-length']);
    assert.equal(head.headers.etag, headers.etag);
    const post = await request(endpoint, { method: 'POST', path: '/api/events.ics' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD, OPTIONS');
  });

  test('If-None-Match with its ETag (weak, in a list, or *): 304 without a body; another: the feed', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { headers } = await request(endpoint, { path: '/api/events.ics' });
    for (const held of [headers.etag, `W/${headers.etag}`, `"ander", ${headers.etag}`, '*']) {
      const cached = await request(endpoint, { path: '/api/events.ics', headers: { 'If-None-Match': held } });
      assert.equal(cached.status, 304, held);
      assert.equal(cached.text, '');
      assert.equal(cached.headers.etag, headers.etag);
      assert.equal(cached.headers['access-control-allow-origin'], '*');
    }
    assert.equal((await request(endpoint, { path: '/api/events.ics', headers: { 'If-None-Match': '"ander"' } })).status, 200);
  });

  test('?tag= filters the feed and names it; Accept-Language picks the name’s language', async () => {
    const tagged = (id, tags) => ({ ...unlimited, id, title: `Bijeenkomst ${id}`, registration: undefined, tags });
    const endpoint = await startEndpoint({ events: { a: tagged('wonen', ['wonen']), b: tagged('zorg', ['zorg']) } });
    const { text } = await request(endpoint, { path: '/api/events.ics?tag=zorg', headers: { 'Accept-Language': 'en' } });
    assert.match(text, /X-WR-CALNAME:Events: zorg\r\n/);
    assert.match(text, /SUMMARY:Bijeenkomst zorg/);
    assert.doesNotMatch(text, /SUMMARY:Bijeenkomst wonen/);
  });

  test('relative URLs in the event files resolve against the Host the feed was asked from', async () => {
    const relative = { ...unlimited, registration: undefined, url: 'agenda/onbeperkt' };
    const endpoint = await startEndpoint({ events: { relative } });
    const url = async (host) => {
      const { text } = await request(endpoint, { path: '/api/events.ics', headers: host === undefined ? {} : { Host: host } });
      return /^URL:(.*)\r$/m.exec(text)?.[1];
    };
    assert.equal(await url('api.example.org:8443'), 'http://api.example.org:8443/api/events/agenda/onbeperkt');
    assert.equal(await url('[::1]:8081'), 'http://[::1]:8081/api/events/agenda/onbeperkt');
    assert.equal(await url('api.example.org'), 'http://api.example.org/api/events/agenda/onbeperkt');
    assert.equal(await url('[::1]'), 'http://[::1]/api/events/agenda/onbeperkt');
    for (const host of ['evil.example/pad', 'a b', '[1.2.3]', 'evil.example/[::1]', '[::1]/evil', 'evil.example:80/x']) {
      assert.equal(await url(host), 'http://localhost/api/events/agenda/onbeperkt', `Host: ${host}`);
    }
    const { text } = await rawRequest(Number(new URL(endpoint.api).port), 'GET /api/events.ics HTTP/1.0\r\n\r\n');
    assert.match(text, /^URL:http:\/\/localhost\/api\/events\/agenda\/onbeperkt\r$/m, 'no Host at all');
  });
});

describe('the organiser’s export', () => {
  const csv = (endpoint, id, authorization, method = 'GET') =>
    request(endpoint, { method, path: `/api/events/${id}/registrations.csv`, headers: authorization ? { Authorization: authorization } : {} });

  test('with the token: the registrations as a CSV download named after the event', async () => {
    const odd = { ...unlimited, id: 'zaal 1/één' };
    const endpoint = await startEndpoint({ events: { unlimited, odd } });
    const payload = registration(unlimited);
    await postJson(endpoint, unlimited.id, payload);
    const { status, headers, text } = await csv(endpoint, unlimited.id, `Bearer ${TOKEN}`);
    assert.equal(status, 200);
    assert.equal(headers['content-type'], 'text/csv; charset=utf-8; header=present');
    assert.equal(headers['content-disposition'], 'attachment; filename="onbeperkt-aanmeldingen.csv"');
    assert.equal(headers['content-length'], String(Buffer.byteLength(text)));
    assert.equal(headers['cache-control'], 'no-store');
    const rows = parseCsv(text.slice(1));
    assert.equal(rows.length, 2);
    assert.ok(rows[1].includes(payload.attendee.email));
    const named = await csv(endpoint, encodeURIComponent(odd.id), `bearer   ${TOKEN}  `);
    assert.equal(named.status, 200, 'the scheme in any case, spaces around the token');
    assert.equal(named.headers['content-disposition'], 'attachment; filename="zaal_1___n-aanmeldingen.csv"');
    const head = await csv(endpoint, unlimited.id, `Bearer ${TOKEN}`, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });

  test('without the right token: 401 asking for a bearer token', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN} extra`,
      `NotBearer ${TOKEN}`,
      TOKEN,
    ]) {
      const { status, body, headers } = await csv(endpoint, unlimited.id, authorization);
      assert.equal(status, 401, authorization);
      assert.deepEqual(body, { status: 'unauthorized', message: nl.unauthorized });
      assert.equal(headers['www-authenticate'], 'Bearer realm="bijeen"');
      assert.equal(headers['access-control-allow-origin'], undefined);
    }
    assert.deepEqual(endpoint.logs.filter((line) => line.startsWith('error:')), [], 'a refused request goes no further');
  });

  test('after 10 wrong tokens a client waits, even with the right one', async () => {
    const endpoint = await startEndpoint({ events: { unlimited }, now: stillClock });
    for (let i = 0; i < 10; i++) assert.equal((await csv(endpoint, unlimited.id, `Bearer fout-${i}`)).status, 401);
    const { status, body, headers } = await csv(endpoint, unlimited.id, `Bearer ${TOKEN}`);
    assert.equal(status, 429);
    assert.deepEqual(body, { status: 'rate_limited', message: nl.tokenThrottled(6), retryAfter: 6 });
    assert.equal(headers['retry-after'], '6');
    assert.deepEqual(endpoint.logs.filter((line) => line.startsWith('error:')), [], 'a refused request goes no further');
  });

  test('the right token for an unknown event: 404; without a configured token the export does not exist', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const unknown = await csv(endpoint, 'bestaat-niet', `Bearer ${TOKEN}`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { status: 'not_found', message: nl.notFound });
    const off = await startEndpoint({ events: { unlimited }, adminToken: undefined });
    for (const authorization of [undefined, 'Bearer undefined', `Bearer ${TOKEN}`]) {
      const { status, body } = await csv(off, unlimited.id, authorization);
      assert.equal(status, 404);
      assert.deepEqual(body, { status: 'not_found', message: nl.pageNotFound });
    }
    assert.deepEqual(off.logs.filter((line) => line.startsWith('error:')), [], 'a refused request goes no further');
  });

  test('only read: other methods are 405', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const { status, headers } = await csv(endpoint, unlimited.id, `Bearer ${TOKEN}`, 'DELETE');
    assert.equal(status, 405);
    assert.equal(headers.allow, 'GET, HEAD');
    assert.equal(headers['access-control-allow-origin'], undefined);
  });
});

describe('the organiser’s other exports and requests', () => {
  const get = (endpoint, path, method = 'GET', token = TOKEN) =>
    request(endpoint, { method, path, headers: token ? { Authorization: `Bearer ${token}` } : {} });

  test('?sep=; gives the CSV for Dutch Excel; another separator is a 400', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    await postJson(endpoint, unlimited.id, registration(unlimited));
    const semicolon = await get(endpoint, `/api/events/${unlimited.id}/registrations.csv?sep=%3B`);
    assert.equal(semicolon.status, 200);
    assert.ok(semicolon.text.startsWith('\uFEFFaanmelding;ontvangen (UTC);'), semicolon.text.slice(0, 40));
    const comma = await get(endpoint, `/api/events/${unlimited.id}/registrations.csv?sep=,`);
    assert.ok(comma.text.startsWith('\uFEFFaanmelding,ontvangen (UTC),'));
    const tab = await get(endpoint, `/api/events/${unlimited.id}/registrations.csv?sep=%09`);
    assert.equal(tab.status, 400);
    assert.deepEqual(tab.body, { status: 'bad_request', message: nl.badSeparator });
  });

  test('registrations.xlsx: the same table as a spreadsheet download, behind the same token', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited);
    await postJson(endpoint, unlimited.id, payload);
    const response = await fetch(`${endpoint.api}/api/events/${unlimited.id}/registrations.xlsx`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), XLSX_TYPE);
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="onbeperkt-aanmeldingen.xlsx"');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(response.headers.get('content-length'), String(bytes.length));
    const { rows } = readXlsx(bytes);
    assert.equal(rows[1][5].value, payload.attendee.email);
    const head = await get(endpoint, `/api/events/${unlimited.id}/registrations.xlsx`, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.equal((await get(endpoint, `/api/events/${unlimited.id}/registrations.xlsx`, 'GET', 'fout')).status, 401);
    assert.equal((await get(endpoint, '/api/events/bestaat-niet/registrations.xlsx')).status, 404);
  });

  test('GET /api/people?email=: everything stored about an address, as attendee and as companion', async () => {
    const endpoint = await startEndpoint({ events: { unlimited, small } });
    const own = registration(unlimited);
    const other = registration(small, { companions: [...companions(1), { name: 'Fien', email: own.attendee.email, organisation: 'Gemeente' }] });
    const first = await postJson(endpoint, unlimited.id, own);
    const second = await postJson(endpoint, small.id, other);
    const { status, body } = await get(endpoint, `/api/people?email=${encodeURIComponent(` ${own.attendee.email.toUpperCase()} `)}`);
    assert.equal(status, 200);
    assert.equal(body.email, own.attendee.email);
    const [asAttendee, asCompanion] = body.registrations;
    const event = (fixture) => ({ id: fixture.id, title: fixture.title, start: fixture.start });
    assert.deepEqual({ ...asAttendee, createdAt: undefined }, {
      event: event(unlimited),
      role: 'attendee',
      id: first.body.id,
      status: 'confirmed',
      places: 1,
      createdAt: undefined,
      registration: own,
    });
    assert.deepEqual({ ...asCompanion, createdAt: undefined }, {
      event: event(small),
      role: 'companion',
      id: second.body.id,
      status: 'confirmed',
      createdAt: undefined,
      companion: other.companions[1],
      registeredBy: { name: other.attendee.name, organisation: other.attendee.organisation },
    });
    assert.match(asCompanion.createdAt, /^\d{4}-/);
    assert.equal((await get(endpoint, '/api/people?email=niemand%40example.org')).body.registrations.length, 0);
  });

  test('an event whose file is gone still shows with its id', async () => {
    const first = await startEndpoint({ events: { unlimited } });
    const payload = registration(unlimited);
    await postJson(first, unlimited.id, payload);
    const later = await startEndpoint({ events: {}, store: first.store });
    const { body } = await get(later, `/api/people?email=${encodeURIComponent(payload.attendee.email)}`);
    assert.deepEqual(body.registrations[0].event, { id: unlimited.id });
  });

  test('DELETE /api/people?email=: erased everywhere, counted, logged without the address', async () => {
    const endpoint = await startEndpoint({ events: { unlimited, small } });
    const own = registration(unlimited);
    await postJson(endpoint, unlimited.id, own);
    await postJson(endpoint, small.id, registration(small, { companions: [{ name: 'Fien', email: own.attendee.email }] }));
    const { status, body } = await get(endpoint, `/api/people?email=${encodeURIComponent(own.attendee.email)}`, 'DELETE');
    assert.equal(status, 200);
    // The mails queued to or about the address go too.
    assert.deepEqual(body, {
      erased: { registrations: 1, companions: 1, mails: 3 },
      events: [unlimited.id, small.id],
      promoted: [],
      message: nl.erased(1, 1),
    });
    const logged = endpoint.logs.filter((line) => line.startsWith('people:'));
    assert.deepEqual(logged, [`people: erased 1 registration(s), 1 companion entr(ies) and 3 mail(s) of one address; events: ${unlimited.id}, ${small.id}; 0 promoted from the waiting list`]);
    assert.deepEqual((await get(endpoint, `/api/people?email=${encodeURIComponent(own.attendee.email)}`)).body.registrations, []);
    const nothing = await get(endpoint, '/api/people?email=niemand%40example.org', 'DELETE');
    assert.deepEqual(nothing.body, { erased: { registrations: 0, companions: 0, mails: 0 }, events: [], promoted: [], message: nl.erased(0, 0) });
    assert.equal(endpoint.logs.filter((line) => line.startsWith('people:')).length, 1, 'nothing erased: nothing logged');
  });

  test('/api/people: the mails to the address are listed; erasing them removes their copies and sends the promoted ones’ mails', async () => {
    const forgotten = [];
    let woken = 0;
    const { twoLeftWaitlist } = fixtures;
    const endpoint = await startEndpoint({
      events: { twoLeftWaitlist },
      forgetMails: async (ids) => void forgotten.push(ids),
      mailQueued: () => void woken++,
    });
    const own = registration(twoLeftWaitlist);
    await postJson(endpoint, twoLeftWaitlist.id, own);
    await postJson(endpoint, twoLeftWaitlist.id, registration(twoLeftWaitlist));
    const waiting = await postJson(endpoint, twoLeftWaitlist.id, registration(twoLeftWaitlist));
    assert.equal(waiting.body.status, 'waitlisted');
    const address = encodeURIComponent(own.attendee.email);
    const { mails } = (await get(endpoint, `/api/people?email=${address}`)).body;
    assert.equal(mails.length, 1);
    assert.deepEqual({ ...mails[0], id: undefined, registrationId: undefined, createdAt: undefined, message: undefined }, {
      id: undefined, registrationId: undefined, createdAt: undefined, message: undefined, attempts: 0, sentAt: null, failedAt: null,
    });
    assert.ok(mails[0].message, 'a mail still waiting keeps what it is about');

    // Each registration woke the mailer for its own mail; the erasure wakes it once for the promoted one.
    const registered = woken;
    const { body } = await get(endpoint, `/api/people?email=${address}`, 'DELETE');
    assert.deepEqual(body.promoted, [{ id: waiting.body.id, eventId: twoLeftWaitlist.id }]);
    assert.deepEqual(forgotten, [[mails[0].id]]);
    assert.equal(woken, registered + 1);
    assert.deepEqual((await get(endpoint, `/api/people?email=${address}`)).body.mails, []);
    // Nothing to erase: no promotion, nobody woken.
    await get(endpoint, '/api/people?email=niemand%40example.org', 'DELETE');
    assert.deepEqual(forgotten, [[mails[0].id], []]);
    assert.equal(woken, registered + 1);
  });

  test('/api/people: a valid address is needed, the token too, and only GET, HEAD or DELETE', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    for (const query of ['', '?email=', '?email=geen-adres']) {
      const { status, body } = await get(endpoint, `/api/people${query}`);
      assert.equal(status, 400, query);
      assert.deepEqual(body, { status: 'bad_request', message: nl.badEmail });
    }
    assert.equal((await get(endpoint, '/api/people?email=a%40example.org', 'GET', null)).status, 401);
    const post = await get(endpoint, '/api/people?email=a%40example.org', 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD, DELETE');
    assert.equal((await get(endpoint, '/api/people?email=a%40example.org', 'HEAD')).status, 200);
  });
});

describe('shutdown and failures', () => {
  test('while shutting down every request gets 503 with Retry-After, after its body is read', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    endpoint.shutDown();
    const post = await postJson(endpoint, unlimited.id, registration(unlimited, { remarks: 'x'.repeat(10_000) }), {
      headers: { 'Accept-Language': 'en' },
    });
    assert.equal(post.status, 503);
    assert.deepEqual(post.body, { status: 'unavailable', message: en.unavailable });
    assert.equal(post.headers.get('retry-after'), '2');
    assert.equal(post.headers.get('connection'), 'close');
    assert.equal(post.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(post.headers.get('vary'), 'Origin');
    const read = await request(endpoint, { path: '/api/events' });
    assert.equal(read.status, 503);
    assert.equal(read.headers['access-control-allow-origin'], '*');
    const preflight = await request(endpoint, { method: 'OPTIONS', path: '/api/events', headers: { Origin: PARTNER } });
    assert.equal(preflight.status, 503);
    assert.equal((await request(endpoint, { path: '/nergens' })).status, 503, 'an unknown address too');
    assert.deepEqual(await endpoint.store.list(unlimited.id), []);
  });

  test('a store that fails: 500 JSON, logged with the request, no CORS on reads of other routes', async () => {
    const endpoint = await startEndpoint({ events: { unlimited } });
    await endpoint.store.close();
    const { status, body, headers } = await request(endpoint, { path: '/api/events?x=1', headers: { Origin: PARTNER } });
    assert.equal(status, 500);
    assert.deepEqual(body, { status: 'error', message: nl.server });
    assert.equal(headers['access-control-allow-origin'], undefined);
    assert.equal(headers.vary, undefined);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    const logged = endpoint.logs.find((line) => line.startsWith('error: '));
    assert.ok(logged.startsWith('error: GET "/api/events": '), `the path without its query: ${logged}`);
    assert.equal((await request(endpoint, { path: `/api/events/${unlimited.id}` })).status, 500);
  });
});
