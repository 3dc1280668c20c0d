// CONFIRM_EMAIL=1: a registration is `pending` until the registrant follows the mail's link and
// confirms on the page; pending registrations hold their places for HOLD_MINUTES; holds that
// expire free their places and move the waiting list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { calendarEvent, freePort, mailsTo, personalLink, reachable, readOutbox, waitForMail } from './support/mail.mjs';
import { daysFromNow, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const event = (id, capacity) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start: daysFromNow(40),
  end: daysFromNow(40.2),
  location: { name: 'Area Wonen', city: 'Uden' },
  registration: { capacity, waitlist: true, maxCompanions: 2 },
});
const roomy = event('ruim', 10);
const single = event('een-plaats', 1);
const env = { CONFIRM_EMAIL: '1', HOLD_MINUTES: '45' };

let temp;
let server;

before(async () => {
  // A fixed port, so the links in mails sent before a restart still lead to the server.
  env.API_PORT = String(await freePort());
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { roomy, single });
  server = await startServer({ dir: temp.dir, env });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const person = (tag) => ({ name: `Persoon ${tag}`, email: `${tag}@example.org`, organisation: 'Het Baken' });
const unique = () => crypto.randomUUID().slice(0, 8);
const remaining = async (id) => (await (await fetch(`${server.api}/api/events/${id}`)).json()).registration.remaining;

const mailTo = (address, subject) => waitForMail(join(temp.dir, 'outbox'), address, subject);

async function confirm(link) {
  const html = await (await fetch(link)).text();
  const form = /name="action" value="confirm"><input type="hidden" name="form" value="([^"]+)">/.exec(html);
  assert.ok(form, html);
  return fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
    body: new URLSearchParams({ action: 'confirm', form: form[1], lang: 'nl' }),
  });
}

function statusOf(address) {
  const db = new Database(join(temp.dir, 'bijeen.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT status FROM registrations WHERE email = ? ORDER BY seq DESC').get(address)?.status;
  } finally {
    db.close();
  }
}

describe('double opt-in', () => {
  test('the answer is pending and the places are held; the link\'s page confirms; then the full mails go out', async () => {
    const tag = unique();
    const before = await remaining(roomy.id);
    const body = registration(roomy, { attendee: person(`p-${tag}`), companions: [person(`pc-${tag}`)] });
    const answer = await postJson(server, roomy.id, body);
    assert.equal(answer.status, 201);
    assert.equal(answer.body.status, 'pending');
    assert.match(answer.body.message, /bevestig uw aanmelding/);
    assert.equal(await remaining(roomy.id), before - 2, 'the places are held');

    const ask = await mailTo(body.attendee.email, 'Bevestig uw aanmelding');
    assert.match(ask.text, /vóór .* met de link hieronder/);
    assert.equal(calendarEvent(ask), undefined);
    const link = reachable(personalLink(ask));
    // Opening the link (a mail scanner does) confirms nothing.
    assert.match(await (await fetch(link)).text(), /Uw aanmelding is nog niet bevestigd/);
    assert.equal(statusOf(body.attendee.email), 'pending');
    assert.equal(mailsTo(await readOutbox(join(temp.dir, 'outbox')), `pc-${tag}@example.org`).length, 0, 'companions wait for the confirmation');

    const confirmed = await confirm(link);
    assert.equal(confirmed.status, 303);
    assert.match(confirmed.headers.get('location'), /done=confirmed/);
    assert.equal(statusOf(body.attendee.email), 'confirmed');
    assert.equal(await remaining(roomy.id), before - 2);
    const done = await mailTo(body.attendee.email, 'Aanmelding bevestigd');
    assert.equal(reachable(personalLink(done)), link, 'the same personal link');
    assert.ok(calendarEvent(done));
    await mailTo(`pc-${tag}@example.org`, 'U bent aangemeld');
  });

  test('full: pending without a held place, then the waiting list on confirmation; an expired hold frees its place for it', async () => {
    const first = registration(single, { attendee: person(`h-${unique()}`) });
    assert.equal((await postJson(server, single.id, first)).body.status, 'pending');
    assert.equal(await remaining(single.id), 0);
    const second = registration(single, { attendee: person(`w-${unique()}`) });
    assert.equal((await postJson(server, single.id, second)).body.status, 'pending');
    assert.equal(statusOf(second.attendee.email), 'pending-waitlist');
    const waitLink = reachable(personalLink(await mailTo(second.attendee.email, 'Bevestig uw aanmelding')));
    assert.match(await (await fetch(waitLink)).text(), /na uw bevestiging komt u op de wachtlijst/);
    assert.equal((await confirm(waitLink)).status, 303);
    assert.equal(statusOf(second.attendee.email), 'waitlisted');

    // The first never confirms: its hold runs out (set back in the database), and a restart sweeps it.
    const holdLink = reachable(personalLink(await mailTo(first.attendee.email, 'Bevestig uw aanmelding')));
    const db = new Database(join(temp.dir, 'bijeen.sqlite'));
    db.prepare('UPDATE registrations SET confirm_by = ? WHERE email = ?').run(new Date(Date.now() - 1000).toISOString(), first.attendee.email);
    db.close();
    await server.stop();
    server = await startServer({ dir: temp.dir, env });
    assert.match(server.output(), /holds: 1 pending registration\(s\) expired/);
    assert.equal(statusOf(first.attendee.email), 'expired');
    assert.equal(statusOf(second.attendee.email), 'confirmed');
    await mailTo(second.attendee.email, 'Er is een plaats voor u');
    const expired = await (await fetch(holdLink)).text();
    assert.match(expired, /Deze aanmelding is verlopen/);
    assert.doesNotMatch(expired, /<form/);
    // The address is free again.
    assert.equal((await postJson(server, single.id, registration(single, { attendee: first.attendee }))).status, 201);
  });
});
