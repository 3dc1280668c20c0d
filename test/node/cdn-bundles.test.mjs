// The partner's real path: a blank page, one script tag from dist/cdn, loaded twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage } from './support/browser.mjs';
import { serveStatic } from './support/static-server.mjs';

const venue = 'Leeuweriksweg 12, 5402 XD Uden';
const expectedHref = `https://www.openstreetmap.org/search?query=${encodeURIComponent(venue)}`;
const integrity = JSON.parse(readFileSync('dist/cdn/integrity.json', 'utf8'));

const pages = {
  'classic.html': `<!doctype html><html lang="nl"><title>classic</title>
    <script src="/cdn/bijeen.iife.js" integrity="${integrity['bijeen.iife.js']}" crossorigin="anonymous"></script>
    <script src="/cdn/bijeen.iife.js?again"></script>
    <bijeen-map-link address="${venue}"></bijeen-map-link>`,
  'module.html': `<!doctype html><html lang="nl"><title>module</title>
    <script type="module" src="/cdn/bijeen.js" integrity="${integrity['bijeen.js']}" crossorigin="anonymous"></script>
    <script type="module" src="/cdn/bijeen.js?again"></script>
    <bijeen-map-link address="${venue}"></bijeen-map-link>`,
  'both.html': `<!doctype html><html lang="en"><title>both</title>
    <bijeen-map-link address="${venue}"></bijeen-map-link>
    <script type="module" src="/cdn/bijeen.js"></script>
    <script src="/cdn/bijeen.iife.js" defer></script>`,
  // Every element, in states with much text, for comparing the minified file with a plain build.
  'everything.html': `<!doctype html><html lang="nl"><title>everything</title>
    <script src="SCRIPT"></script>
    <p>Op de kaart: <bijeen-map-link address="${venue}"></bijeen-map-link>, of met de fiets.</p>
    <bijeen-event-card id="card"></bijeen-event-card>
    <bijeen-event-card id="teaser" variant="teaser"></bijeen-event-card>
    <bijeen-event id="composite"></bijeen-event>
    <bijeen-event-list id="list" group-by="month"></bijeen-event-list>
    <script>
      const event = {
        id: 'alles', title: 'Alles op een pagina', summary: 'Een middag met elk element.',
        start: '2030-03-12T13:00:00+01:00', end: '2030-03-12T17:00:00+01:00', url: 'https://example.org/alles',
        location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' },
        organizer: { name: 'Vakgemeenschap', url: 'https://example.org', email: 'info@example.org' },
        audience: 'Iedereen die wil.',
        sections: [{ heading: 'Programma', paragraphs: ['Eerst koffie.'], items: ['Welkom', 'Werkgroepen'] }],
        registration: { email: 'aanmelden@example.org', maxCompanions: 1, remaining: 4, capacity: 60,
          memberQuestion: 'Bent u lid?', nonMemberPlaces: 10, nonMemberRemaining: 3, privacyUrl: 'https://example.org/privacy' },
      };
      for (const id of ['card', 'teaser', 'composite']) document.getElementById(id).event = event;
      document.getElementById('list').events = [event, { ...event, id: 'later', title: 'Later in het jaar', start: '2030-06-02T10:00:00+02:00', end: undefined }];
    </script>`,
  // A CMS script sets properties on the elements before a tag manager injects the library.
  'late.html': `<!doctype html><html lang="nl"><title>late</title>
    <bijeen-event-card id="card"></bijeen-event-card>
    <bijeen-map-link id="map"></bijeen-map-link>
    <script>
      document.getElementById('card').event = {
        id: 'laat', title: 'Later geladen', start: '2030-03-12T13:00:00+01:00',
        location: { name: 'Area Wonen', city: 'Uden' },
      };
      document.getElementById('map').address = '${venue}';
      setTimeout(() => {
        const script = document.createElement('script');
        script.src = '/cdn/bijeen.iife.js';
        document.head.append(script);
      }, 100);
    </script>`,
};

describe('CDN bundles', () => {
  let browser;
  let server;
  let strictServer;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijeen-pages-'));
    for (const [name, body] of Object.entries(pages)) writeFileSync(join(dir, name), body.replace('SCRIPT', '/cdn/bijeen.iife.js'));
    server = await serveStatic({ '/cdn/': 'dist/cdn', '/': dir });
    strictServer = await serveStatic(
      { '/cdn/': 'dist/cdn', '/': dir },
      {
        headers: {
          'Content-Security-Policy':
            "default-src 'none'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
        },
      },
    );
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await strictServer?.close();
  });

  async function mapLinkOn(origin, page, mapLink = 'bijeen-map-link') {
    const opened = await openPage(browser.context, `${origin}/${page}`);
    const link = opened.page.locator(mapLink).locator('a[part="link"]');
    await link.waitFor();
    return { ...opened, href: await link.getAttribute('href'), name: await link.textContent() };
  }

  test('each file is a single self-contained file whose SRI hash matches integrity.json', () => {
    for (const file of ['bijeen.js', 'bijeen.iife.js']) {
      const source = readFileSync(`dist/cdn/${file}`, 'utf8');
      const hash = `sha384-${createHash('sha384').update(source).digest('base64')}`;
      assert.equal(integrity[file], hash, `${file} hash`);
      assert.doesNotMatch(source, /\bimport\s*\(|from\s*["']lit|require\(/, `${file} has no imports`);
    }
  });

  for (const page of ['classic.html', 'module.html', 'both.html']) {
    test(`${page}: the map link renders with the right href and no console error`, async () => {
      const { href, name, problems, page: tab } = await mapLinkOn(server.url, page);
      assert.equal(href, expectedHref);
      assert.match(name, page === 'both.html' ? /View on map/ : /Bekijk op de kaart/);
      assert.deepEqual(problems, []);
      await tab.close();
    });
  }

  test('late.html: properties set before the library loaded are picked up when it upgrades the elements', async () => {
    const { href, problems, page } = await mapLinkOn(server.url, 'late.html', '#map');
    assert.equal(href, expectedHref);
    assert.equal(await page.locator('bijeen-event-card [part="title"]').textContent(), 'Later geladen');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the minified file renders the same text and accessible names as a build without template minification', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'bijeen-plain-'));
    execFileSync('npx', ['vite', 'build', '--outDir', plain, '--logLevel', 'error'], {
      env: { ...process.env, BIJEEN_MINIFY_TEMPLATES: '0' },
      stdio: 'inherit',
    });
    const page = pages['everything.html'];
    const dir = mkdtempSync(join(tmpdir(), 'bijeen-compare-'));
    writeFileSync(join(dir, 'minified.html'), page.replace('SCRIPT', '/cdn/bijeen.iife.js'));
    writeFileSync(join(dir, 'plain.html'), page.replace('SCRIPT', '/plain/bijeen.iife.js'));
    const compare = await serveStatic({ '/cdn/': 'dist/cdn', '/plain/': plain, '/': dir });
    try {
      const snapshots = {};
      for (const name of ['minified', 'plain']) {
        const { page: tab, problems } = await openPage(browser.context, `${compare.url}/${name}.html`);
        await tab.locator('bijeen-event bijeen-registration-form form').waitFor();
        // The form's error summary, field messages and companion fields: more text in more states.
        await tab.locator('bijeen-event bijeen-registration-form [part="add-companion"]').click();
        await tab.locator('bijeen-event bijeen-registration-form [part="submit"]').click();
        await tab.locator('bijeen-event bijeen-registration-form [part="error-summary"]').waitFor();
        snapshots[name] = await tab.locator('body').ariaSnapshot();
        assert.deepEqual(problems, [], name);
        await tab.close();
      }
      assert.ok(snapshots.plain.includes('Alles op een pagina'), 'the plain page rendered the event');
      assert.equal(snapshots.minified, snapshots.plain);
    } finally {
      await compare.close();
    }
  });

  test('under a strict CSP with Trusted Types there is no violation', async () => {
    for (const page of ['classic.html', 'module.html']) {
      const { href, problems, page: tab } = await mapLinkOn(strictServer.url, page);
      assert.equal(href, expectedHref);
      assert.deepEqual(problems, [], page);
      await tab.close();
    }
  });
});
