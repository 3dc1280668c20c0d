// Which mails a change to a registration sends, and to whom (demo/server/mail/notices.ts, the table
// at its top): the registrant's mail with or without the personal link, each companion's short
// mail, nothing to addresses that were never confirmed, and the new access token that goes with a
// link. The changes are the store's own (`Change`), as the real SQLite store hands them over.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { daysFromNow, tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, beforeEach, describe, test } from '../support/suite.mjs';
import { registerInput } from './support/register-input.mjs';

const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);
const { Notices, registrationPath } = await tsImport('../../../demo/server/mail/notices.ts', import.meta.url);
const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const ORIGIN = 'https://aanmelden.example.org';
const hash = (token) => createHash('sha256').update(token).digest('hex');
const TOKEN_LINK = new RegExp(`^${ORIGIN.replace(/\./g, '\\.')}/registration/([A-Za-z0-9_-]{43})$`);

const open = { id: 'open', title: 'Open', start: daysFromNow(30), end: daysFromNow(30.1), registration: { capacity: 4, nonMemberPlaces: 2, memberQuestion: 'Lid?', maxCompanions: 2 } };
const past = { id: 'voorbij', title: 'Voorbij', start: daysFromNow(-3), end: daysFromNow(-2.9), registration: { capacity: 4 } };
const called = { id: 'afgelast', title: 'Afgelast', start: daysFromNow(30), status: 'cancelled', registration: { capacity: 4 } };
const info = { id: 'info', title: 'Alleen info', start: daysFromNow(30) };

let temp;
let notices;
beforeEach(() => {
  temp = tempDir('bijeen-mail-notices-');
  const events = loadEvents(writeEvents(join(temp.dir, 'events'), { open, past, called, info }), () => {});
  notices = new Notices({ events, publicOrigin: () => new URL(ORIGIN) });
});
afterEach(() => temp.cleanup());

const fien = { name: 'Fien de Vries', email: 'fien@example.org', organisation: 'Het Baken' };
const ada = { name: 'Ada Jansen', email: 'ada@example.org' };
const bram = { name: 'Bram Smit', email: 'bram@example.org' };

/** A registration as the store hands it over. */
function stored(status, { companions = [ada, bram], confirmBy } = {}) {
  return {
    seq: 1,
    id: 'registratie-1',
    eventId: open.id,
    status,
    places: 1 + companions.length,
    createdAt: new Date().toISOString(),
    confirmBy,
    payload: { eventId: open.id, attendee: fien, companions, answers: {}, consent: true, locale: 'nl' },
  };
}

/** The mails as `[to, kind, link?]`, and the link's token when there is one. */
function summary({ mails }) {
  return mails.map(({ to, message }) => {
    const row = [to, message.kind];
    if ('companion' in message) row.push(message.companion.name);
    else row.push(message.link === undefined ? 'no link' : 'link');
    return row;
  });
}

const tokenOf = (notice) => {
  const link = notice.mails.find(({ message }) => message.link)?.message.link;
  return link && TOKEN_LINK.exec(link)?.[1];
};

describe('Notices.notify: who hears what', () => {
  test('a new confirmed registration: the registrant with a new personal link, each companion a short mail', () => {
    const notice = notices.notify({ kind: 'registered', registration: stored('confirmed') });
    assert.deepEqual(summary(notice), [
      ['fien@example.org', 'confirmed', 'link'],
      ['ada@example.org', 'companion', 'Ada Jansen'],
      ['bram@example.org', 'companion', 'Bram Smit'],
    ]);
    // The store keeps only the hash of the link's token.
    const token = tokenOf(notice);
    assert.ok(token, notice.mails[0].message.link);
    assert.equal(notice.tokenHash, hash(token));
    // What the mail is about: the event and the registration as it is now.
    const [own, companion] = notice.mails;
    assert.equal(own.message.eventId, open.id);
    assert.equal(own.message.payload.attendee.email, fien.email);
    assert.equal(companion.message.eventId, open.id);
    assert.equal(companion.message.payload.attendee.name, fien.name);
  });

  test('two registrations get two different links', () => {
    const first = tokenOf(notices.notify({ kind: 'registered', registration: stored('confirmed') }));
    const second = tokenOf(notices.notify({ kind: 'registered', registration: stored('confirmed') }));
    assert.notEqual(first, second);
  });

  test('waitlisted: the registrant and each companion hear they wait', () => {
    const notice = notices.notify({ kind: 'registered', registration: stored('waitlisted') });
    assert.deepEqual(summary(notice), [
      ['fien@example.org', 'waitlisted', 'link'],
      ['ada@example.org', 'companionWaitlisted', 'Ada Jansen'],
      ['bram@example.org', 'companionWaitlisted', 'Bram Smit'],
    ]);
    assert.equal(notice.tokenHash, hash(tokenOf(notice)));
  });

  test('pending (double opt-in): only the "confirm" mail with the link and the deadline; the companions\' addresses are not confirmed', () => {
    for (const status of ['pending', 'pending-waitlist']) {
      const confirmBy = '2030-06-01T10:00:00.000Z';
      const notice = notices.notify({ kind: 'registered', registration: stored(status, { confirmBy }) });
      assert.deepEqual(summary(notice), [['fien@example.org', status, 'link']]);
      assert.equal(notice.mails[0].message.confirmBy, confirmBy);
      assert.equal(notice.tokenHash, hash(tokenOf(notice)));
    }
  });

  test('confirmed through the link: as a new registration, with the link the registrant used', () => {
    const token = 'T'.repeat(43);
    const confirmed = notices.notify({ kind: 'confirmed', registration: stored('confirmed'), previous: 'pending' }, token);
    assert.deepEqual(summary(confirmed), [
      ['fien@example.org', 'confirmed', 'link'],
      ['ada@example.org', 'companion', 'Ada Jansen'],
      ['bram@example.org', 'companion', 'Bram Smit'],
    ]);
    assert.equal(confirmed.mails[0].message.link, `${ORIGIN}/registration/${token}`);
    // The token is known already: nothing new to store.
    assert.equal(confirmed.tokenHash, undefined);

    const waiting = notices.notify({ kind: 'confirmed', registration: stored('waitlisted'), previous: 'pending-waitlist' }, token);
    assert.deepEqual(summary(waiting).map(([, kind]) => kind), ['waitlisted', 'companionWaitlisted', 'companionWaitlisted']);
  });

  test('promoted from the waiting list: "a place for you" with a new link, the companions a confirmation', () => {
    const notice = notices.notify({ kind: 'promoted', registration: stored('confirmed'), previous: 'waitlisted' });
    assert.deepEqual(summary(notice), [
      ['fien@example.org', 'promoted', 'link'],
      ['ada@example.org', 'companion', 'Ada Jansen'],
      ['bram@example.org', 'companion', 'Bram Smit'],
    ]);
    assert.equal(notice.tokenHash, hash(tokenOf(notice)));
  });

  test('cancelled: a receipt without a link and no new token; companions hear it only if they were mailed before', () => {
    for (const previous of ['confirmed', 'waitlisted']) {
      const notice = notices.notify({ kind: 'cancelled', registration: stored('cancelled'), previous });
      assert.deepEqual(summary(notice), [
        ['fien@example.org', 'cancelled', 'no link'],
        ['ada@example.org', 'companionCancelled', 'Ada Jansen'],
        ['bram@example.org', 'companionCancelled', 'Bram Smit'],
      ], previous);
      assert.equal(notice.tokenHash, undefined);
    }
    for (const previous of ['pending', 'pending-waitlist']) {
      const notice = notices.notify({ kind: 'cancelled', registration: stored('cancelled'), previous }, 'T'.repeat(43));
      assert.deepEqual(summary(notice), [['fien@example.org', 'cancelled', 'no link']], previous);
    }
  });

  test('a companion taken off: only that companion, and only if they were mailed before', () => {
    const change = (previous) => ({ kind: 'companion-removed', registration: stored(previous, { companions: [bram] }), previous, removed: ada });
    for (const previous of ['confirmed', 'waitlisted']) {
      const notice = notices.notify(change(previous), 'T'.repeat(43));
      assert.deepEqual(summary(notice), [['ada@example.org', 'companionCancelled', 'Ada Jansen']], previous);
      assert.equal(notice.tokenHash, undefined);
    }
    assert.deepEqual(notices.notify(change('pending'), 'T'.repeat(43)).mails, []);
    // Without a companion named, nobody is mailed.
    assert.deepEqual(notices.notify({ ...change('confirmed'), removed: undefined }).mails, []);
  });

  test('no mail with a link, no token: a companion removal without a known link stores none', () => {
    const notice = notices.notify({ kind: 'companion-removed', registration: stored('confirmed', { companions: [] }), previous: 'confirmed', removed: ada });
    assert.equal(notice.mails.length, 1);
    assert.equal(notice.tokenHash, undefined);
  });
});

describe('Notices.link and context', () => {
  test('the personal page is on the endpoint\'s public address as it is when asked', () => {
    let origin = 'http://localhost:8787';
    const moving = new Notices({ events: new Map(), publicOrigin: () => new URL(origin) });
    assert.equal(registrationPath('abc'), '/registration/abc');
    assert.equal(moving.link('abc'), 'http://localhost:8787/registration/abc');
    origin = 'https://aanmelden.example.org/api/';
    assert.equal(moving.link('abc'), 'https://aanmelden.example.org/registration/abc');
  });

  test('promotion follows the event file: its limits for an open event; none for a past, cancelled, unknown or registration-less one', () => {
    const context = notices.context();
    assert.deepEqual(context.promotable(open.id), { capacity: 4, nonMemberCapacity: 2 });
    for (const id of [past.id, called.id, info.id, 'onbekend']) assert.equal(context.promotable(id), undefined, id);
  });

  test('acting through a link: that registration\'s mails reuse the link; others (promoted by it) get their own', async () => {
    const store = new SqliteStore(':memory:');
    try {
      const onePlace = { ...open, registration: { capacity: 1, waitlist: true } };
      const register = (attendee, tokenHash) =>
        store.register(
          registerInput(onePlace, { eventId: open.id, idempotencyKey: randomUUID(), attendee, companions: [], answers: {}, consent: true, locale: 'nl' }, {
            notify: (change) => ({ ...notices.notify(change), ...(tokenHash ? { tokenHash } : {}) }),
          }),
        );
      const token = 'F'.repeat(43);
      const first = await register(fien, hash(token));
      const second = await register(ada);
      assert.equal(second.registration.status, 'waitlisted');

      const outcome = await store.cancel(hash(token), notices.context({ registrationId: first.registration.id, token }));
      assert.equal(outcome.kind, 'changed');
      assert.equal(outcome.promoted.length, 1);
      const promoted = (await store.mailsTo(ada.email)).at(-1).message;
      assert.equal(promoted.kind, 'promoted');
      const adaToken = TOKEN_LINK.exec(promoted.link)?.[1];
      assert.ok(adaToken && adaToken !== token, promoted.link);
      // Ada's new link opens her registration; Fien's cancel receipt carries no link.
      assert.equal((await store.findByToken(hash(adaToken)))?.id, second.registration.id);
      const receipt = (await store.mailsTo(fien.email)).at(-1).message;
      assert.equal(receipt.kind, 'cancelled');
      assert.equal(receipt.link, undefined);
    } finally {
      await store.close();
    }
  });

  test('confirming through the link: the confirmation mail carries the same link', async () => {
    const store = new SqliteStore(':memory:');
    try {
      const token = 'C'.repeat(43);
      const fourPlaces = { ...open, registration: { capacity: 4 } };
      const created = await store.register(
        registerInput(fourPlaces, { eventId: open.id, idempotencyKey: randomUUID(), attendee: fien, companions: [ada], answers: {}, consent: true, locale: 'nl' }, {
          confirmBy: new Date(Date.now() + 60_000).toISOString(),
          notify: (change) => ({ ...notices.notify(change), tokenHash: hash(token) }),
        }),
      );
      assert.equal(created.registration.status, 'pending');
      const outcome = await store.confirm(hash(token), new Date(), notices.context({ registrationId: created.registration.id, token }));
      assert.equal(outcome.kind, 'changed');
      const mails = await store.mailsTo(fien.email);
      assert.deepEqual(mails.map((mail) => mail.message.kind), ['pending', 'confirmed']);
      assert.equal(mails[1].message.link, `${ORIGIN}/registration/${token}`);
      assert.equal((await store.mailsTo(ada.email)).map((mail) => mail.message.kind).join(), 'companion');
    } finally {
      await store.close();
    }
  });
});
