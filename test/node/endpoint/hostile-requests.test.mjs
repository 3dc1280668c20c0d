// Requests no browser sends: malformed targets, bodies built to cost the server work. None may end
// the process, every answer keeps the security headers, and a hostile body is refused cheaply.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rules, unlimited } from './support/events.mjs';
import { firstAnswer, rawRequest } from './support/raw.mjs';
import { postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

let server;
let temp;
const port = (origin) => Number(new URL(origin).port);

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { rules, unlimited });
  server = await startServer({ dir: temp.dir });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

async function bothAnswer() {
  assert.equal((await fetch(`${server.api}/api/events`)).status, 200, 'the API still answers');
  assert.equal((await fetch(`${server.site}/`)).status, 200, 'the site still answers');
}

describe('malformed request targets', () => {
  for (const target of ['//', '/\\', '//:', '*', 'example.org:443', '//%', '/%E0%A4%A']) {
    test(`"${target}" gets a 400 with every security header from both servers, and both keep running`, async () => {
      for (const [name, origin, csp] of [
        ['API', server.api, "default-src 'none'"],
        ['site', server.site, "default-src 'none'"],
      ]) {
        const { text } = await rawRequest(port(origin), `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        const answer = firstAnswer(text);
        assert.ok(answer, `${name} answered ${JSON.stringify(text.slice(0, 80))}`);
        // Targets in origin form are paths (`//` is one, with empty segments): no such page, 404.
        // What is not in origin or absolute form cannot be read: 400.
        if (target.startsWith('/')) assert.equal(answer.status, 404, name);
        else assert.equal(answer.status, 400, name);
        assert.equal(answer.headers['x-content-type-options'], 'nosniff', name);
        assert.ok(answer.headers['content-security-policy']?.includes("frame-ancestors 'none'"), name);
        if (name === 'API' || answer.status === 400) assert.ok(answer.headers['content-security-policy'].startsWith(csp), name);
      }
      await bothAnswer();
    });
  }

  test('what the parser refuses (bad request line, headers too large) is answered with the security headers too', async () => {
    for (const origin of [server.api, server.site]) {
      for (const [bytes, status] of [
        ['GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n', 400],
        ['GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', 400],
        [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
      ]) {
        const answer = firstAnswer((await rawRequest(port(origin), bytes)).text);
        assert.equal(answer?.status, status);
        assert.equal(answer.headers['x-content-type-options'], 'nosniff');
        assert.ok(answer.headers['content-security-policy']);
      }
    }
    await bothAnswer();
  });

  test('a request without Host is answered by the server with its headers, not a bare 400', async () => {
    const answer = firstAnswer((await rawRequest(port(server.api), 'GET /api/events HTTP/1.1\r\n\r\n')).text);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
  });
});

describe('bodies that are no registration', () => {
  test('a JSON body that is not an object gets its own 400 message', async () => {
    for (const body of ['[1,2,3]', 'null', '42', '"tekst"']) {
      const answer = await postJson(server, unlimited.id, body, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.status, 'bad_request');
      assert.match(answer.body.message, /JSON-object/, body);
    }
  });

  test('an aborted upload is one info line in the log, without a stack trace', async () => {
    const before = server.output().length;
    const head = [
      `POST /api/events/${unlimited.id}/registrations HTTP/1.1`,
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'Content-Length: 5000',
      '',
      '{"eventId": "onbeperkt", ',
    ].join('\r\n');
    await rawRequest(port(server.api), head, 500);
    await bothAnswer();
    const logged = server.output().slice(before);
    assert.match(logged, /info: POST .* went away before its body ended/);
    assert.equal(logged.split('\n').filter((line) => line.includes('went away')).length, 1);
    assert.doesNotMatch(logged, /error|\n\s+at /i);
  });
});

describe('hostile bodies cost bounded work', () => {
  const hostile = (companions) =>
    registration(rules, { companions: Array.from({ length: companions }, () => ({})) });

  test('10,750 empty companions: one issue on the list, a small 422', async () => {
    const body = hostile(10_750);
    assert.ok(JSON.stringify(body).length < 32 * 1024 && JSON.stringify(body).length > 30_000);
    const answer = await postJson(server, rules.id, body);
    assert.equal(answer.status, 422);
    assert.ok(answer.text.length <= 8 * 1024, `${answer.text.length} bytes`);
    assert.deepEqual(answer.body.errors, [{ path: 'companions', message: 'U kunt hoogstens 2 extra samenwerkingspartners aanmelden'.replace(' samenwerkingspartners', ' deelnemers') }]);
  });

  test('thousands of answers, or of options in one answer, are refused by their count', async () => {
    const answers = Object.fromEntries(Array.from({ length: 2_000 }, (_, index) => [`q${index}`, 'x']));
    const many = await postJson(server, rules.id, registration(rules, { answers }));
    assert.equal(many.status, 422);
    assert.equal(many.body.errors[0].path, 'answers');
    assert.ok(many.body.errors.length <= 2, 'besides the list, at most the required question it left unanswered');
    const options = await postJson(server, rules.id, registration(rules, { answers: { workshop: 'Buurtbeheer', themes: Array(5_000).fill('a') } }));
    assert.equal(options.status, 422);
    assert.deepEqual(options.body.errors.map((error) => error.path), ['answers.themes']);
  });

  test('every field wrong at once: at most 20 issues, and the 422 stays under 8 KB', async () => {
    const long = 'x'.repeat(2_001);
    const companions = Array.from({ length: 2 }, () => ({ name: '', email: long, organisation: long }));
    const answers = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`${index === 0 ? 'ongeldig '.repeat(300) : 'q'}${index}`, 5]));
    const body = {
      eventId: long,
      idempotencyKey: 'nee',
      attendee: { name: long, email: long, organisation: long, role: long, phone: long },
      member: 'ja',
      companions,
      answers,
      remarks: long,
      consent: 'ja',
      locale: long,
      source: long,
    };
    assert.ok(JSON.stringify(body).length < 32 * 1024);
    const json = await postJson(server, rules.id, { ...body, idempotencyKey: crypto.randomUUID() });
    assert.equal(json.status, 422);
    assert.ok(json.body.errors.length <= 20, `${json.body.errors.length} issues`);
    assert.ok(json.text.length <= 8 * 1024, `${json.text.length} bytes`);
  });
});

describe('hostile form posts', () => {
  test('a form body with thousands of field names is refused before its fields are grouped', async () => {
    let form = `eventId=${unlimited.id}&idempotencyKey=${crypto.randomUUID()}&consent=true&locale=nl`;
    for (let i = 0; form.length < 30_000; i++) form += `&answers.q${i}=x`;
    const response = await fetch(`${server.api}/api/events/${unlimited.id}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.siteOrigin },
      body: form,
    });
    assert.equal(response.status, 400);
    assert.match((await response.json()).message, /veel meer velden/);
  });
});
