import { html, nothing } from 'lit';
import { BijeenElement } from '../../internal/bijeen-element.js';
import { EventSourceController } from '../../internal/event-source.js';
import { EventSourceMixin } from '../../internal/event-source-mixin.js';
import '../event-card/event-card.js';
import { CARD_EXPORT_PARTS } from '../event-card/export-parts.js';
import { StructuredDataController, structuredData } from '../event-card/structured-data.js';
import type { MapProvider } from '../map-link/map-urls.js';
import '../registration-form/registration-form.js';
import { eventStyles } from './event.styles.js';

// Every part of the card and the form, passed on (the bases renamed apart).
const FORM_PARTS =
  'base: form-base, form, field, error, error-summary, submit, status, add-companion, remove-companion, retry';

/**
 * One event from one source: the full card, then the registration form when the event has
 * registration. The data is loaded once and handed to both; the card's "Aanmelden" moves focus
 * to the form's first field.
 *
 * @summary Event card and registration form from one event source.
 * @slot - Fallback content (e.g. a link to the event page): shown until the event renders, and again if loading fails.
 * @csspart base - The wrapper around card and form.
 * @csspart card - The `<bijeen-event-card>`; its own parts are exported as `card-base`, `title`, `date`, `link`, `button`, `badge` (with `badge-<status>`), `image`, `register`.
 * @csspart form - The `<bijeen-registration-form>`; its own parts are exported as `form-base`, `form`, `field`, `error`, `error-summary`, `submit`, `status`, `add-companion`, `remove-companion`, `retry`.
 * @cssproperty --bijeen-spacing - Base spacing; the gap derives from it (global; default: 1rem). Card and form read every global token too.
 * @cssproperty --bijeen-event-gap - Space between card and form (default: 1.5 × the spacing).
 * @cssproperty --bijeen-event-loading-min-height - Space reserved while the event loads (default: 12rem).
 * @event bijeen-load - The event data loaded and is valid (fired once by this element, not by the inner card and form).
 * @event bijeen-data-error - The event data could not be loaded or is invalid, or the inner card or form refuses an attribute passed down (`endpoint`, `format`, `map-provider`); `event.target` is this element either way.
 * @event bijeen-register - The card's "Aanmelden" was activated (cancelable).
 * @event bijeen-submit - Before the form sends a registration (cancelable).
 * @event bijeen-registered - The endpoint accepted the registration.
 * @event bijeen-registration-failed - The registration was refused or could not be sent.
 */
export class BijeenEvent extends EventSourceMixin(BijeenElement) {
  static override styles = [BijeenElement.styles, eventStyles];

  static override properties = {
    endpoint: {},
    format: {},
    mapProvider: { attribute: 'map-provider' },
    noStructuredData: { type: Boolean, attribute: 'no-structured-data' },
  };

  private readonly source = new EventSourceController(this);
  // The card's JSON-LD would land in this element's shadow root, out of sight of search engines.
  protected readonly structuredData = new StructuredDataController(
    this,
    () => (this.noStructuredData ? undefined : this.source.event),
    structuredData,
  );

  /** Where the form posts; overrides `registration.endpoint`. */
  declare endpoint?: string;

  /** `json` (default) or `form` (urlencoded, no CORS preflight). */
  declare format?: 'json' | 'form';

  /** Map service for the card's map link: `osm` (default), `google`, `apple`, `geo`. */
  declare mapProvider?: MapProvider;

  /** Leaves out the schema.org `Event` JSON-LD this element adds to its light DOM. */
  noStructuredData = false;

  /**
   * The inner card and form take this element's validated event, so their `bijeen-load` only
   * repeats this element's own. Their `bijeen-data-error`s (an attribute passed down that they
   * refuse, no way to register) are news for the integrator and pass.
   */
  private keepInnerLoad(event: Event) {
    event.stopPropagation();
  }

  override render() {
    const event = this.source.event;
    const loading = this.source.state.status === 'loading';
    // Card and form get this element's locale as `lang`: on the server they cannot look up their ancestors.
    return html`
      <div part="base" aria-busy=${loading} @bijeen-load=${this.keepInnerLoad}>
        <slot ?hidden=${!!event}></slot>
        ${event
          ? html`
              <bijeen-event-card
                lang=${this.locale}
                part="card"
                exportparts=${CARD_EXPORT_PARTS}
                .event=${event}
                map-provider=${this.mapProvider ?? nothing}
                no-structured-data
              ></bijeen-event-card>
              ${event.registration
                ? html`
                    <bijeen-registration-form
                      lang=${this.locale}
                      part="form"
                      exportparts=${FORM_PARTS}
                      .event=${event}
                      endpoint=${this.endpoint ?? nothing}
                      format=${this.format ?? nothing}
                    ></bijeen-registration-form>
                  `
                : nothing}
            `
          : nothing}
      </div>
    `;
  }
}

if (!customElements.get('bijeen-event')) customElements.define('bijeen-event', BijeenEvent);

declare global {
  interface HTMLElementTagNameMap {
    'bijeen-event': BijeenEvent;
  }
}
