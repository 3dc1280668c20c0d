// Event files for the endpoint tests, dated relative to now so they never expire.
import { daysFromNow } from './server.mjs';

const future = { start: daysFromNow(60), end: daysFromNow(60.2) };
const location = { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' };

function event(id, registration, extra = {}) {
  return {
    id,
    title: `Testbijeenkomst ${id}`,
    ...future,
    location,
    registration: { endpoint: `/api/events/${id}/registrations`, email: 'aanmelden@example.org', ...registration },
    ...extra,
  };
}

/** Capacity 10, companions, member question, custom questions, consent: every rule of the schema. */
export const rules = event('regels', {
  opens: daysFromNow(-1),
  closes: daysFromNow(30),
  capacity: 10,
  maxCompanions: 2,
  companionLabel: 'samenwerkingspartner',
  memberQuestion: 'Is uw organisatie deelnemer van de vakgemeenschap?',
  questions: [
    { id: 'workshop', label: 'Welke workshop?', type: 'radio', options: ['Wonen en zorg', 'Buurtbeheer'], required: true },
    { id: 'themes', label: 'Onderwerpen', type: 'checkbox', options: ['Toewijzing', 'Begeleiding'] },
    { id: 'dieet', label: 'Dieetwensen', type: 'text' },
  ],
  privacyUrl: '/privacy',
});

/** Three places, no waiting list: fills up quickly, then 409 full. */
export const small = event('klein', { capacity: 3, maxCompanions: 2 });
/** Full from the start (places taken elsewhere), with a waiting list. */
export const prefull = event('vol-met-wachtlijst', { capacity: 25, remaining: 0, waitlist: true });
/** Two places left and no capacity given (the rest went elsewhere): the server hands out two. */
export const twoLeft = event('nog-twee-plaatsen', { remaining: 2 });
/** The same with a waiting list. */
export const twoLeftWaitlist = event('nog-twee-met-wachtlijst', { remaining: 2, waitlist: true });
/** The concurrency runs: 50 places, companions count. */
export const waitlist50 = event('vijftig-wachtlijst', { capacity: 50, waitlist: true, maxCompanions: 2 });
export const full50 = event('vijftig-vol', { capacity: 50, waitlist: false, maxCompanions: 2 });
/** No capacity: every valid registration is confirmed. */
export const unlimited = event('onbeperkt', { maxCompanions: 2 });

export const notOpen = event('nog-niet-open', { opens: daysFromNow(5) });
export const closed = event('gesloten', { closes: daysFromNow(-1) });
export const past = event('afgelopen', {}, { start: daysFromNow(-10), end: daysFromNow(-9.9) });
export const cancelled = event('geannuleerd', {}, { status: 'cancelled' });
export const postponed = event('uitgesteld', {}, { status: 'postponed' });
export const noRegistration = { id: 'zonder-aanmelding', title: 'Alleen ter info', ...future, location };

export const all = {
  rules,
  small,
  prefull,
  twoLeft,
  twoLeftWaitlist,
  waitlist50,
  full50,
  unlimited,
  notOpen,
  closed,
  past,
  cancelled,
  postponed,
  noRegistration,
};

/** Files the server must skip (and say so), without refusing to start. */
export const broken = {
  'kapotte-json': '{ "id": "kapot", ',
  'ongeldig-event': JSON.stringify({ id: 'ongeldig', title: 'Geen datum' }),
  'zz-dubbel-id': JSON.stringify({ ...unlimited, title: 'Zelfde id als onbeperkt' }),
};
