// The agenda as a calendar feed (demo/server/calendar-feed.ts), written for a given moment and read
// back with a real iCalendar parser (ical.js).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { tsImport } from 'tsx/esm/api';
import { tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';

const { calendarFeed, RECENT_DAYS } = await tsImport('../../../demo/server/calendar-feed.ts', import.meta.url);
const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
/** An event `days` from NOW lasting an hour; a relative `url` resolves against the feed's address. */
const event = (id, days, extra = {}) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start: iso(NOW + days * DAY),
  end: iso(NOW + days * DAY + 3_600_000),
  location: { name: 'Area Wonen', city: 'Uden' },
  url: `agenda/${id}`,
  ...extra,
});

const temps = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

/** Loads `events` from a folder of files last changed at `modified`. */
function loaded(events, modified = Date.parse('2026-05-01T08:00:00Z')) {
  const temp = tempDir('bijeen-feed-');
  temps.push(temp);
  const dir = writeEvents(join(temp.dir, 'events'), events);
  for (const name of Object.keys(events)) utimesSync(join(dir, `${name}.json`), modified / 1000, modified / 1000);
  return [...loadEvents(dir, () => {}).values()];
}

const base = new URL('http://api.example.org:8081/api/events.ics');
const feed = (events, options = {}) => calendarFeed(events, { now: NOW, tags: [], apiBase: base, locale: 'nl', ...options });
const vevents = (body) => new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent');
const uids = (body) => vevents(body).map((vevent) => vevent.getFirstPropertyValue('uid'));

describe('calendarFeed', () => {
  test('upcoming events first, then those ended in the last 30 days, each in date order', () => {
    const events = loaded({
      a: event('volgende-maand', 30),
      b: event('morgen', 1),
      c: event('vorige-week', -7),
      d: event('gisteren', -1),
      e: event('lang-geleden', -60),
    });
    assert.deepEqual(uids(feed(events).body), [
      'morgen@api.example.org',
      'volgende-maand@api.example.org',
      'vorige-week@api.example.org',
      'gisteren@api.example.org',
    ]);
  });

  test('an event that ended exactly 30 days ago has left the feed; a millisecond later it had not', () => {
    assert.equal(RECENT_DAYS, 30);
    const end = NOW - RECENT_DAYS * DAY;
    const events = loaded({ a: event('grens', 0, { start: iso(end - 3_600_000), end: iso(end) }) });
    assert.deepEqual(uids(feed(events).body), []);
    assert.deepEqual(uids(feed(events, { now: NOW - 1 }).body), ['grens@api.example.org']);
  });

  test('relative URLs resolve against the feed’s own address; the UID host is its host name', () => {
    const [vevent] = vevents(feed(loaded({ a: event('morgen', 1) })).body);
    assert.equal(vevent.getFirstPropertyValue('url'), 'http://api.example.org:8081/api/events/agenda/morgen');
    assert.equal(vevent.getFirstPropertyValue('uid'), 'morgen@api.example.org');
  });

  test('DTSTAMP and LAST-MODIFIED are the file’s time; the calendar refreshes hourly and is named in its language', () => {
    const body = feed(loaded({ a: event('morgen', 1, { tags: ['wonen'] }) }, Date.parse('2026-05-01T08:00:00Z')), {
      tags: ['wonen'],
      locale: 'en',
    }).body;
    const calendar = new ICAL.Component(ICAL.parse(body));
    const [vevent] = calendar.getAllSubcomponents('vevent');
    assert.equal(vevent.getFirstPropertyValue('dtstamp').toJSDate().toISOString(), '2026-05-01T08:00:00.000Z');
    assert.equal(vevent.getFirstPropertyValue('last-modified').toJSDate().toISOString(), '2026-05-01T08:00:00.000Z');
    assert.equal(calendar.getFirstPropertyValue('refresh-interval').toString(), 'PT1H');
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Events: wonen');
  });

  test('tags keep the events that carry any of them', () => {
    const events = loaded({ a: event('wonen', 1, { tags: ['wonen'] }), b: event('zorg', 2, { tags: ['zorg'] }), c: event('geen', 3) });
    assert.deepEqual(uids(feed(events, { tags: ['zorg'] }).body), ['zorg@api.example.org']);
  });

  test('the ETag is a hash of the body: the same feed, the same tag; another file time, another tag', () => {
    const events = { a: event('morgen', 1) };
    const first = feed(loaded(events));
    const hash = createHash('sha256').update(first.body).digest('base64url').slice(0, 32);
    assert.equal(first.etag, `"${hash}"`);
    assert.equal(feed(loaded(events)).etag, first.etag);
    assert.notEqual(feed(loaded(events, Date.parse('2026-05-02T08:00:00Z'))).etag, first.etag);
  });
});
