// Configuration that changes behaviour: RATE_LIMIT, ALLOWED_ORIGINS, and no ADMIN_TOKEN.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { unlimited } from './support/events.mjs';
import { exportCsv, exportXlsx, people, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const PARTNER = 'https://www.example.org';
let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { unlimited });
  server = await startServer({ dir: temp.dir, env: { RATE_LIMIT: '3', ALLOWED_ORIGINS: ` ${PARTNER} , https://partner.example.org/` } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

describe('configuration', () => {
  test('ALLOWED_ORIGINS replaces the default: the demo site is refused, the partner accepted', async () => {
    const demo = await postJson(server, unlimited.id, registration(unlimited), { origin: server.siteOrigin });
    assert.equal(demo.status, 403);
    assert.equal(demo.headers.get('access-control-allow-origin'), null);
    const partner = await postJson(server, unlimited.id, registration(unlimited), { origin: PARTNER });
    assert.equal(partner.status, 201);
    assert.equal(partner.headers.get('access-control-allow-origin'), PARTNER);
    const preflight = await fetch(`${server.api}/api/events/${unlimited.id}/registrations`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.example.org', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204, 'a trailing slash in the list is tolerated');
  });

  test('RATE_LIMIT: past the limit per client, 429 with Retry-After in whole seconds (exposed to the page)', async () => {
    // One of the 3 tokens went to the partner's registration above (the refused demo-site POST
    // was stopped before the limiter), so two more pass.
    for (let i = 0; i < 2; i++) {
      const { status } = await postJson(server, unlimited.id, registration(unlimited), { origin: PARTNER });
      assert.equal(status, 201);
    }
    const limited = await postJson(server, unlimited.id, registration(unlimited), { origin: PARTNER });
    assert.equal(limited.status, 429);
    const retryAfter = limited.headers.get('retry-after');
    assert.match(retryAfter, /^\d+$/);
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 20, retryAfter);
    assert.equal(limited.body.status, 'rate_limited');
    assert.equal(limited.body.retryAfter, Number(retryAfter));
    assert.equal(limited.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(limited.headers.get('access-control-expose-headers'), 'Retry-After');
    // Without TRUST_PROXY the header is anyone's to send: it must not open a new bucket.
    const spoofed = await postJson(server, unlimited.id, registration(unlimited), {
      origin: PARTNER,
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    });
    assert.equal(spoofed.status, 429);
  });

  test('TRUST_PROXY=1: each forwarded client has its own bucket, counted by the entry the proxy added', async () => {
    const proxyTemp = tempDir();
    writeEvents(join(proxyTemp.dir, 'events'), { unlimited });
    const proxied = await startServer({ dir: proxyTemp.dir, env: { RATE_LIMIT: '1', TRUST_PROXY: '1', ALLOWED_ORIGINS: PARTNER } });
    try {
      const post = (forwardedFor) =>
        postJson(proxied, unlimited.id, registration(unlimited), { origin: PARTNER, headers: { 'X-Forwarded-For': forwardedFor } });
      assert.equal((await post('198.51.100.1')).status, 201);
      assert.equal((await post('198.51.100.2')).status, 201, 'another client behind the same proxy');
      // A client's own (forgeable) entries come first; the proxy appends the address it saw.
      assert.equal((await post('10.9.9.9, 198.51.100.1')).status, 429);
      assert.match(proxied.output(), /address from X-Forwarded-For/);
    } finally {
      await proxied.stop();
      proxyTemp.cleanup();
    }
  });

  test('an origin variable that is not an http(s) origin stops the start, naming the variable', async () => {
    for (const [name, value, problem] of [
      ['API_ORIGIN', 'ftp://api.example.org', 'must be http(s)'],
      ['API_ORIGIN', 'api.example.org', 'is not an origin'],
      ['ALLOWED_ORIGINS', `${PARTNER}, javascript:alert(1)`, 'must be http(s)'],
    ]) {
      const badTemp = tempDir();
      const outcome = await startServer({ dir: badTemp.dir, env: { [name]: value } }).catch((error) => error);
      try {
        assert.ok(outcome instanceof Error, `${name}=${value} must not start the server`);
        assert.match(outcome.message, /exited \(1\)/);
        assert.ok(outcome.message.includes(`Configuration: ${name}: "`) && outcome.message.includes(problem), outcome.message);
      } finally {
        if (!(outcome instanceof Error)) await outcome.stop();
        badTemp.cleanup();
      }
    }
  });

  test('reading events is not rate limited', async () => {
    for (let i = 0; i < 10; i++) {
      assert.equal((await fetch(`${server.api}/api/events/${unlimited.id}`)).status, 200);
    }
  });

  test('without ADMIN_TOKEN the exports and /api/people do not exist (404), whatever token is sent', async () => {
    const csv = await exportCsv(server, unlimited.id, '');
    assert.equal(csv.status, 404);
    assert.equal((await exportCsv(server, unlimited.id, 'undefined')).status, 404);
    assert.equal((await exportXlsx(server, unlimited.id, 'undefined')).status, 404);
    for (const method of ['GET', 'DELETE']) {
      const answer = await people(server, method, 'iemand@example.org', 'undefined');
      assert.equal(answer.status, 404, method);
      assert.equal(answer.body.status, 'not_found');
    }
    assert.match(server.output(), /admin routes \(exports, access and erasure requests\): off/);
  });
});
