// The servers' configuration from environment variables (demo/server/config.ts): defaults, the
// checks that stop a start with a message naming the variable, and the allowed origins.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { tempDir } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';

const { allowedOrigins, defaultMaxConnections, loadConfig, MIN_TOKEN_LENGTH, publicApiOrigin } = await tsImport(
  '../../../demo/server/config.ts',
  import.meta.url,
);

/** The message `loadConfig(env)` stops with. */
function refusal(env) {
  try {
    loadConfig(env);
  } catch (error) {
    return error.message;
  }
  assert.fail(`loadConfig(${JSON.stringify(env)}) accepted it`);
}

describe('loadConfig', () => {
  test('without variables: the documented defaults', () => {
    assert.deepEqual(loadConfig({}), {
      port: 8080,
      apiPort: 8081,
      host: '127.0.0.1',
      databasePath: resolve('demo/data/bijeen.sqlite'),
      eventsDir: resolve('demo/events'),
      allowedOrigins: undefined,
      adminToken: undefined,
      rateLimit: 30,
      trustProxy: false,
      apiOriginOverride: undefined,
      bodyLimit: 32 * 1024,
      placeLimit: 20,
      headersTimeout: 8_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      idleTimeout: 10_000,
      maxConnections: defaultMaxConnections(),
      retentionDays: 30,
      databaseUrl: undefined,
      smtpUrl: undefined,
      mailFrom: 'Bijeen <bijeen@example.org>',
      outboxDir: resolve('demo/data/outbox'),
      mailRetry: 10_000,
      confirmEmail: false,
      holdMinutes: 30,
    });
  });

  test('every variable read, trimmed; empty ones count as unset', () => {
    const token = 'a'.repeat(MIN_TOKEN_LENGTH);
    const config = loadConfig({
      PORT: ' 0 ',
      API_PORT: '9091',
      HOST: ' 0.0.0.0 ',
      DATABASE_PATH: ' /tmp/bijeen/test.sqlite ',
      EVENTS_DIR: ' test/events ',
      ALLOWED_ORIGINS: ' https://www.example.org , https://partner.example.org/pad ,, ',
      ADMIN_TOKEN: ` ${token} `,
      RATE_LIMIT: '0',
      TRUST_PROXY: 'true',
      API_ORIGIN: 'https://api.example.org/',
      BODY_LIMIT: '1024',
      PLACE_LIMIT: '0',
      HEADERS_TIMEOUT_MS: '1000',
      REQUEST_TIMEOUT_MS: '1000',
      KEEP_ALIVE_TIMEOUT_MS: '1',
      IDLE_TIMEOUT_MS: '2',
      MAX_CONNECTIONS: '3',
      RETENTION_DAYS: '0',
      DATABASE_URL: ' postgres://bijeen@db.example.org/bijeen ',
      SMTP_URL: ' smtp://bijeen:geheim@mail.example.org:587 ',
      MAIL_FROM: ' Kennisnetwerk <aanmelden@example.org> ',
      OUTBOX_DIR: ' /tmp/bijeen/outbox ',
      MAIL_RETRY_MS: '5',
      CONFIRM_EMAIL: '1',
      HOLD_MINUTES: '15',
    });
    assert.deepEqual(config, {
      port: 0,
      apiPort: 9091,
      host: '0.0.0.0',
      databasePath: '/tmp/bijeen/test.sqlite',
      eventsDir: resolve('test/events'),
      allowedOrigins: ['https://www.example.org', 'https://partner.example.org'],
      adminToken: token,
      rateLimit: 0,
      trustProxy: true,
      apiOriginOverride: 'https://api.example.org',
      bodyLimit: 1024,
      placeLimit: 0,
      headersTimeout: 1000,
      requestTimeout: 1000,
      keepAliveTimeout: 1,
      idleTimeout: 2,
      maxConnections: 3,
      retentionDays: 0,
      databaseUrl: 'postgres://bijeen@db.example.org/bijeen',
      smtpUrl: 'smtp://bijeen:geheim@mail.example.org:587',
      mailFrom: 'Kennisnetwerk <aanmelden@example.org>',
      outboxDir: '/tmp/bijeen/outbox',
      mailRetry: 5,
      confirmEmail: true,
      holdMinutes: 15,
    });
    const blank = loadConfig({ HOST: ' ', DATABASE_PATH: ' ', EVENTS_DIR: '', ALLOWED_ORIGINS: ' ', ADMIN_TOKEN: ' ', API_ORIGIN: ' ', PORT: ' ' });
    assert.deepEqual(
      [blank.host, blank.databasePath, blank.eventsDir, blank.allowedOrigins, blank.adminToken, blank.apiOriginOverride, blank.port],
      ['127.0.0.1', resolve('demo/data/bijeen.sqlite'), resolve('demo/events'), undefined, undefined, undefined, 8080],
    );
  });

  test('numbers must be whole and not negative', () => {
    assert.equal(refusal({ PORT: '80.5' }), 'PORT must be a whole number >= 0, got "80.5"');
    assert.equal(refusal({ RATE_LIMIT: '-1' }), 'RATE_LIMIT must be a whole number >= 0, got "-1"');
    assert.equal(refusal({ BODY_LIMIT: 'veel' }), 'BODY_LIMIT must be a whole number >= 0, got "veel"');
  });

  test('timeouts and the connection cap cannot be 0', () => {
    for (const name of ['HEADERS_TIMEOUT_MS', 'REQUEST_TIMEOUT_MS', 'KEEP_ALIVE_TIMEOUT_MS', 'IDLE_TIMEOUT_MS', 'MAX_CONNECTIONS']) {
      assert.equal(refusal({ [name]: '0' }), `${name} must be greater than 0`);
    }
  });

  test('the header timeout may equal the request timeout, not exceed it', () => {
    assert.equal(loadConfig({ HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '5000' }).headersTimeout, 5000);
    assert.equal(
      refusal({ HEADERS_TIMEOUT_MS: '5001', REQUEST_TIMEOUT_MS: '5000' }),
      'HEADERS_TIMEOUT_MS (5001) must not be greater than REQUEST_TIMEOUT_MS (5000)',
    );
    assert.match(refusal({ HEADERS_TIMEOUT_MS: '30001' }), /\(30001\) must not be greater than REQUEST_TIMEOUT_MS \(30000\)/);
  });

  test('TRUST_PROXY is 1, true, 0, false or empty', () => {
    for (const [raw, value] of [['1', true], ['true', true], [' 1 ', true], ['0', false], ['false', false], ['', false]]) {
      assert.equal(loadConfig({ TRUST_PROXY: raw }).trustProxy, value, raw);
    }
    assert.equal(refusal({ TRUST_PROXY: 'yes' }), 'TRUST_PROXY must be 1 or 0, got "yes"');
    assert.equal(refusal({ TRUST_PROXY: '10' }), 'TRUST_PROXY must be 1 or 0, got "10"');
    assert.equal(refusal({ TRUST_PROXY: 'xtrue' }), 'TRUST_PROXY must be 1 or 0, got "xtrue"');
  });

  test('ADMIN_TOKEN has at least 32 characters', () => {
    assert.equal(MIN_TOKEN_LENGTH, 32);
    assert.equal(loadConfig({ ADMIN_TOKEN: 'b'.repeat(32) }).adminToken, 'b'.repeat(32));
    assert.equal(
      refusal({ ADMIN_TOKEN: 'b'.repeat(31) }),
      'ADMIN_TOKEN must be at least 32 characters, got 31; generate one with: openssl rand -hex 32',
    );
  });

  test('PLACE_LIMIT is 0 (off) or room for one registration with 10 companions', () => {
    assert.equal(loadConfig({ PLACE_LIMIT: '11' }).placeLimit, 11);
    assert.equal(loadConfig({ PLACE_LIMIT: '0' }).placeLimit, 0);
    assert.equal(
      refusal({ PLACE_LIMIT: '10' }),
      'PLACE_LIMIT must be 0 (off) or at least 11 (one registration with 10 companions), got 10',
    );
    assert.match(refusal({ PLACE_LIMIT: '1' }), /got 1$/);
  });

  test('RETENTION_DAYS is at most ten years', () => {
    assert.equal(loadConfig({ RETENTION_DAYS: '3650' }).retentionDays, 3650);
    assert.equal(
      refusal({ RETENTION_DAYS: '3651' }),
      'RETENTION_DAYS must be at most 3650 (ten years), got 3651; registrations are erased that many days after their event ends',
    );
  });

  test('origins must be http(s) URLs; the error names the variable', () => {
    assert.equal(loadConfig({ API_ORIGIN: 'http://localhost:8081/api' }).apiOriginOverride, 'http://localhost:8081');
    assert.equal(refusal({ API_ORIGIN: 'api.example.org' }), 'API_ORIGIN: "api.example.org" is not an origin such as https://www.example.org');
    assert.equal(refusal({ API_ORIGIN: 'ftp://api.example.org' }), 'API_ORIGIN: "ftp://api.example.org" must be http(s)');
    assert.equal(
      refusal({ ALLOWED_ORIGINS: 'https://www.example.org, javascript:alert(1)' }),
      'ALLOWED_ORIGINS: "javascript:alert(1)" must be http(s)',
    );
  });
});

describe('defaultMaxConnections', () => {
  const temps = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.cleanup();
  });

  /** A `/proc/self/limits` of its own, with `openFiles` as the soft limit. */
  function limits(openFiles) {
    const temp = tempDir('bijeen-limits-');
    temps.push(temp);
    const file = join(temp.dir, 'limits');
    writeFileSync(
      file,
      [
        'Limit                     Soft Limit           Hard Limit           Units     ',
        'Max processes             63304                63304                processes ',
        `Max open files            ${openFiles}                 524288               files     `,
        'Max locked memory         8388608              8388608              bytes     ',
      ].join('\n'),
    );
    return file;
  }

  test('half of what the open-file limit leaves after 100, between 10 and 1000', () => {
    assert.equal(defaultMaxConnections(limits(1024)), 462);
    assert.equal(defaultMaxConnections(limits(2099)), 999);
    assert.equal(defaultMaxConnections(limits(2100)), 1000);
    assert.equal(defaultMaxConnections(limits(65536)), 1000);
    assert.equal(defaultMaxConnections(limits(121)), 10);
    assert.equal(defaultMaxConnections(limits(50)), 10);
  });

  test('1000 where no limit can be read', () => {
    const temp = tempDir('bijeen-limits-');
    temps.push(temp);
    assert.equal(defaultMaxConnections(join(temp.dir, 'missing')), 1000);
    const file = join(temp.dir, 'other');
    writeFileSync(file, 'Max processes 100\n');
    assert.equal(defaultMaxConnections(file), 1000);
  });
});

describe('allowedOrigins', () => {
  test('the configured origins, else the demo site on localhost and 127.0.0.1 at its port', () => {
    const config = loadConfig({});
    assert.deepEqual([...allowedOrigins(config, 8123)], ['http://localhost:8123', 'http://127.0.0.1:8123']);
    const partner = loadConfig({ ALLOWED_ORIGINS: 'https://www.example.org' });
    assert.deepEqual([...allowedOrigins(partner, 8123)], ['https://www.example.org']);
  });
});

describe('mail and database settings', () => {
  test('DATABASE_URL is a postgres:// or postgresql:// URL; a refusal never repeats it (it may hold a password)', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://bijeen:geheim@db.example.org/bijeen' }).databaseUrl, 'postgresql://bijeen:geheim@db.example.org/bijeen');
    assert.equal(refusal({ DATABASE_URL: 'geheim-geen-url' }), 'DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
    assert.equal(refusal({ DATABASE_URL: 'mysql://bijeen:geheim@db.example.org/bijeen' }), 'DATABASE_URL must start with postgres:// or postgresql://, got mysql://');
  });

  test('SMTP_URL is an smtp:// or smtps:// URL with a host, and needs MAIL_FROM', () => {
    const from = 'Kennisnetwerk Wonen <aanmelden@example.org>';
    assert.equal(loadConfig({ SMTP_URL: 'smtps://mail.example.org:465', MAIL_FROM: from }).smtpUrl, 'smtps://mail.example.org:465');
    assert.equal(refusal({ SMTP_URL: 'mail.example.org', MAIL_FROM: from }), 'SMTP_URL is not a URL; write it as smtp://user:password@host:587 (or smtps://… for port 465)');
    assert.equal(refusal({ SMTP_URL: 'https://mail.example.org', MAIL_FROM: from }), 'SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:password@host:587');
    assert.equal(refusal({ SMTP_URL: 'smtp://', MAIL_FROM: from }), 'SMTP_URL names no host; write it as smtp://user:password@host:587');
    assert.equal(
      refusal({ SMTP_URL: 'smtp://mail.example.org:587' }),
      'MAIL_FROM is required with SMTP_URL, e.g. MAIL_FROM="Kennisnetwerk Wonen <aanmelden@example.org>"',
    );
  });

  test('MAIL_FROM is an address or "Name <address>" on one line', () => {
    assert.equal(loadConfig({ MAIL_FROM: 'aanmelden@example.org' }).mailFrom, 'aanmelden@example.org');
    for (const bad of ['Kennisnetwerk Wonen', 'a@b', 'Naam <aanmelden@example.org>\nBcc: x@example.org']) {
      assert.equal(refusal({ MAIL_FROM: bad }), `MAIL_FROM must be an address or "Name <address>" on one line, got ${JSON.stringify(bad)}`);
    }
  });
});

describe('publicApiOrigin', () => {
  test('API_ORIGIN when set; else localhost for loopback and every-interface hosts, another host as it is (IPv6 in brackets)', () => {
    assert.equal(publicApiOrigin(loadConfig({ API_ORIGIN: 'https://api.example.org' }), 8081).href, 'https://api.example.org/');
    for (const host of ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost']) {
      assert.equal(publicApiOrigin(loadConfig({ HOST: host }), 8081).href, 'http://localhost:8081/', host);
    }
    assert.equal(publicApiOrigin(loadConfig({ HOST: '192.0.2.7' }), 9000).href, 'http://192.0.2.7:9000/');
    assert.equal(publicApiOrigin(loadConfig({ HOST: '2001:db8::7' }), 9000).href, 'http://[2001:db8::7]:9000/');
  });
});
