// Every element runs the shared conformance suite (conformance.ts).
import '../../src/index.js';
import type { BijeenEvent } from '../../src/components/event/event.js';
import type { BijeenEventCard } from '../../src/components/event-card/event-card.js';
import type { BijeenEventList } from '../../src/components/event-list/event-list.js';
import type { BijeenMapLink } from '../../src/components/map-link/map-link.js';
import type { BijeenRegistrationForm } from '../../src/components/registration-form/registration-form.js';
import type { EventInput } from '../../src/schema/index.js';
import { udenMeeting } from '../fixtures/events.js';
import { REGISTRATION_OPEN } from '../support/clock.js';
import { feed } from '../support/feeds.js';
import { runConformance } from './conformance.js';

/** The seed meeting under another id and title (its clock: REGISTRATION_OPEN). */
const seed = (id: string, title: string): EventInput => ({ ...udenMeeting, id, title });

/** A meeting in 2030 that registers by e-mail: for the composite, which runs on the real clock. */
const future = (id: string, title: string): EventInput => ({
  ...udenMeeting,
  id,
  title,
  start: '2030-09-17T13:00:00+02:00',
  end: '2030-09-17T17:00:00+02:00',
  registration: { email: 'aanmelden@example.org', maxCompanions: 1 },
});

/** Fails the schema: `start` is no date. */
const broken = { ...udenMeeting, start: 'dinsdag' };

/** Card and form: the seed meeting on a clock inside its registration window. */
const onSeedMeeting = {
  slot: 'fallback',
  valid: (el: BijeenEventCard | BijeenRegistrationForm) => Object.assign(el, { now: REGISTRATION_OPEN, event: udenMeeting }),
  invalid: (el: BijeenEventCard | BijeenRegistrationForm) => (el.event = broken),
  path: 'start',
  src: feed('with-registration'),
  event: seed,
} as const;

runConformance<BijeenEventCard>({
  ...onSeedMeeting,
  tag: 'bijeen-event-card',
  words: { nl: 'Zet in uw agenda', en: 'Add to your calendar' },
});

runConformance<BijeenMapLink>({
  tag: 'bijeen-map-link',
  slot: 'label',
  valid: (el) => (el.address = 'Leeuweriksweg 12, 5402 XD Uden'),
  invalid: (el) => Object.assign(el, { address: undefined, lat: 123, lon: 5.6 }),
  path: 'lat',
  words: { nl: 'opent in een nieuw venster', en: 'opens in a new window' },
});

runConformance<BijeenRegistrationForm>({
  ...onSeedMeeting,
  tag: 'bijeen-registration-form',
  words: { nl: 'Organisatie', en: 'Organisation' },
});

runConformance<BijeenEvent>({
  tag: 'bijeen-event',
  slot: 'fallback',
  valid: (el) => (el.event = future('toekomst', 'Bijeenkomst in 2030')),
  invalid: (el) => (el.event = broken),
  path: 'start',
  src: feed('with-registration'),
  words: { nl: 'Zet in uw agenda', en: 'Add to your calendar' },
  event: future,
});

runConformance<BijeenEventList>({
  tag: 'bijeen-event-list',
  slot: 'fallback',
  valid: (el) => (el.events = { events: [future('toekomst', 'Bijeenkomst in 2030')] }),
  // A list whose only item is invalid shows nothing valid: the fallback returns.
  invalid: (el) => (el.events = [broken]),
  path: 'events.0.start',
  src: new URL('/list-feeds/agenda.json', location.href).href,
  words: { nl: 'Lees meer', en: 'Read more' },
});
