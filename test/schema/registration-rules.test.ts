// The registration rules at their edges: answers, the event's questions, companions, the honeypot
// and the order of the messages (src/schema/registration.ts).
import { expect } from '@open-wc/testing';
import {
  flattenPayload,
  isEmail,
  isHoneypotFilled,
  parseEvent,
  unflattenForm,
  validateRegistration,
  type EventData,
  type EventInput,
  type RegistrationInput,
} from '../../src/schema/index.js';
import { schemaMessages } from '../../src/i18n/schema.js';
import { udenMeeting } from '../fixtures/events.js';
import { validRegistration, type Json } from '../fixtures/registrations.js';

const field = schemaMessages.nl.field;

function eventOf(input: EventInput): EventData {
  const result = parseEvent(input, { baseUrl: 'https://partner.example.org/' });
  if (!result.success) throw new Error(result.message);
  return result.data;
}

const uden = eventOf(udenMeeting);

function body(change: (body: Json) => void): Json {
  const copy = validRegistration();
  change(copy);
  return copy;
}

/** `{ path: message }` of what `validateRegistration` reports (`null`: without an event); `{}` when it accepts. */
function problems(input: unknown, event: EventData | null = uden): Record<string, string> {
  const result = validateRegistration(input, event ?? undefined);
  return result.success ? {} : Object.fromEntries(result.issues.map(({ path, message }) => [path, message]));
}

function answersOf(input: unknown, event: EventData | null = uden) {
  const result = validateRegistration(input, event ?? undefined);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data.answers;
}

describe('registration rules at their edges', () => {
  describe('answers in the payload', () => {
    it('refuses answer keys that are no question id (at `answers`: a key never becomes a path) or a reserved one, and skips __proto__', () => {
      const input = body((b) => (b.answers = JSON.parse('{"bad id": "x", "constructor": "y", "__proto__": "z", "dietary": "geen"}')));
      expect(problems(input, null)).to.deep.equal({ answers: field.questionId, 'answers.constructor': field.reservedId });
    });

    it('trims text answers and takes 2000 characters, not 2001', () => {
      const at = (text: string) => body((b) => (b.answers.dietary = text));
      expect(answersOf(at(`  ${'a'.repeat(2000)}  `)).dietary).to.equal('a'.repeat(2000));
      expect(problems(at('a'.repeat(2001)))).to.deep.equal({ 'answers.dietary': field.textTooLong(2000) });
    });

    it('trims each value of a list and takes 50 values, not 51', () => {
      const list = (n: number) => body((b) => (b.answers.extra = Array.from({ length: n }, (_, i) => ` ${i} `)));
      expect(answersOf(list(2), null).extra).to.deep.equal(['0', '1']);
      expect(problems(list(50), null)).to.deep.equal({});
      expect(problems(list(51), null)).to.deep.equal({ 'answers.extra': field.answerForm });
      expect(problems(body((b) => (b.answers.extra = [' x', 'y'.repeat(2001)])), null)).to.deep.equal({
        'answers.extra.1': field.textTooLong(2000),
      });
    });

    it('takes yes/no answers, and refuses numbers, objects and mixed lists', () => {
      expect(answersOf(body((b) => (b.answers.extra = false)), null).extra).to.equal(false);
      for (const value of [3, { a: 1 }, ['a', 1], null]) {
        expect(problems(body((b) => (b.answers.extra = value)), null), JSON.stringify(value)).to.deep.equal({
          'answers.extra': field.answerForm,
        });
      }
    });
  });

  describe('the event’s questions', () => {
    const questions: NonNullable<EventInput['registration']>['questions'] = [
      { id: 'text', label: 'Tekst', type: 'text' },
      { id: 'textRequired', label: 'Tekst verplicht', type: 'textarea', required: true },
      { id: 'choice', label: 'Keuze', type: 'select', options: ['a', 'b'] },
      { id: 'many', label: 'Meer', type: 'checkbox', options: ['a', 'b'] },
      { id: 'manyRequired', label: 'Meer verplicht', type: 'checkbox', options: ['a', 'b'], required: true },
      { id: 'yes', label: 'Ja', type: 'checkbox' },
    ];
    const event = eventOf({ id: 'vragen', title: 'Vragen', start: '2030-01-01T10:00:00Z', registration: { questions } });
    const base = { textRequired: 'iets', manyRequired: ['a'] };
    const answered = (answers: Json, without?: string) =>
      problems(
        body((b) => {
          b.eventId = 'vragen';
          b.companions = [];
          delete b.member;
          b.answers = { ...base, ...answers };
          if (without) delete b.answers[without];
        }),
        event,
      );

    it('accepts the well-formed answers and leaves the optional ones out', () => {
      expect(answered({})).to.deep.equal({});
      expect(answered({ text: '', choice: '', many: [], yes: false })).to.deep.equal({});
      expect(answered({ text: 'x', choice: 'b', many: ['a', 'b'], yes: true })).to.deep.equal({});
    });

    it('names each kind of wrong answer', () => {
      expect(answered({ text: ['x'] })).to.deep.equal({ 'answers.text': field.answerText });
      expect(answered({ textRequired: '   ' })).to.deep.equal({ 'answers.textRequired': field.answerText });
      expect(answered({}, 'textRequired')).to.deep.equal({ 'answers.textRequired': field.answerText });
      expect(answered({ choice: 'c' })).to.deep.equal({ 'answers.choice': field.answerOption });
      expect(answered({ choice: ['a'] })).to.deep.equal({ 'answers.choice': field.answerOption });
      expect(answered({ many: 'a' })).to.deep.equal({ 'answers.many': field.answerOption });
      expect(answered({ many: ['a', 'c'] })).to.deep.equal({ 'answers.many': field.answerOption });
      expect(answered({ manyRequired: [] })).to.deep.equal({ 'answers.manyRequired': field.answerChooseSome });
      expect(answered({}, 'manyRequired')).to.deep.equal({ 'answers.manyRequired': field.answerChooseSome });
      expect(answered({ yes: 'ja' })).to.deep.equal({ 'answers.yes': field.answerForm });
    });

    it('keeps only the answers to the event’s own questions', () => {
      // An event of its own: the rules for an event are built once, on its first validation.
      const own = eventOf({ id: 'vragen', title: 'Vragen', start: '2030-01-01T10:00:00Z', registration: { questions } });
      const result = validateRegistration(
        body((b) => ((b.eventId = 'vragen'), (b.companions = []), delete b.member, (b.answers = { ...base, other: 'x' }))),
        own,
      );
      expect(result.success && result.data.answers).to.deep.equal(base);
    });
  });

  describe('an event without registration settings', () => {
    it('takes a registration without companions or answers, and refuses any companion', () => {
      const plain = eventOf({ id: 'zonder', title: 'Zonder instellingen', start: '2030-01-01T10:00:00Z' });
      const input = body((b) => ((b.eventId = 'zonder'), (b.companions = []), delete b.member, (b.answers = {})));
      expect(problems(input, plain)).to.deep.equal({});
      expect(answersOf(body((b) => ((b.eventId = 'zonder'), (b.companions = []), delete b.member)), plain)).to.deep.equal({});
      expect(problems(body((b) => ((b.eventId = 'zonder'), delete b.member)), plain)).to.deep.equal({ companions: field.companionsMax(0) });
    });
  });

  describe('event, companions', () => {
    it('refuses a registration for another event', () => {
      expect(problems(body((b) => (b.eventId = 'ander-evenement')))).to.deep.equal({ eventId: field.wrongEvent });
    });

    it('takes as many companions as the event allows, not one more', () => {
      const companions = (n: number) =>
        body((b) => (b.companions = Array.from({ length: n }, (_, i) => ({ name: `P ${i}`, email: `p${i}@example.org` }))));
      expect(problems(companions(2))).to.deep.equal({});
      expect(problems(companions(3))).to.deep.equal({ companions: field.companionsMax(2) });
      // Up to the most any event allows, the event's own limit counts; past it, the base schema
      // says so: one message, its own.
      expect(problems(companions(10))).to.deep.equal({ companions: field.companionsMax(2) });
      expect(problems(companions(11))).to.deep.equal({ companions: field.companionsMax(10) });
    });
  });

  describe('lengths', () => {
    /** An address of `length` characters that is otherwise fine. */
    const address = (length: number) => `${'a'.repeat(60)}@${'d'.repeat(length - 65)}.org`;

    it('takes text up to its limit, not a character more', () => {
      const named = (name: string) => problems(body((copy) => (copy.attendee.name = name)));
      expect(named('n'.repeat(200))).to.deep.equal({});
      expect(Object.keys(named('n'.repeat(201)))).to.deep.equal(['attendee.name']);
    });

    it('takes an e-mail address of up to 254 characters', () => {
      expect(address(254)).to.have.length(254);
      expect(isEmail(address(254))).to.equal(true);
      expect(isEmail(address(255))).to.equal(false);
      expect(problems(body((copy) => (copy.attendee.email = address(254))))).to.deep.equal({});
      expect(Object.keys(problems(body((copy) => (copy.attendee.email = address(255)))))).to.deep.equal(['attendee.email']);
    });
  });

  describe('order of the messages', () => {
    it('follows the form: fields in order, companions by index, answers by question position', () => {
      const input = body((b) => {
        b.remarks = 'x'.repeat(5001);
        b.answers = { workshop: 'geen', photos: false, themes: ['?'] };
        b.companions = [
          { name: 'A', email: 'a@example.org' },
          { name: '', email: 'b@example.org' },
          { name: 'C', email: 'geen' },
        ];
        b.attendee.email = 'geen';
        b.member = undefined;
      });
      expect(Object.keys(problems(input))).to.deep.equal([
        'attendee.email',
        'member',
        'companions',
        'companions.1.name',
        'companions.2.email',
        'answers.workshop',
        'answers.themes',
        'answers.photos',
        'remarks',
      ]);
    });
  });

  describe('missing or of the wrong type', () => {
    it('says a missing field is required, and what a field of the wrong type should be', () => {
      const messages = schemaMessages.nl;
      expect(problems(body((b) => delete b.eventId))).to.deep.equal({ eventId: messages.required });
      expect(problems(body((b) => (b.eventId = 7)))).to.deep.equal({ eventId: messages.type.string });
      expect(problems(body((b) => delete b.consent), null)).to.deep.equal({ consent: messages.required });
      expect(problems(body((b) => (b.consent = 'ja')), null)).to.deep.equal({ consent: messages.type.boolean });
    });
  });

  describe('order of the messages, first and last', () => {
    it('puts the idempotency key before the attendee, and a field the form does not show after all others', () => {
      const input = body((b) => {
        b.consent = 'ja';
        b.locale = 'fr';
        b.attendee.email = 'geen';
        b.idempotencyKey = 'geen-uuid';
      });
      expect(Object.keys(problems(input))).to.deep.equal(['idempotencyKey', 'attendee.email', 'consent', 'locale']);
    });
  });

  describe('order of the messages, across the schema and the event’s rules', () => {
    it('puts answers in question order even when the schema found the later one first', () => {
      // `dietary` (third question) fails in the schema, `workshop` (first) in the event's rules.
      const input = body((b) => {
        b.answers.dietary = 'x'.repeat(2001);
        b.answers.workshop = 'geen';
        b.companions = [{ name: '', email: 'a@example.org' }, { name: 'B', email: 'b@example.org' }, { name: 'C', email: 'c@example.org' }];
      });
      expect(Object.keys(problems(input))).to.deep.equal(['companions', 'companions.0.name', 'answers.workshop', 'answers.dietary']);
    });
  });

  describe('honeypot', () => {
    it('counts any non-empty value as filled, in JSON, form and FormData bodies', () => {
      for (const value of ['x', true, 0, ['a'], {}]) expect(isHoneypotFilled({ website: value }), JSON.stringify(value)).to.equal(true);
      for (const value of ['', '   ', false, null, undefined]) expect(isHoneypotFilled({ website: value }), String(value)).to.equal(false);
      expect(isHoneypotFilled(new URLSearchParams('website=%20%20'))).to.equal(false);
      const form = new FormData();
      form.set('website', 'x');
      expect(isHoneypotFilled(form)).to.equal(true);
      form.set('website', ' ');
      expect(isHoneypotFilled(form)).to.equal(false);
      expect(isHoneypotFilled(new FormData())).to.equal(false);
      for (const value of [null, 'website=x', ['x'], 3]) expect(isHoneypotFilled(value), JSON.stringify(value)).to.equal(false);
    });
  });
  describe('form encoding', () => {
    it('flattens only what has a value and a place: no null, no undefined, no stray objects or lists', () => {
      const input = {
        eventId: 'e',
        remarks: undefined,
        member: null,
        extra: { a: 1 },
        list: ['x'],
        attendee: 'geen object',
        companions: 'geen lijst',
        answers: ['geen object'],
      } as unknown as RegistrationInput;
      expect(flattenPayload(input)).to.deep.equal([['eventId', 'e']]);
      const nested = { attendee: { name: 'A', role: undefined }, companions: [{ name: 'B', email: null }] } as unknown as RegistrationInput;
      expect(flattenPayload(nested)).to.deep.equal([
        ['attendee.name', 'A'],
        ['companions.0.name', 'B'],
      ]);
    });

    it('unflattens only the keys it knows, in the shape it knows', () => {
      const params = new URLSearchParams(
        [
          'eventId.x=1',
          'member.x=1',
          'consent=false',
          'member=ja',
          'remarks=een',
          'remarks=twee',
          'attendee.name.first=A',
          'companions.0=B',
          'companions.0.name.first=C',
          'companions.x.name=D',
          'answers.a.b=E',
          'answers.__proto__=F',
        ].join('&'),
      );
      expect(unflattenForm(params)).to.deep.equal({ consent: false, member: 'ja', remarks: ['een', 'twee'] });
    });

    it('reads answers without questions when the event has no registration', () => {
      const event = parseEvent({ id: 'info', title: 'Info', start: '2030-01-01T10:00:00Z' });
      if (!event.success) throw new Error(event.message);
      expect(unflattenForm(new URLSearchParams('answers.a=x&answers.a=y&answers.b=z'), event.data)).to.deep.equal({ answers: { a: ['x', 'y'], b: 'z' } });
    });
  });
});
