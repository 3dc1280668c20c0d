// Raw-socket fuzzing of both servers with fast-check: odd request targets (`//`, `\`, `%`, `%00`,
// absolute and authority form, `*`, overlong, bytes that are no UTF-8), odd methods and versions,
// duplicated and malformed headers, short bodies. Each case goes to the API and to the site; after
// every case both must still answer, and every answer must carry the security headers.
// FUZZ_SEED and FUZZ_RUNS replay or widen a run; a failure prints the seed and the shrunk case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Agent } from 'node:http';
import fc from 'fast-check';
import { rules, unlimited } from './support/events.mjs';
import { firstAnswer, rawRequest } from './support/raw.mjs';
import { startServer, tempDir, writeEvents } from './support/server.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_600);

let server;
let temp;
let sent = 0;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { rules, unlimited });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: 'fuzz-test-token-0123456789abcdefghij', RATE_LIMIT: '0', PLACE_LIMIT: '0' } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const bytes = (text) => Buffer.from(text, 'latin1');

const segment = fc.oneof(
  fc.constantFrom('/', '//', '\\', '%', '%0', '%00', '%2F', '%2e%2e', '..', '.', 'api', 'events', 'registrations', 'registrations.csv', unlimited.id, ':', '@', '?', '#', '*', ';', '%E0%A4%A', '%C0%AF', '%FF'),
  fc.string({ maxLength: 6 }),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((array) => Buffer.from(array).toString('latin1')),
);

const target = fc.oneof(
  { weight: 5, arbitrary: fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('')}`) },
  { weight: 1, arbitrary: fc.constantFrom('*', '//', '/\\', '//:', 'example.org:443', '127.0.0.1:80', 'http://x/api/events', 'https://[::1]/', 'http://', 'http://a b/', 'file:///etc/passwd') },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 20_000 }).map((length) => `/${'a'.repeat(length)}`) },
);

const method = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'CONNECT', 'get', 'FOO', 'M-SEARCH', ''),
  fc.string({ minLength: 1, maxLength: 8 }),
);

const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', 'HTTP/9', '');

const headerLine = fc.oneof(
  fc.constantFrom(
    'Host: 127.0.0.1',
    'Host: 127.0.0.1',
    'Host:',
    'Host: [::1',
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Content-Length: abc',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Content-Type: application/json',
    'Content-Type: application/x-www-form-urlencoded',
    'Content-Type: ;;;',
    'Origin: null',
    'Origin: http://127.0.0.1',
    'Accept-Language: en',
    'Accept-Language: ,,,',
    'Authorization: Bearer',
    'Authorization: Bearer fuzz-test-token-0123456789abcdefghij',
    'Idempotency-Key: 00000000-0000-4000-8000-000000000000',
    'X-Forwarded-For: ,',
    'Connection: keep-alive, upgrade',
    'Upgrade: websocket',
    'Expect: 100-continue',
    ' folded continuation',
    'No colon here',
    ': empty name',
    'Bad Name: x',
  ),
  fc.tuple(fc.string({ maxLength: 10 }), fc.uint8Array({ maxLength: 12 })).map(
    ([name, value]) => `${name}: ${Buffer.from(value).toString('latin1')}`,
  ),
);

const body = fc.oneof(
  fc.constant(''),
  fc.constantFrom('{}', '[1,2,3]', 'null', '{"eventId":', '0\r\n\r\n', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\n', 'attendee.name=%FF&companions.99.email=x'),
  fc.string({ maxLength: 40 }),
);

const request = fc
  .record({ method, target, version, headers: fc.array(headerLine, { maxLength: 6 }), body })
  .map(({ method, target, version, headers, body }) =>
    Buffer.concat([bytes(`${method} `), bytes(target), bytes(` ${version}\r\n${headers.map((line) => `${line}\r\n`).join('')}\r\n${body}`)]),
  );

// The health checks reuse one keep-alive connection per server: cheap, and a crash shows at once.
const agent = new Agent({ keepAlive: true, maxSockets: 2 });
async function answers(url) {
  const { request: get } = await import('node:http');
  return new Promise((resolve) => {
    const req = get(url, { agent, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve(`error: ${error.message}`));
    req.end();
  });
}

function checkAnswer(text, where) {
  const answer = firstAnswer(text);
  if (!answer) return;
  assert.equal(answer.headers['x-content-type-options'], 'nosniff', `${where} answered ${answer.status} without nosniff`);
  assert.ok(answer.headers['content-security-policy'], `${where} answered ${answer.status} without a CSP`);
  assert.ok(answer.status < 500, `${where} answered ${answer.status}`);
}

test(`no request ends either server (${RUNS} cases, each to both ports; seed ${SEED})`, { timeout: 600_000 }, async () => {
  const ports = { api: Number(new URL(server.api).port), site: Number(new URL(server.site).port) };
  try {
    await fc.assert(
      fc.asyncProperty(request, async (raw) => {
        for (const [where, port] of Object.entries(ports)) {
          const { text } = await rawRequest(port, raw, 2_000);
          sent++;
          checkAnswer(text, where);
        }
        assert.equal(await answers(`${server.api}/api`), 200, 'the API still answers');
        assert.equal(await answers(`${server.site}/fuzz-health`), 404, 'the site still answers');
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  } catch (error) {
    // fast-check's report names the seed and the shrunk case; the server's log shows what it did.
    console.error(`fuzz failed with seed ${SEED}\n${server.output().slice(-3_000)}`);
    throw error;
  } finally {
    agent.destroy();
  }
  assert.ok(sent >= 5_000, `${sent} requests`);
  console.log(`fuzz: ${sent} raw requests over both ports, seed ${SEED}`);
});
