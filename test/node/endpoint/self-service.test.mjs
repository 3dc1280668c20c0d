// The registrant's own page (`/registration/<token>` from the mail) over real HTTP: what a GET shows
// and never changes, cancelling and taking a companion off (places and addresses freed, mails
// sent, idempotent), cross-site and hostile requests refused cheaply. The browser side (axe, no
// JavaScript) is in test/node/e2e/self-service.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rules, unlimited } from './support/events.mjs';
import { mailsTo, personalLink, reachable, readOutbox, waitFor, waitForMail } from './support/mail.mjs';
import { postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { rules, unlimited });
  server = await startServer({ dir: temp.dir });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const unique = () => crypto.randomUUID().slice(0, 8);
const person = (tag) => ({ name: `Persoon ${tag}`, email: `${tag}@example.org`, organisation: 'Het Baken' });
const outbox = () => readOutbox(join(temp.dir, 'outbox'));

/** Registers and returns the personal link from the registrant's mail (on 127.0.0.1, as the test reaches the server). */
async function registerWithLink(event, overrides) {
  const body = registration(event, overrides);
  const answer = await postJson(server, event.id, body);
  assert.equal(answer.status, 201, answer.text);
  const mail = await waitForMail(join(temp.dir, 'outbox'), body.attendee.email);
  const link = personalLink(mail);
  return { body, answer, mail, link: reachable(link), origin: new URL(link).origin };
}

const remaining = async (event) => (await (await fetch(`${server.api}/api/events/${event.id}`)).json()).registration.remaining;

/** The hidden fields of the page's form for `action`. */
async function formFields(url) {
  const html = await (await fetch(url)).text();
  const form = /<form method="post" action="([^"]+)">(.*?)<\/form>/s.exec(html);
  assert.ok(form, `a form in ${html}`);
  const fields = Object.fromEntries([...form[2].matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name, value.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))]));
  return { action: form[1], fields };
}

function post(link, fields, headers = {}) {
  return fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

describe('the personal page', () => {
  test('shows the registration in its language; GETs and HEADs change nothing', async () => {
    const { link } = await registerWithLink(rules, { attendee: person(`v-${unique()}`), answers: { workshop: 'Buurtbeheer' } });
    const before = await remaining(rules);
    const page = await fetch(link);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.headers.get('content-security-policy'), /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    const html = await page.text();
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /U bent aangemeld\./);
    assert.match(html, /<dt>Welke workshop\?<\/dt><dd>Buurtbeheer<\/dd>/);
    assert.doesNotMatch(html, /<script/);
    const english = await (await fetch(`${link}?lang=en`)).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /You are registered\./);
    for (const view of ['', '?step=cancel', '?step=remove&companion=0', '?done=cancelled']) {
      assert.equal((await fetch(link + view)).status, 200, view);
      assert.equal((await fetch(link + view, { method: 'HEAD' })).status, 200, view);
    }
    assert.equal(await remaining(rules), before, 'nothing changed');
  });

  test('cancelling frees the places and the addresses, mails the registrant and the companions, and is idempotent', async () => {
    const tag = unique();
    const companions = [person(`p1-${tag}`), person(`p2-${tag}`)];
    const { link, origin, body } = await registerWithLink(rules, { attendee: person(`c-${tag}`), companions });
    const before = await remaining(rules);
    const { action, fields } = await formFields(`${link}?step=cancel`);
    assert.equal(action, new URL(link).pathname);
    assert.equal(fields.action, 'cancel');

    const cancelled = await post(link, fields, { Origin: origin });
    assert.equal(cancelled.status, 303);
    assert.equal(cancelled.headers.get('location'), `${new URL(link).pathname}?lang=nl&done=cancelled`);
    assert.equal(await remaining(rules), before + 3);
    const page = await (await fetch(new URL(cancelled.headers.get('location'), link))).text();
    assert.match(page, /role="status"><p>Uw aanmelding is geannuleerd\./);
    assert.match(page, /Deze aanmelding is geannuleerd\./);
    assert.doesNotMatch(page, /<form/, 'nothing left to do');

    // Again: the same answer, nothing more freed or mailed.
    const again = await post(link, fields, { Origin: origin });
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), `${new URL(link).pathname}?lang=nl`);
    assert.equal(await remaining(rules), before + 3);

    // One person, one place: each address may register again.
    assert.equal((await postJson(server, rules.id, registration(rules, { attendee: body.attendee }))).status, 201);
    assert.equal((await postJson(server, rules.id, registration(rules, { companions: [companions[0]] }))).status, 201);

    const mails = await waitFor(async () => {
      const all = await outbox();
      return mailsTo(all, companions[1].email).length === 2 && all;
    }, 'the cancellation mails');
    const receipt = mailsTo(mails, body.attendee.email).map(({ mail }) => mail).find((mail) => mail.subject.startsWith('Aanmelding geannuleerd'));
    assert.ok(receipt);
    assert.equal(personalLink(receipt), undefined);
    const note = mailsTo(mails, companions[1].email).at(-1).mail;
    assert.equal(note.subject, `Uw aanmelding is geannuleerd: ${rules.title}`);
    assert.match(note.text, new RegExp(`Persoon c-${tag} heeft uw aanmelding`));
  });

  test('taking a companion off frees that place and address and tells that companion; twice changes nothing', async () => {
    const tag = unique();
    const companions = [person(`q1-${tag}`), person(`q2-${tag}`)];
    const { link, origin } = await registerWithLink(unlimited, { attendee: person(`r-${tag}`), companions });
    const { fields } = await formFields(`${link}?step=remove&companion=1`);
    assert.equal(fields.companion, companions[1].email);
    const removed = await post(link, fields, { Origin: origin });
    assert.equal(removed.status, 303);
    assert.match(removed.headers.get('location'), /done=removed/);
    const html = await (await fetch(link)).text();
    assert.doesNotMatch(html, new RegExp(companions[1].email));
    assert.match(html, new RegExp(companions[0].email));
    assert.equal((await post(link, fields, { Origin: origin })).headers.get('location'), `${new URL(link).pathname}?lang=nl`);
    // The address is free again; the other companion still holds theirs.
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: companions[1] }))).status, 201);
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: companions[0] }))).status, 409);
    const mail = await waitForMail(join(temp.dir, 'outbox'), companions[1].email, 'Uw aanmelding is geannuleerd');
    assert.match(mail.text, new RegExp(`Persoon r-${tag} heeft uw aanmelding`));
  });

  test('a POST from another site, or without this page\'s form token, is refused and changes nothing', async () => {
    const { link, origin } = await registerWithLink(rules, { attendee: person(`x-${unique()}`) });
    const other = await registerWithLink(rules, { attendee: person(`y-${unique()}`) });
    const { fields } = await formFields(`${link}?step=cancel`);
    const { fields: otherFields } = await formFields(`${other.link}?step=cancel`);
    const before = await remaining(rules);
    for (const [what, body, headers] of [
      ['Sec-Fetch-Site: cross-site', fields, { 'Sec-Fetch-Site': 'cross-site', Origin: origin }],
      ['Sec-Fetch-Site: same-site', fields, { 'Sec-Fetch-Site': 'same-site', Origin: origin }],
      ['a foreign Origin', fields, { Origin: 'https://evil.example.org' }],
      ['Origin null', fields, { Origin: 'null' }],
      ['no form token', { action: 'cancel' }, { Origin: origin }],
      ['a wrong form token', { ...fields, form: 'x'.repeat(43) }, { Origin: origin }],
      ['another registration\'s form token', { ...fields, form: otherFields.form }, { Origin: origin }],
    ]) {
      const response = await post(link, body, headers);
      assert.equal(response.status, 403, what);
      assert.match(await response.text(), /Uw keuze is niet verwerkt/, what);
    }
    assert.equal(await remaining(rules), before);
    assert.match(await (await fetch(link)).text(), /U bent aangemeld\./);
  });

  test('hostile requests get a cheap 4xx with the page\'s security headers', async () => {
    const { link, origin } = await registerWithLink(rules, { attendee: person(`h-${unique()}`) });
    const base = `${server.api}/registration/`;
    for (const [what, url, init, status] of [
      ['a short token', `${base}abc`, {}, 404],
      ['a token of the right form that is nobody\'s', `${base}${'A'.repeat(43)}`, {}, 404],
      ['a token with a bad character', `${base}${'A'.repeat(42)}*`, {}, 404],
      ['a very long token', `${base}${'A'.repeat(5000)}`, {}, 404],
      ['a path below the token', `${link}/x`, {}, 404],
      ['PUT', link, { method: 'PUT', body: 'x' }, 405],
      ['JSON', link, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: '{}' }, 415],
      ['a 100 kB form', link, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, body: `a=${'x'.repeat(100_000)}` }, 413],
      ['an unknown action', link, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, body: 'action=explode' }, 403],
    ]) {
      const response = await fetch(url, { redirect: 'manual', ...init });
      assert.equal(response.status, status, what);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', what);
      assert.ok(response.headers.get('content-security-policy'), what);
    }
    assert.match(await (await fetch(`${base}${'A'.repeat(43)}`, { headers: { 'Accept-Language': 'en' } })).text(), /This link does not work/);
  });
});
