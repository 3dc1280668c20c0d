import { html, svg, type PropertyValues } from 'lit';
import { commonMessages } from '../../i18n/common.js';
import { mapLinkMessages } from '../../i18n/map-link.js';
import { schemaMessages } from '../../i18n/schema.js';
import { attributeIssue, reportBadAttributes } from '../../internal/attributes.js';
import { BijeenElement } from '../../internal/bijeen-element.js';
import type { DataIssue } from '../../schema/index.js';
import { mapLinkStyles } from './map-link.styles.js';
import {
  MAP_MODES,
  MAP_PROVIDERS,
  mapUrl,
  type MapMode,
  type MapProvider,
  type MapTarget,
} from './map-urls.js';

/** Attribute → number; an empty or non-numeric attribute becomes NaN, which validation rejects. */
const coordinateConverter = {
  fromAttribute: (value: string | null) =>
    value === null ? undefined : value.trim() === '' ? Number.NaN : Number(value),
};

/** The attributes that decide the link; a change to one of them is checked and reported once. */
const INPUTS = ['address', 'lat', 'lon', 'provider', 'mode'];

/**
 * A link to a map or route planner for an address or coordinates. OpenStreetMap by default;
 * nothing is requested from any map site until the visitor follows the link.
 *
 * @summary Map or route link for a place, privacy-friendly by default.
 * @slot - Replaces the visible label.
 * @csspart link - The `<a>` element.
 * @cssproperty --bijeen-color - Text colour (global; default: inherited).
 * @cssproperty --bijeen-font-family - Font (global; default: NL Design System `--utrecht-document-font-family`, else inherited).
 * @cssproperty --bijeen-link-color - Link colour (global; default: NL Design System `--utrecht-link-color`, else inherited).
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (global; default: NL Design System `--utrecht-focus-outline-color`, else currentColor).
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (global; default: NL Design System `--utrecht-focus-outline-width`, else 3px).
 * @cssproperty --bijeen-map-link-hover-color - Link colour on hover (default: NL Design System `--utrecht-link-hover-color`, else the link colour).
 * @event bijeen-data-error - Neither an address nor valid coordinates, or a bad attribute.
 */
export class BijeenMapLink extends BijeenElement {
  static override styles = [BijeenElement.styles, mapLinkStyles];

  static override properties = {
    address: {},
    lat: { converter: coordinateConverter },
    lon: { converter: coordinateConverter },
    label: {},
    provider: {},
    mode: {},
  };

  /** Free-text address, e.g. "Leeuweriksweg 12, 5402 XD Uden". Used when there are no valid coordinates. */
  declare address?: string;

  /** Latitude in decimal degrees (−90 to 90). Preferred over the address, together with `lon`. */
  declare lat?: number;

  /** Longitude in decimal degrees (−180 to 180). */
  declare lon?: number;

  /** Visible link text. Default "Bekijk op de kaart" / "View on map" (or the route wording). */
  declare label?: string;

  /** Map service: `osm` (default), `google`, `apple` or `geo` (the device's map app). */
  provider: MapProvider = 'osm';

  /** `view` (default) shows the place; `directions` opens the route planner towards it. */
  mode: MapMode = 'view';

  /**
   * `ready` when the attributes give a place to link to (a bad `provider` or `mode` is reported,
   * and the link shows with the default), `error` when they do not: no address and no valid
   * coordinates, so no link and a `bijeen-data-error`. Reflected to the `state` attribute, which
   * page code cannot change: read-only, a value written to the attribute is put back at once.
   */
  override get state(): 'ready' | 'error' {
    return this.resolve().target ? 'ready' : 'error';
  }

  override updated(changed: PropertyValues) {
    // Reported once per input change, not on every re-render (e.g. a language switch).
    if (!INPUTS.some((key) => changed.has(key))) return;
    const { target, issues } = this.resolve();
    const text = this.text(mapLinkMessages);
    reportBadAttributes(this, target ? text.badAttributes : text.noLink, issues);
  }

  /** What the attributes ask for: the valid provider, mode and target, and what is wrong with them. */
  private resolve() {
    const text = this.text(mapLinkMessages);
    const field = this.text(schemaMessages).field;
    const issues: DataIssue[] = [];
    const issue = (attribute: string, message: string) => issues.push(attributeIssue(attribute, message));
    const { lat, lon } = this;
    /** The attribute's value when allowed, else the default (the first allowed) and an issue. */
    const pick = <T extends string>(name: string, value: T, allowed: readonly T[]): T => {
      if (allowed.includes(value)) return value;
      issue(name, `${text.unknownValue(String(value))}, ${field.oneOf(allowed.join(', '))}`);
      return allowed[0];
    };
    const provider = pick('provider', this.provider, MAP_PROVIDERS);
    const mode = pick('mode', this.mode, MAP_MODES);

    let target: MapTarget | undefined;
    if (lat === undefined || lon === undefined) {
      if (lat !== lon) issue(lat === undefined ? 'lat' : 'lon', field.latLonPair);
    } else {
      // The schema's ranges for `location.lat` and `lon`; NaN (an empty or non-numeric attribute) fails them.
      const latOk = lat >= -90 && lat <= 90;
      const lonOk = lon >= -180 && lon <= 180;
      if (!latOk) issue('lat', field.latitude);
      if (!lonOk) issue('lon', field.longitude);
      if (latOk && lonOk) target = { lat, lon };
    }
    const address = this.address?.trim();
    target ??= address ? { address } : undefined;
    if (!target) issue('address', text.missingPlace);
    return { target, provider, mode, issues };
  }

  override render() {
    const { target, provider, mode } = this.resolve();
    // The slot is always rendered, hidden when there is no link.
    if (!target) return html`<slot hidden></slot>`;

    const text = this.text(mapLinkMessages);
    const newWindow = provider !== 'geo';
    // The accessible name also says where the link points: the address, else the coordinates.
    const place = this.address?.trim() || ('lat' in target ? text.coordinates(target.lat, target.lon) : target.address);
    const label = this.label || (mode === 'directions' ? text.directionsLabel : text.viewLabel);
    const said = `, ${place}${newWindow ? ` ${this.text(commonMessages).newWindow}` : ''}`;
    // The host is inline: no white space around or inside the link, where it would show.
    return html`<a
      part="link"
      href=${mapUrl(provider, mode, target)}
      target=${newWindow ? '_blank' : '_self'}
      rel="noopener noreferrer"
      ><slot>${label}</slot><span class="visually-hidden">${said}</span>${newWindow ? externalIcon : ''}</a
    >`;
  }
}

/** "Opens elsewhere", beside links that open a new window (inside the link: no white space around it). */
const externalIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"
  ><path fill="none" stroke="currentColor" stroke-width="1.6" d="M9 2h5v5M14 2 7 9M12 10v4H2V4h4"
/></svg>`;

if (!customElements.get('bijeen-map-link')) customElements.define('bijeen-map-link', BijeenMapLink);

declare global {
  interface HTMLElementTagNameMap {
    'bijeen-map-link': BijeenMapLink;
  }
}
