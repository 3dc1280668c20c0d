// CORS as a real browser applies it: a script on the demo site (another origin than the API, under
// the site's strict CSP) can post JSON with Idempotency-Key (preflight) and form-encoded data, and
// read the answers and Retry-After; a script on a foreign origin cannot read or even send them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../support/browser.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { unlimited } from './support/events.mjs';
import { registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const TOKEN = 'cors-token-0123456789abcdefghijklmn';
let server;
let temp;
let browser;
/** A second endpoint with RATE_LIMIT 1, for the 429; `server` has no limit, so its refusals can only be CORS's. */
let limitedServer;
let limitedTemp;
let foreign;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { unlimited });
  mkdirSync(join(temp.dir, 'foreign'));
  writeFileSync(join(temp.dir, 'foreign/index.html'), '<!doctype html><title>Elders</title><p>Een andere site</p>');
  server = await startServer({ dir: temp.dir, env: { RATE_LIMIT: '0', ADMIN_TOKEN: TOKEN } });
  limitedTemp = tempDir();
  writeEvents(join(limitedTemp.dir, 'events'), { unlimited });
  limitedServer = await startServer({ dir: limitedTemp.dir, env: { RATE_LIMIT: '1' } });
  foreign = await serveStatic({ '/': join(temp.dir, 'foreign') });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await foreign?.close();
  await server?.stop();
  await limitedServer?.stop();
  temp?.cleanup();
  limitedTemp?.cleanup();
});

/** Runs the posts to `api` inside a page of `origin`; returns what the page's script could see. */
async function postFrom(origin, path, payloads, api = server) {
  const page = await browser.context.newPage();
  try {
    // Only the page's origin matters. On the demo site the script runs under its CSP (connect-src);
    // evaluate() itself goes through the DevTools protocol, which CSP does not block.
    await page.goto(`${origin}${path}`);
    return await page.evaluate(
      async ({ endpoint, payloads }) => {
        const results = [];
        for (const { kind, body } of payloads) {
          try {
            const init =
              kind === 'json'
                ? {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.idempotencyKey },
                    body: JSON.stringify(body),
                  }
                : {
                    method: 'POST',
                    body: new URLSearchParams({
                      eventId: body.eventId,
                      idempotencyKey: body.idempotencyKey,
                      'attendee.name': body.attendee.name,
                      'attendee.email': body.attendee.email,
                      'attendee.organisation': body.attendee.organisation,
                      consent: 'true',
                      locale: 'nl',
                      source: location.origin + location.pathname,
                    }),
                  };
            const response = await fetch(endpoint, init);
            results.push({ status: response.status, body: await response.json(), retryAfter: response.headers.get('Retry-After') });
          } catch (error) {
            results.push({ error: String(error) });
          }
        }
        return results;
      },
      { endpoint: `${api.api}/api/events/${unlimited.id}/registrations`, payloads },
    );
  } finally {
    await page.close();
  }
}

async function storedEmails() {
  const response = await fetch(`${server.api}/api/events/${unlimited.id}/registrations.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return (await response.text()).match(/[\w.+-]+@example\.org/g) ?? [];
}

describe('CORS in a browser', () => {
  test('the demo site posts JSON (with preflight) and form data, and reads the answers', async () => {
    const json = registration(unlimited);
    const form = registration(unlimited);
    const [first, second] = await postFrom(server.site, '/nothing-here', [
      { kind: 'json', body: json },
      { kind: 'form', body: form },
    ]);
    assert.equal(first.status, 201, JSON.stringify(first));
    assert.equal(first.body.status, 'confirmed');
    assert.equal(second.status, 201, JSON.stringify(second));
    const emails = await storedEmails();
    assert.ok(emails.includes(json.attendee.email) && emails.includes(form.attendee.email));
  });

  test('the demo site reads a 429 and its Retry-After', async () => {
    const [first, limited] = await postFrom(
      limitedServer.site,
      '/nothing-here',
      [
        { kind: 'json', body: registration(unlimited) },
        { kind: 'json', body: registration(unlimited) },
      ],
      limitedServer,
    );
    assert.equal(first.status, 201, JSON.stringify(first));
    assert.equal(limited.status, 429, JSON.stringify(limited));
    assert.equal(limited.body.status, 'rate_limited');
    assert.match(limited.retryAfter, /^\d+$/, 'Retry-After readable cross-origin');
  });

  // `server` has no rate limit and the event no capacity: the origin check is the only thing that
  // can keep the form post (which needs no preflight) from being stored.
  test('a foreign origin can neither read an answer nor get a registration stored', async () => {
    const json = registration(unlimited);
    const form = registration(unlimited);
    const results = await postFrom(foreign.url, '/', [
      { kind: 'json', body: json },
      { kind: 'form', body: form },
    ]);
    for (const result of results) assert.match(result.error ?? '', /TypeError: Failed to fetch/);
    const emails = await storedEmails();
    assert.ok(!emails.includes(json.attendee.email), 'the preflight stopped the JSON post');
    assert.ok(!emails.includes(form.attendee.email), 'the server refused the form post (403)');
  });
});
