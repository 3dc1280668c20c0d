// End to end, as a visitor and an organiser use it: Chromium on the demo partner site (strict CSP,
// classic script with SRI), the reference endpoint on another origin, a real SQLite file. Needs
// the built CDN files (`npm test` builds first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { daysFromNow, exportCsv, repoRoot, startServer, tempDir, writeEvents } from '../endpoint/support/server.mjs';

const TOKEN = 'e2e-organiser-token-0123456789abcdef';
const demoEvent = (name) => JSON.parse(readFileSync(join(repoRoot, 'demo/events', `${name}.json`), 'utf8'));

// The live demo meeting, moved into the future so the test does not expire with the demo data.
const meeting = demoEvent('wat-werkt-uden');
meeting.start = daysFromNow(30);
meeting.end = daysFromNow(30.2);
meeting.registration = { ...meeting.registration, opens: daysFromNow(-1), closes: daysFromNow(29) };

/** Two ports that are free now, so a restarted server can come back on the same origins. */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** The focused element, looking through shadow roots. */
function deepFocus(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? { name: active.getAttribute('name'), part: active.getAttribute('part') ?? '', type: active.type } : {};
  });
}

/** Presses Tab until the focused control matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page, matches, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (matches(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached the control (last: ${JSON.stringify(await deepFocus(page))})`);
}

const byName = (name) => (focus) => focus.name === name;
const byPart = (part) => (focus) => focus.part.split(' ').includes(part);

async function registrationRows(server) {
  const csv = await exportCsv(server, meeting.id, TOKEN);
  assert.equal(csv.status, 200);
  return csv.rows.slice(1).filter((row) => row.some((cell) => cell !== ''));
}

async function waitForOutcome(page) {
  const status = page.locator('bijeen-registration-form [part~="status"]');
  await page.waitForFunction(
    () => {
      const form = document.querySelector('bijeen-event')?.shadowRoot?.querySelector('bijeen-registration-form')
        ?? document.querySelector('bijeen-registration-form');
      const text = [...(form?.shadowRoot?.querySelectorAll('[part~="status"]') ?? [])].map((el) => el.textContent).join(' ');
      return /aangemeld|ingeschreven|bevestig|ontvangen/i.test(text);
    },
    undefined,
    { timeout: 20_000 },
  );
  return status;
}

describe('demo partner site, end to end', () => {
  let temp;
  let server;
  let browser;
  let env;

  before(async () => {
    temp = tempDir('bijeen-e2e-');
    writeEvents(join(temp.dir, 'events'), {
      [meeting.id]: meeting,
      'webinar-gemengd-wonen': demoEvent('webinar-gemengd-wonen'),
      'buurtbeheer-tilburg': demoEvent('buurtbeheer-tilburg'),
    });
    const [site, api] = await freePorts(2);
    env = { PORT: String(site), API_PORT: String(api), ADMIN_TOKEN: TOKEN };
    server = await startServer({ dir: temp.dir, env });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    temp?.cleanup();
  });

  test('the home page renders the event under the strict CSP with no violation or console error', async () => {
    const { page, problems } = await openPage(browser.context, `${server.site}/`);
    await page.locator('bijeen-event').locator('bijeen-event-card [part~="title"]').waitFor();
    await page.locator('bijeen-event').locator('bijeen-registration-form [name="attendee.name"]').waitFor();
    assert.match(await page.locator('bijeen-event-card [part~="title"]').textContent(), /Wat werkt in/);
    // The JSON-LD goes through the `bijeen` Trusted Types policy the page allows.
    const jsonLd = await page.locator('bijeen-event > script[type="application/ld+json"]').textContent();
    assert.equal(JSON.parse(jsonLd).name, meeting.title);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the agenda\'s <bijeen-event-list> shows a teaser card per event, one ItemList JSON-LD and the subscription', async () => {
    const { page, problems } = await openPage(browser.context, `${server.site}/agenda`);
    await page.waitForFunction(() => {
      const cards = [...(document.querySelector('bijeen-event-list')?.shadowRoot?.querySelectorAll('bijeen-event-card') ?? [])];
      return cards.length === 3 && cards.every((card) => card.shadowRoot?.querySelector('[part~="title"]'));
    });
    // Playwright's CSS locators look into shadow roots: the cards are the list's.
    const titles = await page.locator('bijeen-event-list [part~="title"]').allTextContents();
    const byStart = [meeting, demoEvent('webinar-gemengd-wonen'), demoEvent('buurtbeheer-tilburg')].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    assert.deepEqual(titles, byStart.map((event) => event.title), 'upcoming events by start');
    assert.equal(await page.locator('bijeen-event-list > ul').isVisible(), false, 'the server-rendered fallback gives way');
    // One JSON-LD block for the whole list, through the `bijeen` Trusted Types policy the page allows
    // (written when the page is idle).
    await page.locator('bijeen-event-list > script[type="application/ld+json"]').waitFor({ state: 'attached' });
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(scripts.length, 1);
    assert.equal(JSON.parse(scripts[0]).itemListElement.length, 3);
    const feed = await page.locator('bijeen-event-list [part~="subscribe"]').getAttribute('href');
    assert.equal(feed, `${server.api}/api/events.ics`.replace('127.0.0.1', new URL(server.site).hostname));
    const calendar = await fetch(feed);
    assert.equal(calendar.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal((await calendar.text()).match(/^BEGIN:VEVENT/gm).length, 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('keyboard only: "Aanmelden", fill in, two companions, submit → exactly one registration', async () => {
    const { page, problems } = await openPage(browser.context, `${server.site}/`);
    await page.locator('bijeen-registration-form [name="attendee.name"]').waitFor();
    await tabTo(page, byPart('register'));
    await page.keyboard.press('Enter');
    assert.equal((await deepFocus(page)).name, 'attendee.name', '"Aanmelden" moves focus to the first field');

    await page.keyboard.type('Fatima el Amrani');
    await tabTo(page, byName('attendee.email'));
    await page.keyboard.type('f.elamrani@example.org');
    await tabTo(page, byName('attendee.organisation'));
    await page.keyboard.type('Woonstichting Het Baken');
    await tabTo(page, byName('member'));
    await page.keyboard.press('Space');
    for (const [index, name] of ['Joris de Wit', 'Sanne Bakker'].entries()) {
      await tabTo(page, byPart('add-companion'));
      await page.keyboard.press('Enter');
      assert.equal((await deepFocus(page)).name, `companions.${index}.name`, 'focus moves to the new companion');
      await page.keyboard.type(name);
      await tabTo(page, byName(`companions.${index}.email`));
      await page.keyboard.type(`partner${index + 1}@example.org`);
    }
    await tabTo(page, byName('consent'));
    await page.keyboard.press('Space');
    await tabTo(page, byPart('submit'));
    await page.keyboard.press('Enter');
    await waitForOutcome(page);

    const rows = await registrationRows(server);
    assert.equal(rows.length, 1);
    const row = rows[0].join(' | ');
    for (const expected of ['Fatima el Amrani', 'f.elamrani@example.org', 'Joris de Wit', 'partner2@example.org']) {
      assert.ok(row.includes(expected), `${expected} in ${row}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a double click on submit registers once', async () => {
    const { page, problems } = await openPage(browser.context, `${server.site}/`);
    const form = page.locator('bijeen-registration-form');
    await form.locator('[name="attendee.name"]').fill('Pieter Jansen');
    await form.locator('[name="attendee.email"]').fill('p.jansen@example.org');
    await form.locator('[name="attendee.organisation"]').fill('Gemeente Uden');
    await form.locator('[name="member"]').first().check();
    await form.locator('[name="consent"]').check();
    const before = (await registrationRows(server)).length;
    await form.locator('[part~="submit"]').dblclick();
    await waitForOutcome(page);
    assert.equal((await registrationRows(server)).length, before + 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the endpoint killed and restarted during a submission → exactly one registration', async () => {
    const { page } = await openPage(browser.context, `${server.site}/`);
    const form = page.locator('bijeen-registration-form');
    await form.locator('[name="attendee.name"]').fill('Ilse Vermeulen');
    await form.locator('[name="attendee.email"]').fill('i.vermeulen@example.org');
    await form.locator('[name="attendee.organisation"]').fill('Zorggroep De Linde');
    await form.locator('[name="member"]').last().check();
    await form.locator('[name="consent"]').check();
    const before = (await registrationRows(server)).length;

    await form.locator('[part~="submit"]').click();
    await server.kill();
    server = await startServer({ dir: temp.dir, env });
    await waitForOutcome(page);

    const rows = await registrationRows(server);
    assert.equal(rows.length, before + 1);
    assert.equal(rows.filter((row) => row.includes('i.vermeulen@example.org')).length, 1);
    await page.close();
  });
});
