import { html, isServer, nothing, type PropertyValues } from 'lit';
import { cardMessages, type CardMessages } from '../../i18n/card.js';
import { commonMessages } from '../../i18n/common.js';
import type { Locale } from '../../i18n/index.js';
import { mapLinkMessages } from '../../i18n/map-link.js';
import { schemaMessages } from '../../i18n/schema.js';
import { attributeIssue, reportBadAttributes } from '../../internal/attributes.js';
import { BijeenElement } from '../../internal/bijeen-element.js';
import { EventSourceController } from '../../internal/event-source.js';
import { EventSourceMixin } from '../../internal/event-source-mixin.js';
import { formatRange, opensAtSentence, prepareDateFormat } from '../../internal/format-date.js';
import { heading, headingLevel } from '../../internal/heading.js';
import { whenIdle } from '../../internal/idle.js';
import {
  isAllowedUrl,
  nonMemberPlacesLeft,
  registrationStatus,
  time,
  type DataIssue,
  type EventData,
  type EventLocation,
  type RegistrationStatus,
} from '../../schema/index.js';
import { mapLink } from '../map-link/map-link.js';
import { mapLinkStyles } from '../map-link/map-link.styles.js';
import { MAP_PROVIDERS, knownProvider, type MapProvider } from '../map-link/map-urls.js';
import { calendarLinks, icsFile } from './calendar.js';
import { eventCardStyles } from './event-card.styles.js';
import { markIfInView } from './in-view.js';
import { addressLine } from './place.js';
import { StructuredDataController, structuredData } from './structured-data.js';

/** The statuses that show "Aanmelden". */
const REGISTER: (RegistrationStatus | undefined)[] = ['open', 'almost-full', 'waitlist'];

/** Country names, one `Intl.DisplayNames` per language for the page. */
const regionNames: Partial<Record<Locale, Intl.DisplayNames>> = {};

/** "Verenigde Staten" for `US` on a Dutch page. */
const countryName = (code: string, locale: Locale) =>
  (regionNames[locale] ??= new Intl.DisplayNames([locale], { type: 'region' })).of(code);

/** The machine-readable instant of a `<time>`. */
const instant = (ms: number) => new Date(ms).toISOString();

/** A paragraph, or nothing for an empty text. */
const para = (text?: string) => (text ? html`<p>${text}</p>` : nothing);

/** A link that is a part `link`. */
const link = (href: string, label: unknown) => html`<a part="link" href=${href}>${label}</a>`;


/**
 * One event as a card: title, date and time in the event's own time zone, place with a map link,
 * image, summary, a status badge, "Aanmelden", add-to-calendar links and, in the `full` variant,
 * the sections, audience and organizer. Gets its event from `src`, an inline
 * `<script type="application/json">` child or the `event` property (later wins), and adds
 * schema.org `Event` JSON-LD to its own light DOM when the page is next idle.
 *
 * Status badge, first rule that applies: `cancelled` (geannuleerd) > `postponed` (uitgesteld) >
 * `past` (afgelopen: the end, or the start without an end, has passed) > no badge when there is no
 * registration > `not-open` (nog niet open: before `registration.opens`) > `closed` (gesloten:
 * from `registration.closes`, else from the start) > `waitlist` (wachtlijst) / `full` (vol):
 * nothing remains, with or without a waiting list > `almost-full` (bijna vol: at most 10% of
 * `capacity` remains, or at most 5 places and at most half) > `open`. "Aanmelden" shows for `open`,
 * `almost-full` and `waitlist`. The clock is the `now` property (default: the current time).
 *
 * "Aanmelden" points at `registration-href`; else at the first `<bijeen-registration-form>` in the
 * same document or shadow root (activating it focuses that form); else at the event's `url`; else
 * at `mailto:` the registration e-mail address. It fires the cancelable `bijeen-register` first.
 *
 * @summary An event as a card that looks native on any page, in Dutch or English.
 *
 * @slot - Fallback content (e.g. a plain link to the event page): shown until the event renders,
 *   and again when loading or validation fails. An inline `<script type="application/json">` is
 *   the event itself.
 *
 * @csspart base - The card (also the loading placeholder).
 * @csspart image - The event image.
 * @csspart title - The event title (a heading of level `heading-level`).
 * @csspart date - The line with the date and time.
 * @csspart badge - The status badge; it also has the part `badge-<status>`, e.g. `badge-full`.
 * @csspart register - The "Aanmelden" call to action.
 * @csspart button - The "Zet in uw agenda" disclosure button.
 * @csspart link - Every other link: "Lees meer", map, online, calendar, organizer.
 *
 * @cssproperty --bijeen-font-family - Font (global; default: NL Design System `--utrecht-document-font-family`, else inherited).
 * @cssproperty --bijeen-color - Text colour (global; default: inherited).
 * @cssproperty --bijeen-accent-color - Background of "Aanmelden" (global; default: NL Design System `--utrecht-button-primary-action-background-color`, else #0b5cad).
 * @cssproperty --bijeen-accent-contrast-color - Text on the accent (global; default: NL Design System `--utrecht-button-primary-action-color`, else #fff).
 * @cssproperty --bijeen-border-color - The card border is this colour at 25% (global; default: currentColor).
 * @cssproperty --bijeen-radius - Corner radius of "Aanmelden" and the image beside the text (global; default: 0.25rem).
 * @cssproperty --bijeen-spacing - Base spacing; the padding derives from it (global; default: 1rem).
 * @cssproperty --bijeen-link-color - Link colour (global; default: NL Design System `--utrecht-link-color`, else inherited).
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (global; default: NL Design System `--utrecht-focus-outline-color`, else currentColor; the accent around "Aanmelden").
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (global; default: NL Design System `--utrecht-focus-outline-width`, else 3px).
 * @cssproperty --bijeen-event-card-background - Card background (default: transparent, the page shows through).
 * @cssproperty --bijeen-event-card-border-color - Card border colour (default: the border colour at 25%).
 * @cssproperty --bijeen-event-card-border-width - Card border width (default: 1px).
 * @cssproperty --bijeen-event-card-radius - Corner radius of the card (default: twice the radius).
 * @cssproperty --bijeen-event-card-padding - Inner spacing (default: the spacing; 1.5 × in wide containers).
 * @cssproperty --bijeen-event-card-title-font-size - Title font size (default: 1.375em).
 * @cssproperty --bijeen-event-card-badge-color - Badge text colour (default: #1b1b1b).
 * @cssproperty --bijeen-event-card-badge-positive-background - Badge background for `open` (default: #d2f0da).
 * @cssproperty --bijeen-event-card-badge-warning-background - Badge background for `almost-full`, `waitlist`, `postponed` (default: #fde8b0).
 * @cssproperty --bijeen-event-card-badge-negative-background - Badge background for `full`, `cancelled` (default: #fbd3d3).
 * @cssproperty --bijeen-event-card-badge-neutral-background - Badge background for `past`, `closed`, `not-open` (default: #e3e6ea).
 * @cssproperty --bijeen-map-link-hover-color - Colour of the map link on hover (default: the link colour).
 * @cssproperty --bijeen-event-card-loading-min-height - Space reserved while loading (default: 12rem).
 *
 * @event bijeen-load - The event data loaded and is valid. `detail: { event }`.
 * @event bijeen-data-error - The data could not be loaded or is invalid, or `registration-href` is
 *   not an allowed URL. `detail: { message, issues }`.
 * @event bijeen-register - "Aanmelden" was activated; cancelable: `preventDefault()` stops the card's
 *   own navigation or focus move. `detail: { event }`.
 */
export class BijeenEventCard extends EventSourceMixin(BijeenElement) {
  static override styles = [BijeenElement.styles, mapLinkStyles, eventCardStyles];

  static override properties = {
    variant: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    mapProvider: { attribute: 'map-provider' },
    registrationHref: { attribute: 'registration-href' },
    noCalendar: { type: Boolean, attribute: 'no-calendar' },
    noMap: { type: Boolean, attribute: 'no-map' },
    noStructuredData: { type: Boolean, attribute: 'no-structured-data' },
    now: { attribute: false },
    calendarOpened: { state: true },
  };

  private readonly source = new EventSourceController(this);
  protected readonly structuredData = new StructuredDataController(
    this,
    () => (this.noStructuredData ? undefined : this.source.event),
    structuredData,
  );

  /** `full` (default): everything; `teaser`: title, date, place, summary and "Lees meer". */
  variant: 'full' | 'teaser' = 'full';

  /** Level of the title heading, 1–6 (default 2); section headings sit one level lower. */
  headingLevel = 2;

  /** Map service of the location link: `osm` (default), `google`, `apple` or `geo`. */
  declare mapProvider?: MapProvider;

  /** Where "Aanmelden" points (an https or relative URL, or `#id`). Default: see the class description. */
  declare registrationHref?: string;

  /** Hides the add-to-calendar control. */
  noCalendar = false;

  /** Hides the map link. */
  noMap = false;

  /** Adds no JSON-LD (and removes what the card added). */
  noStructuredData = false;

  /** The clock for the status badge (and the calendar file's DTSTAMP). Default: the current time. */
  declare now?: Date | number;

  /**
   * The calendar links are rendered once the visitor first opens "Zet in uw agenda": until then
   * nobody can see or reach them, and an agenda of cards need not build them.
   */
  private calendarOpened = false;

  /** The `<article>` last handed to `markIfInView`. */
  private article?: HTMLElement;

  /** The last calendar file handed out, freed at the next click and when the card leaves. */
  private icsUrl = '';

  override disconnectedCallback() {
    super.disconnectedCallback();
    URL.revokeObjectURL(this.icsUrl);
  }

  override updated(changed: PropertyValues<this>) {
    const article = this.renderRoot.querySelector('article');
    if (article && article !== this.article) markIfInView((this.article = article));
    if (changed.has('registrationHref') || changed.has('mapProvider')) this.reportAttributes(changed);
  }

  /** Reports a `registration-href` or `map-provider` that just changed to a value the card cannot use. */
  private reportAttributes(changed: PropertyValues<this>) {
    const { field } = this.text(schemaMessages);
    const issues: DataIssue[] = [];
    // `#id` is a relative URL too.
    if (changed.has('registrationHref') && this.registrationHref && !this.ownHref()) {
      issues.push(attributeIssue('registration-href', field.url));
    }
    if (changed.has('mapProvider') && this.mapProvider && !knownProvider(this.mapProvider)) {
      issues.push(attributeIssue('map-provider', field.oneOf(MAP_PROVIDERS.join(', '))));
    }
    reportBadAttributes(this, this.text(cardMessages).badAttributes, issues);
  }

  /** The first registration form beside the card (same document or shadow root); none known on the server. */
  private get registrationForm(): HTMLElement | null {
    return isServer ? null : (this.getRootNode() as ParentNode).querySelector('bijeen-registration-form');
  }

  /** `registration-href` when it is an allowed URL (an integrator's typo must not become a script link). */
  private ownHref(): string | undefined {
    const href = this.registrationHref;
    return href && isAllowedUrl(href) ? href : undefined;
  }

  private onRegister(click: Event) {
    if (!this.emit('bijeen-register', { event: this.source.event! }, { cancelable: true })) return click.preventDefault();
    const form = !this.ownHref() && this.registrationForm;
    if (form && !click.defaultPrevented) {
      click.preventDefault();
      form.scrollIntoView();
      form.focus();
    }
  }

  private onCalendarToggle(toggle: Event) {
    if ((toggle.currentTarget as HTMLDetailsElement).open) this.calendarOpened = true;
  }

  /** Builds the `.ics` file at the moment of the click and lets the link download it (no `data:` URL). */
  private onCalendarFile(click: Event) {
    URL.revokeObjectURL(this.icsUrl);
    (click.currentTarget as HTMLAnchorElement).href = this.icsUrl = URL.createObjectURL(
      new Blob([icsFile(this.source.event!, +(this.now ?? Date.now()))], { type: 'text/calendar;charset=utf-8' }),
    );
  }

  /**
   * The teaser's place: name and city in one paragraph (no country: not even looked up there), or
   * "Online" for an online event.
   */
  private renderTeaserPlace(place: EventLocation, text: CardMessages) {
    const line = [place.name, place.city].filter(Boolean).join(', ') || (place.online ? text.online : '');
    return line ? html`<p class="place">${line}</p>` : nothing;
  }

  /** Name, address and country on lines of their own, with the map link and the online link. */
  private renderPlace(place: EventLocation, text: CardMessages) {
    const address = addressLine(place);
    const country = place.country === 'NL' ? '' : countryName(place.country, this.locale);
    const lines = [place.name, address, country].filter(Boolean);
    const showMap = !this.noMap && (place.lat !== undefined || !!address);
    // The map link gets the card's locale as `lang`: on the server it cannot look up its ancestors.
    return html`
      <div class="place">
        ${para(lines.join('\n'))}
        ${showMap ? this.renderMap(place, [address, country].filter(Boolean).join(', ')) : nothing}
        ${place.online ? link(place.online, text.joinOnline) : nothing}
      </div>
    `;
  }

  /** The map link: the coordinates when the data has them (the schema checks both), else the address. */
  private renderMap(place: EventLocation, address: string) {
    const provider = knownProvider(this.mapProvider) ?? 'osm';
    const target = place.lat !== undefined && place.lon !== undefined ? { lat: place.lat, lon: place.lon } : { address };
    const label = this.text(mapLinkMessages).viewLabel;
    return mapLink({ target, provider, mode: 'view', address, label }, this.locale);
  }

  /** "Zet in uw agenda": a disclosure whose links are built when it first opens. */
  private renderCalendar(event: EventData, text: CardMessages) {
    return html`
      <details @toggle=${this.onCalendarToggle}>
        <summary part="button">${text.calendar}</summary>
        ${this.calendarOpened ? this.renderCalendarLinks(event, text) : nothing}
      </details>
    `;
  }

  /** The `.ics` file and, unless the event is cancelled, Google Calendar and Outlook on the web. */
  private renderCalendarLinks(event: EventData, text: CardMessages) {
    const { google, outlook } = calendarLinks(event);
    const file = `${event.id.replace(/[^\w-]+/g, '-').slice(0, 60)}.ics`;
    const webCalendars =
      event.status === 'cancelled'
        ? []
        : [
            [google, text.googleCalendar],
            [outlook, text.outlookCalendar],
          ];
    const newWindow = this.text(commonMessages).newWindow;
    return html`
      <ul>
        <li>
          <a part="link" href="#" download=${file} @click=${this.onCalendarFile}>${text.calendarFile}</a>
        </li>
        ${webCalendars.map(
          ([href, label]) => html`
            <li>
              <a part="link" href=${href} target="_blank" rel="noopener noreferrer"
                >${label}<span class="visually-hidden"> ${newWindow}</span></a
              >
            </li>
          `,
        )}
      </ul>
    `;
  }

  /** Where "Aanmelden" points: `registration-href`, else the form beside the card, else the event page, else e-mail. */
  private registerTarget(event: EventData): string | undefined {
    const own = this.ownHref();
    if (own) return own;
    const form = this.registrationForm;
    if (form) return form.id ? `#${form.id}` : (event.url ?? '#');
    return event.url ?? (event.registration?.email && `mailto:${event.registration.email}`);
  }

  /** "Aanmelden" with the places left (and of those, the non-members'), when the status lets visitors register. */
  private renderRegister(event: EventData, status: RegistrationStatus | undefined, text: CardMessages) {
    const target = REGISTER.includes(status) ? this.registerTarget(event) : undefined;
    if (!target) return nothing;
    const registration = event.registration!;
    const places = status === 'waitlist' ? undefined : registration.remaining;
    const nonMemberPlaces = status === 'waitlist' ? undefined : nonMemberPlacesLeft(registration);
    return html`
      <p class="actions">
        <a part="register" class="cta" href=${target} @click=${this.onRegister}
          >${status === 'waitlist' ? text.registerWaitlist : text.register}</a
        >
        ${places === undefined ? nothing : html`<span>${text.placesLeft(places)}</span>`}
        ${nonMemberPlaces === undefined ? nothing : html`<span>${text.nonMemberPlacesLeft(nonMemberPlaces)}</span>`}
      </p>
    `;
  }

  private renderSection(section: NonNullable<EventData['sections']>[number], level: number) {
    return html`
      <section>
        ${section.heading ? heading(level, section.heading) : nothing}
        ${section.paragraphs?.map(para)}
        ${section.items?.length
          ? html`
              <ul>
                ${section.items.map((item) => html`<li>${item}</li>`)}
              </ul>
            `
          : nothing}
      </section>
    `;
  }

  /** "Aanmelden", the opening date, the calendar, sections, audience and organizer. */
  private renderFull(event: EventData, status: RegistrationStatus | undefined, sub: number, text: CardMessages) {
    const { organizer } = event;
    return html`
      ${this.renderRegister(event, status, text)}
      ${status === 'not-open' ? para(opensAtSentence(event, this.locale)) : nothing}
      ${this.noCalendar || status === 'past' ? nothing : this.renderCalendar(event, text)}
      ${event.sections?.map((section) => this.renderSection(section, sub))}
      ${event.audience
        ? html`
            <section>
              ${heading(sub, text.audience)}
              ${para(event.audience)}
            </section>
          `
        : nothing}
      ${organizer ? this.renderOrganizer(organizer, text) : nothing}
    `;
  }

  /** "Organisator: Area Wonen, info@example.org", with links where the data has them. */
  private renderOrganizer(organizer: NonNullable<EventData['organizer']>, text: CardMessages) {
    const name = organizer.url ? link(organizer.url, organizer.name) : organizer.name;
    const email = organizer.email ? html`, ${link(`mailto:${organizer.email}`, organizer.email)}` : nothing;
    return html`<p class="meta">${text.organizer}${name}${email}</p>`;
  }

  private renderEvent(event: EventData) {
    const text = this.text(cardMessages);
    const teaser = this.variant === 'teaser';
    const level = headingLevel(this.headingLevel);
    const status = registrationStatus(event, +(this.now ?? Date.now()));
    const start = time(event.start);
    const end = event.end ? time(event.end) : start;
    const [from, separator, to] = formatRange(start, end, this.locale, event.timeZone);
    const { image, location } = event;
    // `class` is there from the start, so a card marked `in-view` (in-view.ts) has the same
    // attributes as one that is not.
    return html`
      <article part="base" class="card" lang=${this.locale}>
        <div class="layout ${image ? 'media' : ''}">
          ${image
            ? html`
                <img
                  part="image"
                  src=${image.src}
                  alt=${image.alt}
                  width=${image.width ?? nothing}
                  height=${image.height ?? nothing}
                  loading="lazy"
                  decoding="async"
                />
              `
            : nothing}
          <div class="body">
            ${heading(level, event.title, 'title')}
            ${status
              ? html`
                  <span part="badge badge-${status}" class="badge"
                    ><span class="visually-hidden">${text.statusPrefix}</span>${text.status[status]}</span
                  >
                `
              : nothing}
            <p part="date"><time datetime=${instant(start)}>${from}</time>${to
                ? html`${separator}<time datetime=${instant(end)}>${to}</time>`
                : nothing}</p>
            ${location ? (teaser ? this.renderTeaserPlace(location, text) : this.renderPlace(location, text)) : nothing}
            ${para(event.summary)}
            ${teaser ? this.renderReadMore(event, text) : this.renderFull(event, status, Math.min(6, level + 1), text)}
          </div>
        </div>
      </article>
    `;
  }

  /** The teaser's "Lees meer", which says what about to screen readers. */
  private renderReadMore(event: EventData, text: CardMessages) {
    if (!event.url) return nothing;
    return html`
      <p>
        <a part="link" href=${event.url}
          >${text.readMore}<span class="visually-hidden">${text.readMoreAbout(event.title)}</span></a
        >
      </p>
    `;
  }

  private renderSkeleton() {
    return html`
      <div part="base" class="skeleton" aria-busy="true">
        <span class="visually-hidden">${this.text(cardMessages).loading}</span>
        <div></div>
        <div></div>
        <div></div>
      </div>
    `;
  }

  override render() {
    const { state } = this.source;
    const ready = state.status === 'ready';
    // The slot is always there: fallback content shows whenever no event is rendered.
    return html`
      ${ready ? this.renderEvent(state.value) : state.status === 'loading' ? this.renderSkeleton() : nothing}
      <slot ?hidden=${ready}></slot>
    `;
  }
}

if (!customElements.get('bijeen-event-card')) customElements.define('bijeen-event-card', BijeenEventCard);

// Off the path of the first cards that render after the page has loaded (see `prepareDateFormat`).
if (!isServer) whenIdle(prepareDateFormat);

declare global {
  interface HTMLElementTagNameMap {
    'bijeen-event-card': BijeenEventCard;
  }
}
