import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toLocale, type Locale } from '../i18n/index.js';

/**
 * The locale of an element: its own `lang`, else the nearest ancestor's `[lang]` (crossing shadow
 * roots, so a card inside `<bijeen-event>` follows the composite), else the document's, else `nl`.
 */
export function resolveLocale(element: Element): Locale {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return toLocale(lang);
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return toLocale(document.documentElement.lang);
}

type Host = ReactiveControllerHost & Element;

// One observer for the whole page: any `lang` change re-renders every connected Bijeen element.
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

function watchLangChanges() {
  observer ??= new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

/** Re-renders its host when a `lang` attribute anywhere in the document changes. */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected() {
    if (hosts.size === 0) watchLangChanges();
    hosts.add(this.host);
  }

  hostDisconnected() {
    hosts.delete(this.host);
    if (hosts.size === 0) observer?.disconnect();
  }

  get locale(): Locale {
    return resolveLocale(this.host);
  }
}
