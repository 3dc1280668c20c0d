// Two endpoint processes, one PostgreSQL database (a real server: test/node/support/postgres.mjs):
// capacity and idempotency stay exact when the requests are spread over both, each queued mail is
// sent by one of them only, the two start together on an empty database, and a process killed with
// SIGKILL loses no registration it answered with a 2xx. Checked in the database itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { full50, unlimited, waitlist50 } from './support/events.mjs';
import { companions, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';
import { createDatabase, withClient } from '../support/postgres.mjs';
import { readOutbox, waitFor } from './support/mail.mjs';

/** Its own event for the mail test, so that the other tests' counts stay their own. */
const mailed = { ...unlimited, id: 'post-twee-processen', registration: { ...unlimited.registration, endpoint: '/api/events/post-twee-processen/registrations' } };

let database;
let temp;
let servers = [];

before(async () => {
  database = await createDatabase();
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { full50, unlimited, waitlist50, mailed });
  // Started together on the empty database: both migrate, one applies the schema.
  servers = await Promise.all([start(), start()]);
});

after(async () => {
  for (const server of servers) await server.kill();
  await database?.drop();
  temp?.cleanup();
});

function start() {
  return startServer({ dir: temp.dir, env: { DATABASE_URL: database.url } });
}

function rows(eventId) {
  return withClient(database.url, async (client) => {
    const result = await client.query('SELECT id, idempotency_key, email, status, places FROM registrations WHERE event_id = $1', [eventId]);
    return result.rows;
  });
}

/** Every outcome of sending each body to the process `index % 2`, all at once. */
function storm(event, bodies, to = servers) {
  return Promise.all(
    bodies.map((body, index) =>
      postJson(to[index % to.length], event.id, body).then(
        (response) => ({ body, response }),
        (error) => ({ body, error }),
      ),
    ),
  );
}

/** Every 2xx has its row (with the id the client got), and no row lacks a 2xx. */
function assertNoneLostNoneDoubled(outcomes, stored) {
  const byKey = new Map(stored.map((row) => [row.idempotency_key, row]));
  assert.equal(byKey.size, stored.length, 'no key stored twice');
  assert.equal(new Set(stored.map((row) => row.email)).size, stored.length, 'no address stored twice');
  const accepted = outcomes.filter(({ response }) => response?.status === 201);
  const lost = accepted.filter(({ body, response }) => byKey.get(body.idempotencyKey)?.id !== response.body.id);
  assert.deepEqual(lost.map(({ body }) => body.idempotencyKey), [], 'every 2xx is in the database');
  assert.equal(new Set(accepted.map(({ body }) => body.idempotencyKey)).size, stored.length, 'nothing stored without a 2xx');
}

describe('two endpoint processes on one PostgreSQL database', () => {
  test('the schema was applied once, although both started together', async () => {
    const applied = await withClient(database.url, (client) => client.query('SELECT version, count(*)::integer AS times FROM schema_migrations GROUP BY version'));
    assert.ok(applied.rows.length > 0);
    for (const row of applied.rows) assert.equal(row.times, 1);
  });

  test('500 registrations at once over both processes against 50 places: exactly 50, none lost, none doubled', async (t) => {
    const bodies = Array.from({ length: 500 }, (_, index) => registration(full50, { companions: companions(index % 3, `two${index}`) }));
    const started = performance.now();
    const outcomes = await storm(full50, bodies);
    const seconds = (performance.now() - started) / 1000;
    assert.deepEqual(outcomes.filter((o) => o.error).map((o) => String(o.error)), [], 'no network errors');
    const statuses = outcomes.map(({ response }) => `${response.status} ${response.body.status}`);
    assert.deepEqual(new Set(statuses), new Set(['201 confirmed', '409 full']), 'only confirmed and full');
    const stored = await rows(full50.id);
    assertNoneLostNoneDoubled(outcomes, stored);
    assert.equal(stored.reduce((sum, row) => sum + row.places, 0), 50, 'exactly the capacity, companions counted');
    const told = outcomes.filter(({ response }) => response.status === 201).reduce((sum, { body }) => sum + 1 + body.companions.length, 0);
    assert.equal(told, 50, 'the clients were told the same');
    for (const server of servers) {
      const live = await (await fetch(`${server.api}/api/events/${full50.id}`)).json();
      assert.equal(live.registration.remaining, 0, 'both processes see the event full');
    }
    const confirmedBy = servers.map((_, index) => outcomes.filter((o, i) => i % 2 === index && o.response.status === 201).length);
    t.diagnostic(`${Math.round(500 / seconds)} requests/s; confirmed by each process: ${confirmedBy.join(' + ')}`);
  });

  test('the same idempotency key sent to both processes at once: one row, both answers equal', async () => {
    const bodies = Array.from({ length: 40 }, (_, index) => registration(waitlist50, { companions: companions(index % 2, `idem${index}`) }));
    const pairs = await Promise.all(
      bodies.map((body) => Promise.all(servers.map((server) => postJson(server, waitlist50.id, structuredClone(body))))),
    );
    for (const [a, b] of pairs) {
      assert.equal(a.status, 201, a.text);
      assert.equal(b.status, 201, b.text);
      assert.deepEqual(a.body, b.body, 'both processes answer with the first answer');
      const replayed = [a, b].filter((answer) => answer.headers.get('idempotent-replayed') === 'true');
      assert.equal(replayed.length, 1, 'one answered first, the other replayed it');
    }
    const stored = await rows(waitlist50.id);
    assert.equal(stored.length, bodies.length, 'one row per key');
    assert.deepEqual(new Set(stored.map((row) => row.id)), new Set(pairs.map(([a]) => a.body.id)));
  });

  test('each mail goes out once, whichever of the two processes sends it', async () => {
    const bodies = Array.from({ length: 40 }, (_, index) => registration(mailed, { companions: companions(index % 3, `post${index}`) }));
    const outcomes = await storm(mailed, bodies);
    assert.ok(outcomes.every(({ response }) => response?.status === 201), 'every registration accepted');
    const keys = bodies.map((body) => body.idempotencyKey);
    const queued = (unsentOnly) =>
      withClient(database.url, async (client) => {
        const result = await client.query(
          `SELECT count(*)::integer AS mails FROM mail_queue m JOIN registrations r ON r.id = m.registration_id
            WHERE r.idempotency_key = ANY($1) ${unsentOnly ? 'AND m.sent_at IS NULL' : ''}`,
          [keys],
        );
        return result.rows[0].mails;
      });
    // Both processes' mail workers claim from the one queue.
    await waitFor(async () => (await queued(true)) === 0, 'every mail sent', 60_000);
    const sent = await queued(false);
    assert.ok(sent >= bodies.length, `${sent} mails for ${bodies.length} registrations`);
    const addresses = new Set(bodies.flatMap((body) => [body.attendee.email, ...body.companions.map((companion) => companion.email)]));
    const written = (await readOutbox(join(temp.dir, 'outbox'))).filter(({ mail }) => mail.to?.value.some((to) => addresses.has(to.address)));
    assert.equal(written.length, sent, 'one outbox file per queued mail: none sent twice, none missing');
  });

  test('kill -9 of one process during a load run: every 2xx is in the database, and retries store each once', async (t) => {
    const [victim, survivor] = servers;
    const bodies = Array.from({ length: 600 }, (_, index) => registration(unlimited, { companions: companions(index % 3, `kill${index}`) }));
    let accepted = 0;
    let next = 0;
    let killed = false;
    const outcomes = [];
    // 16 clients per process, each sending its next body as soon as the last is answered. Answers of
    // one group commit arrive together: the kill waits for a request sent to the victim after the
    // 150th answer, so there is one in flight when it lands.
    const client = (server) => async () => {
      while (next < bodies.length && !(server === victim && killed)) {
        const body = bodies[next++];
        try {
          const sending = postJson(server, unlimited.id, body);
          if (server === victim && accepted >= 150 && !killed) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
          const response = await sending;
          outcomes.push({ body, response });
          if (response.status === 201) accepted++;
        } catch (error) {
          outcomes.push({ body, error });
        }
      }
    };
    await Promise.all([...Array.from({ length: 16 }, client(victim)), ...Array.from({ length: 16 }, client(survivor))]);
    assert.deepEqual(await victim.exited, { code: null, signal: 'SIGKILL' });
    const cutOff = outcomes.filter((o) => o.error);
    assert.ok(cutOff.length > 0, 'the kill cut requests off');
    assert.deepEqual(outcomes.filter((o) => o.response && o.response.status !== 201).map((o) => o.response.text), []);

    const answered = outcomes.filter((o) => o.response);
    const stored = new Map((await rows(unlimited.id)).map((row) => [row.idempotency_key, row]));
    const lost = answered.filter(({ body, response }) => stored.get(body.idempotencyKey)?.id !== response.body.id);
    assert.equal(lost.length, 0, 'no 2xx lost');

    // The cut-off clients retry with the same key at the surviving process; then the rest is sent.
    let replayed = 0;
    for (const { body } of cutOff) {
      const retry = await postJson(survivor, unlimited.id, body);
      assert.equal(retry.status, 201, retry.text);
      if (retry.headers.get('idempotent-replayed') === 'true') replayed++;
    }
    const unsent = bodies.slice(next);
    await storm(unlimited, unsent, [survivor]);
    const final = await rows(unlimited.id);
    assert.equal(new Set(final.map((row) => row.idempotency_key)).size, final.length, 'none doubled');
    assert.equal(final.length, bodies.length, 'every registration stored exactly once');
    t.diagnostic(JSON.stringify({ answeredBeforeTheKill: answered.length, cutOff: cutOff.length, committedButUnanswered: replayed }));

    // A new process takes over from the killed one.
    servers[0] = await start();
    const again = await postJson(servers[0], unlimited.id, bodies[0]);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });
});

describe('DATABASE_URL at start-up', () => {
  test('the log names the database without its password', async () => {
    const url = new URL(database.url);
    url.password = 'geheim-wachtwoord';
    // The test server trusts local connections, so the password is never asked for.
    const server = await startServer({ dir: temp.dir, env: { DATABASE_URL: url.href } });
    try {
      url.password = '';
      // The start-up summary may still be on its way when the server is up.
      for (let waited = 0; !server.output().includes('database:') && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(server.output().includes(`database: PostgreSQL ${url.href}`), server.output());
      assert.doesNotMatch(server.output(), /geheim/);
    } finally {
      await server.stop();
    }
  });

  test('a URL that is not postgres://, or a server that cannot be reached, stops the start with the reason and without the password', async () => {
    for (const [value, reason] of [
      ['mysql://bijeen:geheim@127.0.0.1/bijeen', /Configuration: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/, got mysql:\/\//],
      ['postgres://bijeen:geheim@127.0.0.1:1/bijeen', /Database PostgreSQL postgres:\/\/bijeen@127\.0\.0\.1:1\/bijeen: .*ECONNREFUSED/],
    ]) {
      const outcome = await startServer({ dir: temp.dir, env: { DATABASE_URL: value } }).catch((error) => error);
      if (!(outcome instanceof Error)) await outcome.stop();
      assert.ok(outcome instanceof Error, `${value} must not start the server`);
      assert.match(outcome.message, /exited \(1\)/);
      assert.match(outcome.message, reason);
      assert.doesNotMatch(outcome.message, /geheim/);
    }
  });
});
