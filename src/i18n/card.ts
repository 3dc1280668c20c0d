import type { Localized } from './index.js';

const nl = {
  /** Badge texts by status (see `src/schema/status.ts`). */
  status: {
    cancelled: 'Geannuleerd',
    postponed: 'Uitgesteld',
    past: 'Afgelopen',
    'not-open': 'Nog niet open',
    closed: 'Gesloten',
    full: 'Vol',
    waitlist: 'Wachtlijst',
    'almost-full': 'Bijna vol',
    open: 'Open',
  },
  /** Read before the badge by screen readers only. */
  statusPrefix: 'Status: ',
  register: 'Aanmelden',
  registerWaitlist: 'Aanmelden voor de wachtlijst',
  opensAt: (when: string) => `Aanmelden kan vanaf ${when}.`,
  placesLeft: (count: number) => (count === 1 ? 'Nog 1 plaats vrij.' : `Nog ${count} plaatsen vrij.`),
  /** Of the places left, how many registrations that answer the member question "no" can take. */
  nonMemberPlacesLeft: (count: number) =>
    count === 0 ? 'Geen plaatsen meer voor niet-leden.' : `Voor niet-leden nog ${count === 1 ? '1 plaats' : `${count} plaatsen`}.`,
  readMore: 'Lees meer',
  /** Follows "Lees meer", read by screen readers only. */
  readMoreAbout: (title: string) => ` over ${title}`,
  joinOnline: 'Online deelnemen',
  online: 'Online',
  audience: 'Voor wie?',
  organizer: 'Organisator: ',
  calendar: 'Zet in uw agenda',
  calendarFile: 'Agendabestand (.ics)',
  googleCalendar: 'Google Agenda',
  outlookCalendar: 'Outlook op het web',
  loading: 'De bijeenkomst wordt geladen.',
  /** For integrators (console and `bijeen-data-error`). */
  badAttributes: 'ongeldige attributen, de kaart gebruikt de standaardwaarden',
};

const en: typeof nl = {
  status: {
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    past: 'Past',
    'not-open': 'Not open yet',
    closed: 'Closed',
    full: 'Full',
    waitlist: 'Waiting list',
    'almost-full': 'Almost full',
    open: 'Open',
  },
  statusPrefix: 'Status: ',
  register: 'Register',
  registerWaitlist: 'Join the waiting list',
  opensAt: (when) => `Registration opens ${when}.`,
  placesLeft: (count) => (count === 1 ? '1 place left.' : `${count} places left.`),
  nonMemberPlacesLeft: (count) =>
    count === 0 ? 'No places left for non-members.' : `${count === 1 ? '1 place' : `${count} places`} left for non-members.`,
  readMore: 'Read more',
  readMoreAbout: (title) => ` about ${title}`,
  joinOnline: 'Join online',
  online: 'Online',
  audience: 'Who is it for?',
  organizer: 'Organiser: ',
  calendar: 'Add to your calendar',
  calendarFile: 'Calendar file (.ics)',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook on the web',
  loading: 'Loading the event.',
  badAttributes: 'invalid attributes, the card uses the defaults',
};

export type CardMessages = typeof nl;

/** `<bijeen-event-card>`; the form reuses `opensAt`. */
export const cardMessages: Localized<CardMessages> = { nl, en };
