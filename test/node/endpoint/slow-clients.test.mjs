// Slow and silent clients cannot starve the endpoint: for 15 s, 100 sockets that send nothing, 20
// that trickle their headers or body a byte at a time and 10 idle keep-alive connections hold the
// API (each replaced as soon as the server closes it), while `GET /api/events` keeps answering
// quickly. Every attacking socket is closed by the server within its timeout (checked every second).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { unlimited } from './support/events.mjs';
import { openSocket } from './support/raw.mjs';
import { startServer, tempDir, writeEvents } from './support/server.mjs';

const ATTACK_MS = 15_000;
/** Server settings for this run; the header and keep-alive timeouts are the defaults. */
const HEADERS_TIMEOUT = 8_000;
const REQUEST_TIMEOUT = 12_000;
const KEEP_ALIVE_TIMEOUT = 5_000;
/** Node checks the timeouts every second; the rest is scheduling on a busy machine. */
const SLACK = 2_000;

let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { unlimited });
  server = await startServer({ dir: temp.dir, env: { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT) } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GET on a new connection; resolves to its duration in ms. */
function timedGet(url) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { Connection: 'close' }, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('GET timed out')));
    req.on('error', reject);
    req.end();
  });
}

describe('slow clients', () => {
  test('100 silent, 20 trickling and 10 idle keep-alive sockets for 15 s: GET /api/events p99 under 100 ms, every socket closed in time', { timeout: 90_000 }, async () => {
    const port = Number(new URL(server.api).port);
    let attacking = true;
    /** Every attacking socket: its kind, when it connected, when the server closed it, its time limit. */
    const sockets = [];

    async function attacker(kind, limit, start) {
      while (attacking) {
        const { socket, closed } = await openSocket(port);
        const record = { kind, limit, opened: Date.now(), closedAt: undefined };
        sockets.push(record);
        const timer = start(socket, record);
        record.closedAt = await closed;
        clearInterval(timer);
      }
    }

    const silent = () => undefined;
    const headerTrickle = (socket) => {
      socket.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      return setInterval(() => socket.writable && socket.write('a'), 500);
    };
    const bodyTrickle = (socket) => {
      socket.write(
        `POST /api/events/${unlimited.id}/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
      );
      return setInterval(() => socket.writable && socket.write(' '), 500);
    };
    const keepAliveIdle = (socket, record) => {
      socket.write('GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      // The idle time counts from the answer.
      socket.once('data', () => (record.opened = Date.now()));
      return undefined;
    };

    const attackers = [
      ...Array.from({ length: 100 }, () => attacker('silent', 10_000, silent)),
      ...Array.from({ length: 10 }, () => attacker('header trickle', HEADERS_TIMEOUT + SLACK, headerTrickle)),
      ...Array.from({ length: 10 }, () => attacker('body trickle', REQUEST_TIMEOUT + SLACK, bodyTrickle)),
      ...Array.from({ length: 10 }, () => attacker('keep-alive idle', KEEP_ALIVE_TIMEOUT + SLACK, keepAliveIdle)),
    ];

    const durations = [];
    const until = Date.now() + ATTACK_MS;
    await sleep(500);
    while (Date.now() < until) {
      durations.push(await timedGet(`${server.api}/api/events`));
      await sleep(25);
    }
    attacking = false;
    // The last sockets must be closed by the server, not by us.
    await Promise.race([Promise.all(attackers), sleep(REQUEST_TIMEOUT + 2 * SLACK)]);

    durations.sort((a, b) => a - b);
    const p99 = durations[Math.ceil(durations.length * 0.99) - 1];
    console.log(`slow clients: ${sockets.length} attacking sockets, ${durations.length} GETs, p50 ${durations[Math.floor(durations.length / 2)].toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    const open = sockets.filter((record) => record.closedAt === undefined);
    assert.deepEqual(open.map((record) => record.kind), [], 'sockets the server never closed');
    for (const record of sockets) {
      const lived = record.closedAt - record.opened;
      assert.ok(lived <= record.limit, `a ${record.kind} socket stayed ${lived} ms (limit ${record.limit} ms)`);
    }
    assert.ok(sockets.filter((record) => record.kind === 'silent').length >= 100);
    assert.ok(durations.length >= 100, `${durations.length} GETs`);
    assert.ok(p99 < 100, `GET /api/events p99 ${p99.toFixed(1)} ms under attack`);
  });

  test('MAX_CONNECTIONS: past the cap new connections are closed at once, and the server recovers', { timeout: 60_000 }, async () => {
    const capTemp = tempDir();
    writeEvents(join(capTemp.dir, 'events'), { unlimited });
    const capped = await startServer({ dir: capTemp.dir, env: { MAX_CONNECTIONS: '20' } });
    try {
      const port = Number(new URL(capped.api).port);
      const held = await Promise.all(Array.from({ length: 20 }, () => openSocket(port)));
      const extra = await openSocket(port);
      const closedAt = await Promise.race([extra.closed, sleep(3_000).then(() => undefined)]);
      assert.ok(closedAt !== undefined, 'the 21st connection is closed by the server');
      for (const { socket } of held) socket.destroy();
      await sleep(200);
      assert.equal((await fetch(`${capped.api}/api/events`)).status, 200);
    } finally {
      await capped.stop();
      capTemp.cleanup();
    }
  });
});
