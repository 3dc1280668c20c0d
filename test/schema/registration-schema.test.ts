import { expect } from '@open-wc/testing';
import {
  HONEYPOT_FIELD,
  RegistrationSchema,
  flattenPayload,
  isHoneypotFilled,
  registrationSchemaFor,
  unflattenForm,
  validateRegistration,
  type EventData,
  type EventInput,
  type RegistrationPayload,
  type DataIssue,
} from '../../src/schema/index.js';
import { minimalEvent, udenMeeting } from '../fixtures/events.js';
import { parsed } from '../fixtures/parse.js';
import { validRegistration as validBody, type Json } from '../fixtures/registrations.js';

/** Valid event data as a partner page at https://partner.example.org/ would hold it. */
const eventOf = (input: EventInput): EventData => parsed(input, 'https://partner.example.org/');

const uden = eventOf(udenMeeting);
const plain = eventOf(minimalEvent);

function body(change: (body: Json) => void): Json {
  const copy = validBody();
  change(copy);
  return copy;
}

function issuesOf(input: unknown, event: EventData | undefined = uden, locale?: 'nl' | 'en'): DataIssue[] {
  const result = validateRegistration(input, event, locale);
  expect(result.success, 'expected the registration to be rejected').to.equal(false);
  return result.success ? [] : result.issues;
}

function accepted(input: unknown, event: EventData | undefined = uden): RegistrationPayload {
  const result = validateRegistration(input, event);
  if (!result.success) throw new Error(`expected a valid registration, got ${JSON.stringify(result.issues)}`);
  return result.data;
}

describe('RegistrationSchema and validateRegistration', () => {
  describe('valid registrations', () => {
    it('accepts a complete registration unchanged', () => {
      expect(accepted(validBody())).to.deep.equal(validBody());
    });

    it('trims text, fills in companions and answers, and drops unknown fields and the honeypot', () => {
      const data = accepted(
        {
          ...validBody(),
          eventId: plain.id,
          attendee: { name: '  Noor  ', email: ' noor@example.org ', organisation: 'Corp', shoeSize: 42 },
          companions: undefined,
          answers: undefined,
          [HONEYPOT_FIELD]: '',
          tracking: 'x',
        },
        plain,
      );
      expect(data.attendee).to.deep.equal({ name: 'Noor', email: 'noor@example.org', organisation: 'Corp' });
      expect(data.companions).to.deep.equal([]);
      expect(data.answers).to.deep.equal({});
      expect(data).to.not.have.property(HONEYPOT_FIELD);
      expect(data).to.not.have.property('tracking');
    });

    it('drops answers to questions the event does not ask', () => {
      const data = accepted(body((b) => (b.answers.favouriteColour = 'blauw')));
      expect(data.answers).to.not.have.property('favouriteColour');
    });

    it('leaves optional questions unanswered, and allows no companions', () => {
      accepted(body((b) => {
        b.answers = { workshop: 'Wonen en zorg', photos: true };
        b.companions = [];
      }));
    });

    it('accepts phone numbers as people write them', () => {
      for (const phone of ['0612345678', '06-12345678', '+31 6 1234 5678', '0413 123 456', '']) {
        expect(accepted(body((b) => (b.attendee.phone = phone))).attendee.phone).to.equal(phone);
      }
    });

    it('without an event, applies only the base rules', () => {
      const result = validateRegistration(body((b) => delete b.member));
      expect(result.success).to.equal(true);
      const data = result.success ? result.data : validBody();
      expect(data.answers).to.deep.equal(validBody().answers);
      expect(RegistrationSchema.safeParse(validBody()).success).to.equal(true);
    });

    it('registrationSchemaFor returns a zod schema with the event’s rules', () => {
      const schema = registrationSchemaFor(uden);
      expect(schema.safeParse(validBody()).success).to.equal(true);
      expect(schema.safeParse(body((b) => (b.consent = false))).success).to.equal(false);
      expect(registrationSchemaFor(uden)).to.equal(schema);
    });
  });

  describe('field messages, on the payload path', () => {
    const cases: [string, (b: Json) => void, string, string][] = [
      ['an empty name', (b) => (b.attendee.name = ''), 'attendee.name', 'Vul uw naam in'],
      ['a blank name', (b) => (b.attendee.name = '   '), 'attendee.name', 'Vul uw naam in'],
      ['a missing name', (b) => delete b.attendee.name, 'attendee.name', 'Vul uw naam in'],
      ['an empty e-mail address', (b) => (b.attendee.email = ''), 'attendee.email', 'Vul uw e-mailadres in'],
      ['a malformed e-mail address', (b) => (b.attendee.email = 'noor@voorbeeld'), 'attendee.email', 'Een e-mailadres heeft de vorm naam@voorbeeld.nl'],
      ['an empty organisation', (b) => (b.attendee.organisation = ''), 'attendee.organisation', 'Vul de naam van uw organisatie in'],
      [
        'a phone number with letters',
        (b) => (b.attendee.phone = '06-BEL-MIJ'),
        'attendee.phone',
        'Een telefoonnummer bevat alleen cijfers, spaties, streepjes en eventueel een + aan het begin (bijvoorbeeld 06 12345678)',
      ],
      ['a name too long', (b) => (b.attendee.name = 'x'.repeat(201)), 'attendee.name', 'Gebruik hoogstens 200 tekens'],
      ['a companion without a name', (b) => (b.companions[0].name = ''), 'companions.0.name', 'Vul de naam van deze deelnemer in'],
      ['a companion without an e-mail address', (b) => delete b.companions[0].email, 'companions.0.email', 'Vul het e-mailadres van deze deelnemer in'],
      [
        'a companion with a malformed e-mail address',
        (b) => (b.companions[0].email = 'sam at example.org'),
        'companions.0.email',
        'Een e-mailadres heeft de vorm naam@voorbeeld.nl',
      ],
      [
        'more companions than the event allows',
        (b) => b.companions.push({ name: 'A', email: 'a@example.org' }, { name: 'B', email: 'b@example.org' }),
        'companions',
        'U kunt hoogstens 2 extra deelnemers aanmelden',
      ],
      ['no answer to the member question', (b) => delete b.member, 'member', 'Kies ja of nee'],
      ['a member answer that is not yes or no', (b) => (b.member = 'ja'), 'member', 'Kies ja of nee'],
      ['a required choice left open', (b) => delete b.answers.workshop, 'answers.workshop', 'Kies een antwoord'],
      ['a required choice left empty', (b) => (b.answers.workshop = ''), 'answers.workshop', 'Kies een antwoord'],
      ['a choice that is not an option', (b) => (b.answers.workshop = 'Koffie'), 'answers.workshop', 'Kies een van de gegeven antwoorden'],
      ['a multiple choice with an unknown option', (b) => (b.answers.themes = ['Toewijzing', 'Parkeren']), 'answers.themes', 'Kies een van de gegeven antwoorden'],
      ['a multiple choice as a plain string', (b) => (b.answers.themes = 'Toewijzing'), 'answers.themes', 'Kies een van de gegeven antwoorden'],
      ['a required yes box left unticked', (b) => (b.answers.photos = false), 'answers.photos', 'Vink dit vakje aan'],
      ['a text answer that is not text', (b) => (b.answers.dietary = 3), 'answers.dietary', 'Dit antwoord heeft niet de juiste vorm'],
      ['no consent while the event has a privacy statement', (b) => (b.consent = false), 'consent', 'Geef toestemming om uw gegevens te verwerken'],
      ['remarks too long', (b) => (b.remarks = 'x'.repeat(2001)), 'remarks', 'Gebruik hoogstens 2000 tekens'],
      ['a registration for another event', (b) => (b.eventId = 'ander-evenement'), 'eventId', 'Deze aanmelding hoort bij een ander evenement'],
    ];
    for (const [what, change, path, message] of cases) {
      it(`${what} → ${path}`, () => {
        expect(issuesOf(body(change))).to.deep.equal([{ path, message }]);
      });
    }

    it('a required text question left empty', () => {
      const event = eventOf({
        ...minimalEvent,
        registration: { questions: [{ id: 'motivation', label: 'Waarom komt u?', type: 'textarea', required: true }] },
      });
      const b = body((x) => {
        x.eventId = event.id;
        x.companions = [];
        x.answers = { motivation: '   ' };
      });
      expect(issuesOf(b, event)).to.deep.equal([{ path: 'answers.motivation', message: 'Beantwoord deze vraag' }]);
    });

    it('a required multiple choice with nothing chosen', () => {
      const event = eventOf({
        ...minimalEvent,
        registration: { questions: [{ id: 'days', label: 'Welke dagen?', type: 'checkbox', options: ['ma', 'di'], required: true }] },
      });
      const b = body((x) => {
        x.eventId = event.id;
        x.companions = [];
        x.answers = { days: [] };
      });
      expect(issuesOf(b, event)).to.deep.equal([{ path: 'answers.days', message: 'Kies minstens één antwoord' }]);
    });

    it('technical fields: idempotency key, locale', () => {
      expect(issuesOf(body((b) => (b.idempotencyKey = 'abc'))).map((issue) => issue.path)).to.deep.equal(['idempotencyKey']);
      expect(issuesOf(body((b) => (b.idempotencyKey = '0f8fad5b-d9cb-169f-a165-70867728950e'))).map((i) => i.path)).to.deep.equal([
        'idempotencyKey',
      ]);
      expect(issuesOf(body((b) => (b.locale = 'de')))).to.deep.equal([{ path: 'locale', message: 'verwacht een van: nl, en' }]);
    });

    it('speaks English when asked, or when the payload is English', () => {
      const b = body((x) => {
        x.attendee.email = '';
        x.consent = false;
      });
      const expected = [
        { path: 'attendee.email', message: 'Enter your e-mail address' },
        { path: 'consent', message: 'Give permission to process your details' },
      ];
      expect(issuesOf(b, uden, 'en')).to.deep.equal(expected);
      expect(issuesOf({ ...b, locale: 'en' })).to.deep.equal(expected);
      const result = validateRegistration(b, uden, 'en');
      expect(result.success || result.message).to.equal('There are 2 problems with your registration');
    });

    it('gives one message per field and lists every field at once, in form order', () => {
      const result = validateRegistration(
        body((b) => {
          b.consent = false;
          b.answers = {};
          delete b.member;
          b.companions = [{ name: '', email: '' }];
          // A missing name is a type issue, which would stop zod's object-level rules by default.
          b.attendee = { email: '', organisation: '' };
        }),
        uden,
      );
      expect(result.success).to.equal(false);
      if (result.success) return;
      expect(result.message).to.equal('Er zijn 9 problemen met uw aanmelding');
      expect(result.issues).to.deep.equal([
        { path: 'attendee.name', message: 'Vul uw naam in' },
        { path: 'attendee.email', message: 'Vul uw e-mailadres in' },
        { path: 'attendee.organisation', message: 'Vul de naam van uw organisatie in' },
        { path: 'member', message: 'Kies ja of nee' },
        { path: 'companions.0.name', message: 'Vul de naam van deze deelnemer in' },
        { path: 'companions.0.email', message: 'Vul het e-mailadres van deze deelnemer in' },
        { path: 'answers.workshop', message: 'Kies een antwoord' },
        { path: 'answers.photos', message: 'Vink dit vakje aan' },
        { path: 'consent', message: 'Geef toestemming om uw gegevens te verwerken' },
      ]);
    });

    it('follows overrides passed as a modified event (max-companions, privacy-url)', () => {
      const overridden: EventData = {
        ...plain,
        registration: { waitlist: false, maxCompanions: 1, privacyUrl: 'https://example.org/privacy' },
      };
      const b = body((x) => {
        x.eventId = plain.id;
        x.consent = false;
        x.companions.push({ name: 'B', email: 'b@example.org' });
      });
      expect(issuesOf(b, overridden)).to.deep.equal([
        { path: 'companions', message: 'U kunt hoogstens 1 extra deelnemer aanmelden' },
        { path: 'consent', message: 'Geef toestemming om uw gegevens te verwerken' },
      ]);
      // Without a privacy statement, consent may be false; without a member question, member may be absent.
      accepted(
        body((x) => {
          x.eventId = plain.id;
          x.consent = false;
          x.companions = [];
          delete x.member;
        }),
        plain,
      );
    });

    it('rejects companions when the event allows none', () => {
      const b = body((x) => (x.eventId = plain.id));
      expect(issuesOf(b, plain)).to.deep.equal([
        { path: 'companions', message: 'U kunt voor deze bijeenkomst geen extra deelnemers aanmelden' },
      ]);
    });
  });

  describe('honeypot', () => {
    it('is the field named "website"', () => {
      expect(HONEYPOT_FIELD).to.equal('website');
    });

    it('tells a filled honeypot in JSON and in form bodies', () => {
      expect(isHoneypotFilled({ ...validBody(), website: 'https://spam.example' })).to.equal(true);
      expect(isHoneypotFilled({ ...validBody(), website: '' })).to.equal(false);
      expect(isHoneypotFilled(validBody())).to.equal(false);
      expect(isHoneypotFilled(new URLSearchParams('website=x&attendee.name=a'))).to.equal(true);
      expect(isHoneypotFilled(new URLSearchParams('website=&attendee.name=a'))).to.equal(false);
    });
  });

  describe('form encoding', () => {
    it('flattens to payload paths, repeating keys for lists and writing booleans as true/false', () => {
      const payload = accepted(validBody());
      expect(flattenPayload(payload)).to.deep.equal([
        ['eventId', uden.id],
        ['idempotencyKey', '0f8fad5b-d9cb-469f-a165-70867728950e'],
        ['attendee.name', 'Noor de Vries'],
        ['attendee.email', 'noor@example.org'],
        ['attendee.organisation', 'Woonstichting Voorbeeld'],
        ['attendee.role', 'Beleidsadviseur'],
        ['attendee.phone', '06 12345678'],
        ['member', 'true'],
        ['companions.0.name', 'Sam Jansen'],
        ['companions.0.email', 'sam@example.org'],
        ['companions.0.organisation', 'Gemeente Voorbeeld'],
        ['answers.workshop', 'Buurtbeheer'],
        ['answers.themes', 'Toewijzing'],
        ['answers.themes', 'Buurtcontact'],
        ['answers.dietary', 'vegetarisch'],
        ['answers.photos', 'true'],
        ['remarks', 'Wij komen met de trein.'],
        ['consent', 'true'],
        ['locale', 'nl'],
        ['source', 'https://partner.example.org/agenda/uden'],
      ]);
    });

    const roundTrips: [string, (b: Json) => void][] = [
      ['a complete registration', () => {}],
      ['one chosen option', (b) => (b.answers.themes = ['Begeleiding'])],
      ['no option chosen', (b) => (b.answers.themes = [])],
      ['false answers and no companions', (b) => {
        b.member = false;
        b.companions = [];
        delete b.remarks;
        delete b.attendee.role;
        b.attendee.phone = '';
      }],
      ['two companions and text with separators', (b) => {
        b.companions.push({ name: 'Kim & co = 1', email: 'kim@example.org' });
        b.answers.dietary = 'geen noten; a.b=c&d';
      }],
    ];
    for (const [what, change] of roundTrips) {
      it(`round-trips ${what} losslessly`, () => {
        const payload = accepted(body(change));
        const wire = new URLSearchParams(flattenPayload(payload)).toString();
        expect(accepted(unflattenForm(new URLSearchParams(wire), uden))).to.deep.equal(payload);
      });
    }

    it('rebuilds nested objects and types from plain form fields', () => {
      const params = new URLSearchParams();
      params.append('attendee.name', 'Noor');
      params.append('companions.1.name', 'Tweede');
      params.append('companions.0.name', 'Eerste');
      params.append('answers.themes', 'Begeleiding');
      params.append('answers.photos', 'on');
      params.append('answers.workshop', 'Buurtbeheer');
      params.append('member', 'false');
      params.append('consent', 'true');
      params.append('website', 'spam');
      expect(unflattenForm(params, uden)).to.deep.equal({
        attendee: { name: 'Noor' },
        companions: [{ name: 'Eerste' }, { name: 'Tweede' }],
        answers: { themes: ['Begeleiding'], photos: true, workshop: 'Buurtbeheer' },
        member: false,
        consent: true,
      });
    });

    it('without the event, keeps answers as sent and turns repeated keys into arrays', () => {
      const params = new URLSearchParams('answers.themes=a&answers.themes=b&answers.photos=true&answers.one=x');
      expect(unflattenForm(params)).to.deep.equal({ answers: { themes: ['a', 'b'], photos: 'true', one: 'x' } });
    });

    it('closes gaps in companion indexes and ignores keys it does not know', () => {
      const params = new URLSearchParams(
        'companions.3.name=C&companions.7.email=c@example.org&companions.x.name=no&companions.123.name=no&attendee.a.b=no&foo=bar',
      );
      expect(unflattenForm(params)).to.deep.equal({ companions: [{ name: 'C' }, { email: 'c@example.org' }] });
    });

    it('never writes to a prototype', () => {
      const params = new URLSearchParams(
        'answers.__proto__=x&attendee.__proto__=x&companions.0.__proto__=x&__proto__.polluted=x&constructor.prototype.polluted=x',
      );
      const result = unflattenForm(params) as Json;
      expect(({} as Json).polluted).to.equal(undefined);
      expect(Object.getPrototypeOf(result)).to.equal(Object.prototype);
      expect(Object.keys(result)).to.deep.equal([]);
    });
  });
});
