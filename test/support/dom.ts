// One vocabulary for looking into the elements, in every test file.

/** The element's shadow root. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The first match of a CSS selector in the element's shadow root (typed by tag name, as `querySelector`). */
export function find<K extends keyof HTMLElementTagNameMap>(el: Element, selector: K): HTMLElementTagNameMap[K] | null;
export function find<T extends Element = HTMLElement>(el: Element, selector: string): T | null;
export function find(el: Element, selector: string): Element | null {
  return shadow(el).querySelector(selector);
}

/** Every match of a CSS selector in the element's shadow root. */
export function findAll<K extends keyof HTMLElementTagNameMap>(el: Element, selector: K): HTMLElementTagNameMap[K][];
export function findAll<T extends Element = HTMLElement>(el: Element, selector: string): T[];
export function findAll(el: Element, selector: string): Element[] {
  return [...shadow(el).querySelectorAll(selector)];
}

/** The first element of a part (`part~="name"`), as a page styles it with `::part(name)`. */
export const part = (el: Element, name: string): HTMLElement | null => find(el, `[part~="${name}"]`);

/** Every element of a part. */
export const parts = (el: Element, name: string): HTMLElement[] => findAll(el, `[part~="${name}"]`);

/**
 * Resolves once the page has been idle. Elements write their JSON-LD when the page is idle: what
 * they asked for before this is written by then.
 */
export const idle = (): Promise<void> => new Promise((done) => requestIdleCallback(() => done()));

/** Text as a reader sees it: whitespace runs collapsed. */
export const textOf = (node: Node | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The text of an element and of every shadow root inside it (a composite's card and form too),
 * whitespace collapsed. Light-DOM children count once, where they are written.
 */
export function deepText(node: Node): string {
  const pieces: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) pieces.push(current.textContent ?? '');
    if (current instanceof Element && current.shadowRoot) walk(current.shadowRoot);
    // Script text (JSON, JSON-LD) is data, not what a reader sees.
    if (!(current instanceof HTMLScriptElement || current instanceof HTMLStyleElement)) current.childNodes.forEach(walk);
  };
  walk(node);
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}
