// Graceful stop under load: 100 keep-alive clients keep registering while the server gets SIGTERM
// (or SIGINT). Every request gets an HTTP answer (201, or 503 + Retry-After once the server is
// stopping), none a reset; every 201 is stored and nothing else; the process exits 0 within 10 s.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unlimited } from './support/events.mjs';
import { registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const CLIENTS = 100;

/** One POST on the client's own keep-alive connection: `{ status, headers }` or `{ error }`. */
function post(server, agent, body) {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      `${server.api}/api/events/${unlimited.id}/registrations`,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          'Idempotency-Key': body.idempotencyKey,
          Origin: server.siteOrigin,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
        res.on('error', (error) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error) => resolve({ error: error.code ?? error.message }));
    req.end(text);
  });
}

describe('graceful stop', () => {
  for (const signal of ['SIGTERM', 'SIGINT']) {
    test(`${signal} with ${CLIENTS} keep-alive clients mid-load: every request answered, every 201 stored, exit 0 within 10 s`, { timeout: 60_000 }, async () => {
      const temp = tempDir();
      writeEvents(join(temp.dir, 'events'), { unlimited });
      const server = await startServer({ dir: temp.dir, env: { RATE_LIMIT: '0', PLACE_LIMIT: '0' } });
      const answers = [];
      /** Clients with an answer on their keep-alive connection: all of them are mid-load before the signal. */
      const connected = new Set();
      let signalled = false;
      let resolveWarm;
      const warm = new Promise((resolve) => (resolveWarm = resolve));

      async function client() {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (;;) {
            const answer = await post(server, agent, registration(unlimited));
            answers.push({ ...answer, afterSignal: signalled });
            connected.add(agent);
            if (connected.size === CLIENTS && answers.length >= 3 * CLIENTS) resolveWarm();
            // The server said this connection ends: a client would come back later.
            if (answer.error || answer.headers.connection === 'close') return;
          }
        } finally {
          agent.destroy();
        }
      }

      try {
        const clients = Array.from({ length: CLIENTS }, () => client());
        await warm;
        const sent = Date.now();
        signalled = true;
        server.child.kill(signal);
        const exit = await server.exited;
        const took = Date.now() - sent;
        await Promise.all(clients);

        const errors = answers.filter((answer) => answer.error).map((answer) => answer.error);
        const counts = {};
        for (const { status } of answers.filter((answer) => !answer.error)) counts[status] = (counts[status] ?? 0) + 1;
        console.log(`${signal}: ${answers.length} requests, answers ${JSON.stringify(counts)}, errors ${errors.length}, exit ${exit.code} after ${took} ms`);

        assert.deepEqual(errors, [], 'no request was reset or refused');
        assert.deepEqual(Object.keys(counts).sort(), Object.keys(counts).filter((status) => status === '201' || status === '503').sort());
        for (const answer of answers.filter((answer) => answer.status === 503)) {
          assert.equal(answer.afterSignal, true);
          assert.match(answer.headers['retry-after'], /^\d+$/);
        }
        assert.equal(exit.code, 0, server.output().slice(-1_000));
        assert.ok(took < 10_000, `exited after ${took} ms`);
        assert.ok(counts[201] >= 3 * CLIENTS - CLIENTS);

        const db = new Database(join(temp.dir, 'bijeen.sqlite'), { readonly: true });
        const stored = db.prepare('SELECT count(*) AS n FROM registrations').get().n;
        db.close();
        assert.equal(stored, counts[201], 'stored rows equal the 201 answers');
      } finally {
        await server.kill();
        temp.cleanup();
      }
    });
  }
});
