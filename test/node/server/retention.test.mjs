// Retention (demo/server/retention.ts): RETENTION_DAYS after an event's end its registrations'
// personal data is erased and only the counts stay; postponed events and events without a file
// are kept and said so. On a real (in-memory) store, at moments the test picks.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { registration, tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { registerInput } from './support/register-input.mjs';

const { applyRetention, erasureDue, startRetention } = await tsImport('../../../demo/server/retention.ts', import.meta.url);
const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);
const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const DAY = 86_400_000;
const END = Date.parse('2026-03-10T17:00:00Z');

const opened = [];
afterEach(async () => {
  for (const { store, temp } of opened.splice(0)) {
    await store.close();
    temp.cleanup();
  }
});

const event = (id, extra = {}) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start: '2026-03-10T13:00:00Z',
  end: '2026-03-10T17:00:00Z',
  location: { city: 'Uden' },
  registration: { endpoint: `/api/events/${id}/registrations` },
  ...extra,
});

/** A store with one registration for each of `ids`, and the events of `files` loaded. */
async function setUp(files, ids) {
  const temp = tempDir('bijeen-retention-');
  const store = new SqliteStore(':memory:');
  opened.push({ store, temp });
  for (const id of ids) {
    const payload = registration({ id, registration: {} });
    await store.register(
      registerInput({ id, registration: {} }, payload, {
        // One mail per registration, as a confirmation: retention erases it with the event.
        notify: () => ({ mails: [{ to: payload.attendee.email, message: { subject: 'Aangemeld' } }] }),
      }),
    );
  }
  const events = loadEvents(writeEvents(join(temp.dir, 'events'), files), () => {});
  const lines = [];
  const forgotten = [];
  const forgetMails = async (ids) => void forgotten.push(...ids);
  return { store, events, lines, forgotten, options: { store, events, days: 30, log: (line) => lines.push(line), forgetMails } };
}

describe('erasureDue', () => {
  test('RETENTION_DAYS after the end; never while the event is postponed', async () => {
    const { events } = await setUp({ a: event('a'), b: event('b', { status: 'postponed' }), c: event('c', { end: undefined }) }, []);
    assert.equal(erasureDue(events.get('a'), 30), END + 30 * DAY);
    assert.equal(erasureDue(events.get('a'), 0), END);
    assert.equal(erasureDue(events.get('b'), 30), undefined);
    assert.equal(erasureDue(events.get('c'), 1), Date.parse('2026-03-10T13:00:00Z') + DAY, 'without an end: from its start');
  });
});

describe('applyRetention', () => {
  test('erases what is due, to the millisecond, logging the counts it kept; leaves the rest', async () => {
    const { store, lines, forgotten, options } = await setUp({ a: event('a'), later: event('later', { start: '2026-04-01T13:00:00Z', end: '2026-04-01T17:00:00Z' }) }, ['a', 'later']);
    await applyRetention(options, END + 30 * DAY - 1);
    assert.equal((await store.list('a')).length, 1, 'one millisecond early');
    assert.deepEqual(lines, []);
    await applyRetention(options, END + 30 * DAY);
    assert.deepEqual(await store.list('a'), []);
    assert.equal((await store.list('later')).length, 1);
    assert.deepEqual(lines, ['retention: erased the personal data of "a", 30 days after its end; counts kept: confirmed 1 (1 place(s))']);
    assert.deepEqual((await store.counts('a')).confirmed, { registrations: 1, places: 1 });
    assert.deepEqual(forgotten, [1], 'the copy of the mail of "a" goes too; that of "later" stays');
  });

  test('keeps, and says so every time: a postponed event, and registrations of an event without a file', async () => {
    const { store, lines, options } = await setUp({ b: event('b', { status: 'postponed' }) }, ['b', 'weg']);
    const long = END + 3650 * DAY;
    await applyRetention(options, long);
    await applyRetention(options, long);
    assert.equal((await store.list('b')).length, 1);
    assert.equal((await store.list('weg')).length, 1);
    const kept = [
      'retention: kept the registrations of "b": it is postponed',
      'retention: kept the registrations of "weg": no event file says when it ends',
    ];
    assert.deepEqual(lines, [...kept, ...kept]);
  });
});

describe('startRetention', () => {
  /** Stands in for setInterval and clearInterval until restore(). */
  function fakeIntervals() {
    const real = { setInterval, clearInterval };
    const started = [];
    globalThis.setInterval = (callback, ms) => {
      const timer = { callback, ms, unrefd: false, cleared: false, unref: () => ((timer.unrefd = true), timer) };
      started.push(timer);
      return timer;
    };
    globalThis.clearInterval = (timer) => (timer.cleared = true);
    started.restore = () => Object.assign(globalThis, real);
    return started;
  }

  test('a pass at once, then one a day on a timer that does not keep the process alive; stop() waits for a pass', async () => {
    const { store, lines, options } = await setUp({ a: event('a') }, ['a']);
    const intervals = fakeIntervals();
    try {
      const retention = await startRetention(options);
      assert.deepEqual(await store.list('a'), [], 'the first pass ran before the promise resolved');
      assert.equal(lines.length, 1);
      assert.equal(intervals.length, 1);
      const [timer] = intervals;
      assert.deepEqual([timer.ms, timer.unrefd, timer.cleared], [DAY, true, false]);
      await store.close();
      timer.callback();
      await retention.stop();
      assert.equal(timer.cleared, true);
      assert.match(lines[1], /^retention: failed: .*database connection is not open/, 'a failed pass is logged, not thrown');
    } finally {
      intervals.restore();
    }
  });
});
