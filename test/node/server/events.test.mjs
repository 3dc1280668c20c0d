// The events the endpoint serves (demo/server/events.ts): read from a folder of JSON files at
// start-up, bad files skipped with a line that says why, in date order; live counts; closed reasons.
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import * as fixtures from '../endpoint/support/events.mjs';
import { daysFromNow, tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';

const { closedReason, liveEvent, loadEvents, placeLimits, promotionLimits } = await tsImport('../../../demo/server/events.ts', import.meta.url);

const temps = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

/** Writes `events` (name → object or raw text) into a fresh folder and loads it; `lines` is what it logged. */
function load(events) {
  const temp = tempDir('bijeen-events-');
  temps.push(temp);
  const dir = writeEvents(join(temp.dir, 'events'), events);
  const lines = [];
  return { dir, lines, events: loadEvents(dir, (line) => lines.push(line)) };
}

/** An event whose non-members (member question answered "no") may take `nonMemberPlaces` of `capacity`. */
function membersFirst(capacity, nonMemberPlaces, nonMemberRemaining) {
  return {
    ...fixtures.unlimited,
    id: 'leden-eerst',
    registration: {
      ...fixtures.unlimited.registration,
      capacity,
      memberQuestion: 'Is uw organisatie lid?',
      nonMemberPlaces,
      ...(nonMemberRemaining === undefined ? {} : { nonMemberRemaining }),
    },
  };
}

/** An event without registration, `id` at `start`. */
function at(id, start) {
  const { end: _end, ...event } = fixtures.noRegistration;
  return { ...event, id, title: `Bijeenkomst ${id}`, start };
}

describe('loadEvents', () => {
  test('every valid *.json file, validated, by id, in date order; ties in file-name order', () => {
    // One moment for both ties: two calls of `daysFromNow` may fall in different milliseconds.
    const tie = daysFromNow(15);
    const { events, lines } = load({
      b: at('later', daysFromNow(20)),
      a: at('soon', daysFromNow(10)),
      d: at('tie-2', tie),
      c: at('tie-1', tie),
    });
    assert.deepEqual([...events.keys()], ['soon', 'tie-1', 'tie-2', 'later']);
    assert.deepEqual(lines, []);
    const soon = events.get('soon');
    assert.equal(soon.file, 'a.json');
    assert.deepEqual(soon.raw, at('soon', soon.raw.start));
    assert.equal(soon.data.timeZone, 'Europe/Amsterdam', 'defaults filled in');
  });

  test('other files are not read; a broken file, an invalid event and a taken id are skipped with a reason', () => {
    const { dir, events, lines } = load({
      '1-kapot': '{ "id": ',
      '2-ongeldig': JSON.stringify({ id: 'ongeldig', start: 'morgen' }),
      '3-goed': at('goed', daysFromNow(3)),
      '4-dubbel': at('goed', daysFromNow(4)),
    });
    writeFileSync(join(dir, 'notities.txt'), 'geen json');
    writeFileSync(join(dir, 'kopie.json.bak'), '{');
    const again = loadEvents(dir, (line) => lines.push(line));
    assert.deepEqual([...events.keys()], ['goed']);
    assert.deepEqual([...again.keys()], ['goed']);
    const [broken, invalid, taken] = lines;
    assert.match(broken, /^events: skipped 1-kapot\.json: not valid JSON \(.+\)$/);
    assert.match(invalid, /^events: skipped 2-ongeldig\.json: \w+: [^;]+(; \w+: [^;]+)+$/);
    assert.equal(taken, 'events: skipped 4-dubbel.json: id "goed" is already used by 3-goed.json');
    assert.equal(lines.length, 6, 'the same three lines for the second load, and no others');
  });

  test('a folder that cannot be read: no events, and a line that says so', () => {
    const lines = [];
    const events = loadEvents('/bestaat/niet', (line) => lines.push(line));
    assert.equal(events.size, 0);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^events: cannot read \/bestaat\/niet: ENOENT/);
  });

  test('logs to stderr unless told otherwise', () => {
    const written = [];
    const original = console.error;
    console.error = (line) => written.push(line);
    try {
      loadEvents('/bestaat/niet');
    } finally {
      console.error = original;
    }
    assert.equal(written.length, 1);
  });

  test('the time the file last changed, to the millisecond', () => {
    const { dir } = load({ a: at('a', daysFromNow(3)) });
    // In seconds, with a fraction of a millisecond.
    const changed = Date.parse('2026-01-02T03:04:05.678Z') / 1000 + 0.0004;
    utimesSync(join(dir, 'a.json'), changed, changed);
    assert.equal(loadEvents(dir, () => {}).get('a').modified, Date.parse('2026-01-02T03:04:05.678Z'));
  });

  test('places here: remaining as written, else the capacity, else no limit; the same for non-members', () => {
    const { events } = load({ ...fixtures.all, members: membersFirst(12, 4, 3) });
    const places = Object.fromEntries([...events].map(([id, event]) => [id, [event.placesHere, event.nonMemberPlacesHere]]));
    assert.deepEqual(places[fixtures.small.id], [3, undefined]);
    assert.deepEqual(places[fixtures.prefull.id], [0, undefined]);
    assert.deepEqual(places[fixtures.twoLeft.id], [2, undefined]);
    assert.deepEqual(places[fixtures.unlimited.id], [undefined, undefined]);
    assert.deepEqual(places[fixtures.noRegistration.id], [undefined, undefined]);
    assert.deepEqual(places['leden-eerst'], [12, 3]);
    assert.deepEqual(placeLimits(events.get('leden-eerst')), { capacity: 12, nonMemberCapacity: 3 });
    assert.deepEqual(placeLimits(load({ members: membersFirst(12, 4) }).events.get('leden-eerst')), { capacity: 12, nonMemberCapacity: 4 });
  });
});

describe('live places', () => {
  const taken = (places, nonMemberPlaces = 0) => ({ places, nonMemberPlaces });

  test('liveEvent: the file with registration.remaining set to what is left here, never below 0', () => {
    const { events } = load({ small: fixtures.small, unlimited: fixtures.unlimited, none: fixtures.noRegistration });
    const small = events.get(fixtures.small.id);
    const remaining = (places) => liveEvent(small, taken(places)).registration.remaining;
    assert.deepEqual([0, 2, 3, 4].map(remaining), [3, 1, 0, 0]);
    assert.deepEqual(liveEvent(small, taken(1)), { ...fixtures.small, registration: { ...fixtures.small.registration, remaining: 2 } });
    assert.deepEqual(small.raw, fixtures.small, 'the file itself is left as it was');
    assert.deepEqual(liveEvent(events.get(fixtures.unlimited.id), taken(1)), fixtures.unlimited, 'no limit: as written');
    assert.equal(liveEvent(events.get(fixtures.noRegistration.id), taken(0)), events.get(fixtures.noRegistration.id).raw);
  });

  test('liveEvent: the non-members’ places left as well, never more than the places left in all', () => {
    const { events } = load({ members: membersFirst(12, 4) });
    const event = events.get('leden-eerst');
    const live = (places, nonMemberPlaces) => {
      const { remaining, nonMemberRemaining } = liveEvent(event, taken(places, nonMemberPlaces)).registration;
      return [remaining, nonMemberRemaining];
    };
    assert.deepEqual(live(0, 0), [12, 4]);
    assert.deepEqual(live(5, 1), [7, 3]);
    assert.deepEqual(live(10, 1), [2, 2], 'two places left in all');
    assert.deepEqual(live(12, 4), [0, 0]);
  });
});

describe('closedReason', () => {
  test('the statuses in which registration is refused, and none while it is open or only full', () => {
    const { events } = load({ ...fixtures.all });
    const reason = (fixture) => closedReason(events.get(fixture.id).data, Date.now());
    assert.equal(reason(fixtures.notOpen), 'not-open');
    assert.equal(reason(fixtures.closed), 'closed');
    assert.equal(reason(fixtures.past), 'past');
    assert.equal(reason(fixtures.cancelled), 'cancelled');
    assert.equal(reason(fixtures.postponed), 'postponed');
    for (const open of [fixtures.rules, fixtures.prefull, fixtures.unlimited, fixtures.twoLeft, fixtures.noRegistration]) {
      assert.equal(reason(open), undefined, open.id);
    }
    const full = load({ full: { ...fixtures.small, registration: { ...fixtures.small.registration, remaining: 0 } } }).events;
    assert.equal(closedReason(full.get(fixtures.small.id).data, Date.now()), undefined, 'full is for the store to say');
  });
});

describe('promotionLimits', () => {
  test('the waiting list moves up while the event is still to come, even with registration closed or not yet open', () => {
    const { events } = load({ small: fixtures.small, closed: fixtures.closed, notOpen: fixtures.notOpen });
    const now = Date.now();
    assert.deepEqual(promotionLimits(events.get(fixtures.small.id), now), { capacity: 3, nonMemberCapacity: undefined });
    assert.deepEqual(promotionLimits(events.get(fixtures.closed.id), now), { capacity: undefined, nonMemberCapacity: undefined });
    assert.deepEqual(promotionLimits(events.get(fixtures.notOpen.id), now), { capacity: undefined, nonMemberCapacity: undefined });
  });

  test('nobody moves up for a past, cancelled or postponed event, one without registration, or one no longer on file', () => {
    const { events } = load({
      past: fixtures.past,
      cancelled: fixtures.cancelled,
      postponed: fixtures.postponed,
      none: fixtures.noRegistration,
      small: fixtures.small,
    });
    const now = Date.now();
    for (const event of [fixtures.past, fixtures.cancelled, fixtures.postponed, fixtures.noRegistration]) {
      assert.equal(promotionLimits(events.get(event.id), now), undefined, event.id);
    }
    assert.equal(promotionLimits(undefined, now), undefined);
    // The same event once it has taken place.
    assert.equal(promotionLimits(events.get(fixtures.small.id), Date.parse(fixtures.small.end) + 86_400_000), undefined);
  });
});
