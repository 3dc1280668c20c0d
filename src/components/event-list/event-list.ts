import { html, nothing, type PropertyValues } from 'lit';
import { eventListMessages, type EventListMessages } from '../../i18n/event-list.js';
import { schemaMessages } from '../../i18n/schema.js';
import { attributeIssue, reportBadAttributes } from '../../internal/attributes.js';
import { BijeenElement } from '../../internal/bijeen-element.js';
import { SourceMixin } from '../../internal/event-source-mixin.js';
import { formatMonth } from '../../internal/format-date.js';
import { heading, headingLevel } from '../../internal/heading.js';
import { agenda, isAllowedUrl, tagList, time, type DataIssue, type EventData } from '../../schema/index.js';
import '../event-card/event-card.js';
import { CARD_EXPORT_PARTS } from '../event-card/export-parts.js';
import { itemListData, StructuredDataController } from '../event-card/structured-data.js';
import { MAP_PROVIDERS, knownProvider, type MapProvider } from '../map-link/map-urls.js';
import { eventListStyles } from './event-list.styles.js';
import { EventListSourceController } from './list-source.js';

/** How many events show before "Toon meer", when `limit` says nothing usable. */
const DEFAULT_LIMIT = 10;

/** The attributes `updated()` checks, by property. */
const CHECKED = ['limit', 'groupBy', 'mapProvider', 'calendarHref'] as const;

/** A calendar subscription may also use `webcal:`, which calendar apps open as a subscription. */
const isCalendarHref = (href: string) => isAllowedUrl(href) || /^webcals?:\/\/[^\s]+$/i.test(href);

/** What the list shows, derived from its events, filters and clock. */
interface ListView {
  /** The events after filtering: upcoming by start, then (with `past`) the past ones, most recent first. */
  events: readonly EventData[];
  /** How many of `events` are upcoming. */
  upcoming: number;
}

/**
 * An organiser's agenda: the upcoming events as teaser cards in a list, sorted by start, cancelled
 * ones included with their badge. Takes a feed `{ "events": [ … ] }` or a bare array from `src`, an
 * inline `<script type="application/json">` child or the `events` property (later wins). Each event
 * is validated on its own: an invalid one is left out and named in one `bijeen-data-error`
 * (`events.3.start`). Shows `limit` events, then "Toon meer"; filters by `tag`; adds the past events
 * in their own section with `past`; groups by month in each event's time zone with
 * `group-by="month"`; offers a calendar subscription with `calendar-href`. Adds one schema.org
 * `ItemList` JSON-LD script to its own light DOM when the page is next idle (the cards inside add
 * none).
 *
 * @summary An agenda of events as a list of teaser cards, with paging, filters and a calendar subscription.
 *
 * @slot - Fallback content (e.g. a server-rendered list of links): shown until the events render,
 *   and again when loading or validation fails. An inline `<script type="application/json">` is the data.
 * @slot empty - Replaces the text shown when no upcoming event is left ("Er staan op dit moment geen bijeenkomsten gepland.").
 *
 * @csspart base - The list's region (its accessible name is `label`).
 * @csspart list - Each `<ul>` of events (one per month with `group-by="month"`).
 * @csspart item - Each `<li>`, holding one card.
 * @csspart heading - The section headings ("Eerdere bijeenkomsten") and month headings.
 * @csspart empty - The text shown when there are no upcoming events.
 * @csspart more - The "Toon meer" button.
 * @csspart subscribe - The "Zet alle bijeenkomsten in uw agenda" link.
 * @csspart card-base - Each card's `base`; the cards' other parts are passed on as they are: `title`,
 *   `date`, `link`, `button`, `badge` (with `badge-<status>`), `image`, `register`.
 *
 * @cssproperty --bijeen-font-family - Font (global; default: NL Design System `--utrecht-document-font-family`, else inherited).
 * @cssproperty --bijeen-color - Text colour (global; default: inherited).
 * @cssproperty --bijeen-accent-color - Border and text of "Toon meer" (global; default: NL Design System `--utrecht-button-primary-action-background-color`, else #0b5cad).
 * @cssproperty --bijeen-radius - Corner radius of "Toon meer" (global; default: 0.25rem).
 * @cssproperty --bijeen-spacing - Base spacing; the gaps derive from it (global; default: 1rem).
 * @cssproperty --bijeen-link-color - Colour of the subscription link (global; default: NL Design System `--utrecht-link-color`, else inherited).
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (global; default: NL Design System `--utrecht-focus-outline-color`, else currentColor).
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (global; default: NL Design System `--utrecht-focus-outline-width`, else 3px).
 * @cssproperty --bijeen-event-list-gap - Space between the cards (default: the spacing).
 * @cssproperty --bijeen-event-list-column-min-width - The narrowest a column of cards gets before
 *   the list uses fewer columns (default: 18rem; one column in narrower containers).
 * @cssproperty --bijeen-event-list-heading-font-size - Size of the section and month headings (default: 1.25em).
 * @cssproperty --bijeen-event-list-loading-min-height - Space reserved while the events load (default: 0).
 *
 * @event bijeen-load - The events loaded (at least one valid). `detail: { events }`: the events
 *   shown after filtering, every page, in order.
 * @event bijeen-data-error - The data could not be loaded, is not a list, or has invalid events
 *   (each named by its path, `events.3.start`; the valid ones show), or an attribute is invalid.
 *   `detail: { message, issues }`.
 */
export class BijeenEventList extends SourceMixin(BijeenElement) {
  static override styles = [BijeenElement.styles, eventListStyles];

  static override properties = {
    events: { attribute: false },
    limit: { type: Number },
    tag: {},
    past: { type: Boolean },
    groupBy: { attribute: 'group-by' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    mapProvider: { attribute: 'map-provider' },
    noStructuredData: { type: Boolean, attribute: 'no-structured-data' },
    label: {},
    calendarHref: { attribute: 'calendar-href' },
    now: { attribute: false },
    pages: { state: true },
  };

  private readonly source = new EventListSourceController(this);
  protected readonly structuredData = new StructuredDataController(
    this,
    () => (this.noStructuredData || !this.view.events.length ? undefined : this.view.events),
    itemListData,
  );

  /** The events as a feed object `{ events: [ … ] }` or an array; wins over `src` and an inline JSON script. Validated like them. */
  declare events?: unknown;

  /** How many events show at first, and how many more each "Toon meer" reveals (default 10). */
  limit = DEFAULT_LIMIT;

  /** Only events carrying this tag; comma-separated: any of them (`wonen, zorg`). */
  declare tag?: string;

  /** Also shows the past events, in their own section after the upcoming ones, most recent first. */
  past = false;

  /** `month`: the events under month headings ("september 2027"), in each event's own time zone. */
  declare groupBy?: 'month';

  /** Level of the list's headings, 1–6 (default 2); month headings and the cards' titles sit below them. */
  headingLevel = 2;

  /** Map service passed to the cards: `osm` (default), `google`, `apple` or `geo`. */
  declare mapProvider?: MapProvider;

  /** Adds no JSON-LD (and removes what the list added). */
  noStructuredData = false;

  /** The list's accessible name. Default "Bijeenkomsten" / "Events". */
  declare label?: string;

  /** A calendar feed (https, relative or `webcal:`): shows "Zet alle bijeenkomsten in uw agenda" linking to it. */
  declare calendarHref?: string;

  /** The clock that decides upcoming and past, and the cards' badges. Default: the current time. */
  declare now?: Date | number;

  /** How many times `limit` events show; "Toon meer" adds one. */
  private pages = 1;

  /** Said politely when a filter changes: how many events are found. */
  private announcement = '';

  /** The item to focus after the next render: the first one "Toon meer" revealed. */
  private focusIndex?: number;

  /** The last view and what it was derived from, so a re-render (paging, a language switch) reuses it. */
  private memo?: { view: ListView; inputs: unknown[] };

  /** The events shown after filtering (every page), in order. */
  get shownEvents(): readonly EventData[] {
    return this.view.events;
  }

  /** `limit` when it is a whole number of at least 1, else the default. */
  private get pageSize(): number {
    return Number.isInteger(this.limit) && this.limit >= 1 ? this.limit : DEFAULT_LIMIT;
  }

  private get view(): ListView {
    const inputs = [this.source.value, this.tag, this.past, this.now];
    if (!this.memo || this.memo.inputs.some((input, index) => input !== inputs[index])) {
      const { upcoming, past } = agenda(this.source.value ?? [], +(this.now ?? Date.now()), tagList(this.tag));
      const events = this.past ? [...upcoming, ...past] : upcoming;
      this.memo = { view: { events, upcoming: upcoming.length }, inputs };
    }
    return this.memo.view;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // The source has taken a new `events` value or inline script in super.willUpdate().
    super.willUpdate(changed);
    const before = this.memo?.view;
    const after = this.view;
    if (after !== before) {
      // New events or filters start again at the first page.
      this.pages = 1;
      // A filter the page changed is announced (a visitor chose it); the first load is not.
      if (before && this.source.value && (changed.has('tag') || changed.has('past'))) {
        this.announcement = this.text(eventListMessages).count(after.events.length);
      }
    }
  }

  override updated(changed: PropertyValues<this>) {
    if (this.focusIndex !== undefined) {
      const item = this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[this.focusIndex];
      this.focusIndex = undefined;
      if (item) {
        item.tabIndex = -1;
        item.focus();
      }
    }
    if (CHECKED.some((key) => changed.has(key))) this.reportAttributes();
  }

  /** Reports `limit`, `group-by`, `map-provider` and `calendar-href` values the list cannot use. */
  private reportAttributes() {
    const { field } = this.text(schemaMessages);
    const issues: DataIssue[] = [];
    if (this.pageSize !== this.limit) issues.push(attributeIssue('limit', field.positiveInteger));
    // An empty attribute says nothing, as an absent one.
    if (this.groupBy && this.groupBy !== 'month') issues.push(attributeIssue('group-by', field.oneOf('month')));
    if (this.mapProvider && !knownProvider(this.mapProvider)) {
      issues.push(attributeIssue('map-provider', field.oneOf(MAP_PROVIDERS.join(', '))));
    }
    if (this.calendarHref && !isCalendarHref(this.calendarHref)) issues.push(attributeIssue('calendar-href', field.url));
    reportBadAttributes(this, this.text(eventListMessages).badAttributes, issues);
  }

  private showMore() {
    this.focusIndex = this.pages * this.pageSize;
    this.pages++;
  }

  /**
   * Ignores the cards' own `bijeen-load`s: they take events this list validated, so theirs only
   * repeat the list's. Their `bijeen-data-error`s would be news for the integrator and pass.
   */
  private keepCardLoad(event: Event) {
    event.stopPropagation();
  }

  /** One `<ul>` of cards, their titles at `level`. */
  private renderItems(events: readonly EventData[], level: number) {
    const provider = knownProvider(this.mapProvider) ?? nothing;
    // Each card gets the list's locale as `lang`: on the server it cannot look up its ancestors.
    return html`
      <ul part="list" role="list">
        ${events.map(
          (event) => html`
            <li part="item">
              <bijeen-event-card
                lang=${this.locale}
                exportparts=${CARD_EXPORT_PARTS}
                variant="teaser"
                heading-level=${level}
                map-provider=${provider}
                no-structured-data
                .now=${this.now}
                .event=${event}
              ></bijeen-event-card>
            </li>
          `,
        )}
      </ul>
    `;
  }

  /** The events, under month headings ("september 2027", in each event's time zone) with `group-by="month"`. */
  private renderEvents(events: readonly EventData[], level: number) {
    if (!events.length) return nothing;
    if (this.groupBy !== 'month') return this.renderItems(events, level);
    const months: [month: string, events: EventData[]][] = [];
    for (const event of events) {
      const month = formatMonth(time(event.start), this.locale, event.timeZone);
      const last = months.at(-1);
      if (last?.[0] === month) last[1].push(event);
      else months.push([month, [event]]);
    }
    return months.map(([month, inMonth]) => html`${heading(level, month, 'heading')}${this.renderItems(inMonth, level + 1)}`);
  }

  /** "Toon meer" while events are hidden, and the subscription link. */
  private renderActions(hidden: number, text: EventListMessages) {
    const href = this.calendarHref;
    return html`
      ${hidden > 0 ? html`<button part="more" type="button" @click=${this.showMore}>${text.showMore}</button>` : nothing}
      ${href && isCalendarHref(href) ? html`<p><a part="subscribe" href=${href}>${text.subscribe}</a></p>` : nothing}
    `;
  }

  override render() {
    const { state } = this.source;
    const ready = state.status === 'ready';
    const loading = state.status === 'loading';
    const text = this.text(eventListMessages);
    const { events, upcoming } = this.view;
    const shown = events.slice(0, this.pages * this.pageSize);
    // Section headings when past events show; month headings below them; the cards' titles below those.
    const sections = this.past && events.length > upcoming;
    const level = headingLevel(this.headingLevel);
    const monthLevel = sections ? level + 1 : level;
    // The slots are always there: fallback content shows whenever no list is rendered.
    return html`
      <section
        part="base"
        lang=${this.locale}
        aria-label=${this.label || text.label}
        aria-busy=${loading}
        ?hidden=${!ready && !loading}
        @bijeen-load=${this.keepCardLoad}
      >
        ${loading ? html`<p class="visually-hidden">${text.loading}</p>` : nothing}
        ${ready && sections ? heading(level, text.upcoming, 'heading') : nothing}
        ${ready ? this.renderEvents(shown.slice(0, upcoming), monthLevel) : nothing}
        <div part="empty" ?hidden=${!ready || upcoming > 0}><slot name="empty">${text.empty}</slot></div>
        ${ready && shown.length > upcoming
          ? html`${heading(level, text.past, 'heading')}${this.renderEvents(shown.slice(upcoming), monthLevel)}`
          : nothing}
        ${ready ? this.renderActions(events.length - shown.length, text) : nothing}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
      <slot ?hidden=${ready}></slot>
    `;
  }
}

if (!customElements.get('bijeen-event-list')) customElements.define('bijeen-event-list', BijeenEventList);

declare global {
  interface HTMLElementTagNameMap {
    'bijeen-event-list': BijeenEventList;
  }
}
