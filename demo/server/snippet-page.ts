/**
 * The snippet builder (`/snippet`, in English `/en/snippet`): an organiser picks one of the
 * endpoint's events, an element, its language and options, sees the real element in a preview and
 * copies a ready snippet (the CDN script tag with its current `integrity`, then the element).
 *
 * This module renders the page: the form with one `<fieldset>` of options per element, and every
 * fact the snippet needs in the markup (each event's JSON URL, page, registration endpoint and
 * address on its `<option>`, the CDN file's path and SRI hash on the form). The page script
 * `demo/assets/snippet-builder.js` builds the snippet and the preview from the form alone, so it
 * makes no requests of its own and runs under the site's Content-Security-Policy.
 */
import { addressLine, eventListMessages, type Locale, type Localized } from '../../src/text.js';
import { agenda, resolveUrl, type EventData } from '../../src/schema/index.js';
import type { LoadedEvent } from './events.js';
import { escapeHtml, eventDate } from './html.js';

/** The CDN file the page previews with and the snippet loads: the classic script, for any CMS. */
export const SNIPPET_FILE = 'bijeen.iife.js';
/** Its path on this site; the page script makes it absolute for the snippet. */
const SNIPPET_SCRIPT = `/cdn/${SNIPPET_FILE}`;

const PATHS: Localized<string> = { nl: '/snippet', en: '/en/snippet' };

/** The language of the snippet builder at `pathname`, or `undefined` when it is not there. */
export function snippetPageLocale(pathname: string): Locale | undefined {
  return (Object.keys(PATHS) as Locale[]).find((locale) => PATHS[locale] === pathname);
}

const ELEMENT_TAGS = ['bijeen-event', 'bijeen-event-card', 'bijeen-event-list', 'bijeen-registration-form', 'bijeen-map-link'] as const;
type ElementTag = (typeof ELEMENT_TAGS)[number];

/** What an option control may take over from the chosen event (a `data-*` name on its `<option>`). */
type EventFact = 'endpoint' | 'address' | 'lat' | 'lon';

/**
 * One option: an attribute of the element (contract section 3). `key` names its words in the
 * catalogue where the attribute means different things on different elements (`label`). A select
 * offers `values` in order, the default among them marked "standaard" with the value `""`: the
 * snippet leaves the attribute out.
 */
type OptionControl = { attribute: string; key?: OptionKey; fromEvent?: EventFact } & (
  | { kind: 'select'; default: string; values: readonly string[] }
  | { kind: 'number'; min: number; max?: number; decimals?: boolean }
  | { kind: 'url' | 'text' }
  /** A checkbox: a boolean attribute, or, with `value`, the attribute with that value. */
  | { kind: 'flag'; value?: string }
);

/** Where the element's `src` points: the chosen event's JSON, the events feed, or nowhere. */
type Source = 'event' | 'feed' | 'none';

const MAP_PROVIDERS = ['osm', 'google', 'apple', 'geo'];
const HEADING_LEVELS = ['1', '2', '3', '4', '5', '6'];

const mapProvider: OptionControl = { kind: 'select', attribute: 'map-provider', key: 'provider', default: 'osm', values: MAP_PROVIDERS };
const headingLevel: OptionControl = { kind: 'select', attribute: 'heading-level', default: '2', values: HEADING_LEVELS };
const noStructuredData: OptionControl = { kind: 'flag', attribute: 'no-structured-data' };
const endpoint: OptionControl = { kind: 'url', attribute: 'endpoint', fromEvent: 'endpoint' };
const format: OptionControl = { kind: 'select', attribute: 'format', default: 'json', values: ['json', 'form'] };

/** Each element's source and documented attributes, in the order the snippet writes them. */
function elementOptions(feeds: { list: string; calendar: string }): Record<ElementTag, { source: Source; options: OptionControl[] }> {
  return {
    'bijeen-event': { source: 'event', options: [endpoint, format, mapProvider, noStructuredData] },
    'bijeen-event-card': {
      source: 'event',
      options: [
        { kind: 'select', attribute: 'variant', default: 'full', values: ['full', 'teaser'] },
        headingLevel,
        mapProvider,
        { kind: 'text', attribute: 'registration-href' },
        { kind: 'flag', attribute: 'no-calendar' },
        { kind: 'flag', attribute: 'no-map' },
        noStructuredData,
      ],
    },
    'bijeen-event-list': {
      source: 'feed',
      options: [
        { kind: 'text', attribute: 'tag' },
        { kind: 'number', attribute: 'limit', min: 1 },
        { kind: 'flag', attribute: 'past' },
        { kind: 'select', attribute: 'group-by', default: '', values: ['', 'month'] },
        headingLevel,
        mapProvider,
        { kind: 'text', attribute: 'label', key: 'listLabel' },
        { kind: 'flag', attribute: 'calendar-href', value: feeds.calendar },
        noStructuredData,
      ],
    },
    'bijeen-registration-form': {
      source: 'event',
      options: [
        endpoint,
        format,
        { kind: 'number', attribute: 'max-companions', min: 0, max: 10 },
        { kind: 'url', attribute: 'privacy-url' },
        { kind: 'number', attribute: 'timeout', min: 0, max: 3_600_000 },
        { kind: 'number', attribute: 'retries', min: 0, max: 10 },
        { kind: 'number', attribute: 'retry-delay', min: 0, max: 60_000 },
      ],
    },
    'bijeen-map-link': {
      source: 'none',
      options: [
        { kind: 'text', attribute: 'address', fromEvent: 'address' },
        { kind: 'number', attribute: 'lat', min: -90, max: 90, decimals: true, fromEvent: 'lat' },
        { kind: 'number', attribute: 'lon', min: -180, max: 180, decimals: true, fromEvent: 'lon' },
        { kind: 'text', attribute: 'label', key: 'linkLabel' },
        { kind: 'select', attribute: 'provider', default: 'osm', values: MAP_PROVIDERS },
        { kind: 'select', attribute: 'mode', default: 'view', values: ['view', 'directions'] },
      ],
    },
  };
}

type OptionKey =
  | 'endpoint'
  | 'format'
  | 'provider'
  | 'no-structured-data'
  | 'variant'
  | 'heading-level'
  | 'registration-href'
  | 'no-calendar'
  | 'no-map'
  | 'tag'
  | 'limit'
  | 'past'
  | 'group-by'
  | 'listLabel'
  | 'calendar-href'
  | 'max-companions'
  | 'privacy-url'
  | 'timeout'
  | 'retries'
  | 'retry-delay'
  | 'address'
  | 'lat'
  | 'lon'
  | 'linkLabel'
  | 'mode';

interface OptionText {
  label: string;
  hint?: string;
  /** The words for each value of a select, the default included. */
  values?: Record<string, string>;
}

const nl = {
  documentTitle: 'Insluitcode maken | Woonstichting Het Baken',
  skipLink: 'Naar de inhoud',
  nav: { label: 'Hoofdmenu', home: 'Home', agenda: 'Agenda', register: 'Aanmelden', snippet: 'Insluitcode' },
  /** The link to the page in the other language, written in that language. */
  otherLanguage: 'English',
  heading: 'Insluitcode maken',
  intro:
    'Zet een bijeenkomst van dit eindpunt op een partnersite. Kies de bijeenkomst, het onderdeel, de taal en de opties, ' +
    'bekijk het voorbeeld en kopieer de code: één scriptregel en één element, klaar om in de HTML van de site te plakken.',
  noScript: 'Voor het maken van de code is JavaScript nodig.',
  notBuilt: 'Het CDN-bestand ontbreekt nog. Voer eerst npm run build uit en laad deze pagina daarna opnieuw.',
  noEvents: 'Dit eindpunt heeft geen bijeenkomsten. Zet JSON-bestanden in de map EVENTS_DIR en start de server opnieuw.',
  event: {
    legend: 'Bijeenkomst',
    label: 'Kies een bijeenkomst',
    hint: 'De agenda toont alle bijeenkomsten van het eindpunt; voor de agenda telt deze keuze niet.',
    cancelled: 'geannuleerd',
  },
  element: {
    legend: 'Onderdeel',
    choices: {
      'bijeen-event': { label: 'Bijeenkomst met aanmeldformulier', hint: 'De volledige bijeenkomst en daaronder het formulier, uit één bron.' },
      'bijeen-event-card': { label: 'Kaart van de bijeenkomst', hint: 'Titel, datum, plaats, tekst en status; volledig of als teaser.' },
      'bijeen-event-list': { label: 'Agenda', hint: 'De komende bijeenkomsten van het eindpunt als lijst van teasers.' },
      'bijeen-registration-form': { label: 'Aanmeldformulier', hint: 'Alleen het formulier; het stuurt de aanmelding naar het eindpunt.' },
      'bijeen-map-link': { label: 'Kaartlink', hint: 'Een link naar de plek op de kaart of naar een routeplanner.' },
    } satisfies Record<ElementTag, { label: string; hint: string }>,
  },
  language: { legend: 'Taal van het onderdeel', nl: 'Nederlands', en: 'Engels' },
  optionsLegend: (tag: string) => `Opties voor ${tag}`,
  byDefault: (value: string) => `${value} (standaard)`,
  invalid: {
    number: (min: number, max?: number) =>
      max === undefined ? `Vul een geheel getal in van ${min} of meer.` : `Vul een geheel getal in van ${min} tot en met ${max}.`,
    decimal: (min: number, max: number) => `Vul een getal in van ${min} tot en met ${max}, met een punt voor de decimalen.`,
    url: 'Vul een volledig webadres in dat begint met https:// of http://.',
    /** After each message: what the snippet does meanwhile. */
    meanwhile: 'Tot dan laat de code dit attribuut weg.',
  },
  options: {
    endpoint: {
      label: 'Aanmeldadres (endpoint)',
      hint: 'Waar het formulier de aanmelding naartoe stuurt. Ingevuld met het adres uit de gegevens van de bijeenkomst.',
    },
    format: {
      label: 'Verzendwijze',
      values: { json: 'JSON', form: 'Formuliergegevens (geen CORS-preflight)' },
    },
    provider: {
      label: 'Kaartdienst',
      values: { osm: 'OpenStreetMap', google: 'Google Maps', apple: 'Apple Kaarten', geo: 'Kaartapp van het apparaat' },
    },
    'no-structured-data': { label: 'Geen gestructureerde gegevens (JSON-LD) voor zoekmachines' },
    variant: { label: 'Weergave', values: { full: 'Volledig', teaser: 'Teaser: titel, datum, plaats en samenvatting' } },
    'heading-level': {
      label: 'Kopniveau',
      hint: 'Het niveau van de titel (h1 tot en met h6), passend bij de koppen van de pagina eromheen.',
      values: Object.fromEntries(HEADING_LEVELS.map((level) => [level, `h${level}`])),
    },
    'registration-href': {
      label: 'Link voor "Aanmelden"',
      hint: 'Leeg: het formulier naast de kaart, anders de pagina of het e-mailadres van de bijeenkomst.',
    },
    'no-calendar': { label: 'Zonder "Zet in agenda"' },
    'no-map': { label: 'Zonder kaartlink' },
    tag: { label: 'Alleen met het label', hint: 'Bijvoorbeeld wonen; meer labels gescheiden door komma\'s. Leeg: alle bijeenkomsten.' },
    limit: { label: 'Aantal bijeenkomsten per keer', hint: 'Standaard 10; daarna toont "Toon meer" de volgende.' },
    past: { label: 'Ook eerdere bijeenkomsten tonen' },
    'group-by': { label: 'Indeling', values: { '': 'Eén lijst', month: 'Per maand' } },
    listLabel: { label: 'Naam van de lijst voor schermlezers', hint: 'Standaard "Bijeenkomsten".' },
    'calendar-href': { label: 'Link om de agenda te abonneren (.ics), met hetzelfde label' },
    'max-companions': { label: 'Maximaal aantal introducés', hint: 'Van 0 tot en met 10. Leeg: zoals in de gegevens van de bijeenkomst.' },
    'privacy-url': { label: 'Adres van de privacyverklaring', hint: 'Leeg: zoals in de gegevens van de bijeenkomst.' },
    timeout: { label: 'Wachttijd per poging in milliseconden', hint: 'Standaard 15000.' },
    retries: { label: 'Nieuwe pogingen na een storing', hint: 'Standaard 3.' },
    'retry-delay': { label: 'Basis van de wachttijd tussen pogingen in milliseconden', hint: 'Standaard 500.' },
    address: { label: 'Adres', hint: 'Ingevuld met het adres van de bijeenkomst.' },
    lat: { label: 'Breedtegraad', hint: 'Met lengtegraad samen gaat die voor het adres.' },
    lon: { label: 'Lengtegraad' },
    linkLabel: { label: 'Tekst van de link', hint: 'Standaard "Bekijk op de kaart" of "Plan uw route".' },
    mode: { label: 'Soort link', values: { view: 'De plek op de kaart', directions: 'Routebeschrijving' } },
  } satisfies Record<OptionKey, OptionText>,
  preview: {
    heading: 'Voorbeeld',
    note: 'Dit is het echte element, geladen uit het CDN-bestand van deze site. Een aanmelding in het voorbeeld wordt niet verstuurd.',
    notSent: 'Het voorbeeld verstuurt geen aanmelding.',
  },
  code: {
    heading: 'Code',
    label: 'Code om in de HTML van de partnersite te plakken',
    copy: 'Kopieer de code',
    copied: 'De code is gekopieerd.',
    selectToCopy: 'Automatisch kopiëren lukt in deze browser niet. De code is geselecteerd: kopieer hem met Ctrl+C (Cmd+C op een Mac).',
    csp: (api: string) =>
      `Heeft de partnersite een Content-Security-Policy, zet dan het adres van het script bij script-src en ${api} bij connect-src, ` +
      'en met Trusted Types: trusted-types lit-html bijeen. Het eindpunt neemt aanmeldingen alleen aan van de sites in ALLOWED_ORIGINS.',
  },
  footer: 'Woonstichting Het Baken is een verzonnen corporatie: deze site is een demo van Bijeen.',
};

type SnippetPageMessages = typeof nl;

const en: SnippetPageMessages = {
  documentTitle: 'Make an embed code | Woonstichting Het Baken',
  skipLink: 'Skip to content',
  nav: { label: 'Main menu', home: 'Home', agenda: 'Events', register: 'Register', snippet: 'Embed code' },
  otherLanguage: 'Nederlands',
  heading: 'Make an embed code',
  intro:
    'Put an event of this endpoint on a partner site. Choose the event, the element, the language and the options, ' +
    'check the preview and copy the code: one script line and one element, ready to paste into the site\'s HTML.',
  noScript: 'Making the code needs JavaScript.',
  notBuilt: 'The CDN file is missing. Run npm run build first, then reload this page.',
  noEvents: 'This endpoint has no events. Put JSON files in the EVENTS_DIR folder and restart the server.',
  event: {
    legend: 'Event',
    label: 'Choose an event',
    hint: 'The event list shows every event of the endpoint; this choice does not apply to it.',
    cancelled: 'cancelled',
  },
  element: {
    legend: 'Element',
    choices: {
      'bijeen-event': { label: 'Event with registration form', hint: 'The full event and the form below it, from one source.' },
      'bijeen-event-card': { label: 'Event card', hint: 'Title, date, place, text and status; in full or as a teaser.' },
      'bijeen-event-list': { label: 'Event list', hint: 'The endpoint\'s upcoming events as a list of teasers.' },
      'bijeen-registration-form': { label: 'Registration form', hint: 'The form alone; it sends registrations to the endpoint.' },
      'bijeen-map-link': { label: 'Map link', hint: 'A link to the place on a map or to a route planner.' },
    },
  },
  language: { legend: 'Language of the element', nl: 'Dutch', en: 'English' },
  optionsLegend: (tag) => `Options for ${tag}`,
  byDefault: (value) => `${value} (default)`,
  invalid: {
    number: (min, max) => (max === undefined ? `Enter a whole number of ${min} or more.` : `Enter a whole number from ${min} to ${max}.`),
    decimal: (min, max) => `Enter a number from ${min} to ${max}, with a point for decimals.`,
    url: 'Enter a full web address starting with https:// or http://.',
    meanwhile: 'Until then the code leaves this attribute out.',
  },
  options: {
    endpoint: {
      label: 'Registration address (endpoint)',
      hint: 'Where the form sends registrations. Filled in with the address from the event\'s data.',
    },
    format: { label: 'Sending format', values: { json: 'JSON', form: 'Form data (no CORS preflight)' } },
    provider: {
      label: 'Map service',
      values: { osm: 'OpenStreetMap', google: 'Google Maps', apple: 'Apple Maps', geo: 'The device\'s map app' },
    },
    'no-structured-data': { label: 'No structured data (JSON-LD) for search engines' },
    variant: { label: 'Layout', values: { full: 'Full', teaser: 'Teaser: title, date, place and summary' } },
    'heading-level': {
      label: 'Heading level',
      hint: 'The level of the title (h1 to h6), to fit the headings of the page around it.',
      values: Object.fromEntries(HEADING_LEVELS.map((level) => [level, `h${level}`])),
    },
    'registration-href': {
      label: 'Link for "Register"',
      hint: 'Empty: the form next to the card, else the event\'s page or e-mail address.',
    },
    'no-calendar': { label: 'Without "Add to calendar"' },
    'no-map': { label: 'Without map link' },
    tag: { label: 'Only with the tag', hint: 'For example wonen; several tags separated by commas. Empty: every event.' },
    limit: { label: 'Events shown at a time', hint: 'Default 10; then "Show more" shows the next ones.' },
    past: { label: 'Also show past events' },
    'group-by': { label: 'Grouping', values: { '': 'One list', month: 'By month' } },
    listLabel: { label: 'Name of the list for screen readers', hint: 'Default "Events".' },
    'calendar-href': { label: 'Link to subscribe to the events (.ics), with the same tag' },
    'max-companions': { label: 'Most companions per registration', hint: 'From 0 to 10. Empty: as in the event\'s data.' },
    'privacy-url': { label: 'Address of the privacy statement', hint: 'Empty: as in the event\'s data.' },
    timeout: { label: 'Time per attempt in milliseconds', hint: 'Default 15000.' },
    retries: { label: 'Retries after a failure', hint: 'Default 3.' },
    'retry-delay': { label: 'Base of the wait between attempts in milliseconds', hint: 'Default 500.' },
    address: { label: 'Address', hint: 'Filled in with the event\'s address.' },
    lat: { label: 'Latitude', hint: 'Together with the longitude it is used instead of the address.' },
    lon: { label: 'Longitude' },
    linkLabel: { label: 'Link text', hint: 'Default "View on map" or "Get directions".' },
    mode: { label: 'Kind of link', values: { view: 'The place on the map', directions: 'Directions' } },
  },
  preview: {
    heading: 'Preview',
    note: 'This is the real element, loaded from this site\'s CDN file. A registration in the preview is not sent.',
    notSent: 'The preview sends no registration.',
  },
  code: {
    heading: 'Code',
    label: 'Code to paste into the partner site\'s HTML',
    copy: 'Copy the code',
    copied: 'The code has been copied.',
    selectToCopy: 'This browser cannot copy automatically. The code is selected: copy it with Ctrl+C (Cmd+C on a Mac).',
    csp: (api) =>
      `If the partner site has a Content-Security-Policy, add the script's address to script-src and ${api} to connect-src, ` +
      'and with Trusted Types: trusted-types lit-html bijeen. The endpoint accepts registrations only from the sites in ALLOWED_ORIGINS.',
  },
  footer: 'Woonstichting Het Baken is a made-up housing corporation: this site is a demo of Bijeen.',
};

const messages: Localized<SnippetPageMessages> = { nl, en };

export interface SnippetPageOptions {
  locale: Locale;
  events: Iterable<LoadedEvent>;
  /** The endpoint's public origin: the snippet's URLs point there. */
  apiOrigin: string;
  /** SRI hash of the served CDN file; `undefined` when it is not built. */
  integrity: string | undefined;
  now?: number;
}

/** `escapeHtml` for an attribute value, then quoted: ` name="value"`. */
const attribute = (name: string, value: string | number | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`);

/** The place for the map link: the card's address line, with the country when it is not the Netherlands. */
function placeOf(event: EventData, locale: Locale): string | undefined {
  const { location } = event;
  if (!location) return undefined;
  const country = location.country === 'NL' ? '' : new Intl.DisplayNames([locale], { type: 'region' }).of(location.country);
  return [addressLine(location), country].filter(Boolean).join(', ') || undefined;
}

/**
 * One `<option>`: the event's id as value, and as data what the snippet takes from it. URLs in
 * the file may be relative to the API, so they are resolved against the event's own JSON URL, as
 * the elements resolve them.
 */
function eventOption(event: LoadedEvent, selected: boolean, api: string, locale: Locale, text: SnippetPageMessages): string {
  const { data, raw } = event;
  const src = `${api}/api/events/${encodeURIComponent(data.id)}`;
  const fromFile = (value: unknown) => (typeof value === 'string' ? resolveUrl(value, src) : undefined);
  const registration = raw.registration as Record<string, unknown> | undefined;
  const status = data.status === 'cancelled' ? ` (${text.event.cancelled})` : '';
  return [
    `<option value="${escapeHtml(data.id)}"${selected ? ' selected' : ''}`,
    attribute('data-src', src),
    attribute('data-title', data.title),
    attribute('data-url', fromFile(raw.url)),
    attribute('data-endpoint', fromFile(registration?.endpoint)),
    attribute('data-address', placeOf(data, locale)),
    attribute('data-lat', data.location?.lat),
    attribute('data-lon', data.location?.lon),
    `>${escapeHtml(`${data.title}, ${eventDate(data, locale)}${status}`)}</option>`,
  ].join('');
}

function eventFieldset(events: LoadedEvent[], api: string, locale: Locale, now: number, text: SnippetPageMessages): string {
  const { upcoming, past } = agenda(
    events.map((event) => event.data),
    now,
  );
  const byId = new Map(events.map((event) => [event.data.id, event]));
  const first = upcoming[0] ?? past[0];
  const group = (label: string, list: EventData[]) =>
    list.length
      ? `<optgroup label="${escapeHtml(label)}">${list.map((data) => eventOption(byId.get(data.id)!, data === first, api, locale, text)).join('')}</optgroup>`
      : '';
  const words = eventListMessages[locale];
  return `
        <fieldset class="snippet-event">
          <legend>${escapeHtml(text.event.legend)}</legend>
          <div class="field">
            <label for="snippet-event">${escapeHtml(text.event.label)}</label>
            <p class="hint" id="snippet-event-hint">${escapeHtml(text.event.hint)}</p>
            <select id="snippet-event" name="event" aria-describedby="snippet-event-hint">
              ${group(words.upcoming, upcoming)}${group(words.past, past)}
            </select>
          </div>
        </fieldset>`;
}

/** A radio group in a fieldset: one choice a line, each with its hint. */
function choices(name: string, legend: string, options: { value: string; label: string; hint?: string; lang?: string }[], checked: string): string {
  const items = options.map(({ value, label, hint, lang }) => {
    const id = `snippet-${name}-${value}`;
    const hintId = `${id}-hint`;
    return `
          <div class="choice">
            <input type="radio" name="${name}" id="${id}" value="${escapeHtml(value)}"${value === checked ? ' checked' : ''}${hint ? ` aria-describedby="${hintId}"` : ''} />
            <label for="${id}"${attribute('lang', lang)}>${escapeHtml(label)}</label>${hint ? `\n            <p class="hint" id="${hintId}">${escapeHtml(hint)}</p>` : ''}
          </div>`;
  });
  return `
        <fieldset class="snippet-choices">
          <legend>${escapeHtml(legend)}</legend>${items.join('')}
        </fieldset>`;
}

/**
 * One option's control with its label, hint and (hidden until the page script finds the value
 * invalid) error message, above the control as the site's forms have it.
 */
function optionField(tag: ElementTag, option: OptionControl, text: SnippetPageMessages): string {
  const id = `${tag}-${option.attribute}`;
  const words: OptionText = text.options[option.key ?? (option.attribute as OptionKey)];
  const data = `data-attribute="${option.attribute}"${option.fromEvent ? ` data-from-event="${option.fromEvent}"` : ''}`;
  const hint = words.hint ? `\n            <p class="hint" id="${id}-hint">${escapeHtml(words.hint)}</p>` : '';
  const describedBy = words.hint ? ` aria-describedby="${id}-hint"` : '';
  if (option.kind === 'flag') {
    return `
          <div class="choice">
            <input type="checkbox" id="${id}" ${data}${attribute('value', option.value)} />
            <label for="${id}">${escapeHtml(words.label)}</label>${hint}
          </div>`;
  }
  let control: string;
  let error = '';
  if (option.kind === 'select') {
    const label = (value: string) => words.values?.[value] ?? value;
    const items = option.values.map((value) =>
      value === option.default
        ? `<option value="" selected>${escapeHtml(text.byDefault(label(value)))}</option>`
        : `<option value="${escapeHtml(value)}">${escapeHtml(label(value))}</option>`,
    );
    control = `<select id="${id}" ${data}${describedBy}>${items.join('')}</select>`;
  } else {
    const invalid =
      option.kind === 'number'
        ? option.decimals
          ? text.invalid.decimal(option.min, option.max!)
          : text.invalid.number(option.min, option.max)
        : option.kind === 'url'
          ? text.invalid.url
          : undefined;
    const input =
      option.kind === 'number'
        ? `type="text" inputmode="${option.decimals ? 'decimal' : 'numeric'}"${attribute('data-min', option.min)}${attribute('data-max', option.max)}${option.decimals ? ' data-decimals' : ''}`
        : option.kind === 'url'
          ? 'type="url"'
          : 'type="text"';
    control = `<input ${input} id="${id}" ${data}${describedBy} autocomplete="off" spellcheck="false" />`;
    if (invalid) error = `\n            <p class="field-error" id="${id}-error" hidden>${escapeHtml(`${invalid} ${text.invalid.meanwhile}`)}</p>`;
  }
  return `
          <div class="field">
            <label for="${id}">${escapeHtml(words.label)}</label>${hint}${error}
            ${control}
          </div>`;
}

/** The options of one element; only the chosen element's fieldset shows (the page script toggles `hidden`). */
function optionsFieldset(tag: ElementTag, { source, options }: { source: Source; options: OptionControl[] }, feed: string, text: SnippetPageMessages): string {
  const sourceData = source === 'event' ? ' data-src-from-event' : source === 'feed' ? attribute('data-src', feed) : '';
  return `
        <fieldset class="snippet-options" data-element="${tag}"${sourceData}${tag === 'bijeen-event' ? '' : ' hidden'}>
          <legend>${escapeHtml(text.optionsLegend(tag))}</legend>${options.map((option) => optionField(tag, option, text)).join('')}
        </fieldset>`;
}

function builder(events: LoadedEvent[], options: SnippetPageOptions, text: SnippetPageMessages): string {
  const { locale, apiOrigin: api } = options;
  const feeds = { list: `${api}/api/events`, calendar: `${api}/api/events.ics` };
  const elements = elementOptions(feeds);
  return `
      <noscript><p>${escapeHtml(text.noScript)}</p></noscript>
      <form id="snippet-builder" class="snippet-builder" novalidate${attribute('data-script', SNIPPET_SCRIPT)}${attribute('data-integrity', options.integrity)}>
${eventFieldset(events, api, locale, options.now ?? Date.now(), text)}
${choices(
  'element',
  text.element.legend,
  ELEMENT_TAGS.map((tag) => ({ value: tag, label: `${text.element.choices[tag].label} (${tag})`, hint: text.element.choices[tag].hint })),
  'bijeen-event',
)}
${choices(
  'lang',
  text.language.legend,
  (['nl', 'en'] as const).map((value) => ({ value, label: text.language[value] })),
  locale,
)}
${ELEMENT_TAGS.map((tag) => optionsFieldset(tag, elements[tag], feeds.list, text)).join('')}
      </form>

      <section class="snippet-preview-section" aria-labelledby="snippet-preview-heading">
        <h2 id="snippet-preview-heading">${escapeHtml(text.preview.heading)}</h2>
        <p>${escapeHtml(text.preview.note)}</p>
        <div id="snippet-preview" class="snippet-preview"></div>
        <p id="snippet-preview-status" class="status" role="status"${attribute('data-not-sent', text.preview.notSent)}></p>
      </section>

      <section aria-labelledby="snippet-code-heading">
        <h2 id="snippet-code-heading">${escapeHtml(text.code.heading)}</h2>
        <label for="snippet-code">${escapeHtml(text.code.label)}</label>
        <textarea id="snippet-code" rows="9" readonly spellcheck="false" autocomplete="off"></textarea>
        <button type="button" id="snippet-copy">${escapeHtml(text.code.copy)}</button>
        <p id="snippet-copy-status" class="status" role="status"${attribute('data-copied', text.code.copied)}${attribute('data-select-to-copy', text.code.selectToCopy)}></p>
        <p>${escapeHtml(text.code.csp(api))}</p>
      </section>`;
}

/** The whole page in `locale`, its script tag with the served file's `integrity`. */
export function snippetPage(options: SnippetPageOptions): string {
  const { locale, integrity } = options;
  const text = messages[locale];
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  const events = [...options.events];
  const nav = text.nav;
  // The other pages are Dutch only: from the English page, links to them say so.
  const dutchPage = locale === 'nl' ? '' : ' hreflang="nl"';
  const body = integrity === undefined ? `<p>${escapeHtml(text.notBuilt)}</p>` : events.length ? builder(events, options, text) : `<p>${escapeHtml(text.noEvents)}</p>`;
  return `<!doctype html>
<html lang="${locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(text.documentTitle)}</title>
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
    <link rel="alternate" hreflang="${other}" href="${PATHS[other]}" />
    <link rel="stylesheet" href="/assets/site.css" />
    <link rel="stylesheet" href="/assets/snippet-builder.css" />${
      integrity === undefined
        ? ''
        : `
    <script src="${SNIPPET_SCRIPT}" integrity="${escapeHtml(integrity)}" crossorigin="anonymous"></script>
    <script type="module" src="/assets/snippet-builder.js"></script>`
    }
  </head>
  <body>
    <a class="skip-link" href="#inhoud">${escapeHtml(text.skipLink)}</a>
    <header class="site-header">
      <a class="logo" href="/"${dutchPage}>Woonstichting Het Baken</a>
      <nav aria-label="${escapeHtml(nav.label)}">
        <a href="/"${dutchPage}>${escapeHtml(nav.home)}</a>
        <a href="/agenda"${dutchPage}>${escapeHtml(nav.agenda)}</a>
        <a href="/aanmelden"${dutchPage}>${escapeHtml(nav.register)}</a>
        <a href="${PATHS[locale]}" aria-current="page">${escapeHtml(nav.snippet)}</a>
        <a href="${PATHS[other]}" hreflang="${other}" lang="${other}">${escapeHtml(text.otherLanguage)}</a>
      </nav>
    </header>
    <main id="inhoud">
      <h1>${escapeHtml(text.heading)}</h1>
      <p class="intro">${escapeHtml(text.intro)}</p>${body}
    </main>
    <footer class="site-footer">
      <p>${escapeHtml(text.footer)}</p>
    </footer>
  </body>
</html>
`;
}
