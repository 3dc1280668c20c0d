// The waiting list moves by itself: when places come free (a cancellation, a companion taken off, a
// capacity raised in the event file before a restart), the oldest waiting registrations that fit
// are confirmed and mailed, with the .ics and a personal link of their own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { calendarEvent, mailsTo, personalLink, reachable, readOutbox, waitFor, waitForMail } from './support/mail.mjs';
import { daysFromNow, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const event = (capacity, extra = {}) => ({
  id: 'wachtlijst',
  title: 'Bijeenkomst met wachtlijst',
  start: daysFromNow(40),
  end: daysFromNow(40.2),
  location: { name: 'Area Wonen', city: 'Uden' },
  registration: { capacity, waitlist: true, maxCompanions: 2 },
  ...extra,
});

const person = (tag) => ({ name: `Persoon ${tag}`, email: `${tag}@example.org`, organisation: 'Het Baken' });
async function linkOf(temp, address, subject) {
  const mail = await waitForMail(join(temp.dir, 'outbox'), address, subject);
  return { mail, link: reachable(personalLink(mail)) };
}

/** Posts the page's form for `view` (a step of the personal page) as the registrant's browser would. */
async function act(link, view) {
  const html = await (await fetch(link + view)).text();
  const fields = Object.fromEntries([...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name, value.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))]));
  const response = await fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
    body: new URLSearchParams(fields),
  });
  assert.equal(response.status, 303);
}

function statuses(temp) {
  const db = new Database(join(temp.dir, 'bijeen.sqlite'), { readonly: true });
  try {
    return Object.fromEntries(db.prepare('SELECT email, status FROM registrations ORDER BY seq').all().map((row) => [row.email.split('@')[0], row.status]));
  } finally {
    db.close();
  }
}

describe('waiting-list promotion', () => {
  test('freed places go to the oldest waiting registrations that fit; each is mailed; a raised capacity promotes at start-up', async () => {
    const temp = tempDir();
    writeEvents(join(temp.dir, 'events'), { wachtlijst: event(3) });
    let server = await startServer({ dir: temp.dir });
    try {
      const post = async (attendee, companions = []) => {
        const answer = await postJson(server, 'wachtlijst', registration(event(3), { attendee, companions }));
        assert.equal(answer.status, 201, answer.text);
        return answer.body.status;
      };
      assert.equal(await post(person('a'), [person('a1'), person('a2')]), 'confirmed');
      assert.equal(await post(person('b'), [person('b1'), person('b2')]), 'waitlisted');
      assert.equal(await post(person('c')), 'waitlisted');
      assert.equal(await post(person('d')), 'waitlisted');
      const { link: a } = await linkOf(temp, 'a@example.org', 'Aanmelding bevestigd');

      // One place free: b (three places) does not fit, c (one) does and is next.
      await act(a, '?step=remove&companion=1');
      assert.deepEqual(statuses(temp), { a: 'confirmed', b: 'waitlisted', c: 'confirmed', d: 'waitlisted' });
      const promoted = await linkOf(temp, 'c@example.org', 'Er is een plaats voor u');
      assert.match(promoted.mail.text, /u stond op de wachtlijst en bent nu aangemeld/);
      assert.equal(calendarEvent(promoted.mail).uid, 'wachtlijst@localhost');
      assert.match(await (await fetch(promoted.link)).text(), /U bent aangemeld\./, 'the new link opens the page');
      const { link: cFirst } = await linkOf(temp, 'c@example.org', 'U staat op de wachtlijst');
      assert.match(await (await fetch(cFirst)).text(), /U bent aangemeld\./, 'the first link still works');

      // a cancels: two places free, b still does not fit, d does.
      await act(a, '?step=cancel');
      assert.deepEqual(statuses(temp), { a: 'cancelled', b: 'waitlisted', c: 'confirmed', d: 'confirmed' });
      await linkOf(temp, 'd@example.org', 'Er is een plaats voor u');
      const remaining = (await (await fetch(`${server.api}/api/events/wachtlijst`)).json()).registration.remaining;
      assert.equal(remaining, 1);

      // The organiser raises the capacity to 6 and restarts: b (three) fits now.
      await server.stop();
      writeEvents(join(temp.dir, 'events'), { wachtlijst: event(6) });
      server = await startServer({ dir: temp.dir });
      assert.match(server.output(), /waiting list: 1 registration\(s\) for wachtlijst confirmed/);
      assert.deepEqual(statuses(temp), { a: 'cancelled', b: 'confirmed', c: 'confirmed', d: 'confirmed' });
      await linkOf(temp, 'b@example.org', 'Er is een plaats voor u');
      // b's companions hear it too.
      await waitFor(async () => mailsTo(await readOutbox(join(temp.dir, 'outbox')), 'b2@example.org').length === 2, 'b2\'s second mail');
    } finally {
      await server.stop();
      temp.cleanup();
    }
  });

  test('promotion keeps to the non-members\' places: a waiting non-member is passed over until one of those is free', async () => {
    const temp = tempDir();
    const rules = event(3, {});
    rules.registration = { ...rules.registration, memberQuestion: 'Bent u lid?', nonMemberPlaces: 1 };
    writeEvents(join(temp.dir, 'events'), { wachtlijst: rules });
    const server = await startServer({ dir: temp.dir });
    try {
      const post = async (tag, member) => {
        const answer = await postJson(server, 'wachtlijst', registration(rules, { attendee: person(tag), member }));
        assert.equal(answer.status, 201, answer.text);
        return answer.body.status;
      };
      assert.equal(await post('a', false), 'confirmed');
      assert.equal(await post('b', false), 'waitlisted', 'the one non-member place is taken');
      assert.equal(await post('c', true), 'confirmed');
      assert.equal(await post('d', true), 'confirmed');
      assert.equal(await post('e', true), 'waitlisted', 'full');
      const { link: c } = await linkOf(temp, 'c@example.org', 'Aanmelding bevestigd');
      await act(c, '?step=cancel');
      assert.deepEqual(statuses(temp), { a: 'confirmed', b: 'waitlisted', c: 'cancelled', d: 'confirmed', e: 'confirmed' });
      const { link: a } = await linkOf(temp, 'a@example.org', 'Aanmelding bevestigd');
      await act(a, '?step=cancel');
      assert.deepEqual(statuses(temp), { a: 'cancelled', b: 'confirmed', c: 'cancelled', d: 'confirmed', e: 'confirmed' });
    } finally {
      await server.stop();
      temp.cleanup();
    }
  });

  test('after the event, nothing is promoted any more', async () => {
    const temp = tempDir();
    const running = event(1, { start: daysFromNow(1), end: daysFromNow(1.1) });
    writeEvents(join(temp.dir, 'events'), { wachtlijst: running });
    let server = await startServer({ dir: temp.dir });
    try {
      assert.equal((await postJson(server, 'wachtlijst', registration(running, { attendee: person('e') }))).body.status, 'confirmed');
      assert.equal((await postJson(server, 'wachtlijst', registration(running, { attendee: person('f') }))).body.status, 'waitlisted');
      await server.stop();
      // The event has been held; its capacity raised afterwards changes nobody's status.
      writeEvents(join(temp.dir, 'events'), { wachtlijst: event(5, { start: daysFromNow(-2), end: daysFromNow(-1.9) }) });
      server = await startServer({ dir: temp.dir });
      assert.deepEqual(statuses(temp), { e: 'confirmed', f: 'waitlisted' });
    } finally {
      await server.stop();
      temp.cleanup();
    }
  });
});
