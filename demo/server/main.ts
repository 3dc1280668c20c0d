/**
 * `npm start` (after the build): the demo partner site on `PORT` and the reference registration
 * endpoint on `API_PORT`, two origins in one process. Configuration: see `config.ts` and the README.
 *
 *   node --import tsx demo/server/main.ts
 *
 * Prints one line per server (`Bijeen demo site: <url>`, `Bijeen API: <url>`); the tests read the
 * ports from those lines when they start it on port 0. SIGTERM / SIGINT: stop accepting, let the
 * requests in flight finish, close the database, exit 0.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApiHandler } from './api.js';
import { allowedOrigins, loadConfig, type Config } from './config.js';
import { loadEvents } from './events.js';
import { RateLimiter } from './rate-limit.js';
import { createSiteHandler } from './site.js';
import { RegistrationStore } from './store.js';

const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`Configuration: ${(error as Error).message}`);
  process.exit(1);
}
const store = new RegistrationStore(config.databasePath);
const events = loadEvents(config.eventsDir, log);
const limiter = new RateLimiter(config.rateLimit);
let closing = false;
let apiPort = 0;

const cdnDir = resolve('dist/cdn');
const site = createServer(
  createSiteHandler({
    root: resolve('demo'),
    cdnDir,
    events,
    apiPort: () => apiPort,
    apiOriginOverride: config.apiOriginOverride,
    log,
  }),
);

function listen(server: Server, port: number, variable: string): Promise<number> {
  return new Promise((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is in use: set ${variable} to another port, or 0 for any free one)` : '';
      console.error(`Cannot listen on ${config.host}:${port}${hint}: ${error.message}`);
      store.close();
      process.exit(1);
    });
    server.listen(port, config.host, () => done((server.address() as AddressInfo).port));
  });
}

// Slow or stuck clients must not hold a connection (and a shutdown) for long.
function harden(server: Server): Server {
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}

const sitePort = await listen(harden(site), config.port, 'PORT');
const origins = allowedOrigins(config, sitePort);
const api = harden(
  createServer(
    createApiHandler({
      events,
      store,
      limiter,
      trustProxy: config.trustProxy,
      allowedOrigins: origins,
      adminToken: config.adminToken,
      bodyLimit: config.bodyLimit,
      log,
      isClosing: () => closing,
    }),
  ),
);
apiPort = await listen(api, config.apiPort, 'API_PORT');

const shown = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
console.log(`Bijeen demo site: http://${shown}:${sitePort}/`);
console.log(`Bijeen API: http://${shown}:${apiPort}/api/events`);
console.log(
  [
    `  events: ${events.size} from ${config.eventsDir}`,
    `  database: ${config.databasePath}`,
    `  registrations accepted from: ${[...origins].join(', ')}`,
    `  rate limit: ${config.rateLimit === 0 ? 'off' : `${config.rateLimit} per minute per client${config.trustProxy ? ' (address from X-Forwarded-For)' : ''}`}`,
    `  CSV export: ${config.adminToken ? 'on (Authorization: Bearer $ADMIN_TOKEN)' : 'off (set ADMIN_TOKEN)'}`,
  ].join('\n'),
);
if (!existsSync(resolve(cdnDir, 'bijeen.iife.js'))) log('warning: dist/cdn/bijeen.iife.js is missing; run `npm run build` first');

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

async function shutdown(signal: string): Promise<void> {
  if (closing) {
    log(`${signal} again: exiting now`);
    process.exit(1);
  }
  closing = true;
  log(`${signal}: finishing requests in flight, then closing the database`);
  limiter.stop();
  const closed = Promise.all([closeServer(api), closeServer(site)]);
  api.closeIdleConnections();
  site.closeIdleConnections();
  const force = setTimeout(() => {
    api.closeAllConnections();
    site.closeAllConnections();
  }, 5_000);
  force.unref();
  await closed;
  clearTimeout(force);
  store.close();
  log('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
