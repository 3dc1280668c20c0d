// Privacy by default: RETENTION_DAYS after an event's end its registrations' personal data is
// erased (at start-up and daily), the counts kept; postponed events and events without a file kept.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { unlimited } from './support/events.mjs';
import { daysFromNow, exportCsv, people, postJson, registration, repoRoot, startServer, tempDir, writeEvents } from './support/server.mjs';

const TOKEN = 'retention-test-token-0123456789abcdef';
const DAY = 86_400_000;

function event(id, extra = {}) {
  return {
    ...unlimited,
    id,
    title: `Bijeenkomst ${id}`,
    registration: { ...unlimited.registration, endpoint: `/api/events/${id}/registrations`, ...extra },
  };
}

/** Ended 41 days ago: past a 30-day retention, within a 60-day one. */
const longAgo = { start: daysFromNow(-41), end: daysFromNow(-40.9) };

describe('retention at start-up', () => {
  let temp;
  let server;
  const events = {
    past: event('afgelopen', { capacity: 3, waitlist: true }),
    postponed: event('uitgesteld'),
    gone: event('verdwenen'),
    current: event('lopend'),
  };
  const person = (tag) => ({ name: `Bewaard ${tag}`, email: `retentie-${tag}@example.org`, organisation: 'Het Baken' });
  /** Starts the server; the one started before is stopped first, so a failed test leaves none running. */
  const start = async (env = {}) => {
    await server?.stop();
    server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN, RETENTION_DAYS: '', ...env } });
    return server;
  };

  before(async () => {
    temp = tempDir();
    writeEvents(join(temp.dir, 'events'), events);
    await start();
    const sent = [
      [events.past, { attendee: person('eerste'), companions: [person('partner')] }],
      [events.past, { attendee: person('tweede') }],
      [events.past, { attendee: person('wachtend') }],
      [events.postponed, { attendee: person('uitgesteld') }],
      [events.gone, { attendee: person('verdwenen') }],
      [events.current, { attendee: person('lopend') }],
    ];
    const statuses = [];
    for (const [target, overrides] of sent) {
      const answer = await postJson(server, target.id, registration(target, overrides));
      assert.equal(answer.status, 201);
      statuses.push(answer.body.status);
    }
    assert.deepEqual(statuses.slice(0, 3), ['confirmed', 'confirmed', 'waitlisted']);
    await server.stop();
    // Time passes: three events are over; one of them has been postponed, one file removed.
    writeEvents(join(temp.dir, 'events'), {
      past: { ...events.past, ...longAgo },
      postponed: { ...events.postponed, ...longAgo, status: 'postponed' },
    });
    rmSync(join(temp.dir, 'events', 'gone.json'));
  });

  after(async () => {
    await server?.stop();
    temp?.cleanup();
  });

  test('RETENTION_DAYS=60: an event that ended 41 days ago keeps its registrations', async () => {
    await start({ RETENTION_DAYS: '60' });
    // The summary is printed just after the line that says the server listens.
    for (let waited = 0; !/retention: personal data erased/.test(server.output()) && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(server.output(), /retention: personal data erased 60 days after each event ends/);
    assert.doesNotMatch(server.output(), /retention: erased/);
    assert.equal((await people(server, 'GET', person('eerste').email, TOKEN)).body.registrations.length, 1);
  });

  test('by default (30 days) it is erased at start-up; counts and remaining places stay', async () => {
    await start();
    const output = server.output();
    assert.match(output, /retention: erased the personal data of "afgelopen", 30 days after its end; counts kept: confirmed 2 \(3 place\(s\)\), waitlisted 1 \(1 place\(s\)\)/);
    assert.match(output, /retention: kept the registrations of "uitgesteld": it is postponed/);
    assert.match(output, /retention: kept the registrations of "verdwenen": no event file says when it ends/);
    assert.doesNotMatch(output, /retention: erased the personal data of "lopend"/);

    for (const tag of ['eerste', 'partner', 'tweede', 'wachtend']) {
      assert.deepEqual((await people(server, 'GET', person(tag).email, TOKEN)).body.registrations, [], tag);
    }
    for (const tag of ['uitgesteld', 'verdwenen', 'lopend']) {
      assert.equal((await people(server, 'GET', person(tag).email, TOKEN)).body.registrations.length, 1, tag);
    }
    const past = await (await fetch(`${server.api}/api/events/afgelopen`)).json();
    assert.equal(past.registration.remaining, 0, 'the three places stay taken');
    const { events: listed } = await (await fetch(`${server.api}/api/events`)).json();
    assert.equal(listed.find((entry) => entry.id === 'afgelopen').registration.remaining, 0, 'in the list too');
    const csv = await exportCsv(server, 'afgelopen', TOKEN);
    assert.equal(csv.rows.length, 1, 'the export has the heading row only');
  });

  test('a second start-up finds nothing more to erase', async () => {
    await start();
    assert.doesNotMatch(server.output(), /retention: erased/);
    await server.stop();
  });

  test('the counts are in the database; no byte of the erased people is', () => {
    const dir = join(temp.dir);
    const files = readdirSync(dir).filter((name) => name.startsWith('bijeen.sqlite'));
    for (const tag of ['eerste', 'partner', 'tweede', 'wachtend']) {
      const needles = [person(tag).email, person(tag).name].map((text) => Buffer.from(text));
      for (const file of files) {
        const bytes = readFileSync(join(dir, file));
        assert.ok(!needles.some((needle) => bytes.includes(needle)), `${tag} in ${file}`);
      }
    }
    const db = new Database(join(dir, 'bijeen.sqlite'), { readonly: true });
    try {
      assert.deepEqual(db.prepare("SELECT status, registrations, places FROM erased_counts WHERE event_id = 'afgelopen' ORDER BY status").all(), [
        { status: 'confirmed', registrations: 2, places: 3 },
        { status: 'waitlisted', registrations: 1, places: 1 },
      ]);
      assert.equal(db.prepare("SELECT count(*) AS n FROM registrations WHERE event_id = 'afgelopen'").get().n, 0);
    } finally {
      db.close();
    }
  });
});

describe('RETENTION_DAYS is checked at start-up', () => {
  test('not a whole number, or more than ten years: the server refuses to start and says why', async () => {
    const temp = tempDir();
    try {
      await assert.rejects(startServer({ dir: temp.dir, env: { RETENTION_DAYS: 'dertig' } }), /Configuration: RETENTION_DAYS must be a whole number >= 0, got "dertig"/);
      await assert.rejects(startServer({ dir: temp.dir, env: { RETENTION_DAYS: '-1' } }), /RETENTION_DAYS must be a whole number >= 0/);
      await assert.rejects(startServer({ dir: temp.dir, env: { RETENTION_DAYS: '4000' } }), /RETENTION_DAYS must be at most 3650 \(ten years\), got 4000/);
    } finally {
      temp.cleanup();
    }
  });
});

describe('the daily pass', () => {
  let modules;
  before(async () => {
    const load = (file) => tsImport(`../../../demo/server/${file}`, import.meta.url);
    modules = { ...(await load('retention.ts')), ...(await load('sqlite-store.ts')), ...(await load('events.ts')) };
  });

  test('erases what came due since the last pass, a day later, without a restart', async (t) => {
    const temp = tempDir();
    const store = new modules.SqliteStore(join(temp.dir, 'bijeen.sqlite'));
    try {
      const endsSoon = { ...event('bijna-voorbij'), start: daysFromNow(-0.1), end: daysFromNow(0.01) };
      writeEvents(join(temp.dir, 'events'), { endsSoon });
      const events = modules.loadEvents(join(temp.dir, 'events'));
      const payload = registration(endsSoon);
      const outcome = await store.register({
        eventId: endsSoon.id,
        payload,
        payloadHash: 'hash',
        capacity: undefined,
        waitlist: false,
        confirmBy: undefined,
        respond: (registered) => ({ status: 201, body: registered }),
        notify: () => ({ mails: [{ to: payload.attendee.email, message: { kind: 'registered' } }] }),
      });
      assert.equal(outcome.kind, 'created');
      const [mail] = await store.mailsTo(payload.attendee.email);

      t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: Date.now() });
      const lines = [];
      const forgotten = [];
      const forgetMails = async (ids) => void forgotten.push(...ids);
      const retention = await modules.startRetention({ store, events, days: 0, log: (line) => lines.push(line), forgetMails });
      assert.deepEqual(lines, [], 'not over yet at start-up');
      assert.equal((await store.findPerson(payload.attendee.email)).length, 1);

      t.mock.timers.tick(DAY);
      await retention.stop();
      assert.equal(lines.length, 1);
      assert.match(lines[0], /retention: erased the personal data of "bijna-voorbij", 0 days after its end/);
      assert.deepEqual(await store.findPerson(payload.attendee.email), []);
      assert.deepEqual(await store.mailsTo(payload.attendee.email), [], 'its mail left the queue');
      assert.deepEqual(forgotten, [mail.id], 'and its copy is forgotten by the transport');
      const none = { registrations: 0, places: 0 };
      assert.deepEqual(await store.counts(endsSoon.id), {
        confirmed: { registrations: 1, places: 1 },
        waitlisted: none,
        pending: none,
        'pending-waitlist': none,
        cancelled: none,
        expired: none,
      });
    } finally {
      await store.close();
      temp.cleanup();
    }
  });

  test('its timer does not keep the process alive', () => {
    const temp = tempDir();
    try {
      const script = `
        import { startRetention } from './demo/server/retention.ts';
        import { SqliteStore } from './demo/server/sqlite-store.ts';
        const store = new SqliteStore(${JSON.stringify(join(temp.dir, 'bijeen.sqlite'))});
        await startRetention({ store, events: new Map(), days: 30, log: console.log, forgetMails: async () => {} });
        console.log('started');`;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(run.signal, null, `exited by itself, not killed after 30 s: ${run.stderr}`);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), 'started');
    } finally {
      temp.cleanup();
    }
  });
});
