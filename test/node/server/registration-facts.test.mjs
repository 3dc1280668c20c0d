// An event and a registration as label–value pairs (demo/server/registration-facts.ts), as the
// confirmation mail and the self-service page show them, in Dutch and English.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { companionHeading, eventFacts, registrationFacts, valueHtml, valueText } = await tsImport(
  '../../../demo/server/registration-facts.ts',
  import.meta.url,
);
const { escapeHtml } = await tsImport('../../../demo/server/html.ts', import.meta.url);

const place = { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' };
const event = (extra = {}) => ({
  id: 'bijeenkomst',
  title: 'Bijeenkomst',
  start: '2031-03-04T12:00:00Z',
  end: '2031-03-04T14:00:00Z',
  timeZone: 'Europe/Amsterdam',
  ...extra,
});

describe('event facts', () => {
  test('when, where with a map link by coordinates, online and more information, in Dutch', () => {
    const facts = eventFacts(event({ location: { ...place, lat: 51.66, lon: 5.61, online: 'https://meet.example.org/x' }, url: 'https://example.org/info' }), 'nl');
    assert.deepEqual(facts, [
      ['Wanneer', 'dinsdag 4 maart 2031, 13.00–15.00 uur'],
      ['Waar', 'Area Wonen, Leeuweriksweg 12, 5402 XD Uden'],
      ['Kaart', { href: 'https://www.openstreetmap.org/?mlat=51.66&mlon=5.61#map=17/51.66/5.61', text: 'Bekijk op de kaart' }],
      ['Online', { href: 'https://meet.example.org/x' }],
      ['Meer informatie', { href: 'https://example.org/info' }],
    ]);
  });

  test('in English; the map searches the address when a coordinate is missing', () => {
    const search = 'https://www.openstreetmap.org/search?query=Area%20Wonen%2C%20Uden';
    for (const location of [{ name: 'Area Wonen', city: 'Uden' }, { name: 'Area Wonen', city: 'Uden', lat: 51.66 }, { name: 'Area Wonen', city: 'Uden', lon: 5.61 }]) {
      assert.deepEqual(eventFacts(event({ location }), 'en'), [
        ['When', 'Tuesday 4 March 2031, 13:00–15:00'],
        ['Where', 'Area Wonen, Uden'],
        ['Map', { href: search, text: 'View on map' }],
      ]);
    }
  });

  test('an online event has no place and no map; an event without a location only its date', () => {
    assert.deepEqual(eventFacts(event({ location: { online: 'https://meet.example.org/x' } }), 'en'), [
      ['When', 'Tuesday 4 March 2031, 13:00–15:00'],
      ['Online', { href: 'https://meet.example.org/x' }],
    ]);
    assert.deepEqual(eventFacts(event({ url: 'https://example.org/info' }), 'en'), [
      ['When', 'Tuesday 4 March 2031, 13:00–15:00'],
      ['More information', { href: 'https://example.org/info' }],
    ]);
  });
});

describe('registration facts', () => {
  const settings = {
    companionLabel: 'samenwerkingspartner',
    memberQuestion: 'Is uw organisatie deelnemer?',
    questions: [
      { id: 'akkoord', label: 'Ik kom op eigen risico', type: 'checkbox' },
      { id: 'themes', label: 'Onderwerpen', type: 'checkbox', options: ['Toewijzing', 'Begeleiding'] },
      { id: 'workshop', label: 'Workshop', type: 'radio', options: ['A', 'B'] },
      { id: 'dieet', label: 'Dieetwensen', type: 'text' },
    ],
  };
  const payload = (extra = {}) => ({
    eventId: 'bijeenkomst',
    attendee: { name: 'Jan Jansen', email: 'jan@example.org', organisation: 'Het Baken' },
    companions: [],
    answers: {},
    consent: true,
    locale: 'nl',
    ...extra,
  });

  test('everything filled in, in the form\'s words: person, member answer, companions, answers, remarks', () => {
    const full = payload({
      attendee: { name: 'Jan Jansen', email: 'jan@example.org', organisation: 'Het Baken', role: 'Wijkconsulent', phone: '0612345678' },
      member: true,
      companions: [
        { name: 'Piet', email: 'piet@example.org', organisation: 'De Wijk' },
        { name: 'Kees', email: 'kees@example.org' },
      ],
      answers: { akkoord: true, themes: ['Toewijzing', 'Begeleiding'], workshop: 'B', dieet: 'Geen noten' },
      remarks: 'Tot dan',
    });
    assert.deepEqual(registrationFacts(full, event({ registration: settings }), 'nl'), [
      ['Naam', 'Jan Jansen'],
      ['E-mailadres', 'jan@example.org'],
      ['Organisatie', 'Het Baken'],
      ['Functie', 'Wijkconsulent'],
      ['Telefoonnummer', '0612345678'],
      ['Is uw organisatie deelnemer?', 'Ja'],
      ['Samenwerkingspartner 1', 'Piet, piet@example.org, De Wijk'],
      ['Samenwerkingspartner 2', 'Kees, kees@example.org'],
      ['Ik kom op eigen risico', 'Ja'],
      ['Onderwerpen', 'Toewijzing, Begeleiding'],
      ['Workshop', 'B'],
      ['Dieetwensen', 'Geen noten'],
      ['Opmerkingen', 'Tot dan'],
    ]);
  });

  test('only what was given: an unticked confirmation is "No", unanswered questions and empty fields are left out', () => {
    const some = payload({ member: false, companions: [{ name: 'Piet', email: 'piet@example.org' }], answers: { workshop: 'A' } });
    assert.deepEqual(registrationFacts(some, event({ registration: settings }), 'en'), [
      ['Name', 'Jan Jansen'],
      ['E-mail address', 'jan@example.org'],
      ['Organisation', 'Het Baken'],
      ['Is uw organisatie deelnemer?', 'No'],
      ['Samenwerkingspartner 1', 'Piet, piet@example.org'],
      ['Ik kom op eigen risico', 'No'],
      ['Workshop', 'A'],
    ]);
  });

  test('without a member question or questions: the person and the companions under the form\'s own word', () => {
    const plain = payload({ member: true, companions: [{ name: 'Piet', email: 'piet@example.org' }], answers: { dieet: 'x' } });
    assert.deepEqual(registrationFacts(plain, event(), 'nl'), [
      ['Naam', 'Jan Jansen'],
      ['E-mailadres', 'jan@example.org'],
      ['Organisatie', 'Het Baken'],
      ['Extra deelnemer 1', 'Piet, piet@example.org'],
    ]);
    assert.deepEqual(registrationFacts(plain, event({ registration: { questions: [] } }), 'en').at(-1), ['Extra participant 1', 'Piet, piet@example.org']);
    assert.deepEqual(registrationFacts(payload(), event({ registration: { memberQuestion: 'Lid?' } }), 'nl').length, 3, 'no answer to the member question, no line');
  });

  test('the companion heading starts with a capital', () => {
    assert.equal(companionHeading(event({ registration: { companionLabel: 'collega van buiten' } }), 'nl'), 'Collega van buiten');
    assert.equal(companionHeading(event({ registration: { companionLabel: 'partner' } }), 'en'), 'Partner');
    assert.equal(companionHeading(event(), 'en'), 'Extra participant');
  });
});

describe('values', () => {
  test('as text a link is its address', () => {
    assert.equal(valueText('Jan'), 'Jan');
    assert.equal(valueText({ href: 'https://example.org/a', text: 'Kaart' }), 'https://example.org/a');
  });

  test('in HTML: text escaped with its line breaks kept, a link with its text or else its address', () => {
    assert.equal(valueHtml('<b>Jan</b> & "Piet"\nTweede regel\nDerde', escapeHtml), '&#60;b&#62;Jan&#60;/b&#62; &#38; &#34;Piet&#34;<br>Tweede regel<br>Derde');
    assert.equal(valueHtml({ href: 'https://example.org/?a=1&b="2"', text: 'Kaart <1>' }, escapeHtml), '<a href="https://example.org/?a=1&#38;b=&#34;2&#34;">Kaart &#60;1&#62;</a>');
    assert.equal(valueHtml({ href: 'https://example.org/x' }, escapeHtml), '<a href="https://example.org/x">https://example.org/x</a>');
  });
});
