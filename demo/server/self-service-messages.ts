/** The self-service page's wording, in Dutch (formal "u") and English. */
import type { Locale } from '../../src/text.js';
import type { RegistrationStatus } from './store.js';

const nl = {
  title: (event: string) => `Uw aanmelding voor ${event}`,
  heading: 'Uw aanmelding',
  /** The link to the page in the other language, written in that language. */
  otherLanguage: 'English',
  event: 'De bijeenkomst',
  details: 'Wat u hebt ingevuld',
  status: {
    confirmed: 'U bent aangemeld.',
    waitlisted: 'U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u die vanzelf en hoort u dat per e-mail.',
    pending: 'Uw aanmelding is nog niet bevestigd. Tot dan houden we uw plaats vast.',
    'pending-waitlist': 'Uw aanmelding is nog niet bevestigd. De bijeenkomst is vol: na uw bevestiging komt u op de wachtlijst.',
    cancelled: 'Deze aanmelding is geannuleerd.',
    expired: 'Deze aanmelding is verlopen: ze is niet op tijd bevestigd. U kunt zich opnieuw aanmelden.',
  } satisfies Record<RegistrationStatus, string>,
  confirmBy: (when: string) => `Bevestig uw aanmelding vóór ${when}.`,
  confirm: 'Aanmelding bevestigen',
  companions: 'Wie gaat er met u mee',
  removeLink: (name: string) => `${name} afmelden`,
  removeHeading: (name: string) => `${name} afmelden`,
  removeQuestion: (name: string, event: string) => `Wilt u ${name} afmelden voor ${event}?`,
  removeExplain: (name: string) => `De plaats komt vrij. ${name} krijgt hierover een e-mail.`,
  removeButton: (name: string) => `Ja, meld ${name} af`,
  cancelHeading: 'Aanmelding annuleren',
  cancelExplain: 'Kunt u niet komen? Annuleer dan uw aanmelding, zodat een ander uw plaats kan krijgen. Wie met u meegaat, wordt ook afgemeld.',
  cancelLink: 'Aanmelding annuleren',
  cancelQuestion: (event: string) => `Wilt u uw aanmelding voor ${event} annuleren?`,
  cancelButton: 'Ja, annuleer mijn aanmelding',
  back: 'Nee, terug naar uw aanmelding',
  done: {
    removed: 'De deelnemer is afgemeld.',
    confirmed: 'Dank u wel: uw aanmelding is bevestigd. U krijgt een e-mail met de gegevens.',
    cancelled: 'Uw aanmelding is geannuleerd. U krijgt een e-mail ter bevestiging.',
  },
  notFoundTitle: 'Deze link werkt niet',
  notFound: 'Deze link hoort bij geen aanmelding (meer). Gebruik de hele link uit uw e-mail; werkt die niet, neem dan contact op met de organisatie.',
  refusedTitle: 'Dit kan niet vanaf hier',
  refused: 'Uw keuze is niet verwerkt: deze pagina is verlopen, of het verzoek kwam niet van deze pagina. Open de link uit uw e-mail opnieuw en probeer het nog eens.',
  badRequest: 'Dit verzoek kan de server niet lezen.',
  unavailable: 'De server wordt opnieuw gestart. Probeer het zo opnieuw.',
};

export type SelfServiceMessages = typeof nl;

const en: SelfServiceMessages = {
  title: (event) => `Your registration for ${event}`,
  heading: 'Your registration',
  otherLanguage: 'Nederlands',
  event: 'The event',
  details: 'What you filled in',
  status: {
    confirmed: 'You are registered.',
    waitlisted: 'You are on the waiting list. If a place comes free, it is yours automatically and we will let you know by e-mail.',
    pending: 'Your registration is not confirmed yet. Until then we hold your place.',
    'pending-waitlist': 'Your registration is not confirmed yet. The event is full: once you confirm, you join the waiting list.',
    cancelled: 'This registration has been cancelled.',
    expired: 'This registration has lapsed: it was not confirmed in time. You can register again.',
  },
  confirmBy: (when) => `Please confirm your registration before ${when}.`,
  confirm: 'Confirm registration',
  companions: 'Who is coming with you',
  removeLink: (name) => `Take ${name} off`,
  removeHeading: (name) => `Take ${name} off`,
  removeQuestion: (name, event) => `Do you want to take ${name} off the registration for ${event}?`,
  removeExplain: (name) => `The place comes free. ${name} will get an e-mail about it.`,
  removeButton: (name) => `Yes, take ${name} off`,
  cancelHeading: 'Cancel registration',
  cancelExplain: 'Cannot come? Then cancel your registration, so someone else can have your place. Those coming with you are taken off too.',
  cancelLink: 'Cancel registration',
  cancelQuestion: (event) => `Do you want to cancel your registration for ${event}?`,
  cancelButton: 'Yes, cancel my registration',
  back: 'No, back to your registration',
  done: {
    removed: 'The participant has been taken off.',
    confirmed: 'Thank you: your registration is confirmed. You will get an e-mail with the details.',
    cancelled: 'Your registration has been cancelled. You will get an e-mail to confirm it.',
  },
  notFoundTitle: 'This link does not work',
  notFound: 'This link belongs to no registration (any more). Use the whole link from your e-mail; if that does not work, please contact the organiser.',
  refusedTitle: 'This cannot be done from here',
  refused: 'Your choice was not processed: this page has expired, or the request did not come from this page. Open the link from your e-mail again and try once more.',
  badRequest: 'The server cannot read this request.',
  unavailable: 'The server is restarting. Please try again in a moment.',
};

export function selfServiceMessages(locale: Locale): SelfServiceMessages {
  return locale === 'en' ? en : nl;
}
