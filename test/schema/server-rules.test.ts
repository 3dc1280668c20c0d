// The rules servers apply around `validateRegistration` (src/schema/rules.ts, registration.ts):
// plain text, http(s) URLs, a body refused by its counts before it is read, and control and bidi
// characters refused at each field's path.
import { expect } from '@open-wc/testing';
import {
  isHttpUrl,
  MAX_COMPANIONS,
  parseEvent,
  refuseControlCharacters,
  refuseOversized,
  type RegistrationPayload,
  type SchemaResult,
} from '../../src/schema/index.js';
import { isPlainText } from '../../src/schema/rules.js';
import { schemaMessages } from '../../src/i18n/schema.js';
import { udenMeeting } from '../fixtures/events.js';
import { validRegistration, type Json } from '../fixtures/registrations.js';

const parsed = parseEvent(udenMeeting, { baseUrl: 'https://partner.example.org/' });
if (!parsed.success) throw new Error(parsed.message);
const uden = parsed.data;

/** The refusal in `result`; fails when there is none. */
function refusal(result: SchemaResult<never> | undefined) {
  if (!result || result.success) throw new Error('not refused');
  return result;
}
const nl = schemaMessages.nl;
const en = schemaMessages.en;

describe('isPlainText', () => {
  it('refuses C0 and C1 controls and the bidi embeddings, overrides and isolates', () => {
    for (const char of ['\0', '\x08', '\x0B', '\x0C', '\x0E', '\x1F', '\x7F', '\x85', '\x9F', '\u202A', '\u202E', '\u2066', '\u2069']) {
      expect(isPlainText(`a${char}b`), JSON.stringify(char)).to.equal(false);
    }
  });

  it('accepts the characters around them', () => {
    for (const char of [' ', '~', '\xA0', 'é', '\u2029', '\u202F', '\u2065', '\u206A', '😀']) {
      expect(isPlainText(`a${char}b`), JSON.stringify(char)).to.equal(true);
    }
  });

  it('allows tab and line breaks only in multi-line text', () => {
    for (const char of ['\t', '\n', '\r']) {
      expect(isPlainText(`a${char}b`), JSON.stringify(char)).to.equal(false);
      expect(isPlainText(`a${char}b`, true), JSON.stringify(char)).to.equal(true);
    }
    expect(isPlainText('a\u202Eb', true)).to.equal(false);
  });
});

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs, in any case', () => {
    for (const url of ['https://partner.example.org/agenda', 'http://localhost:8080/', 'HTTPS://EXAMPLE.ORG']) {
      expect(isHttpUrl(url), url).to.equal(true);
    }
  });

  it('refuses other schemes, relative URLs, spaces, controls and what does not parse', () => {
    for (const url of [
      'ftp://example.org/',
      'javascript:alert(1)',
      '/agenda',
      'https://',
      'https://example.org/a b',
      ' https://example.org/',
      'https://example.org/\u202E',
      'https://exa\u0007mple.org/',
      'http://[',
      'xhttps://example.org/',
    ]) {
      expect(isHttpUrl(url), JSON.stringify(url)).to.equal(false);
    }
  });
});

describe('refuseOversized', () => {
  const companions = (count: number) => Array.from({ length: count }, () => ({}));
  const answers = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`q${index}`, 'x']));

  it('lets through what is not a record, and counts at their limits', () => {
    expect(refuseOversized([1, 2])).to.equal(undefined);
    expect(refuseOversized(null)).to.equal(undefined);
    expect(refuseOversized({ companions: companions(MAX_COMPANIONS), answers: answers(100) })).to.equal(undefined);
    expect(refuseOversized({ companions: 'veel', answers: ['a'] })).to.equal(undefined);
  });

  it('refuses more companions than any event allows, with the event’s own limit in the message', () => {
    expect(refuseOversized({ companions: companions(MAX_COMPANIONS + 1) }, uden)).to.deep.equal({
      success: false,
      message: nl.registrationInvalid(1),
      issues: [{ path: 'companions', message: nl.field.companionsMax(uden.registration!.maxCompanions!) }],
    });
    const withoutRegistration = { ...uden, registration: undefined };
    expect(refusal(refuseOversized({ companions: companions(11) }, withoutRegistration)).issues[0].message).to.equal(
      nl.field.companionsMax(MAX_COMPANIONS),
    );
    expect(refusal(refuseOversized({ companions: companions(5_000) })).issues).to.deep.equal([
      { path: 'companions', message: nl.field.companionsMax(MAX_COMPANIONS) },
    ]);
  });

  it('refuses more than 100 answers, and says both in the payload’s language or the one asked for', () => {
    const both = { companions: companions(11), answers: answers(101), locale: 'en' };
    expect(refuseOversized(both)).to.deep.equal({
      success: false,
      message: en.registrationInvalid(2),
      issues: [
        { path: 'companions', message: en.field.companionsMax(MAX_COMPANIONS) },
        { path: 'answers', message: en.field.tooMany(100) },
      ],
    });
    expect(refusal(refuseOversized(both, undefined, 'nl')).message).to.equal(nl.registrationInvalid(2));
  });
});

describe('refuseControlCharacters', () => {
  const payload = (change: (body: Json) => void = () => {}) => {
    const body = validRegistration();
    body.companions = [
      { name: 'Sam Jansen', email: 'sam@example.org', organisation: 'Gemeente Voorbeeld' },
      { name: 'Kim', email: 'kim@example.org' },
    ];
    change(body);
    return body as RegistrationPayload;
  };

  it('passes clean text, and line breaks where text may have several lines', () => {
    expect(refuseControlCharacters(payload())).to.equal(undefined);
    expect(refuseControlCharacters(payload((body) => ((body.remarks = 'een\r\ntwee\tdrie'), (body.answers.dietary = 'a\nb'))))).to.equal(
      undefined,
    );
  });

  it('names every free-text field that holds one, in form order, in the payload’s language', () => {
    const hidden = '\u202E';
    const result = refuseControlCharacters(
      payload((body) => {
        body.attendee.name += hidden;
        body.attendee.organisation += '\x07';
        body.attendee.role += '\n';
        body.companions[1].name += hidden;
        body.companions[0].organisation += hidden;
        body.answers.dietary += '\0';
        body.remarks += hidden;
        body.locale = 'en';
      }),
    );
    expect(result).to.deep.equal({
      success: false,
      message: en.registrationInvalid(7),
      issues: ['attendee.name', 'attendee.organisation', 'attendee.role', 'companions.0.organisation', 'companions.1.name', 'answers.dietary', 'remarks'].map(
        (path) => ({ path, message: en.field.controlChars }),
      ),
    });
  });

  it('leaves addresses and phone numbers to their own formats; every answer given as text is checked', () => {
    const result = refuseControlCharacters(
      payload((body) => {
        body.attendee.email += '\u202E';
        body.attendee.phone += '\u202E';
        body.answers.workshop = 'Buurtbeheer\u202E';
      }),
    );
    expect(refusal(result).issues).to.deep.equal([{ path: 'answers.workshop', message: nl.field.controlChars }]);
    expect(refusal(refuseControlCharacters(payload((body) => (body.attendee.name += '\u202E')), 'en')).message).to.equal(en.registrationInvalid(1));
  });
});
