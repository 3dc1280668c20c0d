// The demo partner site and the demo event files, as `npm start` serves them (without a browser:
// the end-to-end tests drive Chromium against the same servers).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { postJson, registration, repoRoot, startServer, tempDir } from './support/server.mjs';

const eventsDir = join(repoRoot, 'demo/events');
const demoEvents = readdirSync(eventsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(eventsDir, name), 'utf8')));
let server;
let temp;

before(async () => {
  temp = tempDir();
  server = await startServer({ dir: temp.dir, env: { EVENTS_DIR: eventsDir } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

/** GET with a chosen Host header (fetch does not allow setting it). */
function get(path, host) {
  const { port } = new URL(server.site);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: host ? { Host: host } : {} }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const apiOrigin = () => server.api;

describe('demo partner site', () => {
  test('pages carry the strict Content-Security-Policy, connect-src the API origin', async () => {
    for (const path of ['/', '/agenda', '/aanmelden', '/agenda.html', '/snippet', '/en/snippet', '/nope']) {
      const { status, headers } = await get(path);
      assert.equal(status, path === '/nope' ? 404 : 200, path);
      const csp = headers['content-security-policy'];
      const directives = Object.fromEntries(csp.split(/;\s*/).map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));
      assert.equal(directives['script-src'], "'self'");
      assert.equal(directives['style-src'], "'self'");
      assert.equal(directives['connect-src'], apiOrigin());
      assert.equal(directives['object-src'], "'none'");
      assert.equal(directives['base-uri'], "'none'");
      assert.equal(directives['frame-ancestors'], "'none'");
      assert.equal(directives['require-trusted-types-for'], "'script'");
      assert.equal(directives['trusted-types'], 'lit-html bijeen');
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    }
  });

  test('the home page embeds <bijeen-event> from the API origin, with a no-JS fallback inside', async () => {
    const html = (await get('/')).body.toString();
    const element = /<bijeen-event src="([^"]+)">([\s\S]*?)<\/bijeen-event>/.exec(html);
    assert.ok(element, 'has <bijeen-event src>');
    assert.equal(element[1], `${apiOrigin()}/api/events/wat-werkt-uden`);
    assert.match(element[2], /<a href="mailto:aanmelden@example\.org[^"]*">/);
    assert.doesNotMatch(html, /\{\{/);
    assert.match(html, /<script src="\/cdn\/bijeen\.iife\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"><\/script>/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
  });

  test('the API origin follows the host name the visitor used (localhost or 127.0.0.1)', async () => {
    const { port } = new URL(server.site);
    const { port: api } = new URL(server.api);
    const viaLocalhost = await get('/', `localhost:${port}`);
    assert.match(viaLocalhost.body.toString(), new RegExp(`src="http://localhost:${api}/api/events/wat-werkt-uden"`));
    assert.match(viaLocalhost.headers['content-security-policy'], new RegExp(`connect-src http://localhost:${api};`));
    const foreign = await get('/', `evil.example.org`);
    assert.match(foreign.body.toString(), new RegExp(`src="http://localhost:${api}/`), 'a foreign Host is not echoed');
  });

  test('the agenda is one <bijeen-event-list> with the subscription, and the same agenda in plain HTML inside', async () => {
    const html = (await get('/agenda')).body.toString();
    const list = /<bijeen-event-list src="([^"]+)" calendar-href="([^"]+)" past>([\s\S]*?)<\/bijeen-event-list>/.exec(html);
    assert.ok(list, 'one <bijeen-event-list>');
    assert.equal(list[1], `${apiOrigin()}/api/events`);
    assert.equal(list[2], `${apiOrigin()}/api/events.ics`);
    const fallback = list[3];
    assert.doesNotMatch(fallback, /<bijeen-/, 'the fallback needs no JavaScript');
    // Upcoming by start, then the past ones (most recent first) under their heading, each a plain item.
    const now = Date.now();
    const ended = (event) => Date.parse(event.end ?? event.start) <= now;
    const byStart = (a, b) => Date.parse(a.start) - Date.parse(b.start);
    const upcoming = demoEvents.filter((event) => !ended(event)).sort(byStart);
    const past = demoEvents.filter(ended).sort((a, b) => byStart(b, a));
    const unescape = (text) => text.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    const titles = [...fallback.matchAll(/<li><p>(?:<a href="[^"]+">)?([^<]+)/g)].map((match) => unescape(match[1]));
    assert.deepEqual(titles, [...upcoming, ...past].map((event) => event.title));
    assert.match(fallback, /<h2>Eerdere bijeenkomsten<\/h2>/);
    assert.match(fallback, new RegExp(`<a href="${apiOrigin()}/api/events.ics">Zet alle bijeenkomsten in uw agenda</a>`));
    assert.match(fallback, /Woningcorporatiesamenwerkingsovereenkomstenbijeenkomst/);
    assert.match(fallback, /<strong>Geannuleerd\.<\/strong>/);
    // The card's wording: the date in the event's time zone, start and end.
    assert.match(fallback, /dinsdag 18 september 2018, 13\.00–17\.00 uur, Area Wonen, Uden\./);
  });

  test('the form page has <bijeen-registration-form format="form"> alone, with a fallback', async () => {
    const html = (await get('/aanmelden')).body.toString();
    const form = /<bijeen-registration-form src="([^"]+)" format="form">([\s\S]*?)<\/bijeen-registration-form>/.exec(html);
    assert.ok(form);
    assert.equal(form[1], `${apiOrigin()}/api/events/wat-werkt-uden`);
    assert.match(form[2], /mailto:aanmelden@example\.org/);
    assert.doesNotMatch(html, /<bijeen-event[ >]/);
  });

  test('every page links to the snippet builder; it has a Dutch and an English version', async () => {
    for (const page of ['/', '/agenda', '/aanmelden']) {
      assert.match((await get(page)).body.toString(), /<a href="\/snippet">Insluitcode<\/a>/, page);
    }
    const dutch = (await get('/snippet')).body.toString();
    const english = (await get('/en/snippet')).body.toString();
    assert.match(dutch, /<html lang="nl">[\s\S]*<a href="\/snippet" aria-current="page">Insluitcode<\/a>/);
    assert.match(dutch, /<a href="\/en\/snippet" hreflang="en" lang="en">English<\/a>/);
    assert.match(english, /<html lang="en">[\s\S]*<a href="\/en\/snippet" aria-current="page">Embed code<\/a>/);
    assert.match(english, /<a href="\/snippet" hreflang="nl" lang="nl">Nederlands<\/a>/);
    for (const html of [dutch, english]) {
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
      assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
      // One option per event the endpoint serves, its JSON URL on the API origin.
      const sources = [...html.matchAll(/<option value="[^"]*"[^>]* data-src="([^"]+)"/g)].map((match) => match[1]);
      assert.deepEqual(sources.sort(), demoEvents.map((event) => `${apiOrigin()}/api/events/${event.id}`).sort());
    }
  });

  test('only pages, assets and CDN files are served: no server code, events or database', async () => {
    for (const path of [
      '/server/main.ts',
      '/cdn/../server/main.ts',
      '/cdn/%2e%2e/%2e%2e/package.json',
      '/assets/..%2fserver%2fmain.ts',
      '/events/wat-werkt-uden.json',
      '/data/bijeen.sqlite',
      '/%2e%2e/package.json',
      '/assets/',
    ]) {
      assert.equal((await get(path)).status, 404, path);
    }
    const css = await get('/assets/site.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  });

  test('the CDN file is served and matches the integrity hash in every page (after `npm run build`)', async (t) => {
    const integrityFile = join(repoRoot, 'dist/cdn/integrity.json');
    if (!existsSync(integrityFile)) return t.skip('dist/cdn is not built');
    const expected = JSON.parse(readFileSync(integrityFile, 'utf8'))['bijeen.iife.js'];
    const script = await get('/cdn/bijeen.iife.js');
    assert.equal(script.status, 200);
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(script.headers['access-control-allow-origin'], '*', 'a snippet on another site loads it with crossorigin="anonymous"');
    assert.equal(`sha384-${createHash('sha384').update(script.body).digest('base64')}`, expected);
    for (const page of ['/', '/agenda', '/aanmelden', '/snippet', '/en/snippet']) {
      assert.match((await get(page)).body.toString(), new RegExp(`integrity="${expected.replace(/[+/]/g, '\\$&')}"`), page);
    }
  });
});

describe('demo event files', () => {
  test('every file in demo/events is valid and served', async () => {
    assert.doesNotMatch(server.output(), /skipped/);
    const { events } = await (await fetch(`${server.api}/api/events`)).json();
    assert.equal(events.length, demoEvents.length);
    assert.ok(demoEvents.length >= 6);
  });

  test('the seed meeting: Tuesday 18 September 2018, 13:00–17:00 in Uden, at most 2 partners', () => {
    const seed = demoEvents.find((event) => event.id === 'wat-werkt-uden-2018');
    assert.equal(seed.start, '2018-09-18T13:00:00+02:00');
    assert.equal(seed.end, '2018-09-18T17:00:00+02:00');
    assert.equal(seed.timeZone, 'Europe/Amsterdam');
    assert.deepEqual(seed.location, { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden', country: 'NL' });
    assert.equal(seed.registration.maxCompanions, 2);
    assert.equal(seed.registration.companionLabel, 'samenwerkingspartner');
    assert.match(seed.registration.memberQuestion, /vakgemeenschap/);
    const live = demoEvents.find((event) => event.id === 'wat-werkt-uden');
    assert.deepEqual(live.location, seed.location);
    assert.equal(live.registration.maxCompanions, 2);
  });

  test('the demo covers cancelled, online, full with waiting list and a long Dutch title', () => {
    assert.ok(demoEvents.some((event) => event.status === 'cancelled'));
    assert.ok(demoEvents.some((event) => event.location?.online && !event.location.street));
    assert.ok(demoEvents.some((event) => event.registration?.remaining === 0 && event.registration.waitlist));
    assert.ok(demoEvents.some((event) => /\p{L}{40,}/u.test(event.title)));
  });

  test('no e-mail address outside example.org anywhere in the demo', () => {
    const files = ['index.html', 'agenda.html', 'aanmelden.html', ...readdirSync(eventsDir).map((name) => `events/${name}`)];
    for (const file of files) {
      const text = readFileSync(join(repoRoot, 'demo', file), 'utf8');
      for (const [address] of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) assert.match(address, /@example\.org$/, `${file}: ${address}`);
    }
  });

  test('the past seed meeting refuses registrations: 403 closed (past)', async () => {
    const seed = demoEvents.find((event) => event.id === 'wat-werkt-uden-2018');
    const { status, body } = await postJson(server, seed.id, registration(seed));
    assert.equal(status, 403);
    assert.equal(body.reason, 'past');
  });

  test('the live demo meeting accepts a registration with two partners from the demo site', async (t) => {
    const live = demoEvents.find((event) => event.id === 'wat-werkt-uden');
    // The demo data is dated; once its registration window has passed, the demo needs new dates.
    if (Date.parse(live.registration.closes) < Date.now()) {
      return t.skip('demo/events/wat-werkt-uden.json has passed: move its dates forward');
    }
    const before = (await (await fetch(`${server.api}/api/events/${live.id}`)).json()).registration.remaining;
    const body = registration(live, {
      companions: [
        { name: 'Partner Een', email: 'een@example.org', organisation: 'Gemeente Uden' },
        { name: 'Partner Twee', email: 'twee@example.org' },
      ],
    });
    const { status, body: answer } = await postJson(server, live.id, body);
    assert.equal(status, 201);
    assert.equal(answer.status, 'confirmed');
    const after = (await (await fetch(`${server.api}/api/events/${live.id}`)).json()).registration.remaining;
    assert.equal(after, before - 3);
  });
});
