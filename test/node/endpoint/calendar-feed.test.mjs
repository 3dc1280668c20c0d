// The calendar feed (GET /api/events.ics) and the tag filter, against a real server process,
// read with a real iCalendar parser (ical.js).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { daysFromNow, startServer, tempDir, writeEvents } from './support/server.mjs';

const location = { name: 'Area Wonen', city: 'Uden' };
const event = (id, start, end, extra = {}) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start,
  end,
  location,
  url: `https://example.org/agenda/${id}`,
  ...extra,
});

const events = {
  komend: event('komend', daysFromNow(10), daysFromNow(10.1), { tags: ['wonen'] }),
  geannuleerd: event('geannuleerd', daysFromNow(20), daysFromNow(20.1), { status: 'cancelled', tags: ['Zorg'] }),
  'net-geweest': event('net-geweest', daysFromNow(-5), daysFromNow(-4.9), { tags: ['wonen', 'zorg'] }),
  'lang-geleden': event('lang-geleden', daysFromNow(-60), daysFromNow(-59.9), { tags: ['wonen'] }),
  // No end: it ended at its start. A relative URL resolves against the endpoint.
  'zonder-einde': event('zonder-einde', daysFromNow(3), undefined, { url: 'agenda/zonder-einde' }),
};

/** An instant to the second, as iCalendar writes it. */
const seconds = (iso) => Math.floor(Date.parse(iso) / 1000) * 1000;

let server;
let temp;

before(async () => {
  temp = tempDir('bijeen-calendar-');
  writeEvents(join(temp.dir, 'events'), events);
  server = await startServer({ dir: temp.dir });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

/** The feed, its headers and its events as ical.js reads them (by UID). */
async function feed(query = '', headers = {}) {
  const response = await fetch(`${server.api}/api/events.ics${query}`, { headers });
  const text = await response.text();
  const calendar = response.status === 200 ? new ICAL.Component(ICAL.parse(text)) : undefined;
  const byUid = new Map((calendar?.getAllSubcomponents('vevent') ?? []).map((vevent) => [vevent.getFirstPropertyValue('uid'), vevent]));
  return { response, text, calendar, byUid };
}

describe('GET /api/events.ics', () => {
  test('one VCALENDAR with every upcoming event and those ended in the last 30 days, in order', async () => {
    const { response, text, calendar, byUid } = await feed();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(ICAL.parse(text)[0], 'vcalendar', 'exactly one calendar');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.deepEqual([...byUid.keys()], [
      'zonder-einde@127.0.0.1',
      'komend@example.org',
      'geannuleerd@example.org',
      'net-geweest@example.org',
    ]);
    // RFC 5545: CRLF line ends, lines folded at 75 octets.
    assert.ok(text.split('\r\n').every((line) => !line.includes('\n') && Buffer.byteLength(line) <= 75));
  });

  test('gives each event its instants, the card\'s UID (id@host of its page), DTSTAMP, LAST-MODIFIED and status', async () => {
    const { byUid } = await feed();
    const komend = byUid.get('komend@example.org');
    assert.equal(komend.getFirstPropertyValue('dtstart').toJSDate().getTime(), seconds(events.komend.start));
    assert.equal(komend.getFirstPropertyValue('dtend').toJSDate().getTime(), seconds(events.komend.end));
    assert.equal(komend.getFirstPropertyValue('summary'), 'Bijeenkomst komend');
    assert.equal(komend.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(komend.getFirstPropertyValue('url'), 'https://example.org/agenda/komend');
    assert.ok(komend.getFirstPropertyValue('dtstamp'));
    assert.ok(komend.getFirstPropertyValue('last-modified'));
    assert.equal(byUid.get('geannuleerd@example.org').getFirstPropertyValue('status'), 'CANCELLED');
    const withoutEnd = byUid.get('zonder-einde@127.0.0.1');
    assert.equal(withoutEnd.getFirstPropertyValue('dtend'), null);
    assert.equal(withoutEnd.getFirstPropertyValue('url'), `${server.api}/api/events/agenda/zonder-einde`);
  });

  test('names itself and says how often to refresh', async () => {
    const { calendar } = await feed();
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Bijeenkomsten');
    assert.equal(calendar.getFirstPropertyValue('refresh-interval').toString(), 'PT1H');
    assert.equal(calendar.getFirstPropertyValue('x-published-ttl'), 'PT1H');
    const english = await feed('', { 'Accept-Language': 'en-GB' });
    assert.equal(english.calendar.getFirstPropertyValue('x-wr-calname'), 'Events');
  });

  test('answers 304 to If-None-Match with its ETag, and HEAD without a body', async () => {
    const { response, text } = await feed();
    const etag = response.headers.get('etag');
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal((await feed()).response.headers.get('etag'), etag, 'the same feed has the same ETag');
    const again = await feed('', { 'If-None-Match': etag });
    assert.equal(again.response.status, 304);
    assert.equal(again.text, '');
    assert.equal(again.response.headers.get('etag'), etag);
    assert.equal((await feed('', { 'If-None-Match': '"anders"' })).response.status, 200);
    const head = await fetch(`${server.api}/api/events.ics`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(text));
    assert.equal(await head.text(), '');
    assert.equal((await fetch(`${server.api}/api/events.ics`, { method: 'POST' })).status, 405);
  });

  test('?tag= keeps events carrying any of the tags (case ignored) and names the calendar after them', async () => {
    const { byUid, calendar } = await feed('?tag=zorg');
    assert.deepEqual([...byUid.keys()], ['geannuleerd@example.org', 'net-geweest@example.org']);
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Bijeenkomsten: zorg');
    const either = await feed(`?tag=${encodeURIComponent('WONEN, zorg')}`);
    assert.deepEqual([...either.byUid.keys()], ['komend@example.org', 'geannuleerd@example.org', 'net-geweest@example.org']);
    // A tag cannot add lines to the calendar: its text is escaped.
    const hostile = await feed(`?tag=${encodeURIComponent('x\r\nBEGIN:VEVENT')}`);
    assert.equal(hostile.byUid.size, 0);
    assert.equal(hostile.calendar.getAllSubcomponents('vevent').length, 0);
  });

  test('GET /api/events?tag= filters the JSON list the same way', async () => {
    const ids = async (query) => (await (await fetch(`${server.api}/api/events${query}`)).json()).events.map((each) => each.id);
    assert.deepEqual(await ids('?tag=zorg'), ['net-geweest', 'geannuleerd']);
    assert.deepEqual((await ids('')).length, 5);
    assert.deepEqual(await ids('?tag=sport'), []);
  });
});

describe('LAST-MODIFIED follows the event file', () => {
  test('a changed file changes LAST-MODIFIED and the ETag (after the restart that loads it)', async () => {
    const own = tempDir('bijeen-calendar-change-');
    try {
      const file = join(own.dir, 'events', 'komend.json');
      writeEvents(join(own.dir, 'events'), { komend: events.komend });
      utimesSync(file, new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:00:00Z'));
      const read = async () => {
        const running = await startServer({ dir: own.dir });
        try {
          const response = await fetch(`${running.api}/api/events.ics`);
          const vevent = new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent');
          return { etag: response.headers.get('etag'), modified: vevent.getFirstPropertyValue('last-modified').toJSDate().toISOString() };
        } finally {
          await running.stop();
        }
      };
      const before = await read();
      assert.equal(before.modified, '2026-01-01T10:00:00.000Z');
      writeEvents(join(own.dir, 'events'), { komend: { ...events.komend, title: 'Bijeenkomst komend (nieuwe zaal)' } });
      utimesSync(file, new Date('2026-02-01T10:00:00Z'), new Date('2026-02-01T10:00:00Z'));
      const after = await read();
      assert.equal(after.modified, '2026-02-01T10:00:00.000Z');
      assert.notEqual(after.etag, before.etag);
    } finally {
      own.cleanup();
    }
  });
});
