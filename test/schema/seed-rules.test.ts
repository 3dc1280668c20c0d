// The seed meeting's two rules in the event data (src/schema/event.ts, src/schema/status.ts): a few
// places for non-members within the capacity, and a number of companions per organisation.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { schemaMessages } from '../../src/i18n/schema.js';
import { issueText, nonMemberPlacesLeft, parseEvent, type EventInput } from '../../src/schema/index.js';
import { minimalEvent, udenMeeting } from '../fixtures/events.js';
import { checkProperty } from '../support/property.js';

const field = schemaMessages.nl.field;
const memberQuestion = 'Is uw organisatie lid?';

/** `[path, message]` of every issue for these registration settings, or `[]` when the event is valid. */
function issues(registration: NonNullable<EventInput['registration']>, locale: 'nl' | 'en' = 'nl'): [string, string][] {
  const result = parseEvent({ ...minimalEvent, registration }, { locale, baseUrl: 'https://partner.example.org/' });
  return result.success ? [] : result.issues.map(({ path, message }) => [path, message]);
}

describe('the seed meeting’s rules in the event data', () => {
  it('the seed event carries both rules and keeps them', () => {
    const result = parseEvent(udenMeeting, { baseUrl: 'https://partner.example.org/' });
    expect(result.success).to.equal(true);
    const registration = result.success ? result.data.registration! : undefined;
    expect(registration).to.include({ nonMemberPlaces: 8, nonMemberRemaining: 3, maxCompanionsPerOrganisation: 2 });
  });

  describe('nonMemberPlaces and nonMemberRemaining', () => {
    it('are whole numbers of 0 or more (0: members only)', () => {
      expect(issues({ memberQuestion, capacity: 10, nonMemberPlaces: 0, nonMemberRemaining: 0 })).to.deep.equal([]);
      for (const bad of [-1, 1.5, '3', null]) {
        expect(issues({ memberQuestion, nonMemberPlaces: bad as number }), String(bad)).to.deep.equal([
          ['registration.nonMemberPlaces', field.count],
        ]);
      }
    });

    it('fit within the capacity, and what is left within the places (equal is fine)', () => {
      expect(issues({ memberQuestion, capacity: 5, nonMemberPlaces: 5, nonMemberRemaining: 5 })).to.deep.equal([]);
      expect(issues({ memberQuestion, capacity: 5, nonMemberPlaces: 6 })).to.deep.equal([
        ['registration.nonMemberPlaces', field.notAbove('capacity')],
      ]);
      expect(issues({ memberQuestion, nonMemberPlaces: 2, nonMemberRemaining: 3 })).to.deep.equal([
        ['registration.nonMemberRemaining', field.notAbove('nonMemberPlaces')],
      ]);
      // Without a capacity only non-members are limited.
      expect(issues({ memberQuestion, nonMemberPlaces: 400 })).to.deep.equal([]);
    });

    it('need a member question, since non-members are those who answer it "no"', () => {
      expect(issues({ capacity: 10, nonMemberPlaces: 2, nonMemberRemaining: 1 })).to.deep.equal([
        ['registration.nonMemberPlaces', field.needsMemberQuestion],
        ['registration.nonMemberRemaining', field.needsMemberQuestion],
      ]);
      expect(issues({ nonMemberPlaces: 2 }, 'en').map(([path, message]) => issueText({ path, message }))).to.deep.equal([
        'registration.nonMemberPlaces: works only with a member question (memberQuestion)',
      ]);
    });

    it('any capacity and cap: valid exactly when the cap is not above the capacity (fixed-seed property)', () => {
      checkProperty(
        fc.property(fc.nat(200), fc.nat(200), (capacity, nonMemberPlaces) => {
          const found = issues({ memberQuestion, capacity, nonMemberPlaces });
          const expected: [string, string][] =
            nonMemberPlaces > capacity ? [['registration.nonMemberPlaces', field.notAbove('capacity')]] : [];
          expect(found).to.deep.equal(expected);
        }),
      );
    });
  });

  describe('maxCompanionsPerOrganisation', () => {
    it('is a whole number of 1 or more', () => {
      expect(issues({ maxCompanions: 2, maxCompanionsPerOrganisation: 2 })).to.deep.equal([]);
      expect(issues({ maxCompanions: 2, maxCompanionsPerOrganisation: 40 })).to.deep.equal([]);
      for (const bad of [0, -2, 2.5]) {
        expect(issues({ maxCompanionsPerOrganisation: bad }), String(bad)).to.deep.equal([
          ['registration.maxCompanionsPerOrganisation', field.positiveInteger],
        ]);
      }
    });

    it('is not below maxCompanions: one registration could not bring what the form offers', () => {
      expect(issues({ maxCompanions: 3, maxCompanionsPerOrganisation: 2 })).to.deep.equal([
        ['registration.maxCompanionsPerOrganisation', field.notBelow('maxCompanions')],
      ]);
      expect(issues({ maxCompanions: 3, maxCompanionsPerOrganisation: 2 }, 'en')).to.deep.equal([
        ['registration.maxCompanionsPerOrganisation', 'must not be less than maxCompanions'],
      ]);
      // At the highest maxCompanions any event may have, the two are still compared.
      expect(issues({ maxCompanions: 10, maxCompanionsPerOrganisation: 5 })).to.deep.equal([
        ['registration.maxCompanionsPerOrganisation', field.notBelow('maxCompanions')],
      ]);
      // A maxCompanions out of range has its own message and is not compared.
      expect(issues({ maxCompanions: 11, maxCompanionsPerOrganisation: 2 })).to.deep.equal([
        ['registration.maxCompanions', field.companionsRange],
      ]);
    });
  });

  describe('nonMemberPlacesLeft', () => {
    it('is what the data says is left for non-members, never more than the places left at all', () => {
      expect(nonMemberPlacesLeft({ nonMemberRemaining: 3, remaining: 23 })).to.equal(3);
      expect(nonMemberPlacesLeft({ nonMemberRemaining: 3, remaining: 2 })).to.equal(2);
      expect(nonMemberPlacesLeft({ nonMemberRemaining: 0 })).to.equal(0);
      expect(nonMemberPlacesLeft({ remaining: 5 })).to.equal(undefined);
    });

    it('for any counts: the smaller of the two (fixed-seed property)', () => {
      checkProperty(
        fc.property(fc.nat(500), fc.option(fc.nat(500), { nil: undefined }), (nonMemberRemaining, remaining) => {
          expect(nonMemberPlacesLeft({ nonMemberRemaining, remaining })).to.equal(Math.min(nonMemberRemaining, remaining ?? Infinity));
        }),
      );
    });
  });
});
