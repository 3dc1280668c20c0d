// The SQLite store's changes after registering (demo/server/sqlite-store.ts), called directly on a
// file: what a registrant's personal link does (cancel, remove a companion, confirm), holds that
// run out, promotion from the waiting list, the mail queue, and erasure with its mails.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { companions, registration, tempDir } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { registerInput } from './support/register-input.mjs';

const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const opened = [];
const temps = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const temp of temps.splice(0)) temp.cleanup();
});

/** A store on a fresh file; `reopen()` opens the same file again. */
function fileStore() {
  const temp = tempDir('bijeen-sqlite-changes-');
  temps.push(temp);
  const path = join(temp.dir, 'registrations.sqlite');
  const open = () => {
    const store = new SqliteStore(path);
    opened.push(store);
    return store;
  };
  return { store: open(), reopen: open, path };
}

const hash = (text) => createHash('sha256').update(text).digest('hex');
const later = (ms) => new Date(Date.now() + ms);

/**
 * What the endpoint hands the store: the event's limits for promotion (`undefined`: none), and for
 * every change one mail to the attendee saying what happened, with the registration as it is now.
 * `changes` records them in order.
 */
function endpoint(limits) {
  const changes = [];
  return {
    changes,
    promotable: () => limits,
    notify: (change) => {
      changes.push(change);
      const { registration } = change;
      return { mails: [{ to: registration.payload.attendee.email, message: { kind: change.kind, payload: registration.payload } }] };
    },
  };
}

let events = 0;
/** An event id of its own per test. */
const eventId = () => `bijeenkomst-${++events}-${randomUUID().slice(0, 6)}`;

/**
 * Registers `payload` for `event` with `limits` (capacity, nonMemberCapacity, waitlist, confirmBy),
 * its personal link's token hashed as `tokenHash`; resolves to the store's `Outcome`.
 */
function attempt(store, event, limits, payload, tokenHash = hash(randomUUID())) {
  const { capacity, nonMemberCapacity, waitlist, confirmBy } = limits;
  return store.register(
    registerInput({ id: event, registration: { capacity, waitlist } }, { ...payload, eventId: event }, {
      nonMemberCapacity,
      confirmBy,
      notify: (change) => ({
        tokenHash,
        mails: [{ to: change.registration.payload.attendee.email, message: { kind: change.kind, payload: change.registration.payload } }],
      }),
    }),
  );
}

/** `attempt()` that must create a registration; resolves to `{ registration, token }` (the token's hash). */
async function add(store, event, limits, payload = registration({ id: event })) {
  const token = hash(randomUUID());
  const outcome = await attempt(store, event, limits, payload, token);
  assert.equal(outcome.kind, 'created');
  return { registration: outcome.registration, token };
}

const statuses = async (store, event) => (await store.list(event)).map((row) => row.status);
const kinds = (mails) => mails.map((mail) => mail.message?.kind ?? null);

describe('SqliteStore.register in one group commit', () => {
  test('registrations that arrive together are decided in turn: the later ones see the places the earlier took', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 3, waitlist: true };
    const outcomes = await Promise.all([
      attempt(store, event, limits, registration({ id: event }, { companions: companions(1) })),
      attempt(store, event, limits, registration({ id: event })),
      attempt(store, event, limits, registration({ id: event })),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.registration.status), ['confirmed', 'confirmed', 'waitlisted']);
    assert.deepEqual(await store.taken(event), { places: 3, nonMemberPlaces: 0 });
  });
});

describe('SqliteStore.cancel', () => {
  test('frees the places and the addresses, promotes the next in line, and mails both', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 2, waitlist: true };
    const first = await add(store, event, limits, registration({ id: event }, { companions: companions(1) }));
    const waiting = await add(store, event, limits);
    assert.equal(waiting.registration.status, 'waitlisted');
    const context = endpoint(limits);

    const outcome = await store.cancel(first.token, context);
    assert.equal(outcome.kind, 'changed');
    assert.equal(outcome.registration.status, 'cancelled');
    assert.deepEqual(outcome.promoted.map((row) => [row.id, row.status]), [[waiting.registration.id, 'confirmed']]);
    assert.deepEqual(context.changes.map((change) => [change.kind, change.previous]), [['cancelled', 'confirmed'], ['promoted', 'waitlisted']]);
    assert.deepEqual(await statuses(store, event), ['cancelled', 'confirmed']);
    assert.deepEqual(await store.taken(event), { places: 1, nonMemberPlaces: 0 });
    assert.deepEqual(kinds(await store.mailsTo(first.registration.payload.attendee.email)), ['registered', 'cancelled']);
    assert.deepEqual(kinds(await store.mailsTo(waiting.registration.payload.attendee.email)), ['registered', 'promoted']);

    // The promoted attendee holds their address; the cancelled attendee and companion may register again.
    const twice = await attempt(store, event, { capacity: 10 }, registration({ id: event }, { attendee: waiting.registration.payload.attendee }));
    assert.equal(twice.kind, 'duplicate');
    const again = await add(store, event, { capacity: 3 }, registration({ id: event }, {
      attendee: first.registration.payload.attendee,
      companions: first.registration.payload.companions,
    }));
    assert.equal(again.registration.status, 'confirmed');
  });

  test('twice: unchanged, nothing mailed; an unknown token: unknown', async () => {
    const { store } = fileStore();
    const event = eventId();
    const { token } = await add(store, event, {});
    await store.cancel(token, endpoint(undefined));
    const context = endpoint(undefined);
    const outcome = await store.cancel(token, context);
    assert.equal(outcome.kind, 'unchanged');
    assert.equal(outcome.registration.status, 'cancelled');
    assert.deepEqual(context.changes, []);
    assert.deepEqual(await store.cancel(hash('no such link'), context), { kind: 'unknown' });
  });

  test('an event that promotes no more (past, cancelled): the freed place stays free', async () => {
    const { store } = fileStore();
    const event = eventId();
    const first = await add(store, event, { capacity: 1, waitlist: true });
    await add(store, event, { capacity: 1, waitlist: true });
    const outcome = await store.cancel(first.token, endpoint(undefined));
    assert.deepEqual(outcome.promoted, []);
    assert.deepEqual(await statuses(store, event), ['cancelled', 'waitlisted']);
  });
});

describe('SqliteStore.cancel after a hold ran out', () => {
  test('an expired registration cannot be cancelled: unchanged, nothing mailed', async () => {
    const { store } = fileStore();
    const event = eventId();
    const { token } = await add(store, event, { confirmBy: later(1000).toISOString() });
    await store.expireHolds(later(1000), endpoint(undefined));
    const context = endpoint(undefined);
    const outcome = await store.cancel(token, context);
    assert.equal(outcome.kind, 'unchanged');
    assert.equal(outcome.registration.status, 'expired');
    assert.deepEqual(context.changes, []);
  });
});

describe('SqliteStore.removeCompanion', () => {
  test('one companion off (address in any case): one place fewer, the address free, the next in line promoted', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 3, waitlist: true };
    const [kept, removed] = companions(2);
    const first = await add(store, event, limits, registration({ id: event }, { companions: [kept, removed] }));
    const waiting = await add(store, event, limits);
    const context = endpoint(limits);

    const outcome = await store.removeCompanion(first.token, `  ${removed.email.toUpperCase()} `, context);
    assert.equal(outcome.kind, 'changed');
    assert.equal(outcome.registration.places, 2);
    assert.deepEqual(outcome.registration.payload.companions, [kept]);
    assert.deepEqual(outcome.promoted.map((row) => row.id), [waiting.registration.id]);
    assert.deepEqual(context.changes.map((change) => [change.kind, change.previous, change.removed]), [
      ['companion-removed', 'confirmed', removed],
      ['promoted', 'waitlisted', undefined],
    ]);
    assert.deepEqual((await store.list(event)).map((row) => [row.status, row.places]), [['confirmed', 2], ['confirmed', 1]]);

    // The removed companion may register on their own (once a place is free); the kept one may not.
    const own = await add(store, event, { capacity: 4 }, registration({ id: event }, { attendee: { ...removed, organisation: 'Elders' } }));
    assert.equal(own.registration.status, 'confirmed');
    const refused = await attempt(store, event, { capacity: 10 }, registration({ id: event }, { attendee: { ...kept, organisation: 'Elders' } }));
    assert.equal(refused.kind, 'duplicate');
  });

  test('a companion not on it, or a cancelled registration: unchanged; an unknown token: unknown', async () => {
    const { store } = fileStore();
    const event = eventId();
    const [companion] = companions(1);
    const { token } = await add(store, event, {}, registration({ id: event }, { companions: [companion] }));
    const context = endpoint({ capacity: undefined });
    const stranger = await store.removeCompanion(token, 'iemand-anders@example.org', context);
    assert.equal(stranger.kind, 'unchanged');
    assert.equal(stranger.registration.places, 2);

    await store.cancel(token, context);
    const afterCancel = await store.removeCompanion(token, companion.email, context);
    assert.equal(afterCancel.kind, 'unchanged');
    assert.deepEqual(afterCancel.registration.payload.companions, [companion]);
    assert.deepEqual(context.changes.map((change) => change.kind), ['cancelled']);
    assert.deepEqual(await store.removeCompanion(hash('no such link'), companion.email, context), { kind: 'unknown' });
  });
});

describe('SqliteStore.confirm', () => {
  test('pending, in time: confirmed, its hold kept as a place; a second confirmation changes nothing', async () => {
    const { store } = fileStore();
    const event = eventId();
    const confirmBy = later(60_000);
    // The last place: held while it waits, so confirming it never finds the event full.
    const { registration: pending, token } = await add(store, event, { capacity: 1, confirmBy: confirmBy.toISOString() });
    assert.equal(pending.status, 'pending');
    assert.equal(pending.confirmBy, confirmBy.toISOString());
    assert.deepEqual(await store.taken(event), { places: 1, nonMemberPlaces: 0 });
    assert.deepEqual(await store.findByToken(token), pending);
    assert.equal(await store.findByToken(hash('no such link')), undefined);

    const context = endpoint({ capacity: 1 });
    const outcome = await store.confirm(token, new Date(confirmBy.getTime() - 1), context);
    assert.equal(outcome.kind, 'changed');
    assert.equal(outcome.registration.status, 'confirmed');
    assert.equal(outcome.registration.confirmBy, undefined);
    assert.deepEqual(outcome.promoted, []);
    assert.deepEqual(context.changes.map((change) => [change.kind, change.previous]), [['confirmed', 'pending']]);
    assert.deepEqual(await store.taken(event), { places: 1, nonMemberPlaces: 0 });

    const again = await store.confirm(token, new Date(), context);
    assert.equal(again.kind, 'unchanged');
    assert.equal(context.changes.length, 1);
    assert.deepEqual(await store.confirm(hash('no such link'), new Date(), context), { kind: 'unknown' });
  });

  test('too late (at confirmBy or after): expired at once, its place to the next in line, nothing mailed to it', async () => {
    const { store } = fileStore();
    const event = eventId();
    const confirmBy = later(60_000);
    const limits = { capacity: 1, waitlist: true };
    const { token, registration: pending } = await add(store, event, { ...limits, confirmBy: confirmBy.toISOString() });
    const waiting = await add(store, event, limits);
    assert.equal(waiting.registration.status, 'waitlisted');
    const context = endpoint(limits);

    const outcome = await store.confirm(token, confirmBy, context);
    assert.equal(outcome.kind, 'unchanged');
    assert.equal(outcome.registration.status, 'expired');
    assert.deepEqual(await statuses(store, event), ['expired', 'confirmed']);
    assert.deepEqual(context.changes.map((change) => [change.kind, change.registration.id]), [['promoted', waiting.registration.id]]);
    // Its address is free again.
    const again = await add(store, event, { capacity: 2 }, registration({ id: event }, { attendee: pending.payload.attendee }));
    assert.equal(again.registration.status, 'confirmed');
  });

  test('pending on the waiting list: confirmed when it fits by now, else waitlisted; waitlisted where nobody is promoted', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 1, waitlist: true };
    const confirmBy = later(60_000).toISOString();
    const first = await add(store, event, limits);
    const second = await add(store, event, { ...limits, confirmBy });
    const third = await add(store, event, { ...limits, confirmBy });
    assert.equal(second.registration.status, 'pending-waitlist');
    // Pending on the waiting list holds no place.
    assert.deepEqual(await store.taken(event), { places: 1, nonMemberPlaces: 0 });

    const full = await store.confirm(second.token, new Date(), endpoint(limits));
    assert.equal(full.kind, 'changed');
    assert.equal(full.registration.status, 'waitlisted');

    await store.cancel(first.token, endpoint(undefined));
    const closed = await store.confirm(third.token, new Date(), endpoint(undefined));
    assert.equal(closed.registration.status, 'waitlisted');

    const { token } = await add(store, event, { ...limits, capacity: 0, confirmBy });
    const context = endpoint(limits);
    const fitting = await store.confirm(token, new Date(), context);
    assert.equal(fitting.registration.status, 'confirmed');
    assert.deepEqual(context.changes.map((change) => [change.kind, change.previous, change.registration.status]), [
      ['confirmed', 'pending-waitlist', 'confirmed'],
    ]);
    assert.deepEqual(await statuses(store, event), ['cancelled', 'waitlisted', 'waitlisted', 'confirmed']);
  });
});

describe('SqliteStore.expireHolds', () => {
  test('holds whose confirmBy has come expire (others stay), their places go to the next in line', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 2, waitlist: true };
    const soon = later(60_000);
    const first = await add(store, event, { ...limits, confirmBy: soon.toISOString() });
    const second = await add(store, event, { ...limits, confirmBy: later(120_000).toISOString() });
    const waitingHold = await add(store, event, { ...limits, confirmBy: soon.toISOString() });
    const waiting = await add(store, event, limits);
    assert.deepEqual(await statuses(store, event), ['pending', 'pending', 'pending-waitlist', 'waitlisted']);
    const context = endpoint(limits);

    assert.deepEqual(await store.expireHolds(new Date(soon.getTime() - 1), context), []);
    const expired = await store.expireHolds(soon, context);
    assert.deepEqual(expired.map((row) => [row.id, row.status]), [
      [first.registration.id, 'expired'],
      [waitingHold.registration.id, 'expired'],
    ]);
    assert.deepEqual(await statuses(store, event), ['expired', 'pending', 'expired', 'confirmed']);
    assert.deepEqual(context.changes.map((change) => [change.kind, change.registration.id]), [['promoted', waiting.registration.id]]);
    assert.equal((await store.list(event))[1].id, second.registration.id);
    assert.deepEqual(await store.taken(event), { places: 2, nonMemberPlaces: 0 });
  });
});

describe('SqliteStore.promote', () => {
  test('the oldest waiting that fit, within the non-members’ places; those that do not fit are passed over', async () => {
    const { store } = fileStore();
    const event = eventId();
    const atRegistration = { capacity: 1, nonMemberCapacity: 1, waitlist: true };
    const member = (overrides = {}) => registration({ id: event }, { member: true, ...overrides });
    const nonMember = () => registration({ id: event }, { member: false });
    await add(store, event, atRegistration, member());
    const nonMemberFirst = await add(store, event, atRegistration, nonMember());
    await add(store, event, atRegistration, nonMember());
    const pair = await add(store, event, atRegistration, member({ companions: companions(1) }));
    await add(store, event, atRegistration, member());
    assert.deepEqual(await statuses(store, event), ['confirmed', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);

    // The capacity is raised to 4, still one place for non-members.
    const context = endpoint({ capacity: 4, nonMemberCapacity: 1 });
    const promoted = await store.promote(event, context);
    assert.deepEqual(promoted.map((row) => row.id), [nonMemberFirst.registration.id, pair.registration.id]);
    assert.deepEqual(await statuses(store, event), ['confirmed', 'confirmed', 'waitlisted', 'confirmed', 'waitlisted']);
    assert.deepEqual(await store.taken(event), { places: 4, nonMemberPlaces: 1 });
    assert.deepEqual(context.changes.map((change) => [change.kind, change.previous]), [['promoted', 'waitlisted'], ['promoted', 'waitlisted']]);
  });

  test('nobody when the event promotes no more', async () => {
    const { store } = fileStore();
    const event = eventId();
    await add(store, event, { capacity: 0, waitlist: true });
    assert.deepEqual(await store.promote(event, endpoint(undefined)), []);
    assert.deepEqual(await statuses(store, event), ['waitlisted']);
  });
});

describe('SqliteStore: the mail queue', () => {
  /** A store with `n` registrations (one mail each), and their attendees' addresses in order. */
  async function queued(n) {
    const files = fileStore();
    const event = eventId();
    const to = [];
    for (let i = 0; i < n; i++) to.push((await add(files.store, event, {})).registration.payload.attendee.email);
    return { ...files, event, to };
  }

  test('claimMails: the oldest due mails up to the limit, each for the lease only', async () => {
    const { store, to } = await queued(3);
    const now = later(1000);
    const claimed = await store.claimMails(now, 2, 60_000);
    assert.deepEqual(claimed.map((mail) => [mail.to, mail.attempts, mail.message.kind]), [[to[0], 1, 'registered'], [to[1], 1, 'registered']]);
    assert.ok(Date.parse(claimed[0].createdAt) <= now.getTime());
    // Leased: another sender gets only the third, until the lease runs out.
    assert.deepEqual((await store.claimMails(now, 10, 60_000)).map((mail) => mail.to), [to[2]]);
    assert.deepEqual(await store.claimMails(new Date(now.getTime() + 59_999), 10, 60_000), []);
    const reclaimed = await store.claimMails(new Date(now.getTime() + 60_000), 10, 60_000);
    assert.deepEqual(reclaimed.map((mail) => [mail.to, mail.attempts]), [[to[0], 2], [to[1], 2], [to[2], 2]]);
  });

  test('nothing is claimed before it is due', async () => {
    const { store } = await queued(1);
    assert.deepEqual(await store.claimMails(new Date(Date.now() - 60_000), 10, 60_000), []);
  });

  test('a claim held when the store opens again (the process died while sending) is due at once', async () => {
    const { store, reopen, to } = await queued(1);
    const now = later(1000);
    assert.equal((await store.claimMails(now, 10, 60_000)).length, 1);
    await store.close();
    const again = reopen();
    assert.deepEqual((await again.claimMails(now, 10, 60_000)).map((mail) => [mail.to, mail.attempts]), [[to[0], 2]]);
  });

  test('mailSent: never sent again, its content erased; the recipient and times stay', async () => {
    const { store, to } = await queued(1);
    const [mail] = await store.claimMails(later(1000), 10, 60_000);
    const sentAt = later(2000);
    await store.mailSent(mail.id, sentAt);
    assert.deepEqual(await store.claimMails(later(3_600_000), 10, 60_000), []);
    const [record] = await store.mailsTo(to[0]);
    assert.deepEqual({ ...record, registrationId: undefined, createdAt: undefined }, {
      id: mail.id,
      registrationId: undefined,
      createdAt: undefined,
      attempts: 1,
      sentAt: sentAt.toISOString(),
      failedAt: null,
      message: null,
    });
  });

  test('mailFailed: tried again from retryAt on; given up (no retryAt): never again, its content erased', async () => {
    const { store, to } = await queued(2);
    const now = later(1000);
    const [first, second] = await store.claimMails(now, 10, 60_000);
    const retryAt = later(600_000);
    await store.mailFailed(first.id, 'Verbinding geweigerd', retryAt);
    await store.mailFailed(second.id, '550 Onbekende ontvanger', undefined);
    assert.deepEqual(await store.claimMails(new Date(retryAt.getTime() - 1), 10, 60_000), []);
    const retried = await store.claimMails(retryAt, 10, 60_000);
    assert.deepEqual(retried.map((mail) => [mail.id, mail.attempts]), [[first.id, 2]]);

    const [waiting] = await store.mailsTo(to[0]);
    assert.equal(waiting.failedAt, null);
    assert.equal(waiting.message.kind, 'registered');
    const [givenUp] = await store.mailsTo(to[1]);
    assert.equal(givenUp.sentAt, null);
    assert.ok(Date.parse(givenUp.failedAt) >= now.getTime() - 1000);
    assert.equal(givenUp.message, null);
    // Long after: the retried mail (its lease run out) again, the given-up one never.
    assert.deepEqual((await store.claimMails(later(3_600_000), 10, 60_000)).map((mail) => mail.id), [first.id]);
  });

  test('mailsTo: every mail to the address in any case, oldest first, with its registration', async () => {
    const { store } = fileStore();
    const event = eventId();
    const { registration: row, token } = await add(store, event, {});
    await store.cancel(token, endpoint(undefined));
    const email = row.payload.attendee.email;
    const mails = await store.mailsTo(` ${email.toUpperCase()} `);
    assert.deepEqual(mails.map((mail) => [mail.registrationId, mail.attempts, mail.sentAt, mail.message.kind]), [
      [row.id, 0, null, 'registered'],
      [row.id, 0, null, 'cancelled'],
    ]);
    assert.ok(mails[0].id < mails[1].id);
    assert.deepEqual(await store.mailsTo('iemand-anders@example.org'), []);
  });
});

describe('SqliteStore: erasure with mails and promotion', () => {
  test('erasePerson as attendee: the registration and its mails go (ids returned), the freed place is promoted', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 1, waitlist: true };
    const gone = await add(store, event, limits);
    const waiting = await add(store, event, limits);
    const email = gone.registration.payload.attendee.email;
    const ids = (await store.mailsTo(email)).map((mail) => mail.id);
    assert.equal(ids.length, 1);

    const context = endpoint(limits);
    const erasure = await store.erasePerson(email.toUpperCase(), context);
    assert.equal(erasure.registrations, 1);
    assert.deepEqual(erasure.eventIds, [event]);
    assert.deepEqual(erasure.mailIds, ids);
    assert.deepEqual(erasure.promoted.map((row) => [row.id, row.status]), [[waiting.registration.id, 'confirmed']]);
    assert.deepEqual(await store.mailsTo(email), []);
    assert.deepEqual(await statuses(store, event), ['confirmed']);
    assert.deepEqual(kinds(await store.mailsTo(waiting.registration.payload.attendee.email)), ['registered', 'promoted']);
  });

  test('erasePerson as companion: mails to them go; mails still waiting about the registration no longer name them', async () => {
    const { store } = fileStore();
    const event = eventId();
    const [companion, other] = companions(2);
    const { registration: row, token } = await add(store, event, {}, registration({ id: event }, { companions: [companion, other] }));
    // A mail to the companion about someone else's registration (e.g. the endpoint telling them they were added).
    const context = endpoint(undefined);
    // … and one to the attendee that does not carry the registration.
    context.notify = (change) => ({
      mails: [
        { to: companion.email, message: { kind: change.kind } },
        { to: row.payload.attendee.email, message: { kind: change.kind } },
      ],
    });
    await store.removeCompanion(token, other.email, context);
    const attendeeMails = await store.mailsTo(row.payload.attendee.email);
    const companionMails = await store.mailsTo(companion.email);
    assert.equal(companionMails.length, 1);
    assert.equal(attendeeMails.length, 2);

    const erasure = await store.erasePerson(companion.email, endpoint(undefined));
    assert.equal(erasure.registrations, 0);
    assert.equal(erasure.companions, 1);
    assert.deepEqual(erasure.promoted, []);
    // The registration's own mails (their sent copies named the companion) and the companion's.
    assert.deepEqual(erasure.mailIds.sort((a, b) => a - b), [...attendeeMails, ...companionMails].map((mail) => mail.id).sort((a, b) => a - b));
    assert.deepEqual(await store.mailsTo(companion.email), []);
    const [waitingMail, withoutPayload] = await store.mailsTo(row.payload.attendee.email);
    assert.deepEqual(waitingMail.message.payload.companions, []);
    assert.deepEqual(withoutPayload.message, { kind: 'companion-removed' });
    const [kept] = await store.list(event);
    assert.equal(kept.places, 1);
  });

  test('erasePerson of an address that only has mails left: the mails go, and no copy stays in the files', async () => {
    const { store, path } = fileStore();
    const event = eventId();
    const [companion] = companions(1);
    const { token } = await add(store, event, {}, registration({ id: event }, { companions: [companion] }));
    const marker = `kenmerk-${randomUUID()}`;
    const context = endpoint(undefined);
    context.notify = () => ({ mails: [{ to: companion.email, message: { kind: 'companion-removed', marker } }] });
    await store.removeCompanion(token, companion.email, context);
    const [mail] = await store.mailsTo(companion.email);
    const inFiles = (text) => [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text)));
    assert.ok(inFiles(marker), 'written to disk');

    const erasure = await store.erasePerson(companion.email, endpoint(undefined));
    assert.deepEqual({ ...erasure }, { registrations: 0, companions: 0, eventIds: [], promoted: [], mailIds: [mail.id] });
    assert.deepEqual(await store.mailsTo(companion.email), []);
    assert.equal(inFiles(marker), false);
  });

  test('erasePerson as companion of a registration whose mail went out: the sent mail’s copy goes, its record stays', async () => {
    const { store } = fileStore();
    const event = eventId();
    const [companion] = companions(1);
    const { registration: row } = await add(store, event, {}, registration({ id: event }, { companions: [companion] }));
    const [mail] = await store.claimMails(later(1000), 10, 60_000);
    await store.mailSent(mail.id, later(2000));

    const erasure = await store.erasePerson(companion.email, endpoint(undefined));
    assert.equal(erasure.companions, 1);
    assert.deepEqual(erasure.mailIds, [mail.id]);
    const [record] = await store.mailsTo(row.payload.attendee.email);
    assert.deepEqual([record.id, record.message], [mail.id, null]);
  });

  test('erasePerson of someone who registered twice for an event (once cancelled): both go, the event named once', async () => {
    const { store } = fileStore();
    const event = eventId();
    const first = await add(store, event, {});
    await store.cancel(first.token, endpoint(undefined));
    await add(store, event, {}, registration({ id: event }, { attendee: first.registration.payload.attendee }));
    const erasure = await store.erasePerson(first.registration.payload.attendee.email, endpoint(undefined));
    assert.equal(erasure.registrations, 2);
    assert.deepEqual(erasure.eventIds, [event]);
    assert.equal(erasure.mailIds.length, 3);
    assert.deepEqual(await store.list(event), []);
  });

  test('erasePerson of an unknown address: nothing erased', async () => {
    const { store } = fileStore();
    await add(store, eventId(), {});
    assert.deepEqual(await store.erasePerson('niemand@example.org', endpoint(undefined)), {
      registrations: 0,
      companions: 0,
      eventIds: [],
      promoted: [],
      mailIds: [],
    });
  });

  test('eraseEvent: the event’s mails go with it (ids returned), other events’ stay', async () => {
    const { store } = fileStore();
    const event = eventId();
    const other = eventId();
    const { registration: row, token } = await add(store, event, {});
    const { registration: stays } = await add(store, other, {});
    await store.cancel(token, endpoint(undefined));
    const ids = (await store.mailsTo(row.payload.attendee.email)).map((mail) => mail.id);
    const erased = await store.eraseEvent(event);
    assert.deepEqual(erased.mailIds, ids);
    assert.equal(erased.counts.cancelled.registrations, 1);
    assert.deepEqual(await store.mailsTo(row.payload.attendee.email), []);
    assert.equal((await store.mailsTo(stays.payload.attendee.email)).length, 1);
  });
});

describe('SqliteStore.counts', () => {
  test('registrations and places for each of the six statuses, the same after the event is erased', async () => {
    const { store } = fileStore();
    const event = eventId();
    const limits = { capacity: 3, waitlist: true };
    const confirmBy = later(60_000);
    await add(store, event, limits, registration({ id: event }, { companions: companions(1) }));
    const cancelled = await add(store, event, limits);
    await store.cancel(cancelled.token, endpoint(undefined));
    await add(store, event, { ...limits, confirmBy: confirmBy.toISOString() });
    const expiring = await add(store, event, { ...limits, capacity: 4, confirmBy: later(1000).toISOString() });
    await add(store, event, { ...limits, confirmBy: confirmBy.toISOString() }, registration({ id: event }, { companions: companions(2) }));
    await add(store, event, limits);
    assert.deepEqual(await store.expireHolds(later(1000), endpoint(undefined)).then((rows) => rows.map((r) => r.id)), [expiring.registration.id]);

    const expected = {
      confirmed: { registrations: 1, places: 2 },
      waitlisted: { registrations: 1, places: 1 },
      pending: { registrations: 1, places: 1 },
      'pending-waitlist': { registrations: 1, places: 3 },
      cancelled: { registrations: 1, places: 1 },
      expired: { registrations: 1, places: 1 },
    };
    assert.deepEqual(await store.counts(event), expected);
    await store.eraseEvent(event);
    assert.deepEqual(await store.counts(event), expected);
    assert.deepEqual(await store.taken(event), { places: 3, nonMemberPlaces: 0 });
  });
});
