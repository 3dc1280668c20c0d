import type { PropertyDeclarations } from 'lit';
import type { BijeenElement } from './bijeen-element.js';

// A mixin's base must be constructible with any arguments (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = abstract new (...args: any[]) => T;
type ElementClass = Constructor<BijeenElement> & { properties: PropertyDeclarations };

/** What `SourceMixin` adds to an element. */
export declare class SourceProperties {
  /** URL of the data (fetched with `Accept: application/json`). */
  src?: string;
}

/** What `EventSourceMixin` adds to an element. */
export declare class EventSourceProperties extends SourceProperties {
  /** The event as a JS object; wins over `src` and an inline JSON script. Validated like them. */
  event?: unknown;
}

/**
 * Declares `src`, the URL an element loads its data from. Every element that loads data has it:
 * one event (`EventSourceMixin`) or, for a list element, its own data property beside it.
 */
export function SourceMixin<Base extends ElementClass>(base: Base) {
  abstract class WithSource extends base {
    // Lit merges the properties of every class in the chain: an element adds its own beside these.
    static override properties: PropertyDeclarations = { src: {} };

    /** URL of the data (fetched with `Accept: application/json`). */
    declare src?: string;
  }
  // The declared type keeps Lit's protected members out of the emitted declarations (TS4094).
  return WithSource as Constructor<SourceProperties> & Base;
}

/**
 * Declares the two ways to give an element one event, `src` and the `event` property (the third,
 * an inline `<script type="application/json">` child, needs no declaration). The element then
 * loads it with an `EventSourceController`:
 *
 * ```ts
 * class BijeenEventCard extends EventSourceMixin(BijeenElement) {
 *   private readonly source = new EventSourceController(this);
 * }
 * ```
 */
export function EventSourceMixin<Base extends ElementClass>(base: Base) {
  abstract class WithEventSource extends SourceMixin(base) {
    static override properties: PropertyDeclarations = { event: { attribute: false } };

    /** The event as a JS object; wins over `src` and an inline JSON script. Validated like them. */
    declare event?: unknown;
  }
  return WithEventSource as Constructor<EventSourceProperties> & Base;
}
