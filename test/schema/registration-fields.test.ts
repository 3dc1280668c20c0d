import { expect } from '@open-wc/testing';
import {
  allFields,
  controlName,
  flattenPayload,
  payloadPath,
  readPath,
  registrationFields,
  unflattenForm,
  validateRegistration,
  type EventData,
  type EventInput,
  type RegistrationField,
} from '../../src/schema/index.js';
import { AttendeeSchema, CompanionSchema } from '../../src/schema/registration.js';
import { udenMeeting } from '../fixtures/events.js';
import { parsed } from '../fixtures/parse.js';
import { validRegistration } from '../fixtures/registrations.js';

/** Valid event data as a partner page at https://partner.example.org/ would hold it. */
const eventOf = (input: EventInput): EventData => parsed(input, 'https://partner.example.org/');

/** The seed event plus one question of every kind, required and optional. */
const rich = eventOf({
  ...udenMeeting,
  registration: {
    ...udenMeeting.registration,
    questions: [
      ...udenMeeting.registration.questions,
      { id: 'long', label: 'Toelichting', type: 'textarea', required: true },
      { id: 'region', label: 'Regio', type: 'select', options: ['Noord', 'Zuid'], required: true },
      { id: 'sessions', label: 'Sessies', type: 'checkbox', options: ['Ochtend', 'Middag'], required: true },
      { id: 'note', label: 'Nog iets?', type: 'text' },
    ],
  },
});

/**
 * The rich event's fields with two companion blocks, built afresh for each test (not once at load:
 * mutation testing runs the tests in one process and only sees what a test itself calls).
 */
const twoCompanions = () => registrationFields(rich.registration!, 2);

/** A value the schema accepts for `field`. */
function validValue({ input, options, path }: RegistrationField): unknown {
  if (input === 'checkbox' || input === 'yes-no') return true;
  if (input === 'checkboxes') return [options![0]];
  if (options) return options[0];
  if (input === 'email') return `${String(path.join('-'))}@example.org`;
  if (input === 'tel') return '06 12345678';
  return 'Tekst';
}

/** A payload with only `fields` filled in, as the form builds it (companion blocks as empty objects). */
function payloadWith(fields: RegistrationField[]): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    eventId: rich.id,
    idempotencyKey: '0f8fad5b-d9cb-469f-a165-70867728950e',
    attendee: {},
    companions: twoCompanions().companions.map(() => ({})),
    answers: {},
    consent: false,
    locale: 'nl',
    source: 'https://partner.example.org/',
  };
  for (const field of fields) {
    const [head, ...rest] = field.path;
    const holder = rest.length === 2 ? (payload[head] as Record<string, unknown>[])[rest[0] as number] : payload[head];
    if (rest.length === 0) payload[head] = validValue(field);
    else (holder as Record<string | number, unknown>)[rest.at(-1)!] = validValue(field);
  }
  return payload;
}

describe('registration fields', () => {
  describe('agree with the schema', () => {
    it('names every field of a person the schema has, in form order', () => {
      const fields = registrationFields({ maxCompanions: 1 }, 1);
      expect(fields.attendee.map(({ path }) => path[1])).to.deep.equal(Object.keys(AttendeeSchema.shape));
      expect(fields.companions[0].map(({ path }) => path[2])).to.deep.equal(Object.keys(CompanionSchema.shape));
    });

    it('marks exactly the fields required whose absence the schema reports', () => {
      const fields = allFields(twoCompanions());
      const result = validateRegistration(payloadWith([]), rich);
      expect(result.success).to.equal(false);
      const reported = result.success ? [] : result.issues.map((issue) => issue.path);
      const required = fields.filter((field) => field.required).map((field) => field.name);
      expect(reported).to.have.members(required);
      expect(required).to.include.members(['attendee.name', 'companions.1.email', 'member', 'answers.sessions', 'consent']);
    });

    it('is complete with the required fields alone', () => {
      const required = allFields(twoCompanions()).filter((field) => field.required);
      const result = validateRegistration(payloadWith(required), rich);
      expect(result.success ? [] : result.issues).to.deep.equal([]);
    });

    it('leaves out the member question and consent when the event does not ask for them', () => {
      const { member, rest } = registrationFields({ maxCompanions: 0 });
      expect(member).to.deep.equal([]);
      expect(rest.map((field) => field.name)).to.deep.equal(['remarks']);
    });

    it('gives the attendee autocomplete tokens and input types, companions none', () => {
      const { attendee, companions } = twoCompanions();
      expect(attendee.map((field) => [field.name, field.input, field.autocomplete])).to.deep.equal([
        ['attendee.name', 'text', 'name'],
        ['attendee.email', 'email', 'email'],
        ['attendee.organisation', 'text', 'organization'],
        ['attendee.role', 'text', 'organization-title'],
        ['attendee.phone', 'tel', 'tel'],
      ]);
      expect(companions[1].map((field) => field.autocomplete)).to.deep.equal([undefined, undefined, undefined]);
    });

    it('labels the fixed fields from the catalogue and the questions with the event’s own words', () => {
      const { attendee, member, companions, rest } = twoCompanions();
      const labels = (fields: RegistrationField[]) => fields.map((field) => [field.name, field.label]);
      expect(labels(attendee)).to.deep.equal(
        ['name', 'email', 'organisation', 'role', 'phone'].map((key) => [`attendee.${key}`, { key }]),
      );
      expect(labels(companions[0])).to.deep.equal(['name', 'email', 'organisation'].map((key) => [`companions.0.${key}`, { key }]));
      expect(labels(member)).to.deep.equal([['member', { text: rich.registration!.memberQuestion }]]);
      expect(labels(rest)).to.deep.equal([
        ...rich.registration!.questions!.map((question) => [`answers.${question.id}`, { text: question.label }]),
        ['remarks', { key: 'remarks' }],
        ['consent', { key: 'consent' }],
      ]);
    });

    it('asks remarks in an optional text area and consent with a required box', () => {
      const { rest } = twoCompanions();
      const remarks = rest.find((field) => field.name === 'remarks')!;
      const consent = rest.find((field) => field.name === 'consent')!;
      expect([remarks.input, remarks.required]).to.deep.equal(['textarea', false]);
      expect([consent.input, consent.required]).to.deep.equal(['checkbox', true]);
    });

    it('shows no more companion blocks than the event allows', () => {
      expect(registrationFields({ maxCompanions: 2 }, 5).companions).to.have.length(2);
    });
  });

  describe('control names and payload paths', () => {
    it('round-trips every field of the attendee, the companions and the answers', () => {
      const fields = allFields(twoCompanions());
      expect(fields.map((field) => field.name)).to.include.members(['attendee.phone', 'companions.1.organisation', 'answers.sessions']);
      for (const field of fields) {
        expect(controlName(field.path)).to.equal(field.name);
        expect(payloadPath(field.name)).to.deep.equal(field.path);
      }
      expect(payloadPath('companions.1.name')).to.deep.equal(['companions', 1, 'name']);
    });

    it('names every key the form encoding sends', () => {
      for (const [key] of flattenPayload(validRegistration() as never)) {
        expect(payloadPath(key), key).to.not.equal(undefined);
        expect(controlName(payloadPath(key)!)).to.equal(key);
      }
    });

    it('refuses names that are no payload field', () => {
      for (const name of ['website', 'attendee', 'attendee.a.b', 'attendee.__proto__', 'answers.__proto__', 'answers.constructor',
        'companions.x.name', 'companions.123.name', 'companions.0', '__proto__.polluted', 'foo', 'attendee.0.name', 'answers.0.name']) {
        expect(payloadPath(name), name).to.equal(undefined);
      }
    });

    it('reads a value along a path of own properties; anything missing on the way gives undefined', () => {
      const payload = validRegistration();
      expect(readPath(payload, ['companions', 0, 'email'])).to.equal('sam@example.org');
      expect(readPath(payload, ['answers', 'themes', 1])).to.equal('Buurtcontact');
      expect(readPath(payload, [])).to.equal(payload);
      expect(readPath(payload, ['companions', 1, 'email'])).to.equal(undefined);
      expect(readPath(payload, ['attendee', 'name', 'length'])).to.equal(undefined);
      expect(readPath(payload, ['attendee', 'constructor'])).to.equal(undefined);
    });

    it('gives a question’s shape only to answers: a question named like a person field leaves that field alone', () => {
      const event = eventOf({
        ...udenMeeting,
        registration: { ...udenMeeting.registration, questions: [{ id: 'organisation', label: 'Organisaties', type: 'checkbox', options: ['A', 'B'] }] },
      });
      const params = new URLSearchParams('attendee.organisation=A&answers.organisation=A');
      expect(unflattenForm(params, event)).to.deep.equal({ attendee: { organisation: 'A' }, answers: { organisation: ['A'] } });
    });

    it('is what the endpoint parses: a form filled in by control name validates', () => {
      const required = allFields(twoCompanions()).filter((field) => field.required);
      const params = new URLSearchParams();
      for (const [key, value] of flattenPayload(payloadWith(required) as never)) params.append(key, value);
      const result = validateRegistration(unflattenForm(params, rich), rich);
      expect(result.success ? [] : result.issues).to.deep.equal([]);
    });
  });
});
