import { html, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { BijeenElement } from '../../internal/bijeen-element.js';
import type { DataIssue } from '../../internal/events.js';
import { mapLinkStyles } from './map-link.styles.js';
import {
  MAP_MODES,
  MAP_PROVIDERS,
  mapUrl,
  type MapMode,
  type MapProvider,
  type MapTarget,
} from './map-urls.js';

const latitude = z.number().check(z.gte(-90), z.lte(90));
const longitude = z.number().check(z.gte(-180), z.lte(180));

/** Attribute → number; an empty or non-numeric attribute becomes NaN, which validation rejects. */
const coordinateConverter = {
  fromAttribute: (value: string | null) =>
    value === null ? undefined : value.trim() === '' ? Number.NaN : Number(value),
};

const INPUTS = ['address', 'lat', 'lon', 'provider', 'mode'];
const inputChanged = (changed: PropertyValues) => INPUTS.some((key) => changed.has(key));

interface Resolved {
  target?: MapTarget;
  provider: MapProvider;
  mode: MapMode;
  issues: DataIssue[];
}

/**
 * A link to a map or route planner for an address or coordinates. OpenStreetMap by default;
 * nothing is requested from any map site until the visitor follows the link.
 *
 * @summary Map or route link for a place, privacy-friendly by default.
 * @slot - Replaces the visible label.
 * @csspart link - The `<a>` element.
 * @cssproperty --bijeen-link-color - Link colour (default: inherited text colour).
 * @cssproperty --bijeen-link-hover-color - Link colour on hover.
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (default: currentColor).
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (default: 3px).
 * @event bijeen-data-error - Neither an address nor valid coordinates, or a bad attribute.
 */
export class BijeenMapLink extends BijeenElement {
  static override styles = [BijeenElement.styles, mapLinkStyles];

  /** Free-text address, e.g. "Leeuweriksweg 12, 5402 XD Uden". Used when there are no valid coordinates. */
  @property() address?: string;

  /** Latitude in decimal degrees (−90 to 90). Preferred over the address, together with `lon`. */
  @property({ converter: coordinateConverter }) lat?: number;

  /** Longitude in decimal degrees (−180 to 180). */
  @property({ converter: coordinateConverter }) lon?: number;

  /** Visible link text. Default "Bekijk op de kaart" / "View on map" (or the route wording). */
  @property() label?: string;

  /** Map service: `osm` (default), `google`, `apple` or `geo` (the device's map app). */
  @property() provider: MapProvider = 'osm';

  /** `view` (default) shows the place; `directions` opens the route planner towards it. */
  @property() mode: MapMode = 'view';

  private resolved: Resolved = { provider: 'osm', mode: 'view', issues: [] };

  override willUpdate(changed: PropertyValues) {
    if (inputChanged(changed)) this.resolved = this.resolve();
  }

  override updated(changed: PropertyValues) {
    // Reported once per input change, not on every re-render (e.g. a language switch).
    if (!inputChanged(changed)) return;
    const { target, issues } = this.resolved;
    if (!target) {
      this.reportDataError({ message: this.messages.mapLink.noLink, issues });
    } else if (issues.length > 0) {
      this.reportDataError({ message: this.messages.mapLink.badAttributes, issues });
    }
  }

  private resolve(): Resolved {
    const text = this.messages.mapLink;
    const issues: DataIssue[] = [];
    const provider = MAP_PROVIDERS.includes(this.provider) ? this.provider : 'osm';
    if (provider !== this.provider) issues.push({ path: 'provider', message: text.provider(String(this.provider)) });
    const mode = MAP_MODES.includes(this.mode) ? this.mode : 'view';
    if (mode !== this.mode) issues.push({ path: 'mode', message: text.mode(String(this.mode)) });

    let target: MapTarget | undefined;
    if (this.lat !== undefined || this.lon !== undefined) {
      const lat = latitude.safeParse(this.lat);
      const lon = longitude.safeParse(this.lon);
      if (this.lat === undefined || this.lon === undefined) {
        issues.push({ path: this.lat === undefined ? 'lat' : 'lon', message: text.incompleteCoordinates });
      } else if (!lat.success || !lon.success) {
        if (!lat.success) issues.push({ path: 'lat', message: text.latitude });
        if (!lon.success) issues.push({ path: 'lon', message: text.longitude });
      } else {
        target = { lat: lat.data, lon: lon.data };
      }
    }
    const address = this.address?.trim();
    if (!target && address) target = { address };
    if (!target) issues.push({ path: 'address', message: text.missingPlace });
    return { target, provider, mode, issues };
  }

  /** What the link points at, in words, for its accessible name. */
  private placeText(target: MapTarget): string {
    const address = this.address?.trim();
    if (address) return address;
    return 'lat' in target ? this.messages.mapLink.coordinates(target.lat, target.lon) : target.address;
  }

  override render() {
    const { target, provider, mode } = this.resolved;
    // The slot is always rendered, hidden when there is no link.
    if (!target) return html`<slot hidden></slot>`;

    const text = this.messages.mapLink;
    const newWindow = provider !== 'geo';
    const label = this.label || (mode === 'directions' ? text.directionsLabel : text.viewLabel);
    return html`<a
      part="link"
      href=${mapUrl(provider, mode, target)}
      target=${newWindow ? '_blank' : '_self'}
      rel="noopener noreferrer"
      referrerpolicy="no-referrer"
      ><slot>${label}</slot
      ><span class="visually-hidden"
        >, ${this.placeText(target)}${newWindow ? ` ${this.messages.newWindow}` : ''}</span
      >${newWindow ? externalIcon : ''}</a
    >`;
  }
}

const externalIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="1.6" d="M9 2h5v5M14 2 7 9M12 10v4H2V4h4"/></svg>`;

if (!customElements.get('bijeen-map-link')) customElements.define('bijeen-map-link', BijeenMapLink);

declare global {
  interface HTMLElementTagNameMap {
    'bijeen-map-link': BijeenMapLink;
  }
}
