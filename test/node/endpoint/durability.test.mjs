// Durability: a registration that got a 2xx survives `kill -9` and a restart; SIGTERM lets the
// requests in flight finish. Retrying the requests that got no answer, with their own keys, stores
// each exactly once: idempotency covers the crash window too.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unlimited, waitlist50 } from './support/events.mjs';
import { companions, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const temps = [];
const servers = [];

after(async () => {
  for (const server of servers) await server.kill();
  for (const temp of temps) temp.cleanup();
});

async function start(dir) {
  const server = await startServer({ dir });
  servers.push(server);
  return server;
}

function rows(dir) {
  const db = new Database(join(dir, 'bijeen.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, idempotency_key, event_id, status, places FROM registrations').all();
  } finally {
    db.close();
  }
}

/**
 * Sends `bodies` with at most `parallel` in flight, until `stopped()`; calls `onAccepted(count)` after each 2xx,
 * `onSent()` after each request has gone out. Resolves to every outcome: `{ body, response }` or `{ body, error }`.
 */
async function load(server, event, bodies, parallel, onAccepted, stopped = () => false, onSent = () => {}) {
  const outcomes = [];
  let next = 0;
  let accepted = 0;
  async function worker() {
    while (next < bodies.length && !stopped()) {
      const body = bodies[next++];
      try {
        const sending = postJson(server, event.id, body);
        onSent();
        const response = await sending;
        outcomes.push({ body, response });
        if (response.status >= 200 && response.status < 300) onAccepted(++accepted);
      } catch (error) {
        outcomes.push({ body, error });
      }
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return outcomes;
}

describe('durability', () => {
  test('kill -9 during a load run: every registration that got a 2xx is there after the restart', async (t) => {
    const temp = tempDir();
    temps.push(temp);
    writeEvents(join(temp.dir, 'events'), { unlimited, waitlist50 });
    const first = await start(temp.dir);

    const bodies = Array.from({ length: 1000 }, (_, index) => {
      const event = index % 2 ? unlimited : waitlist50;
      return { event, body: registration(event, { companions: companions(index % 3, `k${index}`) }) };
    });
    // Two event streams at once, so the kill lands in the middle of both. Answers of one group
    // commit arrive together, so the kill waits for the first request sent after the 120th answer:
    // there is always one in flight when it lands.
    let armed = false;
    let killed = false;
    const onAccepted = (count) => {
      if (count === 120) armed = true;
    };
    const onSent = () => {
      if (armed && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    };
    const [a, b] = await Promise.all([
      load(first, unlimited, bodies.filter(({ event }) => event === unlimited).map(({ body }) => body), 16, onAccepted, () => killed, onSent),
      load(first, waitlist50, bodies.filter(({ event }) => event === waitlist50).map(({ body }) => body), 16, () => {}, () => killed, onSent),
    ]);
    assert.deepEqual(await first.exited, { code: null, signal: 'SIGKILL' });
    const outcomes = [...a.map((o) => ({ ...o, event: unlimited })), ...b.map((o) => ({ ...o, event: waitlist50 }))];
    const answered = outcomes.filter((o) => o.response && o.response.status === 201);
    const unanswered = outcomes.filter((o) => o.error);
    assert.ok(answered.length >= 120, `${answered.length} accepted before the kill`);
    assert.ok(unanswered.length > 0, 'the kill cut requests off');
    assert.deepEqual(outcomes.filter((o) => o.response && o.response.status !== 201).map((o) => o.response.status), []);

    const second = await start(temp.dir);
    const stored = new Map(rows(temp.dir).map((row) => [row.idempotency_key, row]));
    const lost = answered.filter(({ body, response }) => stored.get(body.idempotencyKey)?.id !== response.body.id);
    assert.equal(lost.length, 0, 'no 2xx lost');

    // The clients retry what got no answer, with the same key: stored once, whether or not it
    // had been committed before the kill.
    let replayed = 0;
    for (const { body, event } of unanswered) {
      const retry = await postJson(second, event.id, body);
      assert.equal(retry.status, 201, retry.text);
      if (retry.headers.get('idempotent-replayed') === 'true') replayed++;
    }
    const final = rows(temp.dir);
    const keys = new Set(final.map((row) => row.idempotency_key));
    assert.equal(keys.size, final.length, 'none doubled');
    assert.equal(final.length, answered.length + unanswered.length, 'every attempted registration exactly once');
    const confirmed = final.filter((row) => row.event_id === waitlist50.id && row.status === 'confirmed');
    assert.ok(confirmed.reduce((sum, row) => sum + row.places, 0) <= 50, 'capacity held across the crash');
    const figures = { accepted: answered.length, cutOff: unanswered.length, committedButUnanswered: replayed, lost: lost.length };
    t.diagnostic(JSON.stringify(figures));
    console.log(`# kill -9: ${JSON.stringify(figures)}`);
    await second.stop();
  });

  test('SIGTERM finishes the requests in flight, exits 0, and the data is there after a restart', async () => {
    const temp = tempDir();
    temps.push(temp);
    writeEvents(join(temp.dir, 'events'), { unlimited });
    const first = await start(temp.dir);
    const bodies = Array.from({ length: 150 }, () => registration(unlimited));
    let stopping;
    const outcomes = await load(
      first,
      unlimited,
      bodies,
      25,
      (count) => {
        if (count === 40) stopping = first.stop();
      },
      () => first.child.exitCode !== null,
    );
    assert.deepEqual(await stopping, { code: 0, signal: null });
    assert.match(first.output(), /SIGTERM: finishing requests in flight/);
    const answered = outcomes.filter((o) => o.response?.status === 201);
    const refused = outcomes.filter((o) => o.response && o.response.status !== 201);
    // Requests that arrive while shutting down get 503 + Retry-After (the form retries), or find the port closed.
    for (const { response } of refused) {
      assert.equal(response.status, 503, response.text);
      assert.equal(response.headers.get('retry-after'), '2');
    }
    assert.ok(answered.length >= 40);

    const second = await start(temp.dir);
    const stored = new Map(rows(temp.dir).map((row) => [row.idempotency_key, row.id]));
    for (const { body, response } of answered) assert.equal(stored.get(body.idempotencyKey), response.body.id);
    assert.equal(stored.size, answered.length, 'nothing stored that was not answered');
    await second.stop();
  });
});
