// The seed meeting's two rules at the reference endpoint, decided in the store's transaction like
// the capacity: a few places for non-members (registrations that answer the member question "no"),
// and at most N companions per organisation over all its registrations. Real server, real HTTP,
// the database read back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { companions, daysFromNow, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const future = { start: daysFromNow(60), end: daysFromNow(60.2) };
const location = { name: 'Area Wonen', city: 'Uden' };
const memberQuestion = 'Is uw organisatie deelnemer van de vakgemeenschap?';

function event(id, registrationSettings) {
  return {
    id,
    title: `Themabijeenkomst ${id}`,
    ...future,
    location,
    registration: { endpoint: `/api/events/${id}/registrations`, memberQuestion, maxCompanions: 2, ...registrationSettings },
  };
}

/** Three places for non-members within 30, no waiting list: the concurrency run. */
const nonMembers3 = event('niet-leden-drie', { capacity: 30, nonMemberPlaces: 3 });
/** One place for non-members, with a waiting list. */
const nonMembersWaitlist = event('niet-leden-wachtlijst', { capacity: 10, nonMemberPlaces: 1, waitlist: true });
/** Four places, three of them open to non-members: what is left for them never exceeds what is left. */
const nearlyFull = event('bijna-vol', { capacity: 4, nonMemberPlaces: 3 });
/** The seed rule for companions: at most two per organisation. */
const perOrganisation = event('twee-per-organisatie', { capacity: 500, maxCompanionsPerOrganisation: 2 });
/** One place and a waiting list: companions on the waiting list count for their organisation too. */
const onePlace = event('een-plaats', { capacity: 1, waitlist: true, maxCompanionsPerOrganisation: 2 });

let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { nonMembers3, nonMembersWaitlist, nearlyFull, perOrganisation, onePlace });
  server = await startServer({ dir: temp.dir });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

/** A registration of someone at `email`, of `organisation`, member or not, with `count` companions. */
function person(event, { email, organisation = 'Woonstichting Het Baken', member = true, count = 0, locale = 'nl' }) {
  return registration(event, {
    attendee: { name: `Deelnemer ${email}`, email, organisation },
    member,
    companions: companions(count),
    locale,
  });
}

/** A fresh organisation domain, so each test counts from zero. */
const domain = () => `corporatie-${randomUUID().slice(0, 8)}.nl`;

async function live(eventId) {
  return (await (await fetch(`${server.api}/api/events/${eventId}`)).json()).registration;
}

function rows(eventId) {
  const db = new Database(join(temp.dir, 'bijeen.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT status, places, member, organisation FROM registrations WHERE event_id = ?').all(eventId);
  } finally {
    db.close();
  }
}

describe('registration.nonMemberPlaces', () => {
  test('50 non-members at once against 3 places, members alongside: exactly 3 non-members confirmed, every member too', async () => {
    const nonMembers = Array.from({ length: 50 }, (_, index) => person(nonMembers3, { email: `niet-lid-${index}@${domain()}`, member: false }));
    const members = Array.from({ length: 10 }, (_, index) => person(nonMembers3, { email: `lid-${index}@${domain()}` }));
    const answers = await Promise.all([...nonMembers, ...members].map((body) => postJson(server, nonMembers3.id, body)));
    const nonMemberAnswers = answers.slice(0, 50);
    const memberAnswers = answers.slice(50);

    assert.deepEqual(memberAnswers.map((answer) => answer.body.status), Array(10).fill('confirmed'));
    assert.equal(nonMemberAnswers.filter((answer) => answer.status === 201).length, 3);
    const refused = nonMemberAnswers.filter((answer) => answer.status !== 201);
    assert.equal(refused.length, 47);
    for (const answer of refused) {
      assert.equal(answer.status, 409);
      assert.deepEqual({ status: answer.body.status, scope: answer.body.scope, remaining: answer.body.remaining }, {
        status: 'full',
        scope: 'non-member',
        remaining: 0,
      });
      assert.match(answer.body.message, /plaatsen voor niet-leden .* zijn vergeven\. Leden kunnen zich nog aanmelden\./);
    }

    const stored = rows(nonMembers3.id);
    assert.equal(stored.filter((row) => row.member === 0 && row.status === 'confirmed').length, 3);
    assert.equal(stored.length, 13, 'nothing stored for a refusal');
    const { remaining, nonMemberRemaining } = await live(nonMembers3.id);
    assert.deepEqual({ remaining, nonMemberRemaining }, { remaining: 17, nonMemberRemaining: 0 });

    // The non-members' places are gone; members still get in.
    const member = await postJson(server, nonMembers3.id, person(nonMembers3, { email: `laat@${domain()}` }));
    assert.equal(member.body.status, 'confirmed');
  });

  test('with a waiting list, a non-member beyond the places waits while a member is confirmed', async () => {
    const first = await postJson(server, nonMembersWaitlist.id, person(nonMembersWaitlist, { email: `a@${domain()}`, member: false }));
    assert.equal(first.body.status, 'confirmed');
    const second = await postJson(server, nonMembersWaitlist.id, person(nonMembersWaitlist, { email: `b@${domain()}`, member: false }));
    assert.equal(second.status, 201);
    assert.equal(second.body.status, 'waitlisted');
    const member = await postJson(server, nonMembersWaitlist.id, person(nonMembersWaitlist, { email: `c@${domain()}` }));
    assert.equal(member.body.status, 'confirmed');
    // Waiting-list places are not taken: 2 confirmed of 10.
    const { remaining, nonMemberRemaining } = await live(nonMembersWaitlist.id);
    assert.deepEqual({ remaining, nonMemberRemaining }, { remaining: 8, nonMemberRemaining: 0 });
  });

  test('companions of a non-member take non-member places; the 409 says how many are left, in English too', async () => {
    const email = () => `x@${domain()}`;
    const first = await postJson(server, nearlyFull.id, person(nearlyFull, { email: email(), member: false, count: 1 }));
    assert.equal(first.body.status, 'confirmed');
    assert.equal((await live(nearlyFull.id)).nonMemberRemaining, 1);
    const tooMany = await postJson(server, nearlyFull.id, person(nearlyFull, { email: email(), member: false, count: 1, locale: 'en' }));
    assert.equal(tooMany.status, 409);
    assert.equal(tooMany.body.scope, 'non-member');
    assert.equal(tooMany.body.remaining, 1);
    assert.match(tooMany.body.message, /has 1 place left for non-members; you are registering 2 people\.$/);
  });

  test('the live event never offers non-members more than is left at all', async () => {
    // nearlyFull: 2 of 4 taken by the test before; a member takes one more.
    const member = await postJson(server, nearlyFull.id, person(nearlyFull, { email: `lid@${domain()}` }));
    assert.equal(member.body.status, 'confirmed');
    const { remaining, nonMemberRemaining, nonMemberPlaces } = await live(nearlyFull.id);
    assert.deepEqual({ remaining, nonMemberRemaining, nonMemberPlaces }, { remaining: 1, nonMemberRemaining: 1, nonMemberPlaces: 3 });
    const list = await (await fetch(`${server.api}/api/events`)).json();
    const listed = list.events.find((entry) => entry.id === nearlyFull.id).registration;
    assert.deepEqual([listed.remaining, listed.nonMemberRemaining], [1, 1]);
  });
});

describe('registration.maxCompanionsPerOrganisation', () => {
  test('colleagues register separately; their companions count together, and the 422 says how many are left', async () => {
    const corporation = domain();
    const first = await postJson(server, perOrganisation.id, person(perOrganisation, { email: `anna@${corporation}`, count: 1 }));
    assert.equal(first.body.status, 'confirmed');
    // One left: the second of two companions is refused, at its own path.
    const second = await postJson(server, perOrganisation.id, person(perOrganisation, { email: `bert@${corporation.toUpperCase()}`, count: 2 }));
    assert.equal(second.status, 422);
    assert.deepEqual(second.body.errors, [
      {
        path: 'companions.1',
        message: 'Uw organisatie kan nog 1 extra deelnemer aanmelden: hoogstens 2 per organisatie, over alle aanmeldingen samen.',
      },
    ]);
    const english = await postJson(server, perOrganisation.id, person(perOrganisation, { email: `bert@${corporation}`, count: 2, locale: 'en' }));
    assert.equal(english.body.errors[0].message, 'Your organisation can register 1 more participant: at most 2 per organisation, over all its registrations.');
    assert.equal((await postJson(server, perOrganisation.id, person(perOrganisation, { email: `bert@${corporation}`, count: 1 }))).status, 201);
    // None left: every companion is refused; coming alone is fine.
    const third = await postJson(server, perOrganisation.id, person(perOrganisation, { email: `carla@${corporation}`, count: 2 }));
    assert.deepEqual(third.body.errors.map((issue) => issue.path), ['companions.0', 'companions.1']);
    assert.equal(third.body.errors[0].message, 'Uw organisatie kan geen extra deelnemers aanmelden: hoogstens 2 per organisatie, over alle aanmeldingen samen.');
    assert.equal((await postJson(server, perOrganisation.id, person(perOrganisation, { email: `carla@${corporation}` }))).status, 201);
    // Another organisation is not affected.
    assert.equal((await postJson(server, perOrganisation.id, person(perOrganisation, { email: `dirk@${domain()}`, count: 2 }))).status, 201);
  });

  test('colleagues racing with companions: never more than 2 per organisation', async () => {
    for (let round = 0; round < 15; round++) {
      const corporation = domain();
      // Two colleagues with two companions each, and four with one each, all at once.
      const bodies = [2, 2, 1, 1, 1, 1].map((count, index) => person(perOrganisation, { email: `collega-${index}@${corporation}`, count }));
      const answers = await Promise.all(bodies.map((body) => postJson(server, perOrganisation.id, body)));
      for (const answer of answers) assert.ok(answer.status === 201 || answer.status === 422, `${answer.status} ${answer.text}`);
      const accepted = bodies.filter((_, index) => answers[index].status === 201);
      const companionsAccepted = accepted.reduce((sum, body) => sum + body.companions.length, 0);
      assert.equal(companionsAccepted, 2, `round ${round}: the organisation's two companions, no more`);
      const stored = rows(perOrganisation.id).filter((row) => row.organisation === `domain:${corporation}`);
      assert.equal(stored.reduce((sum, row) => sum + row.places - 1, 0), 2);
      assert.equal(stored.length, accepted.length);
    }
  });

  test('at public mail providers the organisation is its normalised name', async () => {
    const tag = randomUUID().slice(0, 6);
    const mail = (provider) => `p-${randomUUID().slice(0, 8)}@${provider}`;
    const send = (provider, organisation, count) =>
      postJson(server, perOrganisation.id, person(perOrganisation, { email: mail(provider), organisation, count }));
    // Legal forms, case, accents, spacing and punctuation do not make another organisation.
    assert.equal((await send('gmail.com', `Stichting Hét Baken ${tag}`, 1)).status, 201);
    assert.equal((await send('hotmail.com', `het-baken ${tag.toUpperCase()} B.V.`, 1)).status, 201);
    const third = await send('ziggo.nl', `  HET BAKEN ${tag}  `, 1);
    assert.equal(third.status, 422);
    assert.equal(third.body.errors[0].path, 'companions.0');
    // A kind of organisation is part of its name: a municipality and a corporation of one town are two.
    assert.equal((await send('outlook.com', `Gemeente Uden ${tag}`, 2)).status, 201);
    assert.equal((await send('kpnmail.nl', `Woningcorporatie Uden ${tag}`, 2)).status, 201);
    // A name of punctuation only matches nothing: that person counts alone.
    assert.equal((await send('live.nl', '-', 2)).status, 201);
    assert.equal((await send('live.nl', '-', 2)).status, 201);
    // Outside the public providers the domain decides, whatever name is typed.
    const corporation = domain();
    assert.equal((await postJson(server, perOrganisation.id, person(perOrganisation, { email: `a@${corporation}`, organisation: 'Het Baken', count: 2 }))).status, 201);
    const other = await postJson(server, perOrganisation.id, person(perOrganisation, { email: `b@${corporation}`, organisation: 'Iets anders', count: 1 }));
    assert.equal(other.status, 422);
  });

  test('companions on the waiting list count for their organisation', async () => {
    const corporation = domain();
    const waiting = await postJson(server, onePlace.id, person(onePlace, { email: `a@${corporation}`, count: 2 }));
    assert.equal(waiting.body.status, 'waitlisted');
    const colleague = await postJson(server, onePlace.id, person(onePlace, { email: `b@${corporation}`, count: 1 }));
    assert.equal(colleague.status, 422);
    assert.equal(colleague.body.errors[0].path, 'companions.0');
  });

  test('a retry gets its first answer, though its own companions used up what the organisation had', async () => {
    const corporation = domain();
    const body = person(perOrganisation, { email: `a@${corporation}`, count: 2 });
    const first = await postJson(server, perOrganisation.id, body);
    assert.equal(first.status, 201);
    const again = await postJson(server, perOrganisation.id, body);
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });
});

describe('a database from before these rules', () => {
  test('its registrations get their member answer and organisation, and count at once', async () => {
    const oldTemp = tempDir();
    writeEvents(join(oldTemp.dir, 'events'), { nearlyFull, perOrganisation });
    const path = join(oldTemp.dir, 'bijeen.sqlite');
    // A version-2 database as the previous server made it: one non-member with two companions.
    const old = new Database(path);
    old.exec(`
      CREATE TABLE registrations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE, payload_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')), places INTEGER NOT NULL CHECK (places >= 1),
        email TEXT NOT NULL, payload TEXT NOT NULL, response_status INTEGER NOT NULL, response_body TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE people (event_id TEXT NOT NULL, email TEXT NOT NULL,
        registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE);
      PRAGMA user_version = 2;`);
    const insert = old.prepare(`INSERT INTO registrations
      (id, event_id, idempotency_key, payload_hash, status, places, email, payload, response_status, response_body, created_at)
      VALUES (?, ?, ?, 'hash', 'confirmed', 3, ?, ?, 201, '{}', '2026-01-01T00:00:00.000Z')`);
    for (const event of [nearlyFull, perOrganisation]) {
      const payload = person(event, { email: 'oud@Woonbaken.nl', member: false, count: 2 });
      insert.run(randomUUID(), event.id, payload.idempotencyKey, 'oud@woonbaken.nl', JSON.stringify(payload));
    }
    old.close();
    const migrated = await startServer({ dir: oldTemp.dir });
    try {
      // The old non-member took three of the non-members' three places.
      const { remaining, nonMemberRemaining } = (await (await fetch(`${migrated.api}/api/events/${nearlyFull.id}`)).json()).registration;
      assert.deepEqual({ remaining, nonMemberRemaining }, { remaining: 1, nonMemberRemaining: 0 });
      // And the organisation's two companions.
      const colleague = await postJson(migrated, perOrganisation.id, person(perOrganisation, { email: 'nieuw@woonbaken.nl', count: 1 }));
      assert.equal(colleague.status, 422);
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('user_version', { simple: true }), 4);
      assert.deepEqual(
        db.prepare('SELECT DISTINCT member, organisation FROM registrations').all(),
        [{ member: 0, organisation: 'domain:woonbaken.nl' }],
      );
      db.close();
    } finally {
      await migrated.stop();
      oldTemp.cleanup();
    }
  });
});
