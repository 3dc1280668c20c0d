// The mail queue's sender (demo/server/mail/worker.ts) on a real SQLite store (in memory, or a file
// when a test makes a mail older than it is, as after a long outage), with registrations queued as
// the endpoint queues them, and mail delivered to a real SMTP server on loopback or to the outbox:
// every mail goes out once, failures are retried with growing waits, a refusal ends it, two
// senders never send one mail twice, stopping leaves the rest for the next start, and mail waits
// for a quiet moment while registrations keep queuing it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { freePort } from '../endpoint/support/mail.mjs';
import { daysFromNow, tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, beforeEach, describe, test } from '../support/suite.mjs';
import { registerInput } from './support/register-input.mjs';
import { SMTP_PASSWORD, SMTP_USER, startSmtp, waitFor } from './support/smtp.mjs';

const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);
const { Notices } = await tsImport('../../../demo/server/mail/notices.ts', import.meta.url);
const { outboxTransport, smtpTransport } = await tsImport('../../../demo/server/mail/transport.ts', import.meta.url);
const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const FROM = 'bijeen@example.org';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const open = { id: 'open', title: 'Open bijeenkomst', start: daysFromNow(30), end: daysFromNow(30.1), registration: { maxCompanions: 2 } };

let MailWorker;
let temp;
let store;
let notices;
let events;
/** What to close after the test, last first. */
let closers;

beforeEach(async () => {
  // Imported afresh for each test (tsImport loads a new copy each time), so that its limits (the
  // longest wait, three days, the lease) count as reached by the tests that depend on them.
  ({ MailWorker } = await tsImport('../../../demo/server/mail/worker.ts', import.meta.url));
  temp = tempDir('bijeen-mail-worker-');
  store = new SqliteStore(':memory:');
  events = loadEvents(writeEvents(join(temp.dir, 'events'), { open }), () => {});
  notices = new Notices({ events, publicOrigin: () => new URL('https://aanmelden.example.org') });
  closers = [() => temp.cleanup(), () => store.close()];
});

afterEach(async () => {
  for (const close of closers.reverse()) await close();
});

/** Registers `who` (address local parts) for the open event, one confirmation mail each, in one group commit; resolves to their addresses. */
async function queue(...who) {
  const outcomes = await Promise.all(
    who.map((name) =>
      store.register(
        registerInput(
          open,
          {
            eventId: open.id,
            idempotencyKey: randomUUID(),
            attendee: { name, email: `${name}@example.org`, organisation: 'Het Baken' },
            companions: [],
            answers: {},
            consent: true,
            locale: 'nl',
          },
          { notify: (change) => notices.notify(change) },
        ),
      ),
    ),
  );
  for (const outcome of outcomes) assert.equal(outcome.kind, 'created');
  return who.map((name) => `${name}@example.org`);
}

/** The queue's record of the one mail to `address`. */
const record = async (address) => (await store.mailsTo(address))[0];

/**
 * The store as the worker sees it, recording each failure (`{ id, error, retryAt, at }`, `at` when
 * it was reported); `claim` wraps `claimMails` for a test that needs to act between claims.
 */
function watched({ claim = (claimMails, ...args) => claimMails(...args) } = {}) {
  const failures = [];
  return {
    failures,
    store: {
      claimMails: (...args) => claim((...inner) => store.claimMails(...inner), ...args),
      mailSent: (id, now) => store.mailSent(id, now),
      mailFailed: (id, error, retryAt) => {
        failures.push({ id, error, retryAt, at: Date.now() });
        return store.mailFailed(id, error, retryAt);
      },
    },
  };
}

/** A worker on `transport` (closed after the test) with `options`; its log lines in `logs`. */
function worker(transport, options = {}) {
  const logs = [];
  const mailer = new MailWorker({
    store,
    transport,
    compose: (mail) => notices.compose(mail),
    log: (line) => logs.push(line),
    retryMs: MINUTE,
    pollMs: 60 * MINUTE,
    ...options,
  });
  closers.push(() => transport.close(), () => mailer.stop(0));
  return { mailer, logs };
}

/** Puts the test's store in a file, for `age()`; before anything is queued. */
async function onFile() {
  await store.close();
  store = new SqliteStore(join(temp.dir, 'registrations.sqlite'));
}

/** Changes queued mails in the database file (`onFile()`), as a long outage would have left them. */
function age(address, { createdAt, attempts }) {
  const db = new Database(join(temp.dir, 'registrations.sqlite'));
  try {
    if (createdAt) db.prepare('UPDATE mail_queue SET created_at = ? WHERE recipient = ?').run(createdAt.toISOString(), address);
    if (attempts) db.prepare('UPDATE mail_queue SET attempts = ? WHERE recipient = ?').run(attempts, address);
  } finally {
    db.close();
  }
}

const smtpServer = async (options) => {
  const smtp = await startSmtp(options);
  closers.push(smtp.close);
  return smtp;
};

const sent = (address) => async () => (await record(address))?.sentAt;

describe('sending the queue', () => {
  test('every queued mail goes out once, more than one batch in a round, and is marked sent with its content erased', async () => {
    const outboxDir = join(temp.dir, 'outbox');
    const addresses = await queue(...Array.from({ length: 12 }, (_, index) => `deelnemer-${index}`));
    // No poll during the test: all twelve must go in the round that start() begins.
    const { mailer, logs } = worker(outboxTransport(outboxDir, FROM));
    mailer.start();
    await waitFor(async () => (await Promise.all(addresses.map((address) => sent(address)()))).every(Boolean), 'twelve mails sent');
    assert.equal(readdirSync(outboxDir).filter((name) => name.endsWith('.eml')).length, 12);
    for (const address of addresses) {
      const mail = await record(address);
      assert.equal(mail.attempts, 1);
      assert.equal(mail.failedAt, null);
      // The personal link left with the mail; the queue keeps only that it was sent.
      assert.equal(mail.message, null);
      assert.ok(logs.includes(`mail ${mail.id}: sent (attempt 1)`), logs.join('\n'));
    }
  });

  test('a mail queued later goes out when the worker is woken, not at the next poll', async () => {
    const smtp = await smtpServer();
    const { mailer } = worker(smtpTransport(smtp.url, FROM));
    mailer.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [address] = await queue('later');
    mailer.wake();
    await waitFor(sent(address), 'the mail sent after wake()');
    assert.deepEqual(smtp.messages.map((message) => message.envelope), [[address]]);
  });

  test('without a wake, the queue is looked at every pollMs, and a poll finds the mail', async () => {
    const smtp = await smtpServer();
    let looks = 0;
    const { store: counting } = watched({ claim: (claimMails, ...args) => ((looks += 1), claimMails(...args)) });
    const { mailer } = worker(smtpTransport(smtp.url, FROM), { store: counting, pollMs: 20 });
    mailer.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // About fifteen in 300 ms; a busy machine gives fewer, a one-second poll only the first.
    assert.ok(looks >= 4, `${looks} looks at the queue in 300 ms`);
    const [address] = await queue('polled');
    await waitFor(sent(address), 'the mail sent at a poll');
    assert.equal(smtp.messages.length, 1);
  });

  test('one mail at a time, in the order queued, however often the worker is woken', async () => {
    let inFlight = 0;
    let most = 0;
    const order = [];
    const smtp = await smtpServer({
      delay: 40,
      onMessage: () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
      },
    });
    const { mailer } = worker(smtpTransport(smtp.url, FROM));
    const [first] = await queue('eerst');
    mailer.start();
    // Registrations keep arriving while the first mail is on its way; each wakes the worker.
    const later = [];
    for (const name of ['daarna-1', 'daarna-2', 'daarna-3']) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      later.push(...(await queue(name)));
      mailer.wake();
    }
    const all = [first, ...later];
    await waitFor(async () => {
      while (order.length < smtp.messages.length) {
        order.push(smtp.messages[order.length].envelope[0]);
        inFlight -= 1;
      }
      return (await Promise.all(all.map((address) => sent(address)()))).every(Boolean);
    }, 'four mails sent');
    assert.equal(most, 1, 'never two mails in flight');
    assert.deepEqual(smtp.messages.map((message) => message.envelope[0]), all);
  });

  test('woken while a round is finishing: another round follows at once', async () => {
    const smtp = await smtpServer();
    let mailer;
    let late;
    // The round's last look at the queue finds it empty; a registration arrives (and wakes the
    // worker) before that round has ended.
    const { store: racing } = watched({
      claim: async (claimMails, ...args) => {
        const mails = await claimMails(...args);
        if (mails.length === 0 && !late) {
          late = queue('late-registration');
          await late;
          mailer.wake();
        }
        return mails;
      },
    });
    ({ mailer } = worker(smtpTransport(smtp.url, FROM), { store: racing }));
    mailer.start();
    await waitFor(() => late, 'the late registration');
    const [address] = await late;
    await waitFor(sent(address), 'the late mail sent without waiting for the poll');
  });
});

describe('failures', () => {
  test('SMTP down: each attempt waits twice as long as the one before, less up to a fifth; the mail goes out once the server is back', async () => {
    const port = await freePort();
    const [address] = await queue('geduldig');
    const { failures, store: recording } = watched();
    const url = `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`;
    const { mailer, logs } = worker(smtpTransport(url, FROM), { store: recording, retryMs: 30, pollMs: 5 });
    mailer.start();
    await waitFor(() => failures.length >= 3, 'three failed attempts');
    const smtp = await smtpServer({ port });
    await waitFor(sent(address), 'the mail sent once the server is back');

    const { id } = await record(address);
    failures.slice(0, 3).forEach(({ retryAt, at, error }, index) => {
      const delay = 30 * 2 ** index;
      const wait = retryAt.getTime() - at;
      assert.ok(wait <= delay && wait >= delay * 0.8 - 3, `attempt ${index + 1}: waits ${wait} ms, expected ${delay * 0.8}–${delay}`);
      assert.match(error, /ECONNREFUSED/);
      assert.ok(logs.includes(`mail ${id}: attempt ${index + 1} failed (${error}); next attempt at ${retryAt.toISOString()}`), logs.join('\n'));
    });
    const attempts = failures.length + 1;
    assert.equal((await record(address)).attempts, attempts);
    assert.equal(logs.at(-1), `mail ${id}: sent (attempt ${attempts})`);
    assert.equal(smtp.messages.length, 1);
  });

  test('a long outage: the wait stops growing at fifteen minutes', async () => {
    await onFile();
    const [address] = await queue('lang-wachten');
    age(address, { attempts: 19 });
    const { failures, store: recording } = watched();
    const { mailer, logs } = worker(smtpTransport(`smtp://127.0.0.1:${await freePort()}`, FROM), { store: recording, retryMs: 100 });
    mailer.start();
    await waitFor(() => failures.length === 1, 'one failed attempt');
    const wait = failures[0].retryAt.getTime() - failures[0].at;
    assert.ok(wait <= 15 * MINUTE && wait >= 12 * MINUTE - 10, `waits ${wait} ms`);
    assert.match(logs[0], /: attempt 20 failed \(/);
  });

  test('after three days of trying a mail is given up; one that has waited less is tried again', async () => {
    await onFile();
    const [old, younger] = await queue('drie-dagen', 'bijna-drie-dagen');
    // The next wait (8–10 minutes) takes the first past three days, not the second.
    age(old, { createdAt: new Date(Date.now() - 3 * DAY + 5 * MINUTE) });
    age(younger, { createdAt: new Date(Date.now() - 3 * DAY + 30 * MINUTE) });
    const { failures, store: recording } = watched();
    const { mailer, logs } = worker(smtpTransport(`smtp://127.0.0.1:${await freePort()}`, FROM), { store: recording, retryMs: 10 * MINUTE });
    mailer.start();
    await waitFor(() => failures.length === 2, 'two failed attempts');
    const [given, retried] = [await record(old), await record(younger)];
    assert.ok(given.failedAt, 'given up');
    assert.equal(given.message, null);
    assert.equal(failures[0].retryAt, undefined);
    assert.match(logs[0], new RegExp(`^mail ${given.id}: given up after 1 attempt\\(s\\): .*ECONNREFUSED`));
    assert.equal(retried.failedAt, null);
    assert.ok(failures[1].retryAt);
    assert.match(logs[1], new RegExp(`^mail ${retried.id}: attempt 1 failed \\(.*\\); next attempt at `));
  });

  test('a refusal (5xx) ends it at once; a temporary refusal (4xx) is tried again; the other mails go out', async () => {
    const smtp = await smtpServer({ refuse: (address) => ({ 'bestaat-niet@example.org': 500, 'vol@example.org': 452 })[address] });
    const [refused, full, fine] = await queue('bestaat-niet', 'vol', 'goed');
    const { failures, store: recording } = watched();
    const { mailer, logs } = worker(smtpTransport(smtp.url, FROM), { store: recording });
    mailer.start();
    await waitFor(sent(fine), 'the third mail sent');
    const [a, b] = [await record(refused), await record(full)];
    assert.ok(a.failedAt);
    assert.match(logs[0], new RegExp(`^mail ${a.id}: given up after 1 attempt\\(s\\): .*500 Mailbox bestaat-niet@example\\.org refused$`));
    assert.equal(b.failedAt, null);
    assert.ok(failures[1].retryAt);
    assert.match(logs[1], new RegExp(`^mail ${b.id}: attempt 1 failed \\(.*452 Mailbox vol@example\\.org refused\\); next attempt at `));
    assert.deepEqual(smtp.messages.map((message) => message.envelope), [[fine]]);
  });

  test('a login the server refuses is not the mail\'s fault: tried again', async () => {
    const smtp = await smtpServer();
    const [address] = await queue('inloggen');
    const { failures, store: recording } = watched();
    const { mailer, logs } = worker(smtpTransport(smtp.url.replace(/:[^:@]+@/, ':fout-wachtwoord@'), FROM), { store: recording });
    mailer.start();
    await waitFor(() => failures.length === 1, 'one failed attempt');
    assert.ok(failures[0].retryAt, logs[0]);
    assert.equal((await record(address)).failedAt, null);
    assert.match(logs[0], /attempt 1 failed \(.*535.*\); next attempt at/);
  });

  test('a long reply is logged on one line, at most 500 characters of it', async () => {
    const reply = `Mailbox\tnot   here: ${'x'.repeat(600)}`;
    const smtp = await smtpServer({ refuse: () => [550, reply] });
    await queue('lang-antwoord');
    const { failures, store: recording } = watched();
    const { mailer, logs } = worker(smtpTransport(smtp.url, FROM), { store: recording });
    mailer.start();
    await waitFor(() => failures.length === 1, 'one failed attempt');
    const { error } = failures[0];
    assert.equal(error.length, 500);
    assert.match(error, /550 Mailbox not here: x+$/);
    assert.ok(logs[0].endsWith(`: ${error}`), logs[0]);
  });

  test('a mail whose event is gone from the event files is given up; the others still go', async () => {
    const [gone] = await queue('weg');
    const other = { ...open, id: 'andere' };
    events.set(other.id, { ...events.get(open.id), data: { ...events.get(open.id).data, id: other.id } });
    events.delete(open.id);
    const smtp = await smtpServer();
    const { failures, store: recording } = watched();
    const { mailer, logs } = worker(smtpTransport(smtp.url, FROM), { store: recording });
    mailer.start();
    const { id } = await waitFor(async () => (await record(gone))?.failedAt && record(gone), 'the mail given up');
    assert.deepEqual(logs, [`mail ${id}: given up: its event is no longer in the event files`]);
    // The reason the queue keeps for whoever looks at it later.
    assert.deepEqual(failures.map(({ error, retryAt }) => [error, retryAt]), [['its event is no longer in the event files', undefined]]);
    assert.equal(smtp.messages.length, 0);
  });

  test('a round the store fails is logged, and the next round sends the mail', async () => {
    const [address] = await queue('later-gelukt');
    let failed = false;
    const { store: flaky } = watched({
      claim: (claimMails, ...args) => {
        if (failed) return claimMails(...args);
        failed = true;
        return Promise.reject(new Error('database is\n  locked'));
      },
    });
    const smtp = await smtpServer();
    const { mailer, logs } = worker(smtpTransport(smtp.url, FROM), { store: flaky, pollMs: 20 });
    mailer.start();
    await waitFor(sent(address), 'the mail sent in a later round');
    assert.equal(logs[0], 'mail: queue round failed: database is locked');
  });
});

describe('more than one sender, and stopping', () => {
  test('two senders on one queue (two processes, or a restart) send each mail once', async () => {
    const smtp = await smtpServer({ delay: 30 });
    const addresses = await queue('een', 'twee', 'drie');
    const first = worker(smtpTransport(smtp.url, FROM), { pollMs: 10 });
    const second = worker(smtpTransport(smtp.url, FROM), { pollMs: 10 });
    first.mailer.start();
    second.mailer.start();
    await waitFor(async () => (await Promise.all(addresses.map((address) => sent(address)()))).every(Boolean), 'three mails sent');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(smtp.messages.map((message) => message.envelope[0]).sort(), [...addresses].sort());
  });

  test('stop(): the mail being sent finishes; the rest stay queued and go out at once at the next start, not after the lease', async () => {
    let arriving;
    const arrived = new Promise((resolve) => (arriving = resolve));
    const smtp = await smtpServer({ delay: 80, onMessage: () => arriving() });
    const addresses = await queue('eerste', 'tweede', 'derde');
    const { failures, store: recording } = watched();
    const { mailer } = worker(smtpTransport(smtp.url, FROM), { store: recording });
    mailer.start();
    await arrived;
    await mailer.stop();
    const stoppedAt = Date.now();
    assert.deepEqual(smtp.messages.map((message) => message.envelope), [[addresses[0]]]);
    // Not tried: due again now, with the reason.
    assert.equal(failures.length, 2);
    for (const { error, retryAt } of failures) {
      assert.equal(error, 'not sent before the server stopped');
      assert.ok(retryAt.getTime() <= stoppedAt, retryAt.toISOString());
    }
    assert.ok(await sent(addresses[0])());
    for (const address of addresses.slice(1)) {
      const mail = await record(address);
      assert.equal(mail.sentAt, null);
      assert.equal(mail.failedAt, null);
    }

    // Stopped is stopped: a wake sends nothing.
    mailer.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(smtp.messages.length, 1);

    const next = worker(smtpTransport(smtp.url, FROM));
    next.mailer.start();
    await waitFor(async () => (await Promise.all(addresses.map((address) => sent(address)()))).every(Boolean), 'the other two sent');
    assert.equal(smtp.messages.length, 3);
  });

  test('stop() waits no longer than its patience for a server that does not answer; the mail stays queued', async () => {
    let arriving;
    const arrived = new Promise((resolve) => (arriving = resolve));
    const smtp = await smtpServer({ hang: true, onMessage: () => arriving() });
    const [address] = await queue('hangt');
    const { mailer } = worker(smtpTransport(smtp.url, FROM));
    mailer.start();
    await arrived;
    const started = Date.now();
    await mailer.stop(150);
    const waited = Date.now() - started;
    assert.ok(waited >= 140 && waited < 1_000, `stopped after ${waited} ms`);
    assert.equal((await record(address)).sentAt, null);
  });

  test('stop() before anything runs returns at once', async () => {
    const smtp = await smtpServer();
    const { mailer } = worker(smtpTransport(smtp.url, FROM));
    const started = Date.now();
    await mailer.stop();
    assert.ok(Date.now() - started < 100);
    await queue('nooit');
    mailer.start();
    // Longer than a round waits for quiet (50 ms): a stopped worker starts none.
    await sleep(300);
    assert.equal(smtp.messages.length, 0);
  });
});

/**
 * A worker on an empty queue (a stand-in store whose look-up takes `lookMs`) that notes when it was
 * looked at (ms since `started`) and the most look-ups at once.
 */
function watchedWorker({ lookMs = 0, ...options }) {
  const started = performance.now();
  const looks = [];
  const watched = { mostAtOnce: 0 };
  let atOnce = 0;
  const store = {
    claimMails: async () => {
      looks.push(performance.now() - started);
      watched.mostAtOnce = Math.max(watched.mostAtOnce, ++atOnce);
      await sleep(lookMs);
      atOnce--;
      return [];
    },
  };
  const mailer = new MailWorker({ store, transport: {}, compose: () => undefined, log: () => {}, retryMs: 1_000, pollMs: 60_000, ...options });
  closers.push(() => mailer.stop());
  return { mailer, looks, watched };
}

/** Wakes `mailer` every 5 ms for `ms`, as a burst of registrations would. */
async function burst(mailer, ms) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    mailer.wake();
    await sleep(5);
  }
}

describe('yielding to registrations: mail waits for a quiet moment, at most maxWaitMs', () => {
  test('a single queued mail is looked at once the queue has been quiet for quietMs', async () => {
    const { mailer, looks } = watchedWorker({ quietMs: 40, maxWaitMs: 5_000 });
    mailer.wake();
    await sleep(400);
    assert.equal(looks.length, 1);
    assert.ok(looks[0] >= 35, `looked at after ${looks[0]} ms`);
  });

  test('a burst of queued mails is sent after the burst, not during it', async () => {
    const { mailer, looks } = watchedWorker({ quietMs: 100, maxWaitMs: 5_000 });
    await burst(mailer, 600);
    assert.deepEqual(looks, [], 'no round during the burst');
    await sleep(600);
    assert.equal(looks.length, 1, 'one round after it');
    assert.ok(looks[0] >= 600, `the round began at ${looks[0]} ms`);
  });

  test('a burst longer than maxWaitMs does not hold mail back longer than that', async () => {
    const { mailer, looks } = watchedWorker({ quietMs: 100, maxWaitMs: 300 });
    await burst(mailer, 1_500);
    assert.ok(looks.length >= 2, `${looks.length} round(s) during a 1.5 s burst`);
    assert.ok(looks[0] >= 250 && looks[0] < 1_200, `the first round began at ${looks[0]} ms`);
  });

  test('woken during a round: one round at a time, then one more after it, and no more', async () => {
    const { mailer, looks, watched } = watchedWorker({ quietMs: 20, maxWaitMs: 5_000, lookMs: 300 });
    mailer.wake();
    await sleep(100);
    assert.equal(looks.length, 1, 'the first round is looking');
    mailer.wake();
    // Past the quiet time and the first round: the second starts only after it.
    await sleep(1_000);
    assert.equal(watched.mostAtOnce, 1, 'never two rounds at once');
    assert.equal(looks.length, 2, 'the wake during the round gave one round after it, and nothing more');
    assert.ok(looks[1] - looks[0] >= 300, `the second round began ${looks[1] - looks[0]} ms after the first`);
  });
});
