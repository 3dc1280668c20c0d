/**
 * Dutch messages: the default catalogue. Formal "u", as Dutch public-sector sites write.
 * Its shape is the `Messages` type, so a key missing from another language fails to compile.
 * Each component keeps its messages in its own section.
 */
export const nl = {
  /** Suffix for links that open a new tab; read by screen readers only. */
  newWindow: '(opent in een nieuw venster)',
  /** Visually hidden prefix of every field error. */
  errorPrefix: 'Invoerfout:',

  eventSource: {
    network: (url: string) => `kan de evenementgegevens niet ophalen van ${url} (netwerkfout of CORS)`,
    status: (url: string, status: number) => `kan de evenementgegevens niet ophalen van ${url} (HTTP ${status})`,
    notJson: (where: string) => `de evenementgegevens in ${where} zijn geen geldige JSON`,
    inlineScript: 'het <script type="application/json">-blok',
  },

  mapLink: {
    viewLabel: 'Bekijk op de kaart',
    directionsLabel: 'Plan uw route',
    coordinates: (lat: number, lon: number) => `coördinaten ${lat}, ${lon}`,
    noLink: 'kan geen kaartlink maken',
    badAttributes: 'ongeldige attributen, de link gebruikt wat wel klopt',
    missingPlace: 'geef een adres (address) of geldige coördinaten (lat en lon)',
    // Each issue carries its attribute as `path`; lat/lon reuse the schema's messages. Followed
    // by `schema.field.oneOf` with the allowed values.
    unknownValue: (value: string) => `onbekende waarde "${value}"`,
  },
  card: {
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
  },

  /** `<bijeen-registration-form>`. Field validation messages live in `schema.field`. */
  form: {
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
    /** Read out after adding or removing a companion: "Extra deelnemer 2 toegevoegd, 2 van 3". */
    changed: (label: string, added: boolean, count: number, max: number) =>
      `${label} ${added ? 'toegevoegd' : 'verwijderd'}, ${count} van ${max}`,
    remarks: 'Opmerkingen',
    consent: 'Ik geef toestemming om mijn gegevens voor deze aanmelding te gebruiken',
    privacy: 'Lees de privacyverklaring',
    /** The submit button; with an endpoint it says what the card's link says (`card.register`, `card.registerWaitlist`). */
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
    /** Why there is no form, by availability (see `availability.ts`); not open yet says `card.opensAt`. */
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
  },

  /** Messages of the event and registration schemas (`src/schema/`). */
  schema: {
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
      remainingOverCapacity: 'mag niet groter zijn dan capacity',
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
    },
  },
};

export type Messages = typeof nl;
