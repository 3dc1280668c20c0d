import { LitElement, css, type CSSResultGroup } from 'lit';
import { messagesFor, type Locale, type Messages } from '../i18n/index.js';
import type { BijeenEventMap, DataErrorDetail } from './events.js';
import { LocaleController } from './locale.js';

type DetailOf<K extends keyof BijeenEventMap> =
  BijeenEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Reset shared by every element. Host pages often ship aggressive global CSS; inherited
 * properties still reach the shadow tree, so each element sets what it relies on.
 */
export const resetStyles = css`
  :host {
    box-sizing: border-box;
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
`;

/** The small base every Bijeen element extends: reset styles, locale and typed events. */
export class BijeenElement extends LitElement {
  static override styles: CSSResultGroup = resetStyles;

  protected readonly localeController = new LocaleController(this);

  /** The resolved locale: own `lang`, nearest `[lang]` ancestor, the document, else `nl`. */
  get locale(): Locale {
    return this.localeController.locale;
  }

  /** Messages in the resolved locale. */
  get messages(): Messages {
    return messagesFor(this.locale);
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
    const event = new CustomEvent(name, {
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
      detail,
    });
    return this.dispatchEvent(event);
  }

  /** Tells the integrator what is wrong: a console warning and `bijeen-data-error`. */
  reportDataError(detail: DataErrorDetail): void {
    const tag = this.localName;
    const lines = detail.issues?.map((issue) => `  ${issue.path}: ${issue.message}`) ?? [];
    console.warn([`<${tag}>: ${detail.message}`, ...lines].join('\n'));
    this.emit('bijeen-data-error', detail);
  }
}
