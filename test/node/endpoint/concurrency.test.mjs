// Capacity under concurrency: hundreds of registrations at once against 50 places. Attendee and
// companions count; never more than 50 places confirmed, none lost, none doubled. Checked in the
// database itself, in the CSV export and in the live `remaining`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { full50, waitlist50 } from './support/events.mjs';
import { companions, exportCsv, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const TOKEN = 'concurrency-token-0123456789abcdefgh';
let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { waitlist50, full50 });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

function readDatabase(eventId) {
  const db = new Database(join(temp.dir, 'bijeen.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, idempotency_key, email, status, places FROM registrations WHERE event_id = ?').all(eventId);
  } finally {
    db.close();
  }
}

/** Sends every body at once (plus `replays`: bodies sent a second time, concurrently). */
async function storm(event, bodies, replays = []) {
  const started = performance.now();
  const sends = [...bodies, ...replays].map((body) =>
    postJson(server, event.id, body).then(
      (response) => ({ body, response }),
      (error) => ({ body, error }),
    ),
  );
  const results = await Promise.all(sends);
  const seconds = (performance.now() - started) / 1000;
  return { results, seconds, rate: Math.round(sends.length / seconds) };
}

/** The checks every storm must pass; returns the figures for the report. */
async function verify(event, { results, rate }, expectRefusal) {
  const errors = results.filter((result) => result.error);
  assert.deepEqual(errors.map((result) => String(result.error)), [], 'no network errors');
  const unexpected = results.filter(({ response }) => response.status !== 201 && response.status !== 409);
  assert.deepEqual(unexpected.map(({ response }) => `${response.status} ${response.text}`), [], 'only 201 and 409');

  // Every key answered with a 2xx has exactly one row, with the id the client was given.
  const accepted = new Map();
  for (const { body, response } of results) {
    if (response.status !== 201) {
      assert.ok(expectRefusal.includes(response.body.status), response.text);
      continue;
    }
    const seen = accepted.get(body.idempotencyKey);
    if (seen) assert.equal(seen.id, response.body.id, 'a replay returns the same registration');
    else accepted.set(body.idempotencyKey, { id: response.body.id, status: response.body.status, places: 1 + body.companions.length });
  }
  const rows = readDatabase(event.id);
  const rowsByKey = new Map(rows.map((row) => [row.idempotency_key, row]));
  assert.equal(rowsByKey.size, rows.length, 'no key stored twice');
  assert.equal(new Set(rows.map((row) => row.email)).size, rows.length, 'no e-mail stored twice');
  const lost = [...accepted].filter(([key, { id }]) => rowsByKey.get(key)?.id !== id).length;
  const doubled = rows.length - accepted.size;
  assert.equal(lost, 0, 'every 2xx is in the database');
  assert.equal(doubled, 0, 'nothing stored without a 2xx, nothing twice');

  const confirmedPlaces = rows.filter((row) => row.status === 'confirmed').reduce((sum, row) => sum + row.places, 0);
  assert.equal(confirmedPlaces, 50, 'exactly the capacity, counting companions');
  const clientPlaces = [...accepted.values()].filter((entry) => entry.status === 'confirmed').reduce((sum, entry) => sum + entry.places, 0);
  assert.equal(clientPlaces, 50, 'the clients were told the same');

  const live = await (await fetch(`${server.api}/api/events/${event.id}`)).json();
  assert.equal(live.registration.remaining, 0);
  const csv = await exportCsv(server, event.id, TOKEN);
  assert.equal(csv.rows.length - 1, rows.length, 'the export has every row');
  return { requests: results.length, stored: rows.length, confirmedPlaces, rate, lost, doubled };
}

describe('capacity under concurrency', () => {
  test('500 registrations at once against 50 places with a waiting list (+50 concurrent replays, +20 duplicate addresses)', async (t) => {
    const bodies = Array.from({ length: 500 }, (_, index) =>
      registration(waitlist50, { companions: companions(index % 3, `w${index}`) }),
    );
    // 20 people register twice with a new key each time: one of each pair is a 409 duplicate.
    const sameAddress = bodies.slice(0, 20).map((body) => registration(waitlist50, { attendee: { ...body.attendee, name: 'Nog een keer' } }));
    const replays = bodies.slice(100, 150).map((body) => structuredClone(body));
    const run = await storm(waitlist50, [...bodies, ...sameAddress], replays);
    const figures = await verify(waitlist50, run, ['duplicate']);
    const statuses = run.results.map(({ response }) => response.body.status);
    assert.equal(statuses.filter((status) => status === 'duplicate').length, 20);
    assert.ok(statuses.includes('waitlisted'));
    t.diagnostic(`waitlist: ${JSON.stringify(figures)}`);
    console.log(`# concurrency (waiting list): ${figures.requests} requests, ${figures.rate} registrations/s, stored ${figures.stored}, confirmed places ${figures.confirmedPlaces}, lost ${figures.lost}, doubled ${figures.doubled}`);
  });

  test('500 registrations at once against 50 places without a waiting list: the rest is 409 full', async (t) => {
    const bodies = Array.from({ length: 500 }, (_, index) =>
      registration(full50, { companions: companions(index % 3, `f${index}`) }),
    );
    const run = await storm(full50, bodies);
    const figures = await verify(full50, run, ['full']);
    const full = run.results.filter(({ response }) => response.body.status === 'full');
    assert.equal(full.length + figures.stored, 500);
    t.diagnostic(`full: ${JSON.stringify(figures)}`);
    console.log(`# concurrency (no waiting list): ${figures.requests} requests, ${figures.rate} registrations/s, stored ${figures.stored}, confirmed places ${figures.confirmedPlaces}, lost ${figures.lost}, doubled ${figures.doubled}`);
  });
});
