// Confirmation mail through the persistent queue: the outbox without SMTP_URL, a real SMTP server on
// loopback with it, SMTP down and back, restarts with mail still queued, a permanent refusal, and
// bad mail settings. Every mail is read back with mailparser, its calendar file with ical.js.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { prefull, rules } from './support/events.mjs';
import { calendarEvent, freePort, mailsTo, personalLink, readOutbox, startSmtp, waitFor, waitForMail } from './support/mail.mjs';
import { companions, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

/** An event with a page of its own, coordinates, an online address, in London's time zone. */
const meeting = {
  id: 'mail-meeting',
  title: 'Wonen met zorg: wat werkt',
  start: '2030-03-05T09:30:00+01:00',
  end: '2030-03-05T12:00:00+01:00',
  timeZone: 'Europe/London',
  url: 'https://www.example.org/agenda/wonen-met-zorg',
  location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden', lat: 51.66, lon: 5.62, online: 'https://meet.example.org/wonen' },
  registration: {
    capacity: 20,
    maxCompanions: 2,
    companionLabel: 'samenwerkingspartner',
    memberQuestion: 'Is uw organisatie lid?',
    questions: [{ id: 'workshop', label: 'Welke workshop?', type: 'radio', options: ['Wonen', 'Zorg'], required: true }],
  },
};

const person = (tag, extra = {}) => ({ name: `Persoon ${tag}`, email: `${tag}@example.org`, organisation: 'Het Baken', ...extra });
const unique = () => crypto.randomUUID().slice(0, 8);

describe('confirmation mail in the outbox (no SMTP_URL)', () => {
  let temp;
  let server;
  const outbox = () => join(temp.dir, 'outbox');

  before(async () => {
    temp = tempDir();
    writeEvents(join(temp.dir, 'events'), { meeting, rules, prefull });
    server = await startServer({ dir: temp.dir });
  });

  after(async () => {
    await server?.stop();
    temp?.cleanup();
  });

  test('a confirmed registration: a full mail to the registrant, a short one to each companion, both with the card\'s calendar file', async () => {
    const tag = unique();
    const body = registration(meeting, {
      attendee: person(`r-${tag}`, { role: 'Beleidsadviseur' }),
      member: false,
      companions: [person(`c1-${tag}`, { organisation: 'Gemeente Uden' }), person(`c2-${tag}`)],
      answers: { workshop: 'Zorg' },
      remarks: 'Graag een rolstoelplek',
    });
    const answer = await postJson(server, meeting.id, body);
    assert.equal(answer.status, 201);
    assert.equal(answer.body.status, 'confirmed');
    const mails = await waitFor(async () => {
      const all = await readOutbox(outbox());
      return mailsTo(all, `c2-${tag}@example.org`).length > 0 && all;
    }, 'three mails in the outbox');

    const [own] = mailsTo(mails, `r-${tag}@example.org`).map(({ mail }) => mail);
    assert.equal(own.subject, `Aanmelding bevestigd: ${meeting.title}`);
    assert.equal(own.from.value[0].address, 'bijeen@example.org');
    for (const line of [
      `Beste Persoon r-${tag},`,
      // 09:30 in Amsterdam is 08:30 in London, the event's own zone.
      'Wanneer: dinsdag 5 maart 2030, 8.30–11.00 uur',
      'Waar: Area Wonen, Leeuweriksweg 12, 5402 XD Uden',
      'Kaart: https://www.openstreetmap.org/?mlat=51.66&mlon=5.62#map=17/51.66/5.62',
      'Online: https://meet.example.org/wonen',
      `Meer informatie: ${meeting.url}`,
      'Status: Aangemeld',
      'Functie: Beleidsadviseur',
      'Is uw organisatie lid?: Nee',
      `Samenwerkingspartner 1: Persoon c1-${tag}, c1-${tag}@example.org, Gemeente Uden`,
      `Samenwerkingspartner 2: Persoon c2-${tag}, c2-${tag}@example.org, Het Baken`,
      'Welke workshop?: Zorg',
      'Opmerkingen: Graag een rolstoelplek',
    ]) {
      assert.ok(own.text.includes(line), `${line}\nin\n${own.text}`);
    }
    assert.match(own.html, /<html lang="nl">/);
    assert.match(own.html, /<a href="https:\/\/www\.openstreetmap\.org\/\?mlat=51\.66&(?:amp|#38);mlon=5\.62#map=17\/51\.66\/5\.62">Bekijk op de kaart<\/a>/);
    const link = personalLink(own);
    assert.ok(link?.startsWith(`${server.api.replace('127.0.0.1', 'localhost')}/registration/`), own.text);
    assert.ok(own.html.includes(`href="${link}"`));
    assert.match(own.messageId, /^<mail-\d+\.\d+@localhost>$/);

    // The calendar file: the event as the card's and the feed's, with the same UID.
    const event = calendarEvent(own);
    assert.equal(event.uid, 'mail-meeting@www.example.org');
    assert.equal(event.summary, meeting.title);
    assert.equal(event.startDate.toJSDate().toISOString(), '2030-03-05T08:30:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2030-03-05T11:00:00.000Z');
    assert.equal(event.location, 'Area Wonen, Leeuweriksweg 12, 5402 XD Uden');
    const feed = new ICAL.Component(ICAL.parse(await (await fetch(`${server.api}/api/events.ics`)).text()));
    const uids = feed.getAllSubcomponents('vevent').map((vevent) => vevent.getFirstPropertyValue('uid'));
    assert.ok(uids.includes(event.uid), `${event.uid} in the feed's ${uids}`);

    const [companion] = mailsTo(mails, `c1-${tag}@example.org`).map(({ mail }) => mail);
    assert.equal(companion.subject, `U bent aangemeld voor ${meeting.title}`);
    assert.match(companion.text, new RegExp(`Persoon r-${tag} heeft u als samenwerkingspartner aangemeld`));
    assert.match(companion.text, /Wanneer: dinsdag 5 maart 2030, 8\.30–11\.00 uur/);
    assert.equal(personalLink(companion), undefined, 'the personal link is the registrant\'s alone');
    assert.doesNotMatch(companion.text, /Welke workshop|rolstoelplek/, 'the registrant\'s answers stay theirs');
    assert.equal(calendarEvent(companion).uid, event.uid);
  });

  test('the mail speaks the registration\'s language', async () => {
    const tag = unique();
    const body = registration(meeting, { locale: 'en', attendee: person(`en-${tag}`), member: true, answers: { workshop: 'Wonen' } });
    assert.equal((await postJson(server, meeting.id, body, { headers: { 'Accept-Language': 'nl' } })).status, 201);
    const mail = await waitForMail(outbox(), `en-${tag}@example.org`);
    assert.equal(mail.subject, `Registration confirmed: ${meeting.title}`);
    assert.match(mail.text, /^Dear Persoon en-/);
    assert.match(mail.text, /When: Tuesday 5 March 2030, 08:30–11:00/);
    assert.match(mail.text, /Is uw organisatie lid\?: Yes/);
    assert.match(mail.html, /<html lang="en">/);
  });

  test('a waitlisted registration: a waiting-list mail with the link, no calendar file; companions hear they wait too', async () => {
    const tag = unique();
    const body = registration(prefull, { attendee: person(`w-${tag}`), companions: [] });
    const answer = await postJson(server, prefull.id, body);
    assert.equal(answer.body.status, 'waitlisted');
    const mail = await waitForMail(outbox(), `w-${tag}@example.org`);
    assert.equal(mail.subject, `U staat op de wachtlijst: ${prefull.title}`);
    assert.match(mail.text, /Status: Op de wachtlijst/);
    assert.ok(personalLink(mail));
    assert.equal(calendarEvent(mail), undefined);
  });

  test('the outbox holds personal links: its folder is 0700 and each file 0600', async () => {
    assert.equal(statSync(outbox()).mode & 0o777, 0o700);
    for (const { name } of await readOutbox(outbox())) assert.equal(statSync(join(outbox(), name)).mode & 0o777, 0o600, name);
  });

  test('a refused registration sends nothing', async () => {
    const tag = unique();
    const before = (await readOutbox(outbox())).length;
    const bad = registration(rules, { attendee: person(`x-${tag}`), answers: {} });
    assert.equal((await postJson(server, rules.id, bad)).status, 422);
    // A following registration's mail shows the queue ran after the refused one.
    const next = registration(rules, { attendee: person(`y-${tag}`) });
    assert.equal((await postJson(server, rules.id, next)).status, 201);
    await waitFor(async () => mailsTo(await readOutbox(outbox()), `y-${tag}@example.org`).length === 1, 'the next mail');
    const mails = await readOutbox(outbox());
    assert.equal(mails.length, before + 1);
    assert.equal(mailsTo(mails, `x-${tag}@example.org`).length, 0);
  });
});

describe('confirmation mail over SMTP', () => {
  test('with SMTP_URL and MAIL_FROM the mails arrive at the SMTP server, logged in with the URL\'s credentials', async () => {
    const smtp = await startSmtp();
    const temp = tempDir();
    writeEvents(join(temp.dir, 'events'), { rules });
    const server = await startServer({ dir: temp.dir, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Kennisnetwerk Wonen <aanmelden@example.org>' } });
    try {
      const tag = unique();
      const body = registration(rules, { attendee: person(`s-${tag}`), companions: companions(1, tag) });
      assert.equal((await postJson(server, rules.id, body)).status, 201);
      await waitFor(() => smtp.messages.length === 2, 'two mails at the SMTP server');
      const own = smtp.messages.find((message) => message.envelope.includes(`s-${tag}@example.org`)).mail;
      assert.equal(own.from.text, '"Kennisnetwerk Wonen" <aanmelden@example.org>');
      assert.equal(own.subject, `Aanmelding bevestigd: ${rules.title}`);
      assert.equal(calendarEvent(own).uid, `${rules.id}@localhost`);
      assert.match(server.output(), /mail: SMTP smtp:\/\/127\.0\.0\.1:\d+ \(from Kennisnetwerk Wonen/);
      assert.doesNotMatch(server.output(), /geheim-wachtwoord/, 'the password never reaches the log');
    } finally {
      await server.stop();
      await smtp.close();
      temp.cleanup();
    }
  });

  test('SMTP down: the registration is answered at once; the mail arrives once SMTP is up, exactly once', async () => {
    const port = await freePort();
    const temp = tempDir();
    writeEvents(join(temp.dir, 'events'), { rules });
    const url = `smtp://bijeen:geheim-wachtwoord@127.0.0.1:${port}`;
    const server = await startServer({ dir: temp.dir, env: { SMTP_URL: url, MAIL_FROM: 'aanmelden@example.org', MAIL_RETRY_MS: '200' } });
    let smtp;
    try {
      const tag = unique();
      const started = Date.now();
      const answer = await postJson(server, rules.id, registration(rules, { attendee: person(`d-${tag}`) }));
      assert.equal(answer.status, 201);
      assert.ok(Date.now() - started < 2_000, 'the answer does not wait for the mail server');
      await waitFor(() => /mail 1: attempt 2 failed \(.*ECONNREFUSED/.test(server.output()), 'two failed attempts');
      smtp = await startSmtp({ port });
      await waitFor(() => smtp.messages.length === 1, 'the mail after SMTP came back');
      assert.deepEqual(smtp.messages[0].envelope, [`d-${tag}@example.org`]);
      await waitFor(() => /mail 1: sent \(attempt \d+\)/.test(server.output()), 'the mail marked sent');
      // Later rounds do not send it again.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(smtp.messages.length, 1);
    } finally {
      await server.stop();
      await smtp?.close();
      temp.cleanup();
    }
  });

  for (const how of ['stop', 'kill']) {
    test(`mail still queued at a ${how === 'stop' ? 'graceful stop' : 'kill -9'} is sent after the restart, once`, async () => {
      const port = await freePort();
      const temp = tempDir();
      writeEvents(join(temp.dir, 'events'), { rules });
      const env = { SMTP_URL: `smtp://bijeen:geheim-wachtwoord@127.0.0.1:${port}`, MAIL_FROM: 'aanmelden@example.org', MAIL_RETRY_MS: '200' };
      let server = await startServer({ dir: temp.dir, env });
      let smtp;
      try {
        const tag = unique();
        const body = registration(rules, { attendee: person(`k-${tag}`), companions: companions(2, tag) });
        assert.equal((await postJson(server, rules.id, body)).status, 201);
        await waitFor(() => /mail 3: attempt 1 failed/.test(server.output()), 'the first attempts failed');
        await server[how]();
        smtp = await startSmtp({ port });
        server = await startServer({ dir: temp.dir, env });
        await waitFor(() => smtp.messages.length === 3, 'three mails after the restart');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        assert.equal(smtp.messages.length, 3);
        assert.deepEqual(
          smtp.messages.flatMap((message) => message.envelope).sort(),
          [`k-${tag}@example.org`, `partner-${tag}-0@example.org`, `partner-${tag}-1@example.org`],
        );
      } finally {
        await server.stop();
        await smtp?.close();
        temp.cleanup();
      }
    });
  }

  test('an address the SMTP server refuses (550) is given up at once; the other mails go', async () => {
    const tag = unique();
    const smtp = await startSmtp({ refuse: (address) => address === `weg-${tag}@example.org` });
    const temp = tempDir();
    writeEvents(join(temp.dir, 'events'), { rules });
    const server = await startServer({ dir: temp.dir, env: { SMTP_URL: smtp.url, MAIL_FROM: 'aanmelden@example.org', MAIL_RETRY_MS: '200' } });
    try {
      const body = registration(rules, { attendee: person(`ok-${tag}`), companions: [person(`weg-${tag}`)] });
      assert.equal((await postJson(server, rules.id, body)).status, 201);
      await waitFor(() => /mail 2: given up after 1 attempt\(s\): .*550/.test(server.output()), 'the refusal');
      await waitFor(() => smtp.messages.length === 1, 'the registrant\'s mail');
      assert.deepEqual(smtp.messages[0].envelope, [`ok-${tag}@example.org`]);
    } finally {
      await server.stop();
      await smtp.close();
      temp.cleanup();
    }
  });
});

describe('mail settings', () => {
  test('a bad SMTP_URL, or SMTP_URL without MAIL_FROM, stops the start with a clear message that never shows the password', async () => {
    for (const [env, problem] of [
      [{ SMTP_URL: 'mail.example.org:587' }, 'SMTP_URL must start with smtp:// or smtps://'],
      [{ SMTP_URL: 'smtp://' }, 'SMTP_URL names no host'],
      [{ SMTP_URL: 'smtp://[geheim-wachtwoord' }, 'SMTP_URL is not a URL'],
      [{ SMTP_URL: 'https://user:geheim-wachtwoord@mail.example.org' }, 'SMTP_URL must start with smtp:// or smtps://'],
      [{ SMTP_URL: 'smtp://user:geheim-wachtwoord@mail.example.org:587' }, 'MAIL_FROM is required with SMTP_URL'],
      [{ MAIL_FROM: 'Bijeen <geen adres>' }, 'MAIL_FROM must be an address'],
      [{ HOLD_MINUTES: '0' }, 'HOLD_MINUTES must be greater than 0'],
      [{ CONFIRM_EMAIL: 'ja' }, 'CONFIRM_EMAIL must be 1 or 0'],
    ]) {
      const temp = tempDir();
      const outcome = await startServer({ dir: temp.dir, env }).catch((error) => error);
      try {
        assert.ok(outcome instanceof Error, `${JSON.stringify(env)} must not start the server`);
        assert.match(outcome.message, /exited \(1\)/);
        assert.ok(outcome.message.includes(`Configuration: ${problem}`), outcome.message);
        assert.doesNotMatch(outcome.message, /geheim-wachtwoord/);
      } finally {
        if (!(outcome instanceof Error)) await outcome.stop();
        temp.cleanup();
      }
    }
  });
});
