// The form's sending half (src/components/registration-form/submit.ts: `sendRegistration`) in Node,
// against a scripted endpoint over loopback: what one attempt sends, which answers it retries, how
// long it waits. The browser tests (test/components/registration-form/sending.test.ts) prove the
// same through the element; these run where Stryker's per-test coverage can see them.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { tsImport } from 'tsx/esm/api';
import { afterEach, describe, test } from '../support/suite.mjs';

const { MAX_RETRY_AFTER, sendRegistration } = await tsImport('../../../src/components/registration-form/submit.ts', import.meta.url);

const payload = {
  eventId: 'uden',
  idempotencyKey: '7d3a2c61-1b8e-4f0a-9c55-2e4f6a8b9c01',
  attendee: { name: 'Fien de Vries', email: 'fien@example.org', organisation: 'Gemeente Uden' },
  companions: [{ name: 'Gijs', email: 'gijs@example.org' }],
  answers: {},
  consent: true,
  locale: 'nl',
  source: 'https://partner.example.org/aanmelden',
};

const servers = new Set();
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers.clear();
});

/**
 * An endpoint that answers its requests with `replies`, one each, in order (the last one again
 * when they run out). A reply: `{ status, body, headers, delay, reset }`; `reset: 'head'` writes
 * the status line and headers and then cuts the connection, `reset: true` cuts it at once.
 * `requests` holds what arrived: method, headers, body and when.
 */
async function endpoint(replies) {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const reply = replies[Math.min(requests.length, replies.length) - 1];
      setTimeout(() => {
        if (reply.reset === true) return req.socket.destroy();
        res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
        if (reply.reset === 'head') {
          res.write('{"status":');
          return setTimeout(() => req.socket.destroy(), 20);
        }
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      }, reply.delay ?? 0);
    });
  });
  servers.add(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/api/events/uden/registrations`, requests };
}

const send = (url, options = {}) => sendRegistration({ url, payload, timeout: 2_000, retries: 2, retryDelay: 20, ...options });

describe('sendRegistration', () => {
  test('JSON: one POST with the payload and its key in Idempotency-Key; the answer read', async () => {
    const { url, requests } = await endpoint([{ status: 201, body: { id: 'r1', status: 'confirmed', message: 'Bedankt!' } }]);
    const outcome = await send(url);
    assert.deepEqual(outcome, {
      ok: true,
      status: 'confirmed',
      response: { id: 'r1', status: 'confirmed', message: 'Bedankt!' },
      message: 'Bedankt!',
      attempts: 1,
    });
    assert.equal(requests.length, 1);
    const [{ method, headers, body }] = requests;
    assert.equal(method, 'POST');
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['idempotency-key'], payload.idempotencyKey);
    assert.deepEqual(JSON.parse(body), payload);
  });

  test('form: the flattened fields urlencoded, without a custom header', async () => {
    const { url, requests } = await endpoint([{ status: 201, body: { status: 'waitlisted' } }]);
    const outcome = await send(url, { format: 'form' });
    assert.equal(outcome.status, 'waitlisted');
    const [{ headers, body }] = requests;
    assert.match(headers['content-type'], /^application\/x-www-form-urlencoded/);
    assert.equal(headers['idempotency-key'], undefined);
    const fields = new URLSearchParams(body);
    assert.equal(fields.get('idempotencyKey'), payload.idempotencyKey);
    assert.equal(fields.get('attendee.email'), 'fien@example.org');
    assert.equal(fields.get('companions.0.name'), 'Gijs');
  });

  test('retries a 503 with the same key, after a backoff, until it is accepted', async () => {
    const { url, requests } = await endpoint([{ status: 503 }, { status: 503 }, { status: 201, body: { status: 'confirmed' } }]);
    const outcome = await send(url, { retryDelay: 100 });
    assert.equal(outcome.ok, true);
    assert.equal(outcome.attempts, 3);
    assert.deepEqual(new Set(requests.map((request) => request.headers['idempotency-key'])), new Set([payload.idempotencyKey]));
    // Equal jitter: at least half the step, 50 ms before the first retry and 100 ms before the second.
    assert.ok(requests[1].at - requests[0].at >= 45, `${requests[1].at - requests[0].at} ms`);
    assert.ok(requests[2].at - requests[1].at >= 95, `${requests[2].at - requests[1].at} ms`);
  });

  test('stops after the last retry with the last outcome and the number of attempts', async () => {
    const { url, requests } = await endpoint([{ status: 502 }]);
    assert.deepEqual(await send(url, { retries: 2 }), { ok: false, reason: 'server', status: 502, attempts: 3 });
    assert.equal(requests.length, 3);
    assert.deepEqual(await send(url, { retries: 0 }), { ok: false, reason: 'server', status: 502, attempts: 1 });
  });

  test('a definite refusal is not retried', async () => {
    const { url, requests } = await endpoint([{ status: 422, body: { errors: [{ path: 'attendee.email', message: 'Onbekend' }] } }]);
    const outcome = await send(url);
    assert.deepEqual(outcome, {
      ok: false,
      reason: 'rejected',
      status: 422,
      message: undefined,
      errors: [{ path: 'attendee.email', message: 'Onbekend' }],
      attempts: 1,
    });
    assert.equal(requests.length, 1);
  });

  test('waits at least the Retry-After of a 429 before the next attempt', async () => {
    const { url, requests } = await endpoint([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 201 }]);
    const outcome = await send(url, { retryDelay: 10 });
    assert.equal(outcome.ok, true);
    assert.ok(requests[1].at - requests[0].at >= 990, `${requests[1].at - requests[0].at} ms`);
  });

  test('does not wait for a Retry-After beyond 30 seconds', async () => {
    assert.equal(MAX_RETRY_AFTER, 30_000);
    const { url, requests } = await endpoint([{ status: 503, headers: { 'Retry-After': '31' } }]);
    assert.deepEqual(await send(url), { ok: false, reason: 'server', status: 503, attempts: 1 });
    assert.equal(requests.length, 1);
  });

  test('waits for a Retry-After of exactly 30 seconds (the wait itself skipped here)', async () => {
    const { url, requests } = await endpoint([{ status: 503, headers: { 'Retry-After': '30' } }, { status: 201 }]);
    const waits = [];
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = (callback, ms, ...args) => {
      if (ms !== MAX_RETRY_AFTER) return realSetTimeout(callback, ms, ...args);
      waits.push(ms);
      return realSetTimeout(callback, 0, ...args);
    };
    let outcome;
    try {
      outcome = await send(url);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    assert.equal(outcome.ok, true);
    assert.equal(outcome.attempts, 2);
    assert.deepEqual(waits, [MAX_RETRY_AFTER]);
    assert.equal(requests.length, 2);
  });

  test('leaves no timer running once the answer is in', async () => {
    const { url } = await endpoint([{ status: 201 }]);
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    await send(url, { timeout: 60_000 });
    assert.equal(timers(), before, 'the attempt’s time limit is cleared');
  });

  test('an answer that does not come within the timeout is a timeout, and is retried', async () => {
    const { url, requests } = await endpoint([{ status: 201, delay: 1_000 }, { status: 201, body: { status: 'confirmed' } }]);
    const started = Date.now();
    const outcome = await send(url, { timeout: 200, retries: 1 });
    assert.equal(outcome.ok, true);
    assert.equal(outcome.attempts, 2);
    assert.equal(requests.length, 2);
    assert.ok(Date.now() - started < 1_000, 'the first attempt was given up after 200 ms');
    const slow = await endpoint([{ status: 201, delay: 1_000 }]);
    assert.deepEqual(await send(slow.url, { timeout: 100, retries: 0 }), { ok: false, reason: 'timeout', attempts: 1 });
  });

  test('a connection cut before or during the answer is a network failure, and is retried', async () => {
    for (const reset of [true, 'head']) {
      const { url, requests } = await endpoint([{ status: 201, reset }]);
      assert.deepEqual(await send(url, { retries: 1 }), { ok: false, reason: 'network', attempts: 2 }, String(reset));
      assert.equal(requests.length, 2);
    }
  });

  test('nothing listening: a network failure', async () => {
    const { url } = await endpoint([{ status: 201 }]);
    for (const server of servers) server.close();
    servers.clear();
    assert.deepEqual(await send(url, { retries: 0 }), { ok: false, reason: 'network', attempts: 1 });
  });
});
