// The form's modules on their own: payload building, the idempotency key, the e-mail text, the
// attribute checks and the draft's companion bookkeeping.
import { expect } from '@open-wc/testing';
import { DraftController } from '../../../src/components/registration-form/draft.js';
import { mailtoHref } from '../../../src/components/registration-form/mailto.js';
import { collectPayload, idempotencyKey } from '../../../src/components/registration-form/payload.js';
import { applyOverrides, checkAttributes } from '../../../src/components/registration-form/settings.js';
import { parseEvent, registrationFields, UUID_V4, validateRegistration, type EventData } from '../../../src/schema/index.js';
import { udenMeeting } from '../../fixtures/events.js';

const uden = (() => {
  const result = parseEvent(udenMeeting, { baseUrl: 'https://partner.example.org/' });
  if (!result.success) throw new Error(result.message);
  return result.data;
})();

const context = { eventId: uden.id, idempotencyKey: '0f8fad5b-d9cb-469f-a165-70867728950e', locale: 'nl', source: 'https://partner.example.org/' };

describe('registration form modules', () => {
  describe('idempotencyKey', () => {
    it('makes a fresh UUID version 4 each time', () => {
      const keys = Array.from({ length: 50 }, idempotencyKey);
      for (const key of keys) expect(key).to.match(UUID_V4);
      expect(new Set(keys).size).to.equal(50);
    });
  });

  describe('collectPayload', () => {
    const fields = registrationFields(uden.registration!, 1);

    it('puts each value at its payload path, shaped as the schema expects', () => {
      const payload = collectPayload(
        fields,
        {
          'attendee.name': 'Anna',
          'attendee.role': '   ',
          'companions.0.email': 'bram@example.org',
          member: 'false',
          'answers.themes': ['Toewijzing'],
          'answers.photos': true,
          consent: false,
          remarks: '',
        },
        context,
      );
      expect(payload).to.deep.equal({
        ...context,
        attendee: { name: 'Anna' },
        companions: [{ email: 'bram@example.org' }],
        member: false,
        answers: { themes: ['Toewijzing'], photos: true },
        consent: false,
      });
    });

    it('gives a validation that names the fields left empty by their control names', () => {
      const result = validateRegistration(collectPayload(fields, {}, context), uden);
      const paths = result.success ? [] : result.issues.map((issue) => issue.path);
      expect(paths).to.include.members(['attendee.name', 'companions.0.name', 'member', 'answers.workshop', 'consent']);
    });
  });

  describe('mailtoHref', () => {
    it('writes one line per filled-in field in form order, a line per companion and yes/no for booleans', () => {
      const fields = registrationFields(uden.registration!, 1);
      const payload = {
        ...context,
        attendee: { name: 'Anna', email: 'anna@example.org', organisation: 'Voorbeeld' },
        member: true,
        companions: [{ name: 'Bram', email: 'bram@example.org' }],
        answers: { themes: ['Toewijzing', 'Buurtcontact'] },
        consent: true,
      } as never;
      const href = mailtoHref('aanmelden@example.org', fields, payload, {
        subject: 'Aanmelding: Test',
        label: (field) => ('key' in field.label ? field.label.key : field.label.text),
        companion: (number) => `Partner ${number}`,
        yes: 'Ja',
        no: 'Nee',
      });
      const url = new URL(href);
      expect(url.protocol + url.pathname).to.equal('mailto:aanmelden@example.org');
      expect(url.searchParams.get('subject')).to.equal('Aanmelding: Test');
      expect(url.searchParams.get('body')!.split('\r\n')).to.deep.equal([
        'name: Anna',
        'email: anna@example.org',
        'organisation: Voorbeeld',
        `${uden.registration!.memberQuestion}: Ja`,
        'Partner 1: Bram, bram@example.org',
        'Welke onderwerpen wilt u bespreken?: Toewijzing, Buurtcontact',
        'consent: Ja',
      ]);
    });
  });

  describe('checkAttributes', () => {
    it('keeps valid attributes and reports each invalid one by its attribute name, using the default', () => {
      const { send, overrides, issues } = checkAttributes(
        { endpoint: '/api', format: 'xml', maxCompanions: 11, timeout: 1000, retries: -1, retryDelay: 1.5 },
        'https://partner.example.org/page',
        (value) => `bad ${value}`,
      );
      expect(send).to.deep.equal({ format: 'json', timeout: 1000, retries: 3, retryDelay: 500 });
      expect(overrides).to.deep.equal({ endpoint: 'https://partner.example.org/api', privacyUrl: undefined, maxCompanions: undefined });
      expect(issues).to.deep.equal([
        { path: 'max-companions', message: 'bad 11' },
        { path: 'format', message: 'bad xml' },
        { path: 'retries', message: 'bad -1' },
        { path: 'retry-delay', message: 'bad 1.5' },
      ]);
    });

    it('gives an event without registration one when there is an endpoint attribute', () => {
      const event = { id: 'x', title: 'X' } as EventData;
      expect(applyOverrides(event, {})).to.equal(event);
      expect(applyOverrides(event, { endpoint: 'https://example.org/r', maxCompanions: 1 }).registration).to.deep.equal({
        waitlist: false,
        maxCompanions: 1,
        endpoint: 'https://example.org/r',
      });
    });
  });

  describe('DraftController', () => {
    it('moves the later companions up with what was typed for them when one is removed', () => {
      let updates = 0;
      const drafts = new DraftController({ requestUpdate: () => updates++ } as never);
      drafts.load(`modules-test-${Date.now()}`);
      drafts.change({
        companions: 3,
        values: {
          'attendee.name': 'Anna',
          'companions.0.name': 'Bram',
          'companions.1.name': 'Carla',
          'companions.1.email': 'carla@example.org',
          'companions.2.name': 'Dirk',
        },
      });
      expect(drafts.removeCompanion(1, 3)).to.equal(2);
      expect(drafts.draft).to.deep.include({
        companions: 2,
        values: { 'attendee.name': 'Anna', 'companions.0.name': 'Bram', 'companions.1.name': 'Dirk' },
      });
      expect(updates).to.be.greaterThan(0);
      drafts.clear();
    });
  });
});
