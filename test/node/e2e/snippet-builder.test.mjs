// The snippet builder (/snippet) as an organiser uses it, in Chromium: choose with the keyboard,
// see the real element in the preview, copy the snippet, and paste it into another site's blank
// page under a strict Content-Security-Policy, where it must render. Needs the built CDN files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from '../support/axe.mjs';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { daysFromNow, repoRoot, startServer, tempDir, writeEvents } from '../endpoint/support/server.mjs';

const meeting = JSON.parse(readFileSync(join(repoRoot, 'demo/events/wat-werkt-uden.json'), 'utf8'));
meeting.start = daysFromNow(30);
meeting.end = daysFromNow(30.2);
meeting.registration = { ...meeting.registration, opens: daysFromNow(-1), closes: daysFromNow(29) };

// An event whose id, title, page and tag need escaping in a URL path, in an attribute and as text.
const tricky = {
  id: 'wonen & zorg "2027" <één>/#1?',
  title: 'Wonen & zorg: "samen" <sterker>',
  start: daysFromNow(40),
  end: daysFromNow(40.1),
  location: { name: 'Buurthuis De Schakel', street: 'Kerkstraat 1', postalCode: '8011 AB', city: 'Zwolle' },
  url: 'https://example.org/agenda/wonen-en-zorg?jaar=2027&soort="inloop"',
  tags: ['wonen & zorg'],
  registration: {
    endpoint: `/api/events/${encodeURIComponent('wonen & zorg "2027" <één>/#1?')}/registrations`,
    opens: daysFromNow(-1),
    closes: daysFromNow(39),
    capacity: 40,
  },
};

const CDN_FILE = '/cdn/bijeen.iife.js';

/** Presses Tab until the focused element matches `selector`, as a keyboard user would. */
async function tabTo(page, selector, limit = 80) {
  for (let press = 0; press < limit; press++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

const snippetOf = (page) => page.locator('#snippet-code').inputValue();

describe('the snippet builder', () => {
  let temp;
  let server;
  let browser;
  let partnerDir;
  let partner;
  /** `sha384-…` of the CDN file as the demo site serves it. */
  let servedIntegrity;
  /** The first line of every snippet: the CDN script tag with that hash. */
  let scriptTag;

  before(async () => {
    temp = tempDir('bijeen-snippet-');
    writeEvents(join(temp.dir, 'events'), { [meeting.id]: meeting, 'wonen-en-zorg': tricky });
    server = await startServer({ dir: temp.dir });
    browser = await launchBrowser();
    const served = Buffer.from(await (await fetch(`${server.site}${CDN_FILE}`)).arrayBuffer());
    servedIntegrity = `sha384-${createHash('sha384').update(served).digest('base64')}`;
    scriptTag = `<script src="${server.site}${CDN_FILE}" integrity="${servedIntegrity}" crossorigin="anonymous"></script>`;
    // Another site: a blank page under a strict CSP that allows only the snippet's script origin and the endpoint.
    partnerDir = mkdtempSync(join(tmpdir(), 'bijeen-partner-'));
    partner = await serveStatic(
      { '/': partnerDir },
      {
        headers: {
          'Content-Security-Policy': [
            "default-src 'none'",
            `script-src ${server.site}`,
            `connect-src ${server.api}`,
            "base-uri 'none'",
            "require-trusted-types-for 'script'",
            'trusted-types lit-html bijeen',
          ].join('; '),
        },
      },
    );
  });

  after(async () => {
    await browser?.close();
    await partner?.close();
    await server?.stop();
    if (partnerDir) rmSync(partnerDir, { recursive: true, force: true });
    temp?.cleanup();
  });

  /** The partner's blank page with the snippet pasted into it, opened; `problems` are its console errors and CSP violations. */
  async function pasteIntoPartnerPage(snippet) {
    const name = `${createHash('sha1').update(snippet).digest('hex')}.html`;
    writeFileSync(join(partnerDir, name), `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>Partner</title></head>\n<body><main>\n${snippet}</main></body></html>\n`);
    return openPage(browser.context, `${partner.url}/${name}`);
  }

  /** The builder with an element chosen by clicking (the keyboard test is the first one). */
  async function builderWith(element) {
    const opened = await openPage(browser.context, `${server.site}/snippet`);
    await opened.page.locator(`#snippet-element-${element}`).check();
    return opened;
  }

  test('keyboard only: the tricky event as an English teaser card; preview, integrity, escaped attributes, copy, paste', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.site });
    const { page, problems } = await openPage(browser.context, `${server.site}/snippet`);
    // The default: the first upcoming event in a <bijeen-event>, in the page's language.
    await page.locator('#snippet-preview bijeen-event [part~="title"]').first().waitFor();
    assert.match(await snippetOf(page), new RegExp(`<bijeen-event src="${server.api}/api/events/${meeting.id}" endpoint="[^"]+" lang="nl">`));

    await tabTo(page, '#snippet-event');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#snippet-event').inputValue(), tricky.id);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'snippet-element-bijeen-event', 'Tab reaches the checked element');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'snippet-lang-en');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'bijeen-event-card-variant', 'the card\'s options follow, the composite\'s are hidden');
    await page.keyboard.press('ArrowDown');

    const card = page.locator('#snippet-preview bijeen-event-card[variant="teaser"][lang="en"]');
    await card.locator('[part~="title"]').waitFor();
    assert.equal(await card.locator('[part~="title"]').textContent(), tricky.title);
    assert.match(await card.locator('[part~="date"]').textContent(), /(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/, 'the card speaks English');

    const snippet = await snippetOf(page);
    assert.equal(
      snippet,
      [
        scriptTag,
        '',
        `<bijeen-event-card src="${server.api}/api/events/wonen%20%26%20zorg%20%222027%22%20%3C%C3%A9%C3%A9n%3E%2F%231%3F" variant="teaser" lang="en">`,
        '  <a href="https://example.org/agenda/wonen-en-zorg?jaar=2027&amp;soort=%22inloop%22">Wonen &amp; zorg: &quot;samen&quot; &lt;sterker&gt;</a>',
        '</bijeen-event-card>',
        '',
      ].join('\n'),
    );

    await tabTo(page, '#snippet-copy');
    // The site's theme takes the outline off buttons (`all: unset`); the builder gives it back.
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement));
    assert.deepEqual([ring.outlineStyle, ring.outlineWidth], ['solid', '3px'], 'a visible focus ring on the copy button');
    await page.keyboard.press('Enter');
    await page.locator('#snippet-copy-status', { hasText: 'De code is gekopieerd.' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, snippet);
    assert.deepEqual(problems, []);
    await page.close();

    const pasted = await pasteIntoPartnerPage(copied);
    const pastedCard = pasted.page.locator('bijeen-event-card[variant="teaser"]');
    await pastedCard.locator('[part~="title"]').waitFor();
    assert.equal(await pastedCard.locator('[part~="title"]').textContent(), tricky.title);
    assert.deepEqual(pasted.problems, [], 'no CSP violation, SRI failure or console error on the partner page');
    await pasted.page.close();
  });

  test('the agenda: a tag with "&", past events, a limit and the subscription for that tag', async () => {
    const { page, problems } = await builderWith('bijeen-event-list');
    assert.equal(await page.locator('#snippet-event').isDisabled(), true, 'the list shows every event: no event to choose');
    await page.locator('#bijeen-event-list-tag').fill('wonen & zorg');
    await page.locator('#bijeen-event-list-limit').fill('5');
    await page.locator('#bijeen-event-list-past').check();
    await page.locator('#bijeen-event-list-calendar-href').check();
    const snippet = await snippetOf(page);
    assert.equal(
      snippet,
      [
        scriptTag,
        '',
        `<bijeen-event-list src="${server.api}/api/events" tag="wonen &amp; zorg" limit="5" past calendar-href="${server.api}/api/events.ics?tag=wonen%20%26%20zorg" lang="nl"></bijeen-event-list>`,
        '',
      ].join('\n'),
    );
    // The preview is the real list: only the event with that tag.
    const titles = page.locator('#snippet-preview bijeen-event-list [part~="title"]');
    await titles.first().waitFor();
    assert.deepEqual(await titles.allTextContents(), [tricky.title]);
    assert.deepEqual(problems, []);
    await page.close();

    const pasted = await pasteIntoPartnerPage(snippet);
    const pastedTitles = pasted.page.locator('bijeen-event-list [part~="title"]');
    await pastedTitles.first().waitFor();
    assert.deepEqual(await pastedTitles.allTextContents(), [tricky.title]);
    const feed = await pasted.page.locator('bijeen-event-list [part~="subscribe"]').getAttribute('href');
    assert.equal((await (await fetch(feed)).text()).match(/^BEGIN:VEVENT/gm).length, 1, 'the subscription has the tagged event only');
    assert.deepEqual(pasted.problems, []);
    await pasted.page.close();
  });

  test('the form: the endpoint on the API origin, an invalid number explained and left out, no registration sent from the preview', async () => {
    const { page, problems } = await builderWith('bijeen-registration-form');
    const endpoint = `${server.api}/api/events/${encodeURIComponent(meeting.id)}/registrations`;
    assert.equal(await page.locator('#bijeen-registration-form-endpoint').inputValue(), endpoint, 'filled in from the event, made absolute');

    const companions = page.locator('#bijeen-registration-form-max-companions');
    await companions.fill('12');
    const error = page.locator('#bijeen-registration-form-max-companions-error');
    assert.equal(await error.isVisible(), true);
    assert.match(await error.textContent(), /van 0 tot en met 10/);
    assert.equal(await companions.getAttribute('aria-invalid'), 'true');
    assert.match(await companions.getAttribute('aria-describedby'), /bijeen-registration-form-max-companions-error/);
    assert.doesNotMatch(await snippetOf(page), /max-companions/, 'an invalid value is left out');
    await companions.fill('1');
    assert.equal(await error.isVisible(), false);
    assert.equal(await companions.getAttribute('aria-invalid'), null);

    const snippet = await snippetOf(page);
    assert.match(snippet, new RegExp(`<bijeen-registration-form src="${server.api}/api/events/${meeting.id}" endpoint="${endpoint}" max-companions="1" lang="nl">`));

    // The preview's form is real, but sends nothing.
    const form = page.locator('#snippet-preview bijeen-registration-form');
    await form.locator('[name="attendee.name"]').fill('Anna de Vries');
    await form.locator('[name="attendee.email"]').fill('a.devries@example.org');
    await form.locator('[name="attendee.organisation"]').fill('Gemeente Zwolle');
    await form.locator('[name="member"]').first().check();
    await form.locator('[name="consent"]').check();
    await form.locator('[part~="submit"]').click();
    await page.locator('#snippet-preview-status', { hasText: 'Het voorbeeld verstuurt geen aanmelding.' }).waitFor();
    const { registration } = await (await fetch(`${server.api}/api/events/${meeting.id}`)).json();
    assert.equal(registration.remaining, meeting.registration.capacity, 'no place taken');
    assert.deepEqual(problems, []);
    await page.close();

    const pasted = await pasteIntoPartnerPage(snippet);
    await pasted.page.locator('bijeen-registration-form [name="attendee.name"]').waitFor();
    assert.equal(await pasted.page.locator('bijeen-registration-form [name="companions.0.name"]').count(), 0);
    assert.deepEqual(pasted.problems, []);
    await pasted.page.close();
  });

  test('the map link: the event\'s address filled in, route mode; the preview links to the route planner', async () => {
    const { page, problems } = await builderWith('bijeen-map-link');
    await page.locator('#snippet-event').selectOption(tricky.id);
    assert.equal(await page.locator('#bijeen-map-link-address').inputValue(), 'Kerkstraat 1, 8011 AB Zwolle');
    await page.locator('#bijeen-map-link-mode').selectOption('directions');
    const snippet = await snippetOf(page);
    assert.equal(
      snippet,
      [scriptTag, '', '<bijeen-map-link address="Kerkstraat 1, 8011 AB Zwolle" mode="directions" lang="nl"></bijeen-map-link>', ''].join('\n'),
    );
    const link = page.locator('#snippet-preview bijeen-map-link [part~="link"]');
    await link.waitFor();
    assert.match(await link.getAttribute('href'), /openstreetmap\.org\/directions/);
    assert.deepEqual(problems, []);
    await page.close();

    const pasted = await pasteIntoPartnerPage(snippet);
    await pasted.page.locator('bijeen-map-link [part~="link"]').waitFor();
    assert.deepEqual(pasted.problems, []);
    await pasted.page.close();
  });

  test('without the Clipboard API the copy button selects the code and says how to copy it', async () => {
    const { page, problems } = await openPage(browser.context, `${server.site}/snippet`, {
      beforeGoto: (page) => page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })),
    });
    await tabTo(page, '#snippet-copy');
    await page.keyboard.press('Enter');
    await page.locator('#snippet-copy-status', { hasText: 'Ctrl+C' }).waitFor();
    const selection = await page.evaluate(() => {
      const code = document.getElementById('snippet-code');
      return { focused: document.activeElement === code, start: code.selectionStart, end: code.selectionEnd, length: code.value.length };
    });
    assert.ok(selection.length > 0);
    assert.deepEqual(selection, { focused: true, start: 0, end: selection.length, length: selection.length });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('axe finds nothing on the Dutch page with each element\'s options and an error shown, nor on the English page', async () => {
    const { page, problems } = await openPage(browser.context, `${server.site}/snippet`);
    for (const element of ['bijeen-event', 'bijeen-event-card', 'bijeen-event-list', 'bijeen-registration-form', 'bijeen-map-link']) {
      await page.locator(`#snippet-element-${element}`).check();
      await page.locator(`#snippet-preview ${element}`).waitFor({ state: 'attached' });
      if (element === 'bijeen-registration-form') await page.locator('#bijeen-registration-form-retries').fill('99');
      assert.deepEqual(await axeViolations(page), [], element);
    }
    assert.deepEqual(problems, []);
    await page.close();

    const english = await openPage(browser.context, `${server.site}/en/snippet`);
    assert.equal(await english.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await english.page.locator('h1').textContent(), 'Make an embed code');
    assert.equal(await english.page.locator('#snippet-lang-en').isChecked(), true, 'the element speaks the page\'s language by default');
    assert.equal(await english.page.locator('a[hreflang="nl"][lang="nl"]', { hasText: 'Nederlands' }).getAttribute('href'), '/snippet');
    await english.page.locator('#snippet-preview bijeen-event [part~="title"]').first().waitFor();
    assert.deepEqual(await axeViolations(english.page), []);
    assert.deepEqual(english.problems, []);
    await english.page.close();
  });
});

describe('the snippet builder without events', () => {
  test('says where the events come from instead of showing an empty form', async () => {
    const temp = tempDir('bijeen-snippet-empty-');
    writeEvents(join(temp.dir, 'events'), {});
    const server = await startServer({ dir: temp.dir });
    try {
      const html = await (await fetch(`${server.site}/snippet`)).text();
      assert.match(html, /Dit eindpunt heeft geen bijeenkomsten\. Zet JSON-bestanden in de map EVENTS_DIR/);
      assert.doesNotMatch(html, /<form/);
    } finally {
      await server.stop();
      temp.cleanup();
    }
  });
});
