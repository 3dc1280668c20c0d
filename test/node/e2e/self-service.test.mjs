// The registrant's own page in Chromium: every view passes axe (WCAG 2.x A/AA) in Dutch and English
// with no CSP violation or console error, and the whole flow (take a companion off, cancel) works
// with JavaScript switched off, by links and buttons alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axeViolations } from '../support/axe.mjs';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { rules } from '../endpoint/support/events.mjs';
import { personalLink, waitForMail } from '../endpoint/support/mail.mjs';
import { postJson, registration, startServer, tempDir, writeEvents } from '../endpoint/support/server.mjs';

let temp;
let server;
let browser;

before(async () => {
  temp = tempDir('bijeen-self-service-');
  writeEvents(join(temp.dir, 'events'), { rules });
  server = await startServer({ dir: temp.dir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  temp?.cleanup();
});

/** Registers with two companions and returns the personal link from the mail, as the registrant's browser opens it. */
async function register(locale) {
  const body = registration(rules, {
    locale,
    companions: [
      { name: 'Joris de Wit', email: `joris-${crypto.randomUUID()}@example.org`, organisation: 'Gemeente Uden' },
      { name: 'Sanne Bakker', email: `sanne-${crypto.randomUUID()}@example.org` },
    ],
  });
  assert.equal((await postJson(server, rules.id, body)).status, 201);
  return personalLink(await waitForMail(join(temp.dir, 'outbox'), body.attendee.email));
}

const remaining = async () => (await (await fetch(`${server.api}/api/events/${rules.id}`)).json()).registration.remaining;

describe('self-service page in Chromium', () => {
  for (const locale of ['nl', 'en']) {
    test(`every view passes axe, without CSP violations or console errors (${locale})`, async () => {
      const link = await register(locale);
      for (const view of ['', '?step=cancel', '?step=remove&companion=1', '?done=removed', `?lang=${locale === 'nl' ? 'en' : 'nl'}`]) {
        const { page, problems } = await openPage(browser.context, link + view);
        assert.equal(await page.locator('html').getAttribute('lang'), view.includes('lang=') ? view.slice(-2) : locale, view);
        assert.deepEqual(await axeViolations(page), [], `axe: ${view}`);
        assert.deepEqual(problems, [], view);
        await page.close();
      }
      const { page, problems } = await openPage(browser.context, `${new URL(link).origin}/registration/${'A'.repeat(43)}`, {
        allowedFailures: (response) => response.status() === 404,
      });
      assert.deepEqual(await axeViolations(page), [], 'axe: unknown link');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('without JavaScript: take a companion off, then cancel, by keyboard and buttons alone', async () => {
    const link = await register('nl');
    const page = await browser.context.newPage();
    const devtools = await browser.context.newCDPSession(page);
    await devtools.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(link);
    assert.equal(await page.locator('script').count(), 0, 'the page has no script to run');
    const before = await remaining();

    await page.getByRole('link', { name: 'Sanne Bakker afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sanne Bakker afmelden' }).waitFor();
    await page.getByRole('button', { name: 'Ja, meld Sanne Bakker af' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('De deelnemer is afgemeld.').waitFor();
    assert.equal(await page.getByText('Sanne Bakker').count(), 0);
    assert.equal(await remaining(), before + 1);

    await page.getByRole('link', { name: 'Aanmelding annuleren' }).click();
    await page.getByRole('button', { name: 'Ja, annuleer mijn aanmelding' }).click();
    await page.getByRole('status').getByText('Uw aanmelding is geannuleerd.').waitFor();
    assert.equal(await page.getByRole('button').count(), 0);
    assert.equal(await remaining(), before + 3);
    // Back to the "cancel?" step: it is read again (no-store) and offers nothing to post any more.
    await page.goBack();
    await page.getByText('Deze aanmelding is geannuleerd.').waitFor();
    assert.equal(await page.getByRole('button').count(), 0);
    assert.equal(await remaining(), before + 3);
    await page.close();
  });
});
