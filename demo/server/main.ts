/**
 * `npm start` (after the build): the demo partner site on `PORT` and the reference registration
 * endpoint on `API_PORT`, two origins in one process. Configuration: see `config.ts` and the README.
 *
 *   node --import tsx demo/server/main.ts
 *
 * Prints one line per server (`Bijeen demo site: <url>`, `Bijeen API: <url>`); the tests read the
 * ports from those lines when they start it on port 0. SIGTERM / SIGINT: see `shutdown()`.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApiHandler } from './api.js';
import { allowedOrigins, loadConfig, publicApiOrigin, type Config } from './config.js';
import { loadEvents } from './events.js';
import { answerClientErrors, API_HEADERS } from './http.js';
import { Notices } from './mail/notices.js';
import { outboxTransport, smtpTransport } from './mail/transport.js';
import { MailWorker } from './mail/worker.js';
import { PlaceLimiter, RateLimiter } from './rate-limit.js';
import { describeDatabaseUrl, PostgresStore } from './postgres-store.js';
import { startRetention } from './retention.js';
import { createSelfService } from './self-service.js';
import { createSiteHandler, SITE_ERROR_HEADERS } from './site.js';
import { SqliteStore } from './sqlite-store.js';
import type { RegistrationStore } from './store.js';

const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`Configuration: ${(error as Error).message}`);
  process.exit(1);
}
const database = config.databaseUrl ? `PostgreSQL ${describeDatabaseUrl(config.databaseUrl)}` : `SQLite ${config.databasePath}`;
let store: RegistrationStore;
try {
  store = config.databaseUrl ? await PostgresStore.open(config.databaseUrl, { log }) : new SqliteStore(config.databasePath);
} catch (error) {
  console.error(`Database ${database}: ${(error as Error).message}`);
  process.exit(1);
}
const events = loadEvents(config.eventsDir, log);
const limiter = new RateLimiter(config.rateLimit);
const placeLimiter = new PlaceLimiter(config.placeLimit);
/** Wrong admin tokens per minute per client before the export answers 429. */
const tokenGuesses = new RateLimiter(10);
let closing = false;
let apiPort = 0;

const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : outboxTransport(config.outboxDir, config.mailFrom);
const notices = new Notices({ events, publicOrigin: () => publicApiOrigin(config, apiPort) });
const mailer = new MailWorker({ store, transport, compose: (mail) => notices.compose(mail), log, retryMs: config.mailRetry });
/** Erased mails' copies (the outbox's files) go with them. */
const forgetMails = (ids: number[]) => transport.forget(ids);
// Before the endpoint listens: what is past its retention is never served again.
const retention = await startRetention({ store, events, days: config.retentionDays, log, forgetMails });

/** Answers not yet written: at shutdown each gets `Connection: close`, so no client reuses a closing socket. */
const unanswered = new Set<ServerResponse>();

/**
 * One server, hardened: Node checks the header and request timeouts every second (default 30 s),
 * a connection without traffic for `idleTimeout` is closed, at most `maxConnections` are open, and
 * what the parser refuses is answered with the server's own security headers. A request without
 * `Host` is answered by the handler (with those headers) instead of Node's bare 400. The header
 * timeout also closes a connection that never sends a byte.
 */
function hardenedServer(handler: (req: IncomingMessage, res: ServerResponse) => void, headers: OutgoingHttpHeaders): Server {
  const server = createServer({ connectionsCheckingInterval: 1_000, requireHostHeader: false }, (req, res) => {
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
    if (closing) res.setHeader('Connection', 'close');
    handler(req, res);
  });
  server.headersTimeout = config.headersTimeout;
  server.requestTimeout = config.requestTimeout;
  server.keepAliveTimeout = config.keepAliveTimeout;
  server.timeout = config.idleTimeout;
  server.maxConnections = config.maxConnections;
  answerClientErrors(server, headers);
  return server;
}

const cdnDir = resolve('dist/cdn');
const site = hardenedServer(
  createSiteHandler({
    root: resolve('demo'),
    cdnDir,
    events,
    apiPort: () => apiPort,
    apiOriginOverride: config.apiOriginOverride,
    log,
  }),
  SITE_ERROR_HEADERS,
);

function listen(server: Server, port: number, variable: string): Promise<number> {
  return new Promise((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is in use: set ${variable} to another port, or 0 for any free one)` : '';
      console.error(`Cannot listen on ${config.host}:${port}${hint}: ${error.message}`);
      void store.close().finally(() => process.exit(1));
    });
    server.listen(port, config.host, () => done((server.address() as AddressInfo).port));
  });
}

const sitePort = await listen(site, config.port, 'PORT');
const origins = allowedOrigins(config, sitePort);
const api = hardenedServer(
  createApiHandler({
    events,
    store,
    limiter,
    placeLimiter,
    tokenGuesses,
    trustProxy: config.trustProxy,
    allowedOrigins: origins,
    adminToken: config.adminToken,
    bodyLimit: config.bodyLimit,
    log,
    isClosing: () => closing,
    notices,
    mailQueued: () => mailer.wake(),
    forgetMails,
    holdMinutes: config.confirmEmail ? config.holdMinutes : undefined,
    selfService: createSelfService({
      store,
      events,
      notices,
      publicOrigin: () => publicApiOrigin(config, apiPort),
      mailQueued: () => mailer.wake(),
      log,
    }),
  }),
  API_HEADERS,
);
apiPort = await listen(api, config.apiPort, 'API_PORT');

/** Pending registrations past their `confirmBy` expire; the places they held go to the waiting list. */
async function expireHolds(): Promise<void> {
  const expired = await store.expireHolds(new Date(), notices.context());
  if (expired.length === 0) return;
  log(`holds: ${expired.length} pending registration(s) expired`);
  mailer.wake();
}

// At start-up, places that came free while the server was down (expired holds) or were added to an
// event file (a raised capacity) go to the waiting list; then the queue is sent, mails left over
// from before the restart included.
await expireHolds();
for (const id of events.keys()) {
  const promoted = await store.promote(id, notices.context());
  if (promoted.length > 0) log(`waiting list: ${promoted.length} registration(s) for ${id} confirmed`);
}
mailer.start();
/** Expired holds free their places within this long. */
const HOLD_SWEEP = 30_000;
const holdSweep = config.confirmEmail
  ? setInterval(() => {
      expireHolds().catch((error: unknown) => log(`holds: sweep failed: ${(error as Error).message}`));
    }, HOLD_SWEEP)
  : undefined;
holdSweep?.unref();

const shown = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
console.log(`Bijeen demo site: http://${shown}:${sitePort}/`);
console.log(`Bijeen API: http://${shown}:${apiPort}/api/events`);
console.log(
  [
    `  events: ${events.size} from ${config.eventsDir}`,
    `  database: ${database}`,
    `  registrations accepted from: ${[...origins].join(', ')}`,
    `  rate limit: ${config.rateLimit === 0 ? 'off' : `${config.rateLimit} per minute per client${config.trustProxy ? ' (address from X-Forwarded-For)' : ''}`}`,
    `  place limit: ${config.placeLimit === 0 ? 'off' : `${config.placeLimit} places per client per event per hour`}`,
    `  connections: at most ${config.maxConnections} per server; headers within ${config.headersTimeout} ms, requests within ${config.requestTimeout} ms, idle after ${config.idleTimeout} ms, keep-alive ${config.keepAliveTimeout} ms`,
    `  admin routes (exports, access and erasure requests): ${config.adminToken ? 'on (Authorization: Bearer $ADMIN_TOKEN)' : 'off (set ADMIN_TOKEN)'}`,
    `  retention: personal data erased ${config.retentionDays} days after each event ends (checked daily)`,
    `  mail: ${transport.describe}; personal links on ${publicApiOrigin(config, apiPort).origin}${config.apiOriginOverride ? '' : ' (set API_ORIGIN to the address registrants use)'}`,
    `  double opt-in: ${config.confirmEmail ? `on, places held ${config.holdMinutes} minutes` : 'off (CONFIRM_EMAIL=1)'}`,
  ].join('\n'),
);
if (!existsSync(resolve(cdnDir, 'bijeen.iife.js'))) log('warning: dist/cdn/bijeen.iife.js is missing; run `npm run build` first');

/** After the signal, idle keep-alive connections get this long to send one more request (answered 503) before they are closed. */
const SHUTDOWN_GRACE = 1_000;
/** Whatever is still open by then is cut, so the process is gone well within 10 s. */
const SHUTDOWN_DEADLINE = 8_000;

/**
 * Stops listening without touching open connections: `http.Server.close()` would also close
 * every idle keep-alive connection at once, racing a client that is just sending its next request
 * on it (the client sees a reset), and it stops the timeout checks.
 */
function stopListening(server: Server): Promise<void> {
  return new Promise((done) => NetServer.prototype.close.call(server, () => done()));
}

/**
 * SIGTERM / SIGINT: stop accepting connections; requests in flight finish and their answers carry
 * `Connection: close`; a request that arrives on an open keep-alive connection is answered 503 +
 * `Retry-After` (the site serves it, with `Connection: close`); idle connections are closed after
 * `SHUTDOWN_GRACE`, everything still open after `SHUTDOWN_DEADLINE`; then the database is closed
 * and the process exits 0 (after a retention pass in progress, if any). A second signal exits at once.
 */
async function shutdown(signal: string): Promise<void> {
  if (closing) {
    log(`${signal} again: exiting now`);
    process.exit(1);
  }
  closing = true;
  log(`${signal}: finishing requests in flight (new ones get 503), then closing the database`);
  limiter.stop();
  placeLimiter.stop();
  tokenGuesses.stop();
  for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
  const stopped = Promise.all([stopListening(api), stopListening(site)]);
  const grace = setTimeout(() => {
    api.closeIdleConnections();
    site.closeIdleConnections();
  }, SHUTDOWN_GRACE);
  const deadline = setTimeout(() => {
    log(`still open after ${SHUTDOWN_DEADLINE} ms: closing every connection`);
    api.closeAllConnections();
    site.closeAllConnections();
  }, SHUTDOWN_DEADLINE);
  await stopped;
  clearTimeout(grace);
  clearTimeout(deadline);
  await retention.stop();
  clearInterval(holdSweep);
  // A mail being sent may finish; what is left stays queued for the next start.
  await mailer.stop();
  transport.close();
  await store.close();
  log('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
