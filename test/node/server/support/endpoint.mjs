// The registration endpoint in this test process: `createApiHandler` (demo/server/api.ts) over an
// in-memory SQLite store and events loaded from a temporary folder, on a free loopback port, driven
// with real HTTP. The tests in test/node/endpoint/ start `main.ts` as its own process, as `npm start`
// does; these drive the same handler here, where Stryker's mocha runner sees which test reaches
// which line (stryker.config.mjs, group `server`).
//
// Every test starts its own endpoint (`startEndpoint()` in its body or in `beforeEach`, never in
// `before`) and `afterEach(closeEndpoints)` stops them: no test leans on another's registrations.
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import * as fixtures from '../../endpoint/support/events.mjs';
import { tempDir, writeEvents } from '../../endpoint/support/server.mjs';

const { createApiHandler } = await tsImport('../../../../demo/server/api.ts', import.meta.url);
const { loadEvents } = await tsImport('../../../../demo/server/events.ts', import.meta.url);
const { answerClientErrors, API_HEADERS } = await tsImport('../../../../demo/server/http.ts', import.meta.url);
const { PlaceLimiter, RateLimiter } = await tsImport('../../../../demo/server/rate-limit.ts', import.meta.url);
const { SqliteStore } = await tsImport('../../../../demo/server/sqlite-store.ts', import.meta.url);
const { Notices } = await tsImport('../../../../demo/server/mail/notices.ts', import.meta.url);
const { createSelfService } = await tsImport('../../../../demo/server/self-service.ts', import.meta.url);

/** The partner site the default endpoint accepts registrations from. */
export const PARTNER = 'https://partner.example.org';
/** The admin token of the default endpoint (the CSV export is on). */
export const TOKEN = 'in-process-token-0123456789abcdef';

const open = new Set();

/**
 * Starts an endpoint. Options override `createApiHandler`'s (`allowedOrigins`, `adminToken`,
 * `trustProxy`, `bodyLimit`, …); besides: `events` (fixture objects by file name, default every
 * fixture of test/node/endpoint/support/events.mjs), `store` (default a new in-memory one),
 * `rateLimit` and `placeLimit` (default 0: off), `tokenGuessLimit` (wrong admin tokens per minute,
 * default 10 as in `main.ts`), `now` (the limiters' clock) and `mailQueued` (called by the API and
 * the self-service page after a change that queued mail).
 *
 * @returns `{ api, siteOrigin, store, logs, events, close(), shutDown() }`: `api` is the origin
 * to fetch from; `siteOrigin` the allowed origin `postJson()` sends; `logs` every line the
 * handler logged; `shutDown()` makes it answer as during a shutdown.
 */
export async function startEndpoint({
  events = fixtures.all,
  store = new SqliteStore(':memory:'),
  rateLimit = 0,
  placeLimit = 0,
  tokenGuessLimit = 10,
  now = Date.now,
  mailQueued = () => {},
  ...options
} = {}) {
  const temp = tempDir('bijeen-in-process-');
  const logs = [];
  const log = (line) => logs.push(line);
  const limiters = [new RateLimiter(rateLimit, now), new PlaceLimiter(placeLimit, now), new RateLimiter(tokenGuessLimit, now)];
  let closing = false;
  const loaded = loadEvents(writeEvents(join(temp.dir, 'events'), events), log);
  let api = '';
  const publicOrigin = () => new URL(api);
  const notices = new Notices({ events: loaded, publicOrigin });
  const handler = createApiHandler({
    events: loaded,
    store,
    limiter: limiters[0],
    placeLimiter: limiters[1],
    tokenGuesses: limiters[2],
    trustProxy: false,
    allowedOrigins: new Set([PARTNER]),
    adminToken: TOKEN,
    bodyLimit: 32 * 1024,
    log,
    isClosing: () => closing,
    // Mail is queued in the store as `npm start` does; no worker sends it here.
    notices,
    mailQueued,
    forgetMails: async () => {},
    holdMinutes: undefined,
    selfService: createSelfService({ store, events: loaded, notices, publicOrigin, mailQueued, log }),
    ...options,
  });
  const server = createServer(handler);
  answerClientErrors(server, API_HEADERS);
  // A request left without an answer (a mutant under test that hangs) fails within seconds.
  server.setTimeout(3_000);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  api = `http://127.0.0.1:${server.address().port}`;
  const endpoint = {
    api,
    siteOrigin: PARTNER,
    store,
    logs,
    events: loaded,
    shutDown: () => (closing = true),
    async close() {
      open.delete(endpoint);
      for (const limiter of limiters) limiter.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      temp.cleanup();
    },
  };
  open.add(endpoint);
  return endpoint;
}

/**
 * One request with `node:http` (any method, target and headers, `Host` included); resolves to
 * `{ status, headers, text, body }`, `body` parsed when it is JSON.
 */
export function request(endpoint, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(endpoint.api, { method, path, headers, timeout: 5_000 }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode, headers: response.headers, text, body: parsed });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** POSTs form fields (`[name, value]` pairs) as application/x-www-form-urlencoded from the partner site. */
export function postForm(endpoint, eventId, entries, { origin = endpoint.siteOrigin, headers = {} } = {}) {
  const body = new URLSearchParams(entries).toString();
  return request(endpoint, {
    method: 'POST',
    path: `/api/events/${encodeURIComponent(eventId)}/registrations`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}), ...headers },
    body,
  });
}

/** Stops every endpoint a test started: `afterEach(closeEndpoints)`. */
export async function closeEndpoints() {
  await Promise.all([...open].map((endpoint) => endpoint.close()));
}
