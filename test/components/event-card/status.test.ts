import { expect } from '@open-wc/testing';
import { registrationStatus as cardStatus, type RegistrationStatus as CardStatus } from '../../../src/schema/index.js';
import type { EventInput } from '../../../src/schema/index.js';
import { cancelledEvent, fullEvent, minimalEvent, postponedEvent, udenMeeting, waitlistEvent } from '../../fixtures/events.js';
import { cardFor, parsed, part, REGISTRATION_OPEN, shadow, textOf } from './helpers.js';

// The seed meeting (see test/support/clock.ts); 23 of 60 places left.
const at = (iso: string) => new Date(iso);
const JUNE = at('2018-06-01T12:00:00+02:00');
const AFTER_CLOSING = at('2018-09-15T10:00:00+02:00');
const DURING = at('2018-09-18T14:00:00+02:00');
const AFTER = at('2018-09-18T17:00:00+02:00');

const withRemaining = (remaining: number, capacity = 60): EventInput => ({
  ...udenMeeting,
  registration: { ...udenMeeting.registration, remaining, capacity },
});

interface Case {
  name: string;
  event: EventInput;
  now: Date;
  status: CardStatus | undefined;
  nl?: string;
  en?: string;
  register?: string;
}

const cases: Case[] = [
  { name: 'registration not open yet', event: udenMeeting, now: JUNE, status: 'not-open', nl: 'Nog niet open', en: 'Not open yet' },
  { name: 'registration open', event: udenMeeting, now: REGISTRATION_OPEN, status: 'open', nl: 'Open', en: 'Open', register: 'Aanmelden' },
  { name: 'almost full: 10% of capacity left', event: withRemaining(6), now: REGISTRATION_OPEN, status: 'almost-full', nl: 'Bijna vol', en: 'Almost full', register: 'Aanmelden' },
  { name: 'almost full: 5 places left', event: withRemaining(5, 30), now: REGISTRATION_OPEN, status: 'almost-full', nl: 'Bijna vol', en: 'Almost full', register: 'Aanmelden' },
  { name: 'open: 5 places left of 8 is not almost full', event: withRemaining(5, 8), now: REGISTRATION_OPEN, status: 'open', nl: 'Open', en: 'Open', register: 'Aanmelden' },
  { name: 'full with a waiting list', event: waitlistEvent, now: REGISTRATION_OPEN, status: 'waitlist', nl: 'Wachtlijst', en: 'Waiting list', register: 'Aanmelden voor de wachtlijst' },
  { name: 'full without a waiting list', event: fullEvent, now: REGISTRATION_OPEN, status: 'full', nl: 'Vol', en: 'Full' },
  { name: 'registration closed', event: udenMeeting, now: AFTER_CLOSING, status: 'closed', nl: 'Gesloten', en: 'Closed' },
  { name: 'closed while it runs', event: udenMeeting, now: DURING, status: 'closed', nl: 'Gesloten', en: 'Closed' },
  { name: 'past: the end has passed', event: udenMeeting, now: AFTER, status: 'past', nl: 'Afgelopen', en: 'Past' },
  { name: 'past without an end: the start has passed', event: minimalEvent, now: at('2024-03-05T10:00:00Z'), status: 'past', nl: 'Afgelopen', en: 'Past' },
  { name: 'cancelled (wins over past)', event: cancelledEvent, now: AFTER, status: 'cancelled', nl: 'Geannuleerd', en: 'Cancelled' },
  { name: 'cancelled (wins over open)', event: cancelledEvent, now: REGISTRATION_OPEN, status: 'cancelled', nl: 'Geannuleerd', en: 'Cancelled' },
  { name: 'postponed (wins over open)', event: postponedEvent, now: REGISTRATION_OPEN, status: 'postponed', nl: 'Uitgesteld', en: 'Postponed' },
  { name: 'no registration: no badge', event: minimalEvent, now: at('2024-01-01T00:00:00Z'), status: undefined },
];

describe('<bijeen-event-card> status', () => {
  for (const { name, event, now, status, nl, en, register } of cases) {
    describe(name, () => {
      it(`is "${status ?? 'none'}" by the rules`, () => {
        expect(cardStatus(parsed(event), now.getTime())).to.equal(status);
      });

      it(`shows ${nl ? `"${nl}" / "${en}"` : 'no badge'}${register ? ` and "${register}"` : ', no "Aanmelden"'}`, async () => {
        const dutch = await cardFor(event, { now, lang: 'nl' });
        const english = await cardFor(event, { now: now.getTime(), lang: 'en' });
        if (status) {
          expect(textOf(part(dutch, 'badge'))).to.equal(`Status: ${nl}`);
          expect(textOf(part(english, 'badge'))).to.equal(`Status: ${en}`);
          expect(part(dutch, 'badge')!.getAttribute('part')).to.equal(`badge badge-${status}`);
        } else {
          expect(part(dutch, 'badge')).to.equal(null);
        }
        if (register) expect(textOf(part(dutch, 'register'))).to.equal(register);
        else expect(part(dutch, 'register')).to.equal(null);
      });

      it('is accessible in both variants', async () => {
        await expect(await cardFor(event, { now })).to.be.accessible();
        await expect(await cardFor(event, { now, variant: 'teaser' })).to.be.accessible();
      });
    });
  }

  it('says when registration opens', async () => {
    const dutch = await cardFor(udenMeeting, { now: JUNE, lang: 'nl' });
    expect(textOf(shadow(dutch).querySelector('.body'))).to.include('Aanmelden kan vanaf maandag 2 juli 2018, 9.00 uur.');
    const english = await cardFor(udenMeeting, { now: JUNE, lang: 'en' });
    expect(textOf(shadow(english).querySelector('.body'))).to.include('Registration opens Monday 2 July 2018, 09:00.');
  });

  it('offers no calendar for a past event, and only the file for a cancelled one', async () => {
    const past = await cardFor(udenMeeting, { now: AFTER });
    expect(shadow(past).querySelector('details')).to.equal(null);
    const cancelled = await cardFor(cancelledEvent, { now: REGISTRATION_OPEN });
    expect([...shadow(cancelled).querySelectorAll('details a')].map(textOf)).to.deep.equal(['Agendabestand (.ics)']);
  });

  it('uses the current time when no clock is given', async () => {
    const el = await cardFor(udenMeeting);
    el.now = undefined;
    await el.updateComplete;
    expect(textOf(part(el, 'badge'))).to.equal('Status: Afgelopen');
  });
});

describe('<bijeen-event-card> non-member places', () => {
  /** The seed meeting with these counts (23 places left, 3 of them open to non-members, unless changed). */
  const seedWith = (registration: Partial<NonNullable<EventInput['registration']>>): EventInput => ({
    ...udenMeeting,
    registration: { ...udenMeeting.registration, ...registration },
  });
  const actions = async (event: EventInput, lang = 'nl') => textOf(shadow(await cardFor(event, { lang })).querySelector('.actions'));

  it('says how many of the places left non-members can take, in Dutch and English', async () => {
    expect(await actions(udenMeeting)).to.equal('Aanmelden Nog 23 plaatsen vrij. Voor niet-leden nog 3 plaatsen.');
    expect(await actions(udenMeeting, 'en')).to.equal('Register 23 places left. 3 places left for non-members.');
    expect(await actions(seedWith({ nonMemberRemaining: 1 }))).to.include('Voor niet-leden nog 1 plaats.');
    expect(await actions(seedWith({ nonMemberRemaining: 1 }), 'en')).to.include('1 place left for non-members.');
  });

  it('never more than the places left at all', async () => {
    expect(await actions(seedWith({ remaining: 2, capacity: 60 }))).to.include('Nog 2 plaatsen vrij. Voor niet-leden nog 2 plaatsen.');
  });

  it('when they are taken: still open for members, and says so', async () => {
    const gone = seedWith({ nonMemberRemaining: 0 });
    const el = await cardFor(gone);
    expect(textOf(part(el, 'badge'))).to.equal('Status: Open');
    expect(textOf(part(el, 'register'))).to.equal('Aanmelden');
    expect(textOf(shadow(el).querySelector('.actions'))).to.include('Geen plaatsen meer voor niet-leden.');
    expect(await actions(gone, 'en')).to.include('No places left for non-members.');
    await expect(el).to.be.accessible();
  });

  it('says nothing of them on the waiting list, or when the data does not count them', async () => {
    expect(await actions(waitlistEvent)).to.equal('Aanmelden voor de wachtlijst');
    expect(await actions(seedWith({ nonMemberRemaining: undefined }))).to.equal('Aanmelden Nog 23 plaatsen vrij.');
  });
});
