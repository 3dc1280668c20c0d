import { expect } from '@open-wc/testing';
import {
  EventSchema,
  formatIssues,
  isAllowedUrl,
  issueText,
  parseDateTime,
  parseEvent,
  type EventData,
  type DataIssue,
} from '../../src/schema/index.js';
import { minimalEvent, onlineEvent, udenMeeting } from '../fixtures/events.js';

// Tests break fixtures at any depth; a loose type keeps each change one readable line.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A deep copy of `base` with `change` applied: each test states only what it breaks. */
function variant(base: object, change: (event: Json) => void): Json {
  const copy = structuredClone(base) as Json;
  change(copy);
  return copy;
}

function issuesOf(input: unknown, locale: 'nl' | 'en' = 'nl'): DataIssue[] {
  const result = parseEvent(input, { locale, baseUrl: 'https://partner.example.org/agenda/' });
  expect(result.success, 'expected the event to be rejected').to.equal(false);
  return result.success ? [] : result.issues;
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.path);
}

function parsed(input: unknown, baseUrl = 'https://partner.example.org/agenda/'): EventData {
  const result = parseEvent(input, { baseUrl });
  if (!result.success) throw new Error(`expected a valid event, got ${result.issues.map(issueText).join('; ')}`);
  return result.data;
}

describe('EventSchema and parseEvent', () => {
  describe('valid events', () => {
    it('accepts the complete seed event and keeps every field', () => {
      const expected = variant(udenMeeting, (event) => {
        event.registration.questions[1].required = false; // defaults filled in
        event.registration.questions[2].required = false;
      });
      expect(parsed(udenMeeting)).to.deep.equal(expected);
    });

    it('fills in the defaults of a minimal event', () => {
      const event = parsed(minimalEvent);
      expect(event.timeZone).to.equal('Europe/Amsterdam');
      expect(event.status).to.equal('scheduled');
      expect(event).to.not.have.property('registration');
    });

    it('fills in the defaults of location and registration', () => {
      const event = parsed({ ...minimalEvent, location: { city: 'Uden' }, registration: {} });
      expect(event.location).to.deep.equal({ city: 'Uden', country: 'NL' });
      expect(event.registration).to.deep.equal({ waitlist: false, maxCompanions: 0 });
    });

    it('ignores unknown fields, at the top and nested', () => {
      const event = parsed(
        variant(udenMeeting, (e) => {
          e.livestream = { provider: 'x' };
          e.location.floor = 3;
          e.registration.questions[0].hint = 'kies er één';
        }),
      );
      expect(event).to.not.have.property('livestream');
      expect(event.location).to.not.have.property('floor');
      expect(event.registration!.questions![0]).to.not.have.property('hint');
    });

    it('accepts a date-time without seconds, with fractions, and with Z', () => {
      for (const start of ['2018-09-18T13:00+02:00', '2018-09-18T11:00:00.250Z', '2018-09-18T06:00:00-05:00']) {
        expect(parsed({ ...minimalEvent, start }).start).to.equal(start);
      }
      expect(parseDateTime('2018-09-18T13:00+02:00')).to.equal(Date.UTC(2018, 8, 18, 11, 0));
    });

    it('accepts an end equal to the start', () => {
      expect(parsed({ ...minimalEvent, end: minimalEvent.start }).end).to.equal(minimalEvent.start);
    });

    it('accepts http only on the loopback host', () => {
      for (const endpoint of ['http://localhost:8081/api', 'http://127.0.0.1/api', 'http://[::1]:8081/api']) {
        const event = parsed({ ...minimalEvent, registration: { endpoint } });
        expect(event.registration!.endpoint).to.equal(endpoint);
      }
      expect(pathsOf({ ...minimalEvent, registration: { endpoint: 'http://api.example.org/x' } })).to.deep.equal([
        'registration.endpoint',
      ]);
      expect(pathsOf({ ...minimalEvent, url: 'http://localhost.example.org/' })).to.deep.equal(['url']);
    });
  });

  describe('relative URLs', () => {
    it('resolves every URL field against the base URL', () => {
      const event = parsed(onlineEvent, 'https://partner.example.org/feeds/events.json');
      expect(event.url).to.equal('https://partner.example.org/agenda/webinar-2024');
      expect(event.image!.src).to.equal('https://partner.example.org/images/webinar.png');
      expect(event.location!.online).to.equal('https://partner.example.org/feeds/live/webinar-2024');
      expect(event.registration!.endpoint).to.equal('https://partner.example.org/api/events/webinar-2024/registrations');
      expect(event.registration!.privacyUrl).to.equal('https://partner.example.org/privacy');
    });

    it('resolves against the page when no base URL is given', () => {
      const result = parseEvent(onlineEvent);
      expect(result.success).to.equal(true);
      if (result.success) expect(result.data.url).to.equal(new URL('/agenda/webinar-2024', location.href).href);
    });

    it('reports a relative URL it cannot resolve, by path', () => {
      const result = parseEvent({ ...minimalEvent, url: 'agenda/x' }, { baseUrl: 'about:blank' });
      expect(result.success).to.equal(false);
      if (!result.success) {
        expect(result.issues).to.deep.equal([
          { path: 'url', message: 'kan dit relatieve adres niet omzetten: er is geen bruikbaar basisadres (baseUrl)' },
        ]);
      }
    });

    it('does not change the caller’s object', () => {
      const input = structuredClone(onlineEvent);
      parsed(input);
      expect(input).to.deep.equal(onlineEvent);
    });
  });

  describe('rejects with the right path', () => {
    it('a missing title', () => {
      const input = variant(udenMeeting, (e) => delete e.title);
      expect(issuesOf(input)).to.deep.equal([{ path: 'title', message: 'is verplicht' }]);
      expect(issuesOf(input, 'en')).to.deep.equal([{ path: 'title', message: 'is required' }]);
    });

    it('a title of the wrong type, an empty one, and one too long', () => {
      expect(issuesOf({ ...minimalEvent, title: 42 })).to.deep.equal([{ path: 'title', message: 'verwacht tekst' }]);
      expect(issuesOf({ ...minimalEvent, title: '' })).to.deep.equal([{ path: 'title', message: 'mag niet leeg zijn' }]);
      // Only white space is empty too: it would be a blank heading.
      expect(issuesOf({ ...minimalEvent, title: ' \t\n ' })).to.deep.equal([{ path: 'title', message: 'mag niet leeg zijn' }]);
      expect(issuesOf({ ...minimalEvent, title: 'x'.repeat(301) }, 'en')).to.deep.equal([
        { path: 'title', message: 'expected at most 300 characters' },
      ]);
    });

    it('dates that are not ISO 8601 date-times with an offset', () => {
      for (const start of ['18-09-2018 13:00', '2018-09-18T13:00:00', '2018-09-18', '2018-02-30T13:00:00+02:00', '2018-09-18T24:00:00Z', 'morgen']) {
        expect(issuesOf({ ...minimalEvent, start }), start).to.deep.equal([
          { path: 'start', message: 'verwacht een datum en tijd met tijdzone (ISO 8601), bijvoorbeeld 2018-09-18T13:00:00+02:00' },
        ]);
      }
      expect(pathsOf(variant(udenMeeting, (e) => (e.registration.opens = '2018-07-02')))).to.deep.equal(['registration.opens']);
    });

    it('an end before the start', () => {
      const input = variant(udenMeeting, (e) => (e.end = '2018-09-18T12:59:59+02:00'));
      expect(issuesOf(input)).to.deep.equal([{ path: 'end', message: 'het einde ligt vóór het begin (start)' }]);
      // Offsets count: 16:00+02:00 is 14:00Z, after 13:00Z …
      expect(parseEvent({ ...minimalEvent, start: '2018-09-18T13:00:00Z', end: '2018-09-18T16:00:00+02:00' }).success).to.equal(true);
      // … and 14:00+02:00 (12:00Z) is before 13:00Z.
      expect(pathsOf({ ...minimalEvent, start: '2018-09-18T13:00:00Z', end: '2018-09-18T14:00:00+02:00' })).to.deep.equal(['end']);
    });

    it('registration closing before it opens', () => {
      const input = variant(udenMeeting, (e) => (e.registration.closes = '2018-07-01T09:00:00+02:00'));
      expect(pathsOf(input)).to.deep.equal(['registration.closes']);
    });

    it('an unknown time zone', () => {
      for (const timeZone of ['Europe/Uden', 'Mars/Olympus_Mons', '+02:00', 'CEST summer', '']) {
        expect(issuesOf({ ...minimalEvent, timeZone }), timeZone).to.deep.equal([
          { path: 'timeZone', message: 'verwacht een IANA-tijdzone, bijvoorbeeld Europe/Amsterdam' },
        ]);
      }
      expect(parsed({ ...minimalEvent, timeZone: 'America/Argentina/Buenos_Aires' }).timeZone).to.equal(
        'America/Argentina/Buenos_Aires',
      );
    });

    describe('unsafe URLs, in every URL field', () => {
      const fields: [string, (event: Json, url: string) => void][] = [
        ['url', (e, url) => (e.url = url)],
        ['image.src', (e, url) => (e.image.src = url)],
        ['organizer.url', (e, url) => (e.organizer.url = url)],
        ['location.online', (e, url) => (e.location.online = url)],
        ['registration.endpoint', (e, url) => (e.registration.endpoint = url)],
        ['registration.privacyUrl', (e, url) => (e.registration.privacyUrl = url)],
      ];
      const unsafe = [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '\u0000javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        ' DATA:image/svg+xml;base64,PHN2Zz4=',
        'vbscript:msgbox(1)',
        'file:///etc/passwd',
        'mailto:iemand@example.org',
        'ftp://example.org/file',
        'http://example.org/',
        '',
      ];
      for (const [path, set] of fields) {
        it(`rejects javascript:, data: and other schemes in ${path}`, () => {
          for (const url of unsafe) {
            expect(issuesOf(variant(udenMeeting, (e) => set(e, url))), JSON.stringify(url)).to.deep.equal([
              { path, message: 'verwacht een https-adres of een relatief adres (http alleen op localhost)' },
            ]);
          }
        });
      }

      it('isAllowedUrl agrees', () => {
        for (const url of unsafe) expect(isAllowedUrl(url), JSON.stringify(url)).to.equal(false);
        for (const url of ['https://example.org/', '/a', 'b/c', '?q=1', '//cdn.example.org/x', 'http://localhost/']) {
          expect(isAllowedUrl(url), url).to.equal(true);
        }
      });
    });

    it('out-of-range coordinates', () => {
      const at = (lat: unknown, lon: unknown) => variant(udenMeeting, (e) => Object.assign(e.location, { lat, lon }));
      expect(issuesOf(at(91, 5.6))).to.deep.equal([{ path: 'location.lat', message: 'verwacht een getal van -90 tot en met 90' }]);
      expect(issuesOf(at(51.7, -181), 'en')).to.deep.equal([
        { path: 'location.lon', message: 'expected a number from -180 to 180' },
      ]);
      expect(pathsOf(at('51.7', 5.6))).to.deep.equal(['location.lat']);
      expect(parsed(at(-90, 180)).location).to.include({ lat: -90, lon: 180 });
    });

    it('lat without lon, and lon without lat', () => {
      expect(issuesOf(variant(udenMeeting, (e) => (e.location.lat = 51.66)))).to.deep.equal([
        { path: 'location.lon', message: 'lat en lon horen samen: geef ze allebei' },
      ]);
      expect(pathsOf(variant(udenMeeting, (e) => (e.location.lon = 5.62)))).to.deep.equal(['location.lat']);
    });

    it('a location without a name, an address or an online URL', () => {
      expect(issuesOf({ ...minimalEvent, location: { country: 'NL', postalCode: '5402 XD' } })).to.deep.equal([
        { path: 'location', message: 'geef een naam (name), een adres (street of city) of een online adres (online)' },
      ]);
      expect(pathsOf({ ...minimalEvent, location: { name: 'Uden', country: 'nl' } })).to.deep.equal(['location.country']);
    });

    it('a negative capacity, and more places left than there are', () => {
      expect(issuesOf(variant(udenMeeting, (e) => (e.registration.capacity = -1)))).to.deep.equal([
        { path: 'registration.capacity', message: 'verwacht een geheel getal van 0 of meer' },
      ]);
      expect(pathsOf(variant(udenMeeting, (e) => (e.registration.remaining = 61)))).to.deep.equal(['registration.remaining']);
      expect(pathsOf(variant(udenMeeting, (e) => (e.registration.remaining = 2.5)))).to.deep.equal(['registration.remaining']);
    });

    it('maxCompanions outside 0–10, in Dutch and English', () => {
      for (const maxCompanions of [11, -1, 1.5, '2', null]) {
        const input = variant(udenMeeting, (e) => (e.registration.maxCompanions = maxCompanions));
        expect(issuesOf(input), String(maxCompanions)).to.deep.equal([
          { path: 'registration.maxCompanions', message: 'verwacht een geheel getal van 0 tot en met 10' },
        ]);
        expect(issuesOf(input, 'en').map(issueText)).to.deep.equal([
          'registration.maxCompanions: expected an integer from 0 to 10',
        ]);
      }
      const ten = variant(udenMeeting, (e) => (e.registration.maxCompanions = e.registration.maxCompanionsPerOrganisation = 10));
      expect(parsed(ten).registration!.maxCompanions).to.equal(10);
    });

    it('questions: ids, options and types', () => {
      const withQuestions = (questions: unknown[]) => variant(udenMeeting, (e) => (e.registration.questions = questions));
      expect(issuesOf(withQuestions([{ id: 'keuze', label: 'Kies', type: 'select' }]))).to.deep.equal([
        { path: 'registration.questions.0.options', message: 'een select- of radiovraag heeft minstens één optie nodig' },
      ]);
      expect(pathsOf(withQuestions([{ id: 'heeft spatie', label: 'x', type: 'text' }]))).to.deep.equal(['registration.questions.0.id']);
      expect(pathsOf(withQuestions([{ id: '__proto__', label: 'x', type: 'text' }]))).to.deep.equal(['registration.questions.0.id']);
      expect(
        issuesOf(
          withQuestions([
            { id: 'a', label: 'x', type: 'text' },
            { id: 'a', label: 'y', type: 'textarea' },
          ]),
        ),
      ).to.deep.equal([{ path: 'registration.questions.1.id', message: 'deze id komt al eerder voor' }]);
      expect(issuesOf(withQuestions([{ id: 'a', label: 'x', type: 'date' }]), 'en')).to.deep.equal([
        { path: 'registration.questions.0.type', message: 'expected one of: text, textarea, select, radio, checkbox' },
      ]);
    });

    it('sections: paths with indexes', () => {
      expect(issuesOf({ ...minimalEvent, sections: [{ heading: 'ok' }, { heading: 7 }] })).to.deep.equal([
        { path: 'sections.1.heading', message: 'verwacht tekst' },
      ]);
      expect(pathsOf({ ...minimalEvent, sections: [{ paragraphs: ['ok', 'x'.repeat(10_001)] }] })).to.deep.equal([
        'sections.0.paragraphs.1',
      ]);
    });

    it('an unknown status', () => {
      expect(issuesOf({ ...minimalEvent, status: 'soldout' })).to.deep.equal([
        { path: 'status', message: 'verwacht een van: scheduled, cancelled, postponed' },
      ]);
    });

    it('something that is not an event at all', () => {
      for (const input of [null, 'event', 42, []]) {
        expect(issuesOf(input), JSON.stringify(input)).to.deep.equal([{ path: '', message: 'verwacht een object' }]);
      }
    });
  });

  describe('messages', () => {
    const broken = {
      id: 'x',
      title: 5,
      start: 'gisteren',
      location: { lat: 100 },
      registration: { maxCompanions: 11, capacity: -3, waitlist: 'ja', questions: [{ id: '', label: '', type: 'x' }] },
    };

    it('sums up the problems in the requested language', () => {
      const nl = parseEvent({ ...minimalEvent, title: undefined, start: 'x', timeZone: 'y' });
      const en = parseEvent({ ...minimalEvent, title: undefined }, { locale: 'en' });
      expect(nl.success || nl.message).to.equal('De evenementgegevens kloppen niet (3 problemen)');
      expect(en.success || en.message).to.equal('The event data is invalid (1 problem)');
    });

    it('reports every problem at once, and never zod’s bare "Invalid input"', () => {
      for (const locale of ['nl', 'en'] as const) {
        const issues = issuesOf(broken, locale);
        expect(issues.map((issue) => issue.path)).to.include.members([
          'title',
          'start',
          'location',
          'location.lat',
          'location.lon',
          'registration.maxCompanions',
          'registration.capacity',
          'registration.waitlist',
          'registration.questions.0.id',
          'registration.questions.0.label',
          'registration.questions.0.type',
        ]);
        for (const issue of issues) {
          expect(issue.message, issue.path).to.be.a('string').and.not.match(/invalid input/i);
          expect(issue.message.length, issue.path).to.be.greaterThan(5);
        }
      }
    });

    it('formatIssues translates a plain EventSchema error too', () => {
      const result = EventSchema.safeParse(broken);
      expect(result.success).to.equal(false);
      if (result.success) return;
      const issues = formatIssues(result.error, 'en');
      expect(issues).to.deep.include({ path: 'registration.maxCompanions', message: 'expected an integer from 0 to 10' });
      expect(issues).to.deep.include({ path: 'registration.waitlist', message: 'expected true or false' });
      for (const issue of issues) expect(issue.message).to.not.match(/invalid input/i);
    });

    it('formatIssues reports the same message on the same path once', () => {
      const result = EventSchema.safeParse({ ...minimalEvent, tags: ['wonen', 3] });
      expect(result.success).to.equal(false);
      if (result.success) return;
      const twice = [...result.error.issues, ...result.error.issues];
      expect(formatIssues(twice, 'en')).to.deep.equal(formatIssues(result.error, 'en'));
      expect(formatIssues(twice, 'en')).to.have.length(1);
      // Without a locale, Dutch.
      expect(formatIssues(result.error)).to.deep.equal(formatIssues(result.error, 'nl'));
      expect(formatIssues(result.error)).to.not.deep.equal(formatIssues(result.error, 'en'));
    });
  });
});
