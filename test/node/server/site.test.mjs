// The demo partner site's handler (demo/server/site.ts) in this process, over a folder of its own:
// which files it serves and how, the placeholders it fills in, the plain agenda, and its errors.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { connect } from 'node:net';
import { tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { request } from './support/endpoint.mjs';

const { agendaHtml, contentSecurityPolicy, createSiteHandler, SITE_ERROR_HEADERS, TRUSTED_TYPES_POLICIES } = await tsImport(
  '../../../demo/server/site.ts',
  import.meta.url,
);
const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);
const { eventListMessages } = await tsImport('../../../src/text.ts', import.meta.url);
const { sri } = await import('../../../scripts/sri.mjs');

const API_PORT = 8181;
const CDN_FILE = 'window.bijeen = true;\n';

const opened = [];
afterEach(async () => {
  for (const { server, temp } of opened.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    temp.cleanup();
  }
});

/** 10:00 UTC, `days` days from today: a morning in Amsterdam, so an event never runs past midnight there. */
const morning = (days, hours = 0) => {
  const day = 24 * 3_600_000;
  return new Date((Math.floor(Date.now() / day) + days) * day + (10 + hours) * 3_600_000).toISOString();
};

const event = (id, days, extra = {}) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start: morning(days),
  end: morning(days, 2),
  location: { name: 'Area Wonen', city: 'Uden' },
  ...extra,
});

/**
 * A site over its own folder: `index.html` and `agenda.html` with both placeholders twice, an
 * asset of each kind, the CDN file, and files it must never serve. Options: `events` (files),
 * `apiOriginOverride`, `log`, `apiPort`, `cdn: false` (not built).
 */
async function startSite({ events = {}, apiOriginOverride, log = () => {}, apiPort = () => API_PORT, cdn = true } = {}) {
  const temp = tempDir('bijeen-site-');
  const root = join(temp.dir, 'demo');
  const cdnDir = join(temp.dir, 'dist', 'cdn');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'server'), { recursive: true });
  mkdirSync(join(root, 'map.html'), { recursive: true });
  mkdirSync(cdnDir, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<p>{{API}} en {{API}}</p>\n{{AGENDA}}\n{{AGENDA}}');
  writeFileSync(join(root, 'agenda-2.html'), '<h1>Agenda</h1>');
  writeFileSync(join(root, 'assets', 'site.css'), 'body { margin: 0; }');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(root, 'server', 'main.ts'), 'geheim');
  writeFileSync(join(temp.dir, 'demo-secret.html'), 'geheim');
  if (cdn) writeFileSync(join(cdnDir, 'bijeen.iife.js'), CDN_FILE);
  const loaded = loadEvents(writeEvents(join(temp.dir, 'events'), events), () => {});
  const handler = createSiteHandler({ root, cdnDir, events: loaded, apiPort, apiOriginOverride, log });
  const server = createServer(handler);
  opened.push({ server, temp });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { api: `http://127.0.0.1:${server.address().port}`, root };
}

/** An HTTP/1.0 request without a Host header; resolves with the whole answer once the site closes the connection. */
function withoutHost(site, path) {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(site.api).port), '127.0.0.1');
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // Not half-closed: the site answers before it sees the end of the connection.
    socket.write(`GET ${path} HTTP/1.0\r\n\r\n`);
  });
}

describe('site: what it serves', () => {
  test('pages with the strict CSP naming the endpoint, no-cache, the placeholders filled in everywhere', async () => {
    const site = await startSite();
    const { status, headers, text } = await request(site, { path: '/', headers: { Host: 'localhost:8180' } });
    assert.equal(status, 200);
    assert.equal(headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(headers['cache-control'], 'no-cache');
    assert.equal(headers['content-length'], String(Buffer.byteLength(text)));
    assert.equal(headers['content-security-policy'], contentSecurityPolicy(`http://localhost:${API_PORT}`));
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(headers['access-control-allow-origin'], undefined);
    assert.ok(text.startsWith(`<p>http://localhost:${API_PORT} en http://localhost:${API_PORT}</p>\n<bijeen-event-list`), text);
    assert.equal(text.split('<bijeen-event-list ').length, 3, 'both agendas');
    assert.doesNotMatch(text, /\{\{/);
  });

  test('a page by its name, with or without .html; HEAD has no body', async () => {
    const site = await startSite();
    for (const path of ['/agenda-2', '/agenda-2.html']) {
      const { status, text } = await request(site, { path });
      assert.equal(status, 200, path);
      assert.equal(text, '<h1>Agenda</h1>');
    }
    const head = await request(site, { method: 'HEAD', path: '/agenda-2' });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });

  test('assets by their type; a type it does not know as bytes', async () => {
    const site = await startSite();
    const types = {
      '/assets/site.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/data.bin': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const { status, headers } = await request(site, { path });
      assert.equal(status, 200, path);
      assert.equal(headers['content-type'], type, path);
      assert.equal(headers['access-control-allow-origin'], undefined);
    }
    assert.equal((await request(site, { path: '/assets/site.css' })).text, 'body { margin: 0; }');
  });

  test('CDN files for any site: with Access-Control-Allow-Origin *', async () => {
    const site = await startSite();
    const { status, headers, text } = await request(site, { path: '/cdn/bijeen.iife.js' });
    assert.equal(status, 200);
    assert.equal(text, CDN_FILE);
    assert.equal(headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(headers['access-control-allow-origin'], '*');
  });

  test('nothing else: other folders, escapes from the mounts, odd names and bytes are 404', async () => {
    const site = await startSite();
    for (const path of [
      '/server/main.ts',
      '/assets/../server/main.ts',
      '/assets/%2e%2e/server/main.ts',
      '/assets/..%2fserver%2fmain.ts',
      '/cdn/../../demo-secret.html',
      '/cdn/%2e%2e/%2e%2e/demo-secret.html',
      '/assets',
      '/cdn/',
      '/assets/site.css%00',
      '/assets/%5c..%5cserver%5cmain.ts',
      '/%E0%A4%A',
      '/Agenda-2',
      '/nested/agenda-2',
      '/agenda-2.htm',
      '/map',
      '/bestaat-niet',
      '/assets/bestaat-niet.css',
    ]) {
      const { status, headers, text } = await request(site, { path });
      assert.equal(status, 404, path);
      assert.equal(headers['content-type'], 'text/html; charset=utf-8');
      assert.match(text, /<title>Niet gevonden<\/title>.*<a href="\/">Naar de homepage<\/a>/);
    }
  });

  test('only GET and HEAD: 405 with Allow', async () => {
    const site = await startSite();
    const { status, headers, text } = await request(site, { method: 'POST', path: '/' });
    assert.equal(status, 405);
    assert.equal(headers.allow, 'GET, HEAD');
    assert.equal(headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(text, 'Methode niet toegestaan');
    assert.match(headers['content-security-policy'], /connect-src http:\/\/127\.0\.0\.1:8181;/);
  });

  test('a target it cannot read: 400 with the error headers', async () => {
    const site = await startSite();
    const { status, headers, text } = await request(site, { path: '*' });
    assert.equal(status, 400);
    assert.equal(text, 'Dit adres kan de server niet lezen.');
    assert.equal(headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(headers['content-security-policy'], SITE_ERROR_HEADERS['Content-Security-Policy']);
  });
});

describe('site: the endpoint’s origin', () => {
  test('the loopback name the visitor used, else localhost, on the endpoint’s port; API_ORIGIN wins', async () => {
    const site = await startSite();
    const origin = async (host) => {
      const { headers } = await request(site, { path: '/agenda-2', headers: host === undefined ? {} : { Host: host } });
      return /connect-src (\S+);/.exec(headers['content-security-policy'])[1];
    };
    assert.equal(await origin('127.0.0.1:8180'), `http://127.0.0.1:${API_PORT}`);
    assert.equal(await origin('LOCALHOST'), `http://localhost:${API_PORT}`);
    assert.equal(await origin('[::1]:8180'), `http://[::1]:${API_PORT}`);
    assert.equal(await origin('evil.example:8180'), `http://localhost:${API_PORT}`);
    assert.equal(await origin('127.0.0.1:8180:80'), `http://localhost:${API_PORT}`);
    const text = await withoutHost(site, '/agenda-2');
    assert.match(text, new RegExp(`connect-src http://localhost:${API_PORT};`), 'no Host at all');
    const public_ = await startSite({ apiOriginOverride: 'https://api.example.org' });
    const { headers } = await request(public_, { path: '/agenda-2', headers: { Host: '127.0.0.1' } });
    assert.match(headers['content-security-policy'], /connect-src https:\/\/api\.example\.org; form-action 'self' https:\/\/api\.example\.org;/);
  });

  test('the policy: no inline script or style, Trusted Types for Lit and the card', () => {
    assert.equal(TRUSTED_TYPES_POLICIES, 'lit-html bijeen');
    assert.equal(
      contentSecurityPolicy('https://api.example.org'),
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src https://api.example.org; " +
        "form-action 'self' https://api.example.org; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "require-trusted-types-for 'script'; trusted-types lit-html bijeen",
    );
  });
});

describe('site: the snippet builder', () => {
  test('/snippet and /en/snippet, with the CDN file’s integrity; a note while it is not built', async () => {
    const site = await startSite({ events: { komend: event('komend', 5) } });
    const dutch = await request(site, { path: '/snippet' });
    assert.equal(dutch.status, 200);
    assert.equal(dutch.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(dutch.text, /<html lang="nl">/);
    assert.ok(dutch.text.includes(`integrity="${sri(Buffer.from(CDN_FILE))}"`));
    assert.match((await request(site, { path: '/en/snippet' })).text, /<html lang="en">/);
    const unbuilt = await startSite({ events: { komend: event('komend', 5) }, cdn: false });
    const page = await request(unbuilt, { path: '/snippet' });
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /integrity=/);
  });
});

describe('agendaHtml', () => {
  const loaded = (events) => {
    const temp = tempDir('bijeen-agenda-');
    opened.push({ server: { closeAllConnections() {}, close: (done) => done() }, temp });
    return loadEvents(writeEvents(join(temp.dir, 'events'), events), () => {}).values();
  };

  test('one <bijeen-event-list> with the feed, the upcoming events and then the past ones in plain HTML', () => {
    const html = agendaHtml(
      loaded({
        a: event('later', 10, { url: 'https://example.org/later?a=1&b=2' }),
        b: event('soon', 2, { status: 'cancelled', location: { online: 'https://meet.example.org/x' } }),
        c: event('before', -5, { location: { city: 'Utrecht' } }),
        d: event('<script>', 3, { location: undefined }),
        e: event('teams', 4, { location: { name: 'Teams', online: 'https://meet.example.org/z' } }),
        f: event('messe', 6, { location: { name: 'Messe' } }),
      }),
      'http://localhost:8181',
    );
    const lines = html.split('\n');
    assert.equal(lines[0], '<bijeen-event-list src="http://localhost:8181/api/events" calendar-href="http://localhost:8181/api/events.ics" past>');
    assert.equal(lines.at(-1), '    </bijeen-event-list>');
    assert.equal(lines.at(-2), `      <p><a href="http://localhost:8181/api/events.ics">${eventListMessages.nl.subscribe}</a></p>`);
    const items = lines.filter((line) => line.startsWith('        <li>'));
    assert.equal(items.length, 6);
    assert.match(items[0], /^ {8}<li><p>Bijeenkomst soon<br \/>.+, online\. <strong>Geannuleerd\.<\/strong><\/p><\/li>$/);
    assert.match(items[1], /^ {8}<li><p>Bijeenkomst &#60;script&#62;<br \/>[^,]+, \d\d?\.\d\d–\d\d?\.\d\d uur\.<\/p><\/li>$/, 'no place: none said');
    assert.match(items[2], /Bijeenkomst teams<br \/>[^<]+uur, Teams\.<\/p>/, 'online with a name: the name');
    assert.match(items[3], /Bijeenkomst messe<br \/>[^<]+uur, Messe\.<\/p>/);
    assert.match(items[4], /^ {8}<li><p><a href="https:\/\/example\.org\/later\?a=1&#38;b=2">Bijeenkomst later<\/a><br \/>.+, Area Wonen, Uden\.<\/p><\/li>$/);
    assert.match(items[5], /Bijeenkomst before<br \/>[^<]+uur, Utrecht\.<\/p>/);
    assert.deepEqual(
      lines.filter((line) => /^ {6}<(ul|h2|p)/.test(line)),
      ['      <ul class="agenda">', `      <h2>${eventListMessages.nl.past}</h2>`, '      <ul class="agenda">', lines.at(-2)],
    );
  });

  test('without events: says so, and still offers the subscription', () => {
    const html = agendaHtml(loaded({}), 'https://api.example.org', Date.now());
    assert.deepEqual(html.split('\n'), [
      '<bijeen-event-list src="https://api.example.org/api/events" calendar-href="https://api.example.org/api/events.ics" past>',
      `      <p>${eventListMessages.nl.empty}</p>`,
      `      <p><a href="https://api.example.org/api/events.ics">${eventListMessages.nl.subscribe}</a></p>`,
      '    </bijeen-event-list>',
    ]);
  });
});

describe('site: failures', () => {
  test('an error in a request: logged, 500 with the error headers, and the site carries on', async () => {
    const lines = [];
    let failing = true;
    const site = await startSite({
      log: (line) => lines.push(line),
      apiPort: () => {
        if (failing) throw new Error('nog geen poort');
        return API_PORT;
      },
    });
    const { status, headers, text } = await request(site, { path: '/agenda-2?x' });
    assert.equal(status, 500);
    assert.equal(text, 'Er ging iets mis.');
    assert.equal(headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(headers['content-security-policy'], SITE_ERROR_HEADERS['Content-Security-Policy']);
    assert.deepEqual(lines, ['site error: "/agenda-2?x": nog geen poort']);
    failing = false;
    assert.equal((await request(site, { path: '/agenda-2' })).status, 200);
  });

  test('when even the log fails, the connection is closed', async () => {
    const site = await startSite({
      log: () => {
        throw new Error('schijf vol');
      },
      apiPort: () => {
        throw new Error('nog geen poort');
      },
    });
    await assert.rejects(request(site, { path: '/' }), /socket hang up|ECONNRESET/);
  });
});
