// The partner's real path: a blank page, one script tag from dist/cdn, loaded twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
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
    for (const [name, body] of Object.entries(pages)) writeFileSync(join(dir, name), body);
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

  test('under a strict CSP with Trusted Types there is no violation', async () => {
    for (const page of ['classic.html', 'module.html']) {
      const { href, problems, page: tab } = await mapLinkOn(strictServer.url, page);
      assert.equal(href, expectedHref);
      assert.deepEqual(problems, [], page);
      await tab.close();
    }
  });
});
