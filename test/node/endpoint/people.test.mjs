// Access and erasure requests: GET and DELETE /api/people?email=… with the admin token. After an
// erasure the address is in no answer, no export and no byte of the database's files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { rules, small, unlimited } from './support/events.mjs';
import { waitForMail } from './support/mail.mjs';
import { exportCsv, exportXlsx, people, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const TOKEN = 'people-test-token-0123456789abcdef0123';
const SUBJECT = { name: 'Ada Wisbaar-Proefpersoon', email: 'ada.wisbaar@example.org', organisation: 'Stichting Vergeetmij' };
let server;
let temp;
let dataDir;

before(async () => {
  temp = tempDir();
  dataDir = join(temp.dir, 'data');
  writeEvents(join(temp.dir, 'events'), { rules, small, unlimited });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN, DATABASE_PATH: join(dataDir, 'bijeen.sqlite') } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

/** The database's files (main file, write-ahead log, shared memory) that hold `text` as UTF-8. */
function databaseFilesHolding(text) {
  const needle = Buffer.from(text, 'utf8');
  return readdirSync(dataDir).filter((name) => name.startsWith('bijeen.sqlite') && readFileSync(join(dataDir, name)).includes(needle));
}

/** Every text in a spreadsheet package: its XML parts, unzipped. */
function xlsxText(bytes) {
  return Object.values(unzipSync(bytes)).map(strFromU8).join('\n');
}

async function remaining(eventId) {
  return (await (await fetch(`${server.api}/api/events/${eventId}`)).json()).registration.remaining;
}

const other = (n) => ({ name: `Collega ${n}`, email: `collega-${n}-${crypto.randomUUID().slice(0, 6)}@example.org`, organisation: 'Het Baken' });

describe('GET and DELETE /api/people', () => {
  // The subject: attendee for `rules` (with a companion) and `unlimited` (among many others), and a
  // companion in someone else's registration for `small`.
  const own = registration(rules, {
    attendee: { ...SUBJECT, phone: '06 12345678' },
    companions: [other('meegebracht')],
    answers: { workshop: 'Buurtbeheer', dieet: 'Glutenvrij voor Ada' },
    remarks: 'Opmerking van Ada Wisbaar',
  });
  const ownUnlimited = registration(unlimited, { attendee: SUBJECT });
  const host = other('gastheer');
  const hosted = registration(small, { attendee: host, companions: [{ name: SUBJECT.name, email: 'Ada.Wisbaar@Example.org' }, other('tweede')] });

  before(async () => {
    for (let n = 0; n < 15; n++) assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: other(n) }))).status, 201);
    assert.equal((await postJson(server, rules.id, own)).status, 201);
    assert.equal((await postJson(server, small.id, hosted)).status, 201);
    assert.equal((await postJson(server, unlimited.id, ownUnlimited)).status, 201);
    for (let n = 15; n < 30; n++) assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: other(n) }))).status, 201);
  });

  test('without the token or with a wrong one: 401, and nothing is shown or erased', async () => {
    for (const method of ['GET', 'DELETE']) {
      const none = await people(server, method, SUBJECT.email, undefined);
      assert.equal(none.status, 401, method);
      assert.match(none.headers.get('www-authenticate'), /^Bearer/);
      assert.equal(none.body.status, 'unauthorized');
      assert.doesNotMatch(none.text, /Wisbaar/i);
      assert.equal((await people(server, method, SUBJECT.email, `${TOKEN}x`)).status, 401, method);
    }
    const basic = await fetch(`${server.api}/api/people?email=${SUBJECT.email}`, {
      method: 'DELETE',
      headers: { Authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
    });
    assert.equal(basic.status, 401);
    assert.equal((await people(server, 'GET', SUBJECT.email, TOKEN)).body.registrations.length, 3, 'still there');
  });

  test('other methods: 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'PATCH']) {
      const response = await people(server, method, SUBJECT.email, TOKEN);
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, HEAD, DELETE');
    }
  });

  test('a missing or malformed address: 400 that says what to send, for GET and DELETE', async () => {
    for (const method of ['GET', 'DELETE']) {
      for (const email of [undefined, '', 'ada.wisbaar', 'ada@', '@example.org', 'ada wisbaar@example.org', `${'a'.repeat(250)}@example.org`]) {
        const response = await people(server, method, email, TOKEN);
        assert.equal(response.status, 400, `${method} ${JSON.stringify(email)}`);
        assert.equal(response.body.status, 'bad_request');
        assert.match(response.body.message, /geldig e-mailadres/);
      }
    }
    const english = await fetch(`${server.api}/api/people?email=nope`, { headers: { Authorization: `Bearer ${TOKEN}`, 'Accept-Language': 'en' } });
    assert.match((await english.json()).message, /valid e-mail address/);
  });

  test('an unknown address: 200 with nothing found, and a DELETE that erases nothing', async () => {
    const found = await people(server, 'GET', 'niemand@example.org', TOKEN);
    assert.equal(found.status, 200);
    assert.deepEqual(found.body, { email: 'niemand@example.org', registrations: [], mails: [] });
    const erased = await people(server, 'DELETE', 'niemand@example.org', TOKEN);
    assert.equal(erased.status, 200);
    assert.deepEqual(erased.body.erased, { registrations: 0, companions: 0, mails: 0 });
    assert.deepEqual(erased.body.events, []);
  });

  test('GET: every registration of the address, as attendee (all of it) and as companion (their entry and its source)', async () => {
    const response = await people(server, 'GET', ' ADA.Wisbaar@example.ORG ', TOKEN);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('access-control-allow-origin'), null, 'no other site may read it');
    const { email, registrations } = response.body;
    assert.equal(email, SUBJECT.email);
    assert.deepEqual(
      registrations.map((entry) => [entry.event.id, entry.role]),
      [
        [rules.id, 'attendee'],
        [small.id, 'companion'],
        [unlimited.id, 'attendee'],
      ],
    );
    const [attendee, companion] = registrations;
    assert.equal(attendee.event.title, rules.title);
    assert.equal(attendee.status, 'confirmed');
    assert.equal(attendee.places, 2);
    assert.ok(Math.abs(Date.parse(attendee.createdAt) - Date.now()) < 120_000, attendee.createdAt);
    assert.deepEqual(attendee.registration.attendee, { ...SUBJECT, phone: '06 12345678' });
    assert.deepEqual(attendee.registration.answers, own.answers);
    assert.equal(attendee.registration.remarks, own.remarks);
    assert.equal(attendee.registration.consent, true);
    assert.deepEqual(attendee.registration.companions, own.companions, 'the companions they registered');

    assert.deepEqual(companion.companion, { name: SUBJECT.name, email: 'Ada.Wisbaar@Example.org' });
    assert.deepEqual(companion.registeredBy, { name: host.name, organisation: host.organisation });
    assert.equal(companion.status, 'confirmed');
    assert.ok(!JSON.stringify(companion).includes(host.email), 'not the rest of someone else’s registration');
    assert.ok(!JSON.stringify(companion).includes('tweede'), 'nor the other companions');

    const head = await fetch(`${server.api}/api/people?email=${SUBJECT.email}`, { method: 'HEAD', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('DELETE: erased everywhere, the places freed, the other registration kept one place smaller', async () => {
    assert.equal(await remaining(small.id), 0, 'small is full before');
    assert.equal(await remaining(rules.id), 8);
    const response = await people(server, 'DELETE', SUBJECT.email.toUpperCase(), TOKEN);
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.erased.registrations, 2);
    assert.deepEqual(response.body.erased.companions, 1);
    assert.deepEqual(response.body.events.toSorted(), [rules.id, small.id, unlimited.id].toSorted());
    assert.match(response.body.message, /2 aanmeldingen en 1 vermelding als introducé/);
    assert.doesNotMatch(server.output(), /ada\.wisbaar/i, 'the log does not name the address');

    assert.deepEqual((await people(server, 'GET', SUBJECT.email, TOKEN)).body.registrations, []);
    assert.equal(await remaining(small.id), 1, 'the companion’s place is free');
    assert.equal(await remaining(rules.id), 10, 'their own registration’s places are free');

    const { rows } = await exportCsv(server, small.id, TOKEN);
    assert.equal(rows.length, 2, 'the host’s registration stays');
    const [heading, row] = rows;
    const cell = (name) => row[heading.indexOf(name)];
    assert.equal(cell('e-mail'), host.email);
    assert.equal(cell('plaatsen'), '2');
    assert.equal(cell('introducé 1 naam'), 'Collega tweede');
    assert.equal(cell('introducé 2 naam'), '');

  });

  test('after DELETE the address is in neither export and nowhere in the database’s files', async () => {
    for (const eventId of [rules.id, small.id, unlimited.id]) {
      const csv = await exportCsv(server, eventId, TOKEN);
      assert.doesNotMatch(csv.raw, /wisbaar|Vergeetmij/i, `${eventId}.csv`);
      const xlsx = await exportXlsx(server, eventId, TOKEN);
      assert.equal(xlsx.status, 200);
      assert.doesNotMatch(xlsxText(xlsx.bytes), /wisbaar|Vergeetmij/i, `${eventId}.xlsx`);
    }
    const unlimitedRows = (await exportCsv(server, unlimited.id, TOKEN)).rows;
    assert.equal(unlimitedRows.length, 31, 'the 30 others are all there');

    assert.ok(existsSync(join(dataDir, 'bijeen.sqlite')));
    for (const text of [SUBJECT.email, 'Ada.Wisbaar@Example.org', SUBJECT.name, SUBJECT.organisation, 'Glutenvrij voor Ada', 'Opmerking van Ada']) {
      assert.deepEqual(databaseFilesHolding(text), [], `${JSON.stringify(text)} while the server runs`);
    }
    // The erased registration's companion went with it (their place came from it); the others stay.
    assert.deepEqual(databaseFilesHolding(own.companions[0].email), []);
    assert.ok(databaseFilesHolding(host.email).includes('bijeen.sqlite'), 'the search finds what is there');
  });

  test('the admin token’s guess limit holds here too: after 10 wrong tokens, 429 even with the right one', async () => {
    let last;
    for (let attempt = 0; attempt < 11; attempt++) last = await people(server, 'GET', SUBJECT.email, `wrong-${attempt}`);
    assert.equal(last.status, 429);
    assert.match(last.headers.get('retry-after'), /^\d+$/);
    assert.equal(last.body.status, 'rate_limited');
    assert.equal((await people(server, 'DELETE', SUBJECT.email, TOKEN)).status, 429);
  });
});

describe('erasure in a database file written before secure_delete', () => {
  test('copies of a live row in the old file’s free pages are gone after the upgrade and the erasure', async () => {
    const oldTemp = tempDir();
    const path = join(oldTemp.dir, 'bijeen.sqlite');
    const subject = { name: 'Oud Bestand', email: 'oud.bestand@example.org', organisation: 'Het Baken' };
    writeEvents(join(oldTemp.dir, 'events'), { unlimited });
    try {
      const first = await startServer({ dir: oldTemp.dir });
      assert.equal((await postJson(first, unlimited.id, registration(unlimited, { attendee: subject }))).status, 201);
      await first.stop();
      // Back to version 2's shape, and what a version-2 server could leave: a dropped table's
      // pages, still holding the row's bytes.
      const old = new Database(path);
      old.pragma('secure_delete = OFF');
      old.exec(`
        DROP INDEX registrations_event_organisation;
        ALTER TABLE registrations DROP COLUMN organisation;
        ALTER TABLE registrations DROP COLUMN member;
        DROP TABLE erased_counts;
        CREATE TABLE scratch AS SELECT payload FROM registrations; DROP TABLE scratch;
        PRAGMA user_version = 2;`);
      old.close();
      assert.ok(readFileSync(path).includes(Buffer.from(subject.email)), 'the copy is in a free page before the upgrade');

      const upgraded = await startServer({ dir: oldTemp.dir, env: { ADMIN_TOKEN: TOKEN } });
      try {
        const erased = await people(upgraded, 'DELETE', subject.email, TOKEN);
        assert.deepEqual(erased.body.erased.registrations, 1);
        for (const name of readdirSync(oldTemp.dir).filter((file) => file.startsWith('bijeen.sqlite'))) {
          assert.ok(!readFileSync(join(oldTemp.dir, name)).includes(Buffer.from(subject.email)), name);
        }
      } finally {
        await upgraded.stop();
      }
    } finally {
      oldTemp.cleanup();
    }
  });
});

describe('erasure, the waiting list and the mails', () => {
  test('DELETE takes the mails to and about the address along (queue and outbox) and moves the waiting list up', async () => {
    const mailTemp = tempDir();
    const outbox = join(mailTemp.dir, 'outbox');
    const short = {
      ...small,
      id: 'kort',
      registration: { ...small.registration, endpoint: '/api/events/kort/registrations', capacity: 2, waitlist: true, maxCompanions: 1 },
    };
    writeEvents(join(mailTemp.dir, 'events'), { short });
    const mailServer = await startServer({ dir: mailTemp.dir, env: { ADMIN_TOKEN: TOKEN } });
    try {
      const subject = { name: 'Mail Wisbaar', email: 'mail.wisbaar@example.org' };
      const host = other('mailgast');
      const waiter = other('wachtend');
      assert.equal((await postJson(mailServer, short.id, registration(short, { attendee: host, companions: [subject] }))).body.status, 'confirmed');
      const waiting = await postJson(mailServer, short.id, registration(short, { attendee: waiter }));
      assert.equal(waiting.body.status, 'waitlisted');
      await waitForMail(outbox, subject.email);
      await waitForMail(outbox, host.email);
      await waitForMail(outbox, waiter.email);

      const found = await people(mailServer, 'GET', subject.email, TOKEN);
      assert.equal(found.body.mails.length, 1, 'the companion’s own mail');
      assert.equal(found.body.mails[0].message, null, 'sent: its content is no longer kept');
      assert.ok(found.body.mails[0].sentAt);

      const erased = await people(mailServer, 'DELETE', subject.email, TOKEN);
      assert.equal(erased.status, 200);
      assert.deepEqual(erased.body.erased, { registrations: 0, companions: 1, mails: 2 });
      assert.deepEqual(erased.body.promoted, [{ id: waiting.body.id, eventId: short.id }]);

      const promotion = await waitForMail(outbox, waiter.email, 'Er is een plaats voor u');
      assert.ok(promotion, 'the promoted registrant is mailed');
      const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
      for (const name of files) assert.ok(!readFileSync(join(outbox, name)).includes(Buffer.from('wisbaar')), `${name} names the address`);
      assert.deepEqual((await people(mailServer, 'GET', subject.email, TOKEN)).body, { email: subject.email, registrations: [], mails: [] });
    } finally {
      await mailServer.stop();
      mailTemp.cleanup();
    }
  });
});
