import type { Localized } from './index.js';

const nl = {
  eventInvalid: (count: number) => `De evenementgegevens kloppen niet (${count} ${count === 1 ? 'probleem' : 'problemen'})`,
  registrationInvalid: (count: number) =>
    count === 1 ? 'Er is 1 probleem met uw aanmelding' : `Er zijn ${count} problemen met uw aanmelding`,
  /** When no rule names a message. Lower case: they follow "path: ". */
  required: 'is verplicht',
  /** A value of the wrong type, by the type expected. */
  type: {
    string: 'verwacht tekst',
    number: 'verwacht een getal',
    boolean: 'verwacht true of false',
    array: 'verwacht een lijst',
    object: 'verwacht een object',
  },
  invalid: 'ongeldige waarde',
  /** Named by the schema rules (see `src/schema/rules.ts`); a parameter is the rule's limit or the allowed values. */
  field: {
    // Event data and the technical fields of a registration: read by developers.
    notEmpty: 'mag niet leeg zijn',
    tooLong: (max: number) => `verwacht hoogstens ${max} tekens`,
    tooMany: (max: number) => `verwacht hoogstens ${max} elementen`,
    format: 'heeft niet de juiste vorm',
    oneOf: (values: string) => `verwacht een van: ${values}`,
    url: 'verwacht een https-adres of een relatief adres (http alleen op localhost)',
    urlBase: 'kan dit relatieve adres niet omzetten: er is geen bruikbaar basisadres (baseUrl)',
    dateTime: 'verwacht een datum en tijd met tijdzone (ISO 8601), bijvoorbeeld 2018-09-18T13:00:00+02:00',
    endBeforeStart: 'het einde ligt vóór het begin (start)',
    closesBeforeOpens: 'de sluiting ligt vóór de opening (opens)',
    timeZone: 'verwacht een IANA-tijdzone, bijvoorbeeld Europe/Amsterdam',
    country: 'verwacht een landcode van twee hoofdletters (ISO 3166), bijvoorbeeld NL',
    latitude: 'verwacht een getal van -90 tot en met 90',
    longitude: 'verwacht een getal van -180 tot en met 180',
    latLonPair: 'lat en lon horen samen: geef ze allebei',
    place: 'geef een naam (name), een adres (street of city) of een online adres (online)',
    positiveInteger: 'verwacht een geheel getal groter dan 0',
    count: 'verwacht een geheel getal van 0 of meer',
    companionsRange: 'verwacht een geheel getal van 0 tot en met 10',
    notAbove: (field: string) => `mag niet groter zijn dan ${field}`,
    notBelow: (field: string) => `mag niet kleiner zijn dan ${field}`,
    needsMemberQuestion: 'werkt alleen met een ledenvraag (memberQuestion)',
    questionId: 'verwacht 1 tot 64 letters, cijfers, _ of -',
    reservedId: 'deze id is gereserveerd, kies een andere',
    duplicateId: 'deze id komt al eerder voor',
    needsOptions: 'een select- of radiovraag heeft minstens één optie nodig',
    // Registration: shown beside the form field, to the person registering.
    attendeeName: 'Vul uw naam in',
    attendeeEmail: 'Vul uw e-mailadres in',
    emailFormat: 'Een e-mailadres heeft de vorm naam@voorbeeld.nl',
    organisation: 'Vul de naam van uw organisatie in',
    phone:
      'Een telefoonnummer bevat alleen cijfers, spaties, streepjes en eventueel een + aan het begin (bijvoorbeeld 06 12345678)',
    companionName: 'Vul de naam van deze deelnemer in',
    companionEmail: 'Vul het e-mailadres van deze deelnemer in',
    companionsMax: (max: number) =>
      max === 0
        ? 'U kunt voor deze bijeenkomst geen extra deelnemers aanmelden'
        : `U kunt hoogstens ${max} extra ${max === 1 ? 'deelnemer' : 'deelnemers'} aanmelden`,
    member: 'Kies ja of nee',
    consent: 'Geef toestemming om uw gegevens te verwerken',
    answerText: 'Beantwoord deze vraag',
    answerChoose: 'Kies een antwoord',
    answerOption: 'Kies een van de gegeven antwoorden',
    answerChooseSome: 'Kies minstens één antwoord',
    answerConfirm: 'Vink dit vakje aan',
    answerForm: 'Dit antwoord heeft niet de juiste vorm',
    textTooLong: (max: number) => `Gebruik hoogstens ${max} tekens`,
    wrongEvent: 'Deze aanmelding hoort bij een ander evenement',
    controlChars: 'Verwijder de onzichtbare tekens',
  },
};

const en: typeof nl = {
  eventInvalid: (count) => `The event data is invalid (${count} ${count === 1 ? 'problem' : 'problems'})`,
  registrationInvalid: (count) =>
    count === 1 ? 'There is 1 problem with your registration' : `There are ${count} problems with your registration`,
  required: 'is required',
  type: {
    string: 'expected text',
    number: 'expected a number',
    boolean: 'expected true or false',
    array: 'expected a list',
    object: 'expected an object',
  },
  invalid: 'invalid value',
  field: {
    notEmpty: 'must not be empty',
    tooLong: (max) => `expected at most ${max} characters`,
    tooMany: (max) => `expected at most ${max} items`,
    format: 'is not in the right format',
    oneOf: (values) => `expected one of: ${values}`,
    url: 'expected an https URL or a relative URL (http only on localhost)',
    urlBase: 'cannot resolve this relative URL: there is no usable base URL (baseUrl)',
    dateTime: 'expected a date and time with offset (ISO 8601), for example 2018-09-18T13:00:00+02:00',
    endBeforeStart: 'ends before it starts (start)',
    closesBeforeOpens: 'closes before it opens (opens)',
    timeZone: 'expected an IANA time zone, for example Europe/Amsterdam',
    country: 'expected a two-letter upper-case country code (ISO 3166), for example NL',
    latitude: 'expected a number from -90 to 90',
    longitude: 'expected a number from -180 to 180',
    latLonPair: 'lat and lon go together: give both',
    place: 'give a name, an address (street or city) or an online URL (online)',
    positiveInteger: 'expected an integer greater than 0',
    count: 'expected an integer of 0 or more',
    companionsRange: 'expected an integer from 0 to 10',
    notAbove: (field) => `must not be greater than ${field}`,
    notBelow: (field) => `must not be less than ${field}`,
    needsMemberQuestion: 'works only with a member question (memberQuestion)',
    questionId: 'expected 1 to 64 letters, digits, _ or -',
    reservedId: 'this id is reserved, choose another',
    duplicateId: 'this id is already used by another question',
    needsOptions: 'a select or radio question needs at least one option',
    attendeeName: 'Enter your name',
    attendeeEmail: 'Enter your e-mail address',
    emailFormat: 'An e-mail address looks like name@example.com',
    organisation: 'Enter the name of your organisation',
    phone: 'A phone number contains only digits, spaces, hyphens and possibly a + at the start (for example +31 6 12345678)',
    companionName: "Enter this participant's name",
    companionEmail: "Enter this participant's e-mail address",
    companionsMax: (max) =>
      max === 0
        ? 'You cannot register other participants for this event'
        : `You can register at most ${max} other ${max === 1 ? 'participant' : 'participants'}`,
    member: 'Choose yes or no',
    consent: 'Give permission to process your details',
    answerText: 'Answer this question',
    answerChoose: 'Choose an answer',
    answerOption: 'Choose one of the answers given',
    answerChooseSome: 'Choose at least one answer',
    answerConfirm: 'Tick this box',
    answerForm: 'This answer is not in the right form',
    textTooLong: (max) => `Use at most ${max} characters`,
    wrongEvent: 'This registration belongs to another event',
    controlChars: 'Remove the invisible characters',
  },
};

export type SchemaMessages = typeof nl;

/** Messages of the event and registration schemas (`src/schema/`). */
export const schemaMessages: Localized<SchemaMessages> = { nl, en };
