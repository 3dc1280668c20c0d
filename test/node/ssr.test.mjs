// Server-side rendering with @lit-labs/ssr, as a partner's Eleventy or Astro build does it: the
// built package (dist/) renders on Node with no `document` and no `window`, the output holds the
// content in declarative shadow DOM, and that markup hydrates in Chromium with @lit-labs/ssr-client
// (bundled with the elements by esbuild, as the partner's bundler would). Needs `npm run build` first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { launchBrowser, openPage } from './support/browser.mjs';
import { serveStatic } from './support/static-server.mjs';

// Before anything else: nothing Bijeen or Lit's server renderer loads may need a DOM global.
const globalsBefore = { document: typeof globalThis.document, window: typeof globalThis.window };
const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html } = await import('lit');
const { unsafeHTML } = await import('lit/directives/unsafe-html.js');
await import('../../dist/index.js');
const { jsonScript } = await import('../../dist/text.js');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A meeting in 2040 that registers by e-mail: open on any clock these tests run on. */
const meeting = {
  id: 'wat-werkt-uden',
  title: 'Wat werkt in Uden',
  summary: 'Een middag over samen wonen.',
  start: '2040-09-18T13:00:00+02:00',
  end: '2040-09-18T17:00:00+02:00',
  url: 'https://events.example.org/agenda/wat-werkt-uden',
  location: { name: 'Wijkcentrum De Poort', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' },
  registration: { email: 'aanmelden@example.org' },
};
const venue = 'Leeuweriksweg 12, 5402 XD Uden';
const mapHref = `https://www.openstreetmap.org/search?query=${encodeURIComponent(venue)}`;

/** Renders a template on the server, the way the README tells partners to. */
const serverRender = (template) => collectResult(render(template));

/** The open declarative shadow roots in `markup`, outermost first, without Lit's hydration comments. */
function shadowRoots(markup) {
  const roots = [];
  const open = /<template shadowroot="open" shadowrootmode="open">/g;
  while (open.exec(markup)) {
    // The matching </template>: count nested shadow roots.
    let depth = 1;
    const tags = /<template shadowroot="open"[^>]*>|<\/template>/g;
    tags.lastIndex = open.lastIndex;
    let close;
    while (depth > 0 && (close = tags.exec(markup))) depth += close[0] === '</template>' ? -1 : 1;
    roots.push(markup.slice(open.lastIndex, close.index).replace(/<!--[^]*?-->/g, ''));
  }
  return roots;
}

/** Text without tags and collapsed white space, as a reader of the markup would take it. */
const text = (markup) => markup.replace(/<style>[^]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Runs `run` while collecting console.warn calls. */
async function warnings(run) {
  const warned = [];
  const original = console.warn;
  console.warn = (...args) => warned.push(args.join(' '));
  try {
    return { result: await run(), warned };
  } finally {
    console.warn = original;
  }
}

describe('server-side rendering on Node', () => {
  test('Lit SSR and every element load without document or window, and define none', () => {
    assert.deepEqual(globalsBefore, { document: 'undefined', window: 'undefined' });
    assert.equal(typeof globalThis.document, 'undefined');
    assert.equal(typeof globalThis.window, 'undefined');
    assert.ok(customElements.get('bijeen-event-card'), 'the elements are defined in the server renderer');
  });

  test('the map link renders its link in declarative shadow DOM, in Dutch without lang', async () => {
    const markup = await serverRender(html`<bijeen-map-link address=${venue}></bijeen-map-link>`);
    assert.match(markup, /<bijeen-map-link [^>]*state="ready"/);
    const [root] = shadowRoots(markup);
    assert.ok(root.includes(`href="${mapHref}"`), 'the link points at OpenStreetMap');
    assert.match(text(root), /Bekijk op de kaart , Leeuweriksweg 12, 5402 XD Uden \(opent in een nieuw venster\)/);

    const english = await serverRender(html`<bijeen-map-link lang="en" address=${venue}></bijeen-map-link>`);
    assert.match(text(shadowRoots(english)[0]), /View on map , Leeuweriksweg 12, 5402 XD Uden \(opens in a new window\)/);
  });

  test('the card renders title, date, place and map link from its event property', async () => {
    const markup = await serverRender(html`
      <bijeen-event-card .event=${meeting}>${unsafeHTML(jsonScript(meeting))}</bijeen-event-card>
    `);
    assert.match(markup, /<bijeen-event-card [^>]*state="ready"/);
    const [card, mapLink] = shadowRoots(markup);
    const cardText = text(card);
    assert.match(cardText, /Wat werkt in Uden/);
    assert.match(cardText, /dinsdag 18 september 2040, 13\.00 – 17\.00 uur/);
    assert.match(cardText, /Wijkcentrum De Poort Leeuweriksweg 12, 5402 XD Uden/);
    assert.match(cardText, /Aanmelden/);
    // The map link inside the card has its own shadow root, hydrated after the card's.
    assert.match(card, /<bijeen-map-link[^>]*address="Leeuweriksweg 12, 5402 XD Uden"[^>]*defer-hydration/);
    assert.ok(mapLink.includes(`href="${mapHref}"`));
    // The inline JSON stays in the light DOM for the browser; the JSON-LD is the browser's to add.
    const light = markup.replace(/<template[^]*<\/template>/, '');
    assert.ok(light.includes(jsonScript(meeting)), 'the inline JSON beside the shadow root');
    assert.doesNotMatch(markup, /application\/ld\+json/);
  });

  test('the card follows its own lang, and the map link inside follows the card', async () => {
    const markup = await serverRender(html`<bijeen-event-card lang="en" .event=${meeting}></bijeen-event-card>`);
    const [card, mapLink] = shadowRoots(markup);
    assert.match(text(card), /Tuesday 18 September 2040, 13:00 – 17:00/);
    assert.match(text(mapLink), /View on map/);
  });

  test('the form, the composite and the list render their content too', async () => {
    const form = await serverRender(html`<bijeen-registration-form .event=${meeting}></bijeen-registration-form>`);
    assert.match(form, /<bijeen-registration-form [^>]*state="ready"/);
    const formText = text(shadowRoots(form)[0]);
    for (const label of ['Naam', 'E-mailadres', 'Organisatie']) assert.match(formText, new RegExp(label));
    assert.match(shadowRoots(form)[0], /<input[^>]*name="attendee\.email"/);

    const composite = await serverRender(html`<bijeen-event lang="en" .event=${meeting}></bijeen-event>`);
    const compositeText = text(shadowRoots(composite)[0]);
    assert.match(compositeText, /Wat werkt in Uden/);
    assert.match(compositeText, /Tuesday 18 September 2040/);
    assert.match(compositeText, /E-mail address/);
    assert.match(composite, /<bijeen-event-card\s[^>]*defer-hydration/);
    assert.match(composite, /<bijeen-registration-form\s[^>]*defer-hydration/);

    const list = await serverRender(html`<bijeen-event-list .events=${[meeting]}></bijeen-event-list>`);
    assert.match(text(shadowRoots(list)[1]), /Wat werkt in Uden/);
  });

  test('invalid data: the fallback only, state="error", and a console warning that names the path', async () => {
    const { result: markup, warned } = await warnings(() =>
      serverRender(html`<bijeen-event-card .event=${{ ...meeting, start: 'dinsdag' }}><a href="/agenda">Agenda</a></bijeen-event-card>`),
    );
    assert.match(markup, /<bijeen-event-card [^>]*state="error"/);
    assert.doesNotMatch(text(shadowRoots(markup)[0]), /Wat werkt/);
    assert.match(warned.join('\n'), /<bijeen-event-card>.*\n.*start/);
  });

  test('relative URLs have no page to resolve against on the server: refused, named', async () => {
    const { result: markup, warned } = await warnings(() =>
      serverRender(html`<bijeen-event-card .event=${{ ...meeting, url: '/agenda/wat-werkt-uden' }}></bijeen-event-card>`),
    );
    assert.match(markup, /state="error"/);
    assert.match(warned.join('\n'), /\burl\b/);
  });

  test('src on the server: the loading placeholder, and nothing is fetched', async () => {
    let requests = 0;
    const feed = createServer((request, response) => {
      requests++;
      response.end(JSON.stringify(meeting));
    });
    await new Promise((done) => feed.listen(0, '127.0.0.1', done));
    try {
      const src = `http://127.0.0.1:${feed.address().port}/meeting.json`;
      const markup = await serverRender(html`<bijeen-event-card src=${src}></bijeen-event-card>`);
      assert.match(markup, /<bijeen-event-card [^>]*state="loading"/);
      assert.match(shadowRoots(markup)[0], /part="base" class="skeleton" aria-busy="true"/);
      await new Promise((done) => setTimeout(done, 100));
      assert.equal(requests, 0);
    } finally {
      await new Promise((done) => feed.close(done));
    }
  });
});

describe('hydration in Chromium', () => {
  let dir;
  let server;
  let browser;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bijeen-ssr-'));
    // The page as the partner's build writes it: server-rendered elements, each with its inline JSON.
    const body = await serverRender(html`
      <main>
        <h1>Bijeenkomsten</h1>
        <p>Op de kaart: <bijeen-map-link address=${venue}></bijeen-map-link></p>
        <bijeen-event-card .event=${meeting}>${unsafeHTML(jsonScript(meeting))}</bijeen-event-card>
        <bijeen-event .event=${meeting}>${unsafeHTML(jsonScript(meeting))}</bijeen-event>
      </main>
    `);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Bijeenkomsten</title></head><body>${body}</body></html>`);
    // The client: Lit's hydration support first, then the elements, in one bundle with one Lit
    // (development build: it checks more while hydrating).
    await build({
      stdin: {
        contents: `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport './dist/index.js';\n`,
        resolveDir: resolve('.'),
      },
      bundle: true,
      format: 'esm',
      conditions: ['development'],
      outfile: join(dir, 'client.js'),
      logLevel: 'error',
    });
    server = await serveStatic({ '/': dir });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** axe's WCAG 2.x A/AA violations on the page. */
  async function axe(page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  test('the server-rendered markup is kept, without a console error, and works once hydrated; axe passes', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);

    // Before any script: the content is there (declarative shadow DOM), with its state.
    const served = await page.evaluate(() => {
      const card = document.querySelector('bijeen-event-card');
      const composite = document.querySelector('bijeen-event');
      const innerCard = composite.shadowRoot.querySelector('bijeen-event-card');
      const map = document.querySelector('bijeen-map-link');
      // Kept to compare after hydration: the same nodes must still be there.
      window.served = [
        card.shadowRoot.querySelector('[part="title"]'),
        card.shadowRoot.querySelector('bijeen-map-link').shadowRoot.querySelector('a'),
        innerCard.shadowRoot.querySelector('[part="register"]'),
        composite.shadowRoot.querySelector('bijeen-registration-form').shadowRoot.querySelector('form'),
        map.shadowRoot.querySelector('a'),
      ];
      return {
        defined: customElements.get('bijeen-event-card') !== undefined,
        title: window.served[0].textContent,
        date: card.shadowRoot.querySelector('[part="date"]').textContent,
        mapHref: window.served[1].href,
        ready: document.querySelectorAll('[state="ready"]').length,
      };
    });
    assert.deepEqual(served, {
      defined: false,
      title: 'Wat werkt in Uden',
      date: 'dinsdag 18 september 2040, 13.00–17.00 uur',
      mapHref,
      ready: 3,
    });
    assert.deepEqual(await axe(page), [], 'axe on the server-rendered page');

    await page.addScriptTag({ type: 'module', url: '/client.js' });
    const hydrated = await page.waitForFunction(async () => {
      const composite = document.querySelector('bijeen-event');
      const inner = composite?.shadowRoot.querySelectorAll('bijeen-event-card, bijeen-registration-form') ?? [];
      const elements = [...document.querySelectorAll('bijeen-map-link, bijeen-event-card, bijeen-event'), ...inner];
      if (!customElements.get('bijeen-event') || !elements.every((el) => el.hasUpdated)) return false;
      await Promise.all(elements.map((el) => el.updateComplete));
      return {
        kept: window.served.map((node) => node.isConnected),
        deferred: document.querySelectorAll('[defer-hydration]').length,
        states: elements.map((el) => `${el.localName} ${el.state} ${el.getAttribute('state')}`),
      };
    }, undefined, { timeout: 15_000 });
    const after = await hydrated.jsonValue();
    assert.deepEqual(after.kept, [true, true, true, true, true], 'the served nodes are still the ones on the page');
    assert.equal(after.deferred, 0, 'every nested element hydrated');
    assert.deepEqual(after.states.sort(), [
      'bijeen-event ready ready',
      'bijeen-event-card ready ready',
      'bijeen-event-card ready ready',
      'bijeen-map-link ready ready',
      'bijeen-registration-form ready ready',
    ]);

    // Interactive: the composite's "Aanmelden" moves focus into its form …
    await page.evaluate(() => window.served[2].click());
    const focused = await page.evaluate(() => {
      const form = document.querySelector('bijeen-event').shadowRoot.querySelector('bijeen-registration-form');
      return form.shadowRoot.activeElement?.getAttribute('name');
    });
    assert.equal(focused, 'attendee.name');
    // … the form validates on submit and focuses its error summary …
    await page.evaluate(() => window.served[3].requestSubmit());
    await page.waitForFunction(() => {
      const form = document.querySelector('bijeen-event').shadowRoot.querySelector('bijeen-registration-form');
      return form.shadowRoot.activeElement?.matches('[part="error-summary"]');
    });
    // … and every element follows a language switch.
    await page.evaluate(() => (document.documentElement.lang = 'en'));
    await page.waitForFunction(() => document.querySelector('bijeen-map-link').shadowRoot.textContent.includes('View on map'));
    assert.match(await page.evaluate(() => document.querySelector('bijeen-event-card').shadowRoot.textContent), /Add to your calendar/);

    assert.deepEqual(await axe(page), [], 'axe after hydration, with the form showing its errors');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
