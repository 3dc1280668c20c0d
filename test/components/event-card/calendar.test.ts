import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { calendarFile, calendarLinks, eventUid, fold, icsFile } from '../../../src/components/event-card/calendar.js';
import type { EventInput } from '../../../src/schema/index.js';
import { cancelledEvent, dstNightEvent, minimalEvent, udenMeeting } from '../../fixtures/events.js';
import { parsed } from '../../fixtures/parse.js';

const DTSTAMP = Date.UTC(2018, 7, 1, 10, 0, 0);

/** Parses an iCalendar text with ical.js (an independent parser) and returns its one VEVENT. */
function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const octets = (line: string) => new TextEncoder().encode(line).length;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Pure: no DOM, so these also run in Node for mutation testing (`npm run mutate`).
describe('<bijeen-event-card> calendar', () => {
  describe('.ics file (RFC 5545)', () => {
    it('parses back with ical.js to the same start, end, summary and location', () => {
      const data = parsed(udenMeeting);
      const { event, vevent, calendar } = parseIcs(icsFile(data, DTSTAMP));
      expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
      expect(event.summary).to.equal(udenMeeting.title);
      expect(event.location).to.equal('Area Wonen, Leeuweriksweg 12, 5402 XD Uden');
      expect(event.startDate.toJSDate().getTime()).to.equal(Date.parse(udenMeeting.start));
      expect(event.endDate.toJSDate().getTime()).to.equal(Date.parse(udenMeeting.end));
      expect(event.startDate.zone.tzid).to.equal('UTC');
      expect(event.description).to.equal(`${udenMeeting.summary}\n\n${udenMeeting.url}`);
      expect(event.uid).to.equal(`${udenMeeting.id}@example.org`);
      expect(vevent.getFirstPropertyValue('url')).to.equal(udenMeeting.url);
      expect(vevent.getFirstPropertyValue('status')).to.equal('CONFIRMED');
      expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).to.equal(DTSTAMP);
    });

    it('keeps the instants of an event across a daylight-saving change', () => {
      const { event } = parseIcs(icsFile(parsed(dstNightEvent), DTSTAMP));
      expect(event.startDate.toJSDate().toISOString()).to.equal('2024-10-26T23:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).to.equal('2024-10-27T03:00:00.000Z');
      expect(event.location).to.equal('https://example.org/live/nacht');
    });

    it('writes no DTEND for an event without an end', () => {
      const text = icsFile(parsed(minimalEvent), DTSTAMP);
      expect(text).not.to.match(/^DTEND/m);
      const { event } = parseIcs(text);
      expect(event.startDate.toJSDate().getTime()).to.equal(Date.parse(minimalEvent.start));
    });

    it('says STATUS:CANCELLED for a cancelled event', () => {
      const { vevent } = parseIcs(icsFile(parsed(cancelledEvent), DTSTAMP));
      expect(vevent.getFirstPropertyValue('status')).to.equal('CANCELLED');
    });

    it('ends every line with CRLF, folds at 75 octets without splitting characters, and escapes text', () => {
      const title = 'Café “Wijk & Wonen”; één, twee\\drie — 😀 '.repeat(4).trim();
      const summary = 'Regel één\nregel twee\r\nregel drie; met, tekens\\';
      const input: EventInput = { ...minimalEvent, title, summary, location: { name: 'Zaal 1; vleugel A, Utrecht' } };
      const text = icsFile(parsed(input), DTSTAMP);
      expect(text.endsWith('\r\n')).to.equal(true);
      expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
      const lines = text.split('\r\n').slice(0, -1);
      for (const line of lines) {
        expect(octets(line), line).to.be.at.most(75);
        expect(LONE_SURROGATE.test(line), line).to.equal(false);
      }
      expect(lines.some((line) => line.startsWith(' '))).to.equal(true);
      expect(text).to.include('SUMMARY:Café “Wijk & Wonen”\\; één\\, twee\\\\drie');
      // ical.js reads an unescaped `;` or `,` the same way: only the raw line proves the escaping.
      expect(text).to.include('\r\nLOCATION:Zaal 1\\; vleugel A\\, Utrecht\r\n');
      const { event } = parseIcs(text);
      expect(event.summary).to.equal(title);
      expect(event.description).to.equal('Regel één\nregel twee\nregel drie; met, tekens\\');
      expect(event.location).to.equal('Zaal 1; vleugel A, Utrecht');
    });

    it('writes the calendar header, the UID from the event page’s host, and TENTATIVE for a postponed event', () => {
      const text = icsFile(parsed({ ...minimalEvent, url: 'https://events.example.org/a', status: 'postponed' }), DTSTAMP);
      const lines = text.split('\r\n');
      expect(lines.slice(0, 5)).to.deep.equal(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bijeen//Event card//NL', 'METHOD:PUBLISH', 'BEGIN:VEVENT']);
      expect(lines).to.include('UID:minimaal@events.example.org');
      expect(lines).to.include('STATUS:TENTATIVE');
      expect(lines).to.include('DTSTAMP:20180801T100000Z');
      expect(icsFile(parsed(minimalEvent), DTSTAMP)).to.include('\r\nSTATUS:CONFIRMED\r\n');
    });

    it('as a feed: named, with a refresh interval and each event’s LAST-MODIFIED; none of it for the card’s file', () => {
      const data = parsed(minimalEvent);
      const feed = calendarFile([data], {
        stamp: () => DTSTAMP,
        modified: () => DTSTAMP - 3_600_000,
        uidHost: 'api.example.org',
        name: 'Bijeenkomsten: wonen',
        refresh: 'PT1H',
      }).split('\r\n');
      expect(feed.slice(4, 8)).to.deep.equal([
        'NAME:Bijeenkomsten: wonen',
        'X-WR-CALNAME:Bijeenkomsten: wonen',
        'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
        'X-PUBLISHED-TTL:PT1H',
      ]);
      expect(feed).to.include('LAST-MODIFIED:20180801T090000Z');
      const file = icsFile(data, DTSTAMP);
      expect(file).not.to.match(/NAME:|REFRESH-INTERVAL|X-PUBLISHED-TTL|LAST-MODIFIED/);
    });

    it('names an event by its id at its page’s host, else at the host given, else at bijeen.invalid', () => {
      expect(eventUid(parsed({ ...minimalEvent, url: 'https://www.example.org/x' }), 'api.example.org')).to.equal(`${minimalEvent.id}@www.example.org`);
      expect(eventUid(parsed(minimalEvent), 'api.example.org')).to.equal(`${minimalEvent.id}@api.example.org`);
      expect(eventUid(parsed(minimalEvent), '')).to.equal(`${minimalEvent.id}@bijeen.invalid`);
    });

    it('turns a lone CR into a line break and drops other control characters', () => {
      const text = icsFile(parsed({ ...minimalEvent, summary: 'een\rtwee\u0007drie\u007f' }), DTSTAMP);
      expect(text).to.include('\r\nDESCRIPTION:een\\ntweedrie\r\n');
    });

    it('counts 1, 2, 3 and 4 octets per character at each UTF-8 boundary when folding', () => {
      // 75 octets fit on the first line: fill to 75 − size, then add the character and one more.
      const foldAt = (char: string, size: number) => fold(`${'a'.repeat(75 - size)}${char}b`).split('\r\n');
      for (const [char, size] of [['\u007f', 1], ['\u0080', 2], ['\u07ff', 2], ['\u0800', 3], ['\uffff', 3], ['\u{10000}', 4]] as const) {
        expect(foldAt(char, size), `U+${char.codePointAt(0)!.toString(16)}`).to.deep.equal([`${'a'.repeat(75 - size)}${char}`, ' b']);
        // One octet fewer of room: the character itself moves to the next line.
        expect(fold(`${'a'.repeat(76 - size)}${char}`).split('\r\n')).to.deep.equal(['a'.repeat(76 - size), ` ${char}`]);
      }
    });

    it('folds exactly: 75 octets on the first line, then a space and 74', () => {
      const folded = fold('X'.repeat(200));
      const lines = folded.split('\r\n');
      expect(lines.map((line) => line.length)).to.deep.equal([75, 75, 52]); // 75 + 74 + 51 = 200
      expect(lines.slice(1).every((line) => line.startsWith(' '))).to.equal(true);
      // A three-octet character that would cross the limit moves to the next line whole.
      const euro = fold(`${'a'.repeat(74)}€b`).split('\r\n');
      expect(euro).to.deep.equal(['a'.repeat(74), ' €b']);
      // Two octets fit exactly; four do not.
      expect(fold(`${'a'.repeat(73)}éb`).split('\r\n')).to.deep.equal([`${'a'.repeat(73)}é`, ' b']);
      expect(fold(`${'a'.repeat(72)}😀`).split('\r\n')).to.deep.equal(['a'.repeat(72), ' 😀']);
    });
  });

  describe('web calendar links', () => {
    it('opens Google Calendar with the title, UTC times, place and details', () => {
      const url = new URL(calendarLinks(parsed(udenMeeting)).google);
      expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
      expect(url.searchParams.get('action')).to.equal('TEMPLATE');
      expect(url.searchParams.get('text')).to.equal(udenMeeting.title);
      expect(url.searchParams.get('dates')).to.equal('20180918T110000Z/20180918T150000Z');
      expect(url.searchParams.get('location')).to.equal('Area Wonen, Leeuweriksweg 12, 5402 XD Uden');
      expect(url.searchParams.get('details')).to.include(udenMeeting.url);
      expect(url.searchParams.get('ctz')).to.equal('Europe/Amsterdam');
    });

    it('leaves out what the event does not have (no place, no details)', () => {
      const { google, outlook } = calendarLinks(parsed(minimalEvent));
      expect([...new URL(google).searchParams.keys()]).to.deep.equal(['action', 'text', 'dates', 'ctz']);
      expect([...new URL(outlook).searchParams.keys()]).to.deep.equal(['path', 'rru', 'subject', 'startdt', 'enddt']);
    });

    it('opens Outlook on the web with the title, UTC times and place', () => {
      const link = calendarLinks(parsed(udenMeeting)).outlook;
      expect(link).not.to.include('+');
      const url = new URL(link);
      expect(url.origin + url.pathname).to.equal('https://outlook.office.com/calendar/deeplink/compose');
      expect(url.searchParams.get('path')).to.equal('/calendar/action/compose');
      expect(url.searchParams.get('rru')).to.equal('addevent');
      expect(url.searchParams.get('subject')).to.equal(udenMeeting.title);
      expect(url.searchParams.get('startdt')).to.equal('2018-09-18T11:00:00Z');
      expect(url.searchParams.get('enddt')).to.equal('2018-09-18T15:00:00Z');
      expect(url.searchParams.get('location')).to.equal('Area Wonen, Leeuweriksweg 12, 5402 XD Uden');
    });
  });
});
