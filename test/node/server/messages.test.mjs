// The endpoint's own sentences (demo/server/messages.ts), written out: what organisers' visitors
// read in the form when the endpoint answers.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { endpointMessages } = await tsImport('../../../demo/server/messages.ts', import.meta.url);

const nl = endpointMessages('nl');
const en = endpointMessages('en');

describe('endpointMessages', () => {
  test('Dutch unless English is asked for', () => {
    assert.equal(nl.duplicate, 'Met dit e-mailadres is al iemand aangemeld voor deze bijeenkomst.');
    assert.equal(en.duplicate, 'Someone with this e-mail address is already registered for this event.');
    assert.equal(endpointMessages('fr'), nl);
  });

  test('the answers to a registration name the event', () => {
    assert.equal(nl.confirmed('Wonen en zorg'), 'Bedankt! U bent aangemeld voor ‘Wonen en zorg’.');
    assert.equal(en.confirmed('Wonen en zorg'), 'Thank you! You are registered for ‘Wonen en zorg’.');
    assert.equal(nl.waitlisted('X'), '‘X’ is vol. U staat op de wachtlijst; zodra er een plaats vrijkomt, hoort u van ons.');
    assert.equal(en.waitlisted('X'), '‘X’ is full. You are on the waiting list; we will let you know as soon as a place comes free.');
    assert.equal(nl.full('X'), '‘X’ is helaas vol. Aanmelden kan niet meer.');
    assert.equal(en.full('X'), 'Sorry, ‘X’ is full. Registration is no longer possible.');
  });

  test('not enough places: one place or several, and how many are asked for', () => {
    assert.equal(nl.notEnough('X', 1, 3), 'Voor ‘X’ is nog 1 plaats vrij; u meldt 3 personen aan.');
    assert.equal(nl.notEnough('X', 2, 3), 'Voor ‘X’ zijn nog 2 plaatsen vrij; u meldt 3 personen aan.');
    assert.equal(en.notEnough('X', 1, 3), '‘X’ has 1 place left; you are registering 3 people.');
    assert.equal(en.notEnough('X', 2, 3), '‘X’ has 2 places left; you are registering 3 people.');
  });

  test('non-members past their places: none left, one, or several, and how many are asked for', () => {
    assert.equal(nl.nonMembersFull('X', 0, 2), 'De plaatsen voor niet-leden bij ‘X’ zijn vergeven. Leden kunnen zich nog aanmelden.');
    assert.equal(nl.nonMembersFull('X', 1, 2), 'Voor niet-leden is nog 1 plaats vrij bij ‘X’; u meldt 2 personen aan.');
    assert.equal(nl.nonMembersFull('X', 2, 3), 'Voor niet-leden zijn nog 2 plaatsen vrij bij ‘X’; u meldt 3 personen aan.');
    assert.equal(en.nonMembersFull('X', 0, 2), 'The places for non-members at ‘X’ are taken. Members can still register.');
    assert.equal(en.nonMembersFull('X', 1, 2), '‘X’ has 1 place left for non-members; you are registering 2 people.');
    assert.equal(en.nonMembersFull('X', 2, 3), '‘X’ has 2 places left for non-members; you are registering 3 people.');
  });

  test('companions per organisation: none, one or several more', () => {
    assert.equal(nl.organisationCompanions(0, 2), 'Uw organisatie kan geen extra deelnemers aanmelden: hoogstens 2 per organisatie, over alle aanmeldingen samen.');
    assert.equal(nl.organisationCompanions(1, 2), 'Uw organisatie kan nog 1 extra deelnemer aanmelden: hoogstens 2 per organisatie, over alle aanmeldingen samen.');
    assert.equal(nl.organisationCompanions(2, 3), 'Uw organisatie kan nog 2 extra deelnemers aanmelden: hoogstens 3 per organisatie, over alle aanmeldingen samen.');
    assert.equal(en.organisationCompanions(0, 2), 'Your organisation can register no more participants: at most 2 per organisation, over all its registrations.');
    assert.equal(en.organisationCompanions(1, 2), 'Your organisation can register 1 more participant: at most 2 per organisation, over all its registrations.');
    assert.equal(en.organisationCompanions(2, 3), 'Your organisation can register 2 more participants: at most 3 per organisation, over all its registrations.');
  });

  test('what an erasure removed, in singular and plural', () => {
    assert.equal(nl.erased(1, 1), 'Gewist: 1 aanmelding en 1 vermelding als introducé.');
    assert.equal(nl.erased(0, 2), 'Gewist: 0 aanmeldingen en 2 vermeldingen als introducés.');
    assert.equal(en.erased(1, 1), 'Erased: 1 registration and 1 entry as a companion.');
    assert.equal(en.erased(2, 0), 'Erased: 2 registrations and 0 entries as a companion.');
  });

  test('why registration is closed; not open yet adds when it opens', () => {
    const opens = 'Aanmelden kan vanaf maandag 1 juni 2026, 9.00 uur.';
    assert.equal(nl.closed['not-open'](opens), `De aanmelding is nog niet open. ${opens}`);
    assert.equal(en.closed['not-open']('Registration opens soon.'), 'Registration is not open yet. Registration opens soon.');
    assert.deepEqual(
      ['closed', 'past', 'cancelled', 'postponed'].map((reason) => [nl.closed[reason](''), en.closed[reason]('')]),
      [
        ['De aanmelding voor deze bijeenkomst is gesloten.', 'Registration for this event is closed.'],
        ['Deze bijeenkomst heeft al plaatsgevonden.', 'This event has already taken place.'],
        ['Deze bijeenkomst is geannuleerd.', 'This event has been cancelled.'],
        [
          'Deze bijeenkomst is uitgesteld; aanmelden kan weer zodra de nieuwe datum bekend is.',
          'This event has been postponed; registration reopens once the new date is known.',
        ],
      ],
    );
  });

  test('the calendar feed is named after its tags', () => {
    assert.equal(nl.calendarName([]), 'Bijeenkomsten');
    assert.equal(nl.calendarName(['wonen', 'zorg']), 'Bijeenkomsten: wonen, zorg');
    assert.equal(en.calendarName([]), 'Events');
    assert.equal(en.calendarName(['wonen', 'zorg']), 'Events: wonen, zorg');
  });

  test('limits in the units a visitor reads: kB, seconds, minutes', () => {
    assert.equal(nl.tooLarge(32 * 1024), 'Het verzoek is te groot (meer dan 32 kB).');
    assert.equal(en.tooLarge(1536), 'The request is too large (over 2 kB).');
    assert.equal(nl.tooLarge(1535), 'Het verzoek is te groot (meer dan 1 kB).');
    assert.equal(nl.rateLimited(20), 'Te veel aanmeldingen vanaf dit adres. Probeer het over 20 seconden opnieuw.');
    assert.equal(en.rateLimited(20), 'Too many registrations from this address. Please try again in 20 seconds.');
    assert.equal(nl.tokenThrottled(6), 'Te veel verkeerde beheerderstokens vanaf dit adres. Probeer het over 6 seconden opnieuw.');
    assert.equal(en.tokenThrottled(6), 'Too many wrong admin tokens from this address. Please try again in 6 seconds.');
    assert.equal(
      nl.placeLimited(61),
      'Vanaf dit adres zijn het afgelopen uur al veel plaatsen voor deze bijeenkomst aangevraagd. Probeer het over 2 minuten opnieuw, of neem contact op met de organisatie.',
    );
    assert.equal(
      en.placeLimited(3600),
      'Many places for this event were requested from this address in the past hour. Please try again in 60 minutes, or contact the organiser.',
    );
  });
});
