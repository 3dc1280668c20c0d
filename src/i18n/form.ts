import type { Localized } from './index.js';

/** A companion block named in an announcement ("Extra deelnemer 2"), and how many of how many there are now. */
interface CompanionCount {
  companion: string;
  count: number;
  max: number;
}

const nl = {
  label: (title: string) => `Aanmelden voor ${title}`,
  name: 'Naam',
  email: 'E-mailadres',
  organisation: 'Organisatie',
  role: 'Functie',
  phone: 'Telefoonnummer',
  optional: '(niet verplicht)',
  yes: 'Ja',
  no: 'Nee',
  /** Companions when the event names them no `companionLabel`. */
  companion: 'extra deelnemer',
  add: (label: string) => `Voeg een ${label} toe`,
  remove: (label: string) => `Verwijder ${label}`,
  /** Read out after adding a companion: "Extra deelnemer 2 toegevoegd, 2 van 3". */
  companionAdded: ({ companion, count, max }: CompanionCount) => `${companion} toegevoegd, ${count} van ${max}`,
  /** Read out after removing one: "Extra deelnemer 1 verwijderd, 1 van 3" (`count` companions are left). */
  companionRemoved: ({ companion, count, max }: CompanionCount) => `${companion} verwijderd, ${count} van ${max}`,
  /** Under the companions' maximum, when the event limits them per organisation. */
  companionsPerOrganisation: (max: number) => `Per organisatie samen hoogstens ${max}, ook als collega’s zich apart aanmelden.`,
  /** After the card's "Geen plaatsen meer voor niet-leden.", under the member question. */
  nonMemberWaitlist: 'Antwoordt u nee, dan komt u op de wachtlijst.',
  nonMemberFull: 'Antwoordt u nee, dan kunt u zich niet meer aanmelden.',
  remarks: 'Opmerkingen',
  consent: 'Ik geef toestemming om mijn gegevens voor deze aanmelding te gebruiken',
  privacy: 'Lees de privacyverklaring',
  /** The submit button: with an endpoint, on the waiting list, and by e-mail. */
  submit: 'Aanmelden',
  submitWaitlist: 'Aanmelden voor de wachtlijst',
  submitMail: 'Aanmelding per e-mail klaarzetten',
  sending: 'Uw aanmelding wordt verstuurd…',
  /** Title and sentence after the endpoint accepted, by its answer. */
  done: {
    confirmed: (title: string) => ['Bedankt voor uw aanmelding', `U bent aangemeld voor ${title}.`],
    waitlisted: () => ['U staat op de wachtlijst', 'Komt er een plaats vrij, dan hoort u dat van de organisatie.'],
    pending: () => ['Uw aanmelding is ontvangen', 'De organisatie laat u weten of u kunt komen.'],
    duplicate: () => ['U was al aangemeld', 'U hoeft niets meer te doen.'],
  },
  /** Why sending failed, by `bijeen-registration-failed` reason. */
  failed: {
    network: 'Uw aanmelding is niet verstuurd: er was geen verbinding.',
    timeout: 'Uw aanmelding is niet verstuurd: er kwam niet op tijd antwoord.',
    server: 'Uw aanmelding is niet verstuurd: er is een storing.',
    'rate-limited': 'Uw aanmelding is niet verstuurd: het is nu te druk.',
    rejected: 'Uw aanmelding is niet aangenomen. Dat ligt waarschijnlijk niet aan u.',
    full: 'Er is geen plaats meer vrij. Uw aanmelding is niet verwerkt.',
    fullWaitlist: 'Er is geen plaats meer vrij, ook niet op de wachtlijst. Uw aanmelding is niet verwerkt.',
  },
  code: (status: number) => `Foutcode: ${status}`,
  kept: 'Uw gegevens staan nog in het formulier.',
  retry: 'Opnieuw proberen',
  mailOr: 'U kunt zich ook per e-mail aanmelden: ',
  mailTo: (address: string) => `stuur uw aanmelding naar ${address}`,
  mailIntro: 'U meldt zich aan per e-mail: het formulier zet een e-mail met uw gegevens voor u klaar.',
  mailReady: 'Verstuur de e-mail om u aan te melden: ',
  mailOpen: 'open de e-mail',
  mailSubject: (title: string) => `Aanmelding: ${title}`,
  /** Why there is no form, by availability (see `availability.ts`); not open yet says `cardMessages.opensAt`. */
  closed: {
    none: 'U kunt zich niet via dit formulier aanmelden.',
    cancelled: 'Deze bijeenkomst gaat niet door.',
    postponed: 'Deze bijeenkomst is uitgesteld; aanmelden kan weer zodra de nieuwe datum bekend is.',
    past: 'Deze bijeenkomst is voorbij.',
    closed: 'De aanmelding voor deze bijeenkomst is gesloten.',
    full: 'Deze bijeenkomst is vol. U kunt zich niet meer aanmelden.',
  },
  waitlist: 'Deze bijeenkomst is vol. U kunt zich aanmelden voor de wachtlijst.',
  /** For integrators (console and `bijeen-data-error`). */
  badAttributes: 'ongeldige attributen, het formulier gebruikt de standaardwaarden',
  badValue: (value: string) => `ongeldige waarde "${value}"`,
  noRoute: 'geen endpoint en geen registration.email: aanmelden is niet mogelijk',
};

const en: typeof nl = {
  label: (title) => `Register for ${title}`,
  name: 'Name',
  email: 'E-mail address',
  organisation: 'Organisation',
  role: 'Job title',
  phone: 'Phone number',
  optional: '(optional)',
  yes: 'Yes',
  no: 'No',
  companion: 'extra participant',
  add: (label) => `Add ${label}`,
  remove: (label) => `Remove ${label}`,
  companionAdded: ({ companion, count, max }) => `${companion} added, ${count} of ${max}`,
  companionRemoved: ({ companion, count, max }) => `${companion} removed, ${count} of ${max}`,
  companionsPerOrganisation: (max) => `At most ${max} per organisation in all, also when colleagues register separately.`,
  nonMemberWaitlist: 'If you answer no, you join the waiting list.',
  nonMemberFull: 'If you answer no, you can no longer register.',
  remarks: 'Remarks',
  consent: 'I agree to my details being used for this registration',
  privacy: 'Read the privacy statement',
  submit: 'Register',
  submitWaitlist: 'Join the waiting list',
  submitMail: 'Prepare registration e-mail',
  sending: 'Sending your registration…',
  done: {
    confirmed: (title) => ['Thank you for registering', `You are registered for ${title}.`],
    waitlisted: () => ['You are on the waiting list', 'If a place becomes available, the organiser will let you know.'],
    pending: () => ['Your registration has been received', 'The organiser will let you know whether you can attend.'],
    duplicate: () => ['You were already registered', 'There is nothing more to do.'],
  },
  failed: {
    network: 'Your registration was not sent: there was no connection.',
    timeout: 'Your registration was not sent: no answer came in time.',
    server: 'Your registration was not sent: there is a fault.',
    'rate-limited': 'Your registration was not sent: it is too busy right now.',
    rejected: 'Your registration was not accepted. This is probably not your fault.',
    full: 'There are no places left. Your registration was not processed.',
    fullWaitlist: 'There are no places left, not even on the waiting list. Your registration was not processed.',
  },
  code: (status) => `Error code: ${status}`,
  kept: 'Your details are still in the form.',
  retry: 'Try again',
  mailOr: 'You can also register by e-mail: ',
  mailTo: (address) => `send your registration to ${address}`,
  mailIntro: 'You register by e-mail: the form prepares an e-mail with your details for you.',
  mailReady: 'Send the e-mail to register: ',
  mailOpen: 'open the e-mail',
  mailSubject: (title) => `Registration: ${title}`,
  closed: {
    none: 'You cannot register with this form.',
    cancelled: 'This event has been cancelled.',
    postponed: 'This event has been postponed; registration reopens once the new date is known.',
    past: 'This event is over.',
    closed: 'Registration for this event is closed.',
    full: 'This event is full. You can no longer register.',
  },
  waitlist: 'This event is full. You can join the waiting list.',
  badAttributes: 'invalid attributes, the form uses the defaults',
  badValue: (value) => `invalid value "${value}"`,
  noRoute: 'no endpoint and no registration.email: registration is not possible',
};

/** `<bijeen-registration-form>`. Field validation messages live in `schemaMessages.field`. */
export const formMessages: Localized<typeof nl> = { nl, en };
