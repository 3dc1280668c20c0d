import { LitElement, css, type CSSResultGroup, type PropertyValues } from 'lit';
import type { Locale, Localized } from '../i18n/index.js';
import type { BijeenEventMap, DataErrorDetail } from './events.js';
import { LocaleController } from './locale.js';
import { issueText } from '../schema/issues.js';

/**
 * What an element's data has come to (contract section 3): `loading` while it loads, then `ready`
 * or `error`. Read it as `el.state` or select it as `[state="error"]`.
 */
export type ElementState = 'loading' | 'ready' | 'error';

type DetailOf<K extends keyof BijeenEventMap> =
  BijeenEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Reset shared by every element, the global theming tokens and the focus ring they all use.
 *
 * Host pages often ship aggressive global CSS; inherited properties still reach the shadow tree,
 * so each element sets what it relies on. Text colour and font inherit from the page unless a
 * token says otherwise.
 *
 * The global tokens (`--bijeen-accent-color` …) are read here, once, into private `--_*`
 * properties that the elements' styles use. Each is read in one order: the `--bijeen-*` token when
 * the page sets it, else its NL Design System counterpart (`--utrecht-*`, as the theme packages of
 * Dutch municipalities and Open Formulieren define them), else Bijeen's default. An element token
 * with an NL Design System counterpart reads it in the same order where the element resolves it
 * (`--bijeen-registration-form-input-background` → `--utrecht-textbox-background-color`).
 *
 * A colour whose default depends on where it is used has no default here: a custom property
 * cannot hold `inherit`, and a property that reads an unset one falls back at its use,
 * `var(--_link-color, inherit)`.
 */
export const resetStyles = css`
  :host {
    box-sizing: border-box;
    color: var(--bijeen-color, inherit);
    font-family: var(--bijeen-font-family, var(--utrecht-document-font-family, inherit));
    --_accent-color: var(--bijeen-accent-color, var(--utrecht-button-primary-action-background-color, #0b5cad));
    --_accent-contrast-color: var(--bijeen-accent-contrast-color, var(--utrecht-button-primary-action-color, #fff));
    --_border-color: var(--bijeen-border-color, currentColor);
    --_radius: var(--bijeen-radius, 0.25rem);
    --_spacing: var(--bijeen-spacing, 1rem);
    --_link-color: var(--bijeen-link-color, var(--utrecht-link-color));
    --_focus-ring-color: var(--bijeen-focus-ring-color, var(--utrecht-focus-outline-color));
    --_focus-ring-width: var(--bijeen-focus-ring-width, var(--utrecht-focus-outline-width, 3px));
    /* Form controls: the global tokens, else the NL Design System's textbox tokens. */
    --_control-color: var(--bijeen-color, var(--utrecht-textbox-color));
    --_control-border-color: var(--bijeen-border-color, var(--utrecht-textbox-border-color, currentColor));
    --_control-radius: var(--bijeen-radius, var(--utrecht-textbox-border-radius, 0.25rem));
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  a {
    color: var(--_link-color, inherit);
    text-underline-offset: 0.15em;
  }

  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_focus-ring-color, currentColor);
    outline-offset: 2px;
  }
`;

/** The small base every Bijeen element extends: reset styles, locale, `state` and typed events. */
export class BijeenElement extends LitElement {
  static override styles: CSSResultGroup = resetStyles;

  /** `state` is reflected, never read: observed only so that a change from outside can be undone. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  protected readonly localeController = new LocaleController(this);

  /**
   * What the element's data has come to; `undefined` while it has nothing to report. Read-only:
   * each element with data defines it (`SourceMixin`, `<bijeen-map-link>`), and the `state`
   * attribute follows it through `reflectState()`.
   */
  get state(): ElementState | undefined {
    return undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // The attribute is the element's to write: page code that writes it is overruled at once
    // (before the first update, by the first update).
    if (name === 'state') {
      if (this.hasUpdated) this.reflectState();
    } else {
      super.attributeChangedCallback(name, old, value);
    }
  }

  /**
   * Every update, on the server too, starts by resolving the locale (what follows reads it) and
   * writing `state` to its attribute (for a state that follows the element's properties, as the
   * map link's does, this is where it is reflected).
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.localeController.resolve();
    this.reflectState();
  }

  /** Writes `state` to the `state` attribute (none while it is `undefined`), after each change of it. */
  reflectState(): void {
    const { state } = this;
    if (this.getAttribute('state') === (state ?? null)) return;
    if (state) this.setAttribute('state', state);
    else this.removeAttribute('state');
  }

  /** The resolved locale: own `lang`, nearest `[lang]` ancestor, the document, else `nl`. */
  get locale(): Locale {
    return this.localeController.locale;
  }

  /** An area's messages in the resolved locale: `this.text(cardMessages).register`. */
  text<Messages>(area: Localized<Messages>): Messages {
    return area[this.locale];
  }

  /**
   * Fires a typed, bubbling, composed event. Returns false when a listener cancelled a
   * cancelable event.
   */
  emit<K extends keyof BijeenEventMap>(
    name: K,
    detail: DetailOf<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { ...options, bubbles: true, composed: true, detail }));
  }

  /** Tells the integrator what is wrong: a console warning and `bijeen-data-error`. */
  reportDataError(detail: DataErrorDetail): void {
    console.warn(
      [`<${this.localName}>: ${detail.message}`, ...(detail.issues ?? []).map((issue) => `  ${issueText(issue)}`)].join('\n'),
    );
    this.emit('bijeen-data-error', detail);
  }
}
