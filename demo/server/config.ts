/**
 * Configuration of the demo servers, from environment variables only (documented in the README).
 * Ports may be `0` (a free port, as the tests use); origins that depend on a port are therefore
 * computed after listening, by `allowedOrigins()` and `publicApiOrigin()`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Config {
  /** Demo partner site port (`PORT`, default 8080). */
  port: number;
  /** Registration endpoint port (`API_PORT`, default 8081): a different origin on purpose. */
  apiPort: number;
  /** Interface both servers listen on (`HOST`, default 127.0.0.1: not reachable from other machines). */
  host: string;
  /** SQLite file (`DATABASE_PATH`); not used when `databaseUrl` is set. */
  databasePath: string;
  /** PostgreSQL instead of SQLite (`DATABASE_URL`, `postgres://user:password@host:port/database`). */
  databaseUrl: string | undefined;
  /** Folder with one `*.json` per event (`EVENTS_DIR`). */
  eventsDir: string;
  /** Origins allowed to post registrations (`ALLOWED_ORIGINS`); `undefined`: the demo site's own. */
  allowedOrigins: string[] | undefined;
  /** Bearer token for the CSV export (`ADMIN_TOKEN`); `undefined` disables the export. */
  adminToken: string | undefined;
  /** Registrations per minute per client address (`RATE_LIMIT`, default 30; 0 = no limit). */
  rateLimit: number;
  /**
   * Behind a reverse proxy (`TRUST_PROXY=1`): the client address is the last `X-Forwarded-For`
   * entry (the one the proxy added), not the proxy's own. Off by default: anyone can send the header.
   */
  trustProxy: boolean;
  /** Public origin of the API as the demo pages should name it (`API_ORIGIN`); default derived per request. */
  apiOriginOverride: string | undefined;
  /** Largest accepted request body in bytes (`BODY_LIMIT`, default 32 KiB). */
  bodyLimit: number;
  /**
   * Places (attendee and companions) per client address per event in any hour (`PLACE_LIMIT`,
   * default 20; 0 = no limit). Twenty lets an office behind one address register a whole team,
   * yet no single address can take most of a typical event (25–120 places).
   */
  placeLimit: number;
  /** Milliseconds a client has to send the request headers (`HEADERS_TIMEOUT_MS`, default 8000). */
  headersTimeout: number;
  /** Milliseconds a client has to send the whole request, body included (`REQUEST_TIMEOUT_MS`, default 30000). */
  requestTimeout: number;
  /** Milliseconds an idle keep-alive connection stays open (`KEEP_ALIVE_TIMEOUT_MS`, default 5000). */
  keepAliveTimeout: number;
  /** Milliseconds without any traffic after which a connection is closed (`IDLE_TIMEOUT_MS`, default 10000). */
  idleTimeout: number;
  /** Open connections per server (`MAX_CONNECTIONS`, default `defaultMaxConnections()`); more are closed at once. */
  maxConnections: number;
  /** Days after an event's end that its registrations' personal data is kept (`RETENTION_DAYS`, default 30). */
  retentionDays: number;
  /** Outgoing mail server (`SMTP_URL`, e.g. `smtp://user:pass@host:587`); `undefined`: mails go to `outboxDir`. */
  smtpUrl: string | undefined;
  /** Sender of every mail (`MAIL_FROM`, `Name <address>` or an address); required with `SMTP_URL`. */
  mailFrom: string;
  /** Folder for mails as `.eml` files when there is no `SMTP_URL` (`OUTBOX_DIR`, default `demo/data/outbox`). */
  outboxDir: string;
  /** First retry delay of a mail that failed, in ms (`MAIL_RETRY_MS`, default 10000); it doubles per attempt up to 15 minutes. */
  mailRetry: number;
  /** Double opt-in (`CONFIRM_EMAIL=1`): registrations are `pending` until the registrant confirms through the mail's link. */
  confirmEmail: boolean;
  /** Minutes a pending registration holds its places (`HOLD_MINUTES`, default 30). */
  holdMinutes: number;
}

/** Shortest `ADMIN_TOKEN`: 32 characters, e.g. `openssl rand -hex 16`. */
export const MIN_TOKEN_LENGTH = 32;
/** Fewest places `PLACE_LIMIT` may allow: one registration with the most companions any event allows. */
const MIN_PLACE_LIMIT = 11;
/** Longest `RETENTION_DAYS`: ten years. Personal data kept longer than that has no purpose here. */
const MAX_RETENTION_DAYS = 3650;

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number >= 0, got "${raw}"`);
  return value;
}

/**
 * 1000 connections per server, or fewer when the process may open fewer files (Linux tells in
 * `/proc/self/limits`): both servers together stay 100 files under the limit, which leaves room
 * for the database and the files the site serves. Running out of files fails every request.
 */
export function defaultMaxConnections(limits = '/proc/self/limits'): number {
  let openFiles = Infinity;
  try {
    openFiles = Number(/^Max open files\s+(\d+)/m.exec(readFileSync(limits, 'utf8'))?.[1] ?? Infinity);
  } catch {
    // Not Linux: no limit to read.
  }
  return Math.max(10, Math.min(1_000, Math.floor((openFiles - 100) / 2)));
}

/** A whole number > 0: a timeout or a cap that cannot be switched off. */
function positive(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = integer(name, fallback, env);
  if (value === 0) throw new Error(`${name} must be greater than 0`);
  return value;
}

function flag(name: string, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name]?.trim() ?? '';
  if (!/^(|0|1|true|false)$/.test(raw)) throw new Error(`${name} must be 1 or 0, got "${raw}"`);
  return raw === '1' || raw === 'true';
}

/** `raw` as a URL, or an error with `message` (which must not repeat a value that may hold a password). */
function parseUrl(raw: string, message: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new Error(message);
  }
}

/** A `postgres://` URL; the error never repeats the value, which may hold a password. */
function postgresUrl(raw: string): string {
  const url = parseUrl(raw, 'DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  return raw;
}

/** An http(s) origin from the variable `name`; errors name the variable. */
function origin(name: string, raw: string): string {
  const url = parseUrl(raw, `${name}: "${raw}" is not an origin such as https://www.example.org`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name}: "${raw}" must be http(s)`);
  return url.origin;
}

/** What `MAIL_FROM` may be: an address, or a name and an address in angle brackets; one line. */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;
/** The sender when there is no `SMTP_URL` and no `MAIL_FROM`: the outbox files need one. */
const OUTBOX_FROM = 'Bijeen <bijeen@example.org>';

/** `SMTP_URL`, checked; errors never repeat the value (it holds a password). */
function smtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = parseUrl(raw, 'SMTP_URL is not a URL; write it as smtp://user:password@host:587 (or smtps://… for port 465)');
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:password@host:587');
  }
  if (!url.hostname) throw new Error('SMTP_URL names no host; write it as smtp://user:password@host:587');
  return raw;
}

function mailFrom(raw: string | undefined, smtp: string | undefined): string {
  if (!raw) {
    if (smtp) throw new Error('MAIL_FROM is required with SMTP_URL, e.g. MAIL_FROM="Kennisnetwerk Wonen <aanmelden@example.org>"');
    return OUTBOX_FROM;
  }
  if (!MAIL_FROM.test(raw)) {
    throw new Error(`MAIL_FROM must be an address or "Name <address>" on one line, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const list = env.ALLOWED_ORIGINS?.trim();
  const token = env.ADMIN_TOKEN?.trim();
  const apiOrigin = env.API_ORIGIN?.trim();
  const databaseUrl = env.DATABASE_URL?.trim();
  if (token && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters, got ${token.length}; generate one with: openssl rand -hex 32`,
    );
  }
  const placeLimit = integer('PLACE_LIMIT', 20, env);
  if (placeLimit > 0 && placeLimit < MIN_PLACE_LIMIT) {
    throw new Error(`PLACE_LIMIT must be 0 (off) or at least ${MIN_PLACE_LIMIT} (one registration with 10 companions), got ${placeLimit}`);
  }
  const retentionDays = integer('RETENTION_DAYS', 30, env);
  if (retentionDays > MAX_RETENTION_DAYS) {
    throw new Error(
      `RETENTION_DAYS must be at most ${MAX_RETENTION_DAYS} (ten years), got ${retentionDays}; registrations are erased that many days after their event ends`,
    );
  }
  const headersTimeout = positive('HEADERS_TIMEOUT_MS', 8_000, env);
  const requestTimeout = positive('REQUEST_TIMEOUT_MS', 30_000, env);
  const smtp = smtpUrl(env.SMTP_URL?.trim());
  if (headersTimeout > requestTimeout) {
    throw new Error(`HEADERS_TIMEOUT_MS (${headersTimeout}) must not be greater than REQUEST_TIMEOUT_MS (${requestTimeout})`);
  }
  return {
    port: integer('PORT', 8080, env),
    apiPort: integer('API_PORT', 8081, env),
    host: env.HOST?.trim() || '127.0.0.1',
    databasePath: resolve(env.DATABASE_PATH?.trim() || 'demo/data/bijeen.sqlite'),
    databaseUrl: databaseUrl ? postgresUrl(databaseUrl) : undefined,
    eventsDir: resolve(env.EVENTS_DIR?.trim() || 'demo/events'),
    allowedOrigins: list
      ? list
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
          .map((entry) => origin('ALLOWED_ORIGINS', entry))
      : undefined,
    adminToken: token || undefined,
    rateLimit: integer('RATE_LIMIT', 30, env),
    trustProxy: flag('TRUST_PROXY', env),
    apiOriginOverride: apiOrigin ? origin('API_ORIGIN', apiOrigin) : undefined,
    bodyLimit: integer('BODY_LIMIT', 32 * 1024, env),
    placeLimit,
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: positive('KEEP_ALIVE_TIMEOUT_MS', 5_000, env),
    idleTimeout: positive('IDLE_TIMEOUT_MS', 10_000, env),
    maxConnections: positive('MAX_CONNECTIONS', defaultMaxConnections(), env),
    retentionDays,
    smtpUrl: smtp,
    mailFrom: mailFrom(env.MAIL_FROM?.trim(), smtp),
    outboxDir: resolve(env.OUTBOX_DIR?.trim() || 'demo/data/outbox'),
    mailRetry: positive('MAIL_RETRY_MS', 10_000, env),
    confirmEmail: flag('CONFIRM_EMAIL', env),
    holdMinutes: positive('HOLD_MINUTES', 30, env),
  };
}

/** The configured origins, or the demo site's own (`localhost` and `127.0.0.1`) on its real port. */
export function allowedOrigins(config: Config, sitePort: number): Set<string> {
  return new Set(config.allowedOrigins ?? [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`]);
}

/**
 * The endpoint's public origin, for what leaves the server (the links in mails, calendar UIDs):
 * `API_ORIGIN`, else this machine's name for the host and port it listens on (`localhost` for
 * loopback and every-interface addresses).
 */
export function publicApiOrigin(config: Config, apiPort: number): URL {
  if (config.apiOriginOverride) return new URL(config.apiOriginOverride);
  const local = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(config.host);
  const host = local ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return new URL(`http://${host}:${apiPort}`);
}
