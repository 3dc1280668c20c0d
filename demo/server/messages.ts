/**
 * The endpoint's own sentences (the `message` of its JSON answers), in Dutch and English. Field
 * messages of a 422 come from `validateRegistration`; these cover everything around it.
 */
import type { Locale } from '../../src/text.js';
import type { RegistrationStatus } from '../../src/schema/index.js';

/** The statuses in which the endpoint refuses a registration (403 closed, with this `reason`). */
export type ClosedReason = Extract<RegistrationStatus, 'not-open' | 'closed' | 'past' | 'cancelled' | 'postponed'>;

const nl = {
  confirmed: (title: string) => `Bedankt! U bent aangemeld voor ‘${title}’.`,
  waitlisted: (title: string) =>
    `‘${title}’ is vol. U staat op de wachtlijst; zodra er een plaats vrijkomt, hoort u van ons.`,
  pending: (title: string) =>
    `Bijna klaar: bevestig uw aanmelding voor ‘${title}’ met de link in de e-mail die we u net stuurden.`,
  full: (title: string) => `‘${title}’ is helaas vol. Aanmelden kan niet meer.`,
  notEnough: (title: string, remaining: number, places: number) =>
    `Voor ‘${title}’ ${remaining === 1 ? 'is nog 1 plaats' : `zijn nog ${remaining} plaatsen`} vrij; u meldt ${places} personen aan.`,
  /** 409 full when the non-members' places are what ran out (`remaining` of them left). */
  nonMembersFull: (title: string, remaining: number, places: number) =>
    remaining === 0
      ? `De plaatsen voor niet-leden bij ‘${title}’ zijn vergeven. Leden kunnen zich nog aanmelden.`
      : `Voor niet-leden ${remaining === 1 ? 'is nog 1 plaats' : `zijn nog ${remaining} plaatsen`} vrij bij ‘${title}’; u meldt ${places} personen aan.`,
  /** 422 at `companions.N`: `left` of `max` companions per organisation. */
  organisationCompanions: (left: number, max: number) =>
    `Uw organisatie kan ${left === 0 ? 'geen' : `nog ${left}`} extra ${left === 1 ? 'deelnemer' : 'deelnemers'} aanmelden: hoogstens ${max} per organisatie, over alle aanmeldingen samen.`,
  duplicate: 'Met dit e-mailadres is al iemand aangemeld voor deze bijeenkomst.',
  /** 422s at `companions.N.email`: the form shows them at that field. */
  companionRegistered: 'Deze deelnemer is al aangemeld voor deze bijeenkomst',
  companionRepeated: 'Dit e-mailadres staat al bij een andere deelnemer in deze aanmelding',
  closed: {
    // The second sentence is the card's and the form's own.
    'not-open': (opensAt: string) => `De aanmelding is nog niet open. ${opensAt}`,
    closed: () => 'De aanmelding voor deze bijeenkomst is gesloten.',
    past: () => 'Deze bijeenkomst heeft al plaatsgevonden.',
    cancelled: () => 'Deze bijeenkomst is geannuleerd.',
    postponed: () => 'Deze bijeenkomst is uitgesteld; aanmelden kan weer zodra de nieuwe datum bekend is.',
  } satisfies Record<ClosedReason, (opensAt: string) => string>,
  noRegistration: 'Voor deze bijeenkomst kunt u zich niet via deze site aanmelden.',
  notFound: 'Deze bijeenkomst bestaat niet (meer).',
  /** The name a calendar app shows for the feed (`X-WR-CALNAME`), with the tags it is filtered on. */
  calendarName: (tags: string[]) => (tags.length ? `Bijeenkomsten: ${tags.join(', ')}` : 'Bijeenkomsten'),
  pageNotFound: 'Dit adres bestaat niet.',
  badJson: 'Het verzoek is geen geldige JSON.',
  notObject: 'De aanmelding moet een JSON-object zijn, zoals {"eventId": …}.',
  badTarget: 'Dit adres kan de server niet lezen.',
  tooManyFields: 'Het formulier heeft veel meer velden dan een aanmelding kan hebben.',
  mediaType: 'Stuur de aanmelding als application/json of application/x-www-form-urlencoded.',
  idempotencyHeader: 'De header Idempotency-Key ontbreekt of is niet gelijk aan idempotencyKey in de aanmelding.',
  keyReused: 'Deze aanmeldsleutel is al gebruikt voor een andere aanmelding. Verstuur het formulier opnieuw.',
  tooLarge: (limit: number) => `Het verzoek is te groot (meer dan ${Math.round(limit / 1024)} kB).`,
  rateLimited: (seconds: number) => `Te veel aanmeldingen vanaf dit adres. Probeer het over ${seconds} seconden opnieuw.`,
  placeLimited: (seconds: number) =>
    `Vanaf dit adres zijn het afgelopen uur al veel plaatsen voor deze bijeenkomst aangevraagd. Probeer het over ${Math.ceil(seconds / 60)} minuten opnieuw, of neem contact op met de organisatie.`,
  tokenThrottled: (seconds: number) => `Te veel verkeerde beheerderstokens vanaf dit adres. Probeer het over ${seconds} seconden opnieuw.`,
  origin: 'Aanmelden vanaf deze website is niet toegestaan.',
  method: 'Deze methode wordt hier niet ondersteund.',
  unauthorized: 'Geef het beheerderstoken mee als Authorization: Bearer <token>.',
  badSeparator: 'Het scheidingsteken kan alleen een komma (sep=,) of een puntkomma (sep=;) zijn.',
  badEmail: 'Geef een geldig e-mailadres mee, zoals ?email=naam@example.org.',
  erased: (registrations: number, companions: number) =>
    `Gewist: ${registrations === 1 ? '1 aanmelding' : `${registrations} aanmeldingen`} en ${companions === 1 ? '1 vermelding' : `${companions} vermeldingen`} als ${companions === 1 ? 'introducé' : 'introducés'}.`,
  server: 'Er ging iets mis bij het verwerken van uw aanmelding. Probeer het later opnieuw.',
  unavailable: 'De server wordt opnieuw gestart. Probeer het zo opnieuw.',
};

export type EndpointMessages = typeof nl;

const en: EndpointMessages = {
  confirmed: (title) => `Thank you! You are registered for ‘${title}’.`,
  waitlisted: (title) => `‘${title}’ is full. You are on the waiting list; we will let you know as soon as a place comes free.`,
  pending: (title) => `Almost done: please confirm your registration for ‘${title}’ with the link in the e-mail we just sent you.`,
  full: (title) => `Sorry, ‘${title}’ is full. Registration is no longer possible.`,
  notEnough: (title, remaining, places) =>
    `‘${title}’ has ${remaining === 1 ? '1 place' : `${remaining} places`} left; you are registering ${places} people.`,
  nonMembersFull: (title, remaining, places) =>
    remaining === 0
      ? `The places for non-members at ‘${title}’ are taken. Members can still register.`
      : `‘${title}’ has ${remaining === 1 ? '1 place' : `${remaining} places`} left for non-members; you are registering ${places} people.`,
  organisationCompanions: (left, max) =>
    `Your organisation can register ${left === 0 ? 'no' : left} more ${left === 1 ? 'participant' : 'participants'}: at most ${max} per organisation, over all its registrations.`,
  duplicate: 'Someone with this e-mail address is already registered for this event.',
  companionRegistered: 'This participant is already registered for this event',
  companionRepeated: 'This e-mail address is already given for another participant in this registration',
  closed: {
    'not-open': (opensAt) => `Registration is not open yet. ${opensAt}`,
    closed: () => 'Registration for this event is closed.',
    past: () => 'This event has already taken place.',
    cancelled: () => 'This event has been cancelled.',
    postponed: () => 'This event has been postponed; registration reopens once the new date is known.',
  },
  noRegistration: 'This event does not take registrations on this site.',
  notFound: 'This event does not exist (any more).',
  calendarName: (tags) => (tags.length ? `Events: ${tags.join(', ')}` : 'Events'),
  pageNotFound: 'This address does not exist.',
  badJson: 'The request is not valid JSON.',
  notObject: 'The registration must be a JSON object, such as {"eventId": …}.',
  badTarget: 'The server cannot read this address.',
  tooManyFields: 'The form has far more fields than a registration can have.',
  mediaType: 'Send the registration as application/json or application/x-www-form-urlencoded.',
  idempotencyHeader: 'The Idempotency-Key header is missing or differs from idempotencyKey in the registration.',
  keyReused: 'This submission key was already used for a different registration. Please send the form again.',
  tooLarge: (limit) => `The request is too large (over ${Math.round(limit / 1024)} kB).`,
  rateLimited: (seconds) => `Too many registrations from this address. Please try again in ${seconds} seconds.`,
  placeLimited: (seconds) =>
    `Many places for this event were requested from this address in the past hour. Please try again in ${Math.ceil(seconds / 60)} minutes, or contact the organiser.`,
  tokenThrottled: (seconds) => `Too many wrong admin tokens from this address. Please try again in ${seconds} seconds.`,
  origin: 'Registering from this website is not allowed.',
  method: 'This method is not supported here.',
  unauthorized: 'Send the admin token as Authorization: Bearer <token>.',
  badSeparator: 'The separator can only be a comma (sep=,) or a semicolon (sep=;).',
  badEmail: 'Send a valid e-mail address, such as ?email=name@example.org.',
  erased: (registrations, companions) =>
    `Erased: ${registrations === 1 ? '1 registration' : `${registrations} registrations`} and ${companions === 1 ? '1 entry' : `${companions} entries`} as a companion.`,
  server: 'Something went wrong while processing your registration. Please try again later.',
  unavailable: 'The server is restarting. Please try again in a moment.',
};

export function endpointMessages(locale: Locale): EndpointMessages {
  return locale === 'en' ? en : nl;
}
