import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { toLocale, type Locale } from '../i18n/index.js';

/**
 * The locale of an element: its own `lang`, else the nearest ancestor's `[lang]` (crossing shadow
 * roots, so a card inside `<bijeen-event>` follows the composite), else the document's, else `nl`.
 * On the server (Lit SSR) there is no document and no parent: an element knows its own `lang`
 * and, rendered inside another Bijeen element, that element's; else it is `nl`.
 */
export function resolveLocale(element: Element): Locale {
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
    const lang = node.getAttribute('lang');
    if (lang) return toLocale(lang);
  }
  return isServer ? 'nl' : toLocale(document.documentElement.lang);
}

type Host = ReactiveControllerHost & Element;

// One observer for the whole page: any `lang` change re-renders every connected Bijeen element.
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

/**
 * The host's locale, resolved once per update (a render reads it many times, and each read would
 * walk the ancestors): `BijeenElement` calls `resolve()` first thing in `willUpdate`, before its
 * data is validated and on the server too (Lit's server renderer calls no controller's
 * `hostUpdate`). Re-renders its host when a `lang` attribute anywhere in the document changes.
 */
export class LocaleController implements ReactiveController {
  private resolved?: Locale;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected() {
    // An attribute filter implies `attributes: true`.
    if (!hosts.size) {
      (observer ??= new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()))).observe(document.documentElement, {
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
    hosts.add(this.host);
    // Moved elsewhere: resolve again.
    this.resolved = undefined;
  }

  /** Resolves the locale again, for the update that is starting. */
  resolve() {
    this.resolved = resolveLocale(this.host);
  }

  hostDisconnected() {
    hosts.delete(this.host);
    if (!hosts.size) observer?.disconnect();
  }

  get locale(): Locale {
    return (this.resolved ??= resolveLocale(this.host));
  }
}
