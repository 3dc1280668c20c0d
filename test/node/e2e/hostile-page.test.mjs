// A partner page that does everything wrong: global resets that reach every element it can, an
// AMD `define` global, Prototype.js's `Array.prototype.toJSON`, the script loaded twice. The
// widgets must still render and register, and the endpoint must receive a correct body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { daysFromNow, exportCsv, repoRoot, startServer, tempDir, writeEvents } from '../endpoint/support/server.mjs';

const TOKEN = 'hostile-organiser-token-0123456789ab';
const meeting = JSON.parse(readFileSync(join(repoRoot, 'demo/events/wat-werkt-uden.json'), 'utf8'));
meeting.start = daysFromNow(30);
meeting.end = daysFromNow(30.2);
meeting.registration = {
  ...meeting.registration,
  opens: daysFromNow(-1),
  closes: daysFromNow(29),
  questions: [{ id: 'themas', label: 'Welke thema’s?', type: 'checkbox', options: ['Wonen', 'Zorg'] }],
};

const hostilePage = (api) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Vijandige pagina</title>
<style>
  * { all: unset; }
  html { font-size: 40px; display: block; }
  body, div, main { display: block; }
  button { display: none !important; }
  a { color: red !important; pointer-events: none; }
  input, select, textarea { visibility: hidden !important; }
  :host, ::slotted(*) { display: none !important; }
  script, style, head, title { display: none; }
</style>
<script>
  window.define = function () {};
  window.define.amd = { jQuery: true };
  // As Prototype.js 1.6 does: arrays serialise to a hand-built string.
  Array.prototype.toJSON = function () {
    return '[' + this.map(function (v) { return typeof v === 'string' ? '"' + v + '"' : String(v); }).join(', ') + ']';
  };
</script>
<script src="/cdn/bijeen.iife.js"></script>
<script src="/cdn/bijeen.iife.js?again"></script>
<script type="module" src="/cdn/bijeen.js"></script>
</head><body><main>
  <bijeen-event src="${api}/api/events/${meeting.id}"><a href="/elders">Fallback</a></bijeen-event>
</main></body></html>`;

describe('a hostile host page', () => {
  let temp;
  let server;
  let site;
  let browser;

  before(async () => {
    temp = tempDir('bijeen-hostile-');
    writeEvents(join(temp.dir, 'events'), { [meeting.id]: meeting });
    const pages = mkdtempSync(join(tmpdir(), 'bijeen-hostile-pages-'));
    site = await serveStatic({ '/cdn/': 'dist/cdn', '/': pages });
    server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN, ALLOWED_ORIGINS: site.url } });
    writeFileSync(join(pages, 'index.html'), hostilePage(server.api));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    temp?.cleanup();
  });

  test('the widgets render, are visible and usable, and the endpoint receives a correct body', async () => {
    const { page, problems } = await openPage(browser.context, `${site.url}/`);
    const form = page.locator('bijeen-registration-form');
    await page.locator('bijeen-event-card [part~="title"]').waitFor();
    await form.locator('[name="attendee.name"]').waitFor();
    // Global CSS cannot hide the widgets' own controls.
    for (const control of ['[name="attendee.name"]', '[part~="submit"]', '[part~="add-companion"]']) {
      assert.ok(await form.locator(control).isVisible(), `${control} is visible`);
    }
    await form.locator('[name="attendee.name"]').fill('Anouk Visser');
    await form.locator('[name="attendee.email"]').fill('a.visser@example.org');
    await form.locator('[name="attendee.organisation"]').fill('Woonstichting Het Baken');
    await form.locator('[name="member"]').first().check();
    await form.locator('[part~="add-companion"]').click();
    await form.locator('[name="companions.0.name"]').fill('Bas Smit');
    await form.locator('[name="companions.0.email"]').fill('b.smit@example.org');
    await form.locator('[name="answers.themas"]').first().check();
    await form.locator('[name="consent"]').check();
    await form.locator('[part~="submit"]').click();
    await page.waitForFunction(() => {
      const el = document.querySelector('bijeen-event').shadowRoot.querySelector('bijeen-registration-form');
      return el.shadowRoot.querySelector('[part~="status"][role="status"]')?.textContent.trim().length > 0
        && !el.shadowRoot.querySelector('[part~="submit"][aria-busy="true"]');
    }, undefined, { timeout: 15_000 }).catch(async (error) => {
      const text = await page.evaluate(() => {
        const el = document.querySelector('bijeen-event').shadowRoot.querySelector('bijeen-registration-form');
        return [...el.shadowRoot.querySelectorAll('[part~="status"], [part~="error-summary"]')].map((n) => n.textContent.trim()).join(' / ');
      });
      throw new Error(`no outcome: ${text}; problems: ${problems.join('; ')}; server: ${server.output().slice(-500)}`, { cause: error });
    });

    const csv = await exportCsv(server, meeting.id, TOKEN);
    const rows = csv.rows.slice(1);
    assert.equal(rows.length, 1, 'one registration stored');
    const row = rows[0].join(' | ');
    for (const expected of ['Anouk Visser', 'a.visser@example.org', 'Bas Smit', 'b.smit@example.org', 'Wonen']) {
      assert.ok(row.includes(expected), `${expected} in ${row}`);
    }
    // The JSON-LD is valid JSON with real arrays, whatever Array.prototype.toJSON says.
    const jsonLd = JSON.parse(await page.locator('bijeen-event > script[type="application/ld+json"]').textContent());
    assert.equal(jsonLd['@type'], 'Event');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
