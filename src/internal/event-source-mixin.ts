import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { BijeenElement, ElementState } from './bijeen-element.js';

// A mixin's base must be constructible with any arguments (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = abstract new (...args: any[]) => T;
type ElementClass = Constructor<BijeenElement> & { properties: PropertyDeclarations };

/** What `SourceMixin` adds to an element. */
export declare class SourceProperties {
  /** URL of the data (fetched with `Accept: application/json`). */
  src?: string;
  /** `loading`, then `ready` or `error`; `undefined` while the element has no source. Read-only. */
  readonly state: ElementState | undefined;
}

/** What the mixin asks of the element's source controller (`SourceController`). */
interface ElementSource {
  /** What the element knows about its data: `empty` (no source), `loading`, `ready` or `error`. */
  readonly state: { status: 'empty' | ElementState };
  /** Takes the source that wins now (called at the start of every update). */
  settle(): void;
}

/** Each element's source controller, which registers itself with `attachSource()` when it is made. */
const sources = new WeakMap<SourceProperties, ElementSource>();

/** Registers `source` as the controller that loads `host`'s data. */
export function attachSource(host: SourceProperties, source: ElementSource): void {
  sources.set(host, source);
}

/** What `EventSourceMixin` adds to an element. */
export declare class EventSourceProperties extends SourceProperties {
  /** The event as a JS object; wins over `src` and an inline JSON script. Validated like them. */
  event?: unknown;
}

/**
 * Declares `src`, the URL an element loads its data from, and `state`, what the data has come to.
 * Every element that loads data has them: one event (`EventSourceMixin`) or, for a list element,
 * its own data property beside them. The element's source controller (a `SourceController`)
 * registers itself here; its sources are settled at the start of every update, so that the
 * element's own `willUpdate` (after `super.willUpdate()`) and `render()` see the data, on the
 * server too.
 */
export function SourceMixin<Base extends ElementClass>(base: Base) {
  abstract class WithSource extends base {
    // Lit merges the properties of every class in the chain: an element adds its own beside these.
    static override properties: PropertyDeclarations = { src: {} };

    /** URL of the data (fetched with `Accept: application/json`). */
    declare src?: string;

    /**
     * What the element's data has come to, for code that arrives after `bijeen-load` or
     * `bijeen-data-error`: `loading` (fetching `src`), then `ready` (the data rendered) or `error`
     * (it could not be loaded or is invalid; the fallback content shows). `undefined` while the
     * element has no source (no `src`, inline JSON or property) and before its first update.
     * Reflected to the `state` attribute, which page code cannot change: read-only, a value
     * written to the attribute is put back at once.
     */
    override get state(): ElementState | undefined {
      const status = sources.get(this)?.state.status;
      return status === 'empty' ? undefined : status;
    }

    protected override willUpdate(changed: PropertyValues): void {
      super.willUpdate(changed);
      sources.get(this)?.settle();
      // The source may have changed its state: reflected in the update that shows it.
      this.reflectState();
    }
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
