import { isServer, type ReactiveController } from 'lit';
import { eventSourceMessages, type EventSourceMessages } from '../i18n/event-source.js';
import type { Locale } from '../i18n/index.js';
import { parseEvent, type EventData, type DataIssue, type SchemaResult } from '../schema/index.js';
import type { BijeenElement } from './bijeen-element.js';
import { attachSource, type EventSourceProperties, type SourceProperties } from './event-source-mixin.js';

/** What an element knows about its data at a moment: one event, or a list element's events. */
export type SourceState<Value> =
  | { status: 'empty' }
  | { status: 'loading' }
  | { status: 'ready'; value: Value }
  | { status: 'error'; message: string; issues: DataIssue[] };

/**
 * What validating the data gave: a value to show, with issues about what was left out of it (a
 * list's invalid items; reported, but the value shows), or only the issues.
 */
export type Validated<Value> =
  | { ok: true; value: Value; message?: string; issues?: DataIssue[] }
  | { ok: false; message: string; issues: DataIssue[] };

/** An element that shows one event: `EventSourceMixin` gives it `src` and `event`. */
export type EventSourceHost = BijeenElement & EventSourceProperties;

/** An element that loads data from `src`: `SourceMixin` gives it `src`, the element its own data property. */
export type SourceHost = BijeenElement & SourceProperties;

/**
 * The address relative URLs in the page's own data (inline JSON, the `event` property, attributes)
 * resolve against. On the server there is no page: none, so only absolute URLs are valid there
 * (unless the server sets `globalThis.location`).
 */
export const pageBaseUrl = (): string | undefined => (isServer ? undefined : document.baseURI);

/** Every event object this library produced by validation, so it is never validated twice. */
const validated = new WeakSet<object>();

/**
 * Freezes validated data all the way down: it is handed out (`bijeen-load`, `<bijeen-event>`'s
 * card and form) and trusted without a second check, so a later change (say a `javascript:` URL
 * written into it) must not be possible.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

const INLINE_SCRIPT = ':scope > script[type="application/json"]';

const isJsonScript = (node: Node | null) =>
  node instanceof HTMLScriptElement && node.type === 'application/json';

/** A mutation that adds, removes or rewrites an inline JSON script (its text is a child node). */
const touchesJsonScript = (record: MutationRecord) =>
  isJsonScript(record.target) ||
  isJsonScript(record.target.parentNode) ||
  [...record.addedNodes, ...record.removedNodes].some(isJsonScript);

/** What `fetchJson` found: the parsed body and its final URL, or what went wrong. */
type FetchResult =
  | { ok: true; data: unknown; url: string }
  | { ok: false; problem: (text: EventSourceMessages) => string };

/** Fetches the JSON at `src` (relative to the page) and parses it; never throws. */
async function fetchJson(src: string, signal: AbortSignal): Promise<FetchResult> {
  let url: string;
  let body: string;
  try {
    // A malformed `src` ("http://[::1/") throws here, and counts as a network failure.
    url = new URL(src, document.baseURI).href;
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
    if (!response.ok) return { ok: false, problem: (text) => text.status(src, response.status) };
    url = response.url || url;
    body = await response.text();
  } catch {
    return { ok: false, problem: (text) => text.network(src) };
  }
  try {
    return { ok: true, data: JSON.parse(body), url };
  } catch {
    return { ok: false, problem: (text) => text.notJson(src) };
  }
}

/**
 * Validates one event, or recognises it as validated already: data this library validated (what
 * `<bijeen-event>` hands its card and form, what a list hands its cards) is not parsed again, since
 * its URLs were resolved against the JSON's own address, which a second pass against this page
 * could not reproduce. Valid events are frozen and remembered.
 */
export function acceptEvent(data: unknown, baseUrl: string | undefined, locale: Locale): SchemaResult<EventData> {
  if (validated.has(data as object)) return { success: true, data: data as EventData };
  const result = parseEvent(data, { baseUrl, locale });
  if (result.success) validated.add(deepFreeze(result.data));
  return result;
}

/**
 * Gives an element its data from one of three sources (contract section 2), later wins:
 * `src` (fetched) < an inline `<script type="application/json">` child < a JavaScript property
 * (`event` for one event, `events` for a list). Validates, fires `bijeen-load` or
 * `bijeen-data-error`, and keeps watching: a new `src`, a replaced or late-parsed inline script, or
 * a new property value is picked up. A fetch is aborted when `src` changes or the element leaves
 * the page. Subclasses say which property holds the data, how it is validated and what
 * `bijeen-load` carries.
 *
 * The sources are looked at in `settle()`, which `SourceMixin` calls in the element's
 * `willUpdate`: before its subclass's `willUpdate` code reads the data, and on the server too,
 * where Lit's renderer calls `willUpdate` but no controller's `hostUpdate`. On the server only the
 * property counts: there are no children to read, and nothing is fetched (`src` is `loading`
 * there, as in the browser's first render, which fetches it after hydration). Every change of
 * `state` is followed by an update of the host, which reflects it to the `state` attribute.
 */
export abstract class SourceController<Value, Host extends SourceHost = SourceHost> implements ReactiveController {
  state: SourceState<Value> = { status: 'empty' };

  /** The source that `state` comes from (or is loading from): its kind and value. */
  private active?: [kind: 'property' | 'inline' | 'src', value: unknown];
  private request?: AbortController;
  private observer?: MutationObserver;

  constructor(protected readonly host: Host) {
    host.addController(this);
    attachSource(host, this);
  }

  /** The data property's value (`event`, `events`). */
  protected abstract property(): unknown;

  /** Validates what a source gave; `baseUrl` is the address relative URLs resolve against. */
  protected abstract validate(data: unknown, baseUrl: string | undefined): Validated<Value>;

  /** Fires `bijeen-load` for a valid value. */
  protected abstract loaded(value: Value): void;

  /** The valid value, once there is one. */
  get value(): Value | undefined {
    return this.state.status === 'ready' ? this.state.value : undefined;
  }

  hostConnected() {
    // The element may upgrade before the parser has reached its inline script, and partners may
    // replace that script later: a change that touches a JSON script re-checks the sources (not
    // one that only adds, say, the card's own JSON-LD).
    (this.observer ??= new MutationObserver((records) => {
      if (records.some(touchesJsonScript)) this.host.requestUpdate();
    })).observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    // Lit does not update on reconnection by itself; a load cut off by a disconnect resumes here.
    if (!this.active) this.host.requestUpdate();
  }

  hostDisconnected() {
    this.observer?.disconnect();
    if (this.request) {
      // Load again if the element comes back before the data arrived (still `loading` till then).
      this.request.abort();
      this.request = this.active = undefined;
    }
  }

  /** Takes the source that wins now, unless it is the one `state` already comes from. */
  settle() {
    const { src } = this.host;
    const property = this.property();
    // Later wins: the children are not even looked at while the property is set (an agenda's cards).
    const inline = isServer || property != null ? undefined : this.host.querySelector(INLINE_SCRIPT)?.textContent;
    // No source at all is `src` without a value.
    const next: [kind: 'property' | 'inline' | 'src', value: unknown] =
      property != null ? ['property', property] : inline != null ? ['inline', inline] : ['src', src || undefined];
    const [kind, value] = next;
    if (this.active?.[0] === kind && this.active[1] === value) return;
    this.active = next;
    this.request?.abort();
    this.request = undefined;

    if (kind === 'src') {
      if (!value) this.state = { status: 'empty' };
      else if (isServer) this.state = { status: 'loading' };
      else void this.load(value as string);
    } else {
      let data = value;
      if (kind === 'inline') {
        try {
          data = JSON.parse(value as string);
        } catch {
          const text = this.host.text(eventSourceMessages);
          return this.fail(text.notJson(text.inlineScript));
        }
      }
      this.accept(data, pageBaseUrl());
    }
  }

  private async load(src: string) {
    const request = (this.request = new AbortController());
    this.state = { status: 'loading' };
    const result = await fetchJson(src, request.signal);
    // Superseded by a newer request or a disconnect: that one decides.
    if (request.signal.aborted || this.request !== request) return;
    this.request = undefined;
    // The message is read now, in the locale of this moment.
    if (result.ok) this.accept(result.data, result.url);
    else this.fail(result.problem(this.host.text(eventSourceMessages)));
    this.host.requestUpdate();
  }

  private accept(data: unknown, baseUrl: string | undefined) {
    const result = this.validate(data, baseUrl);
    if (!result.ok) return this.fail(result.message, result.issues);
    this.state = { status: 'ready', value: result.value };
    this.afterRender(() => {
      if (result.issues?.length) this.host.reportDataError({ message: result.message!, issues: result.issues });
      this.loaded(result.value);
    });
  }

  private fail(message: string, issues: DataIssue[] = []) {
    this.state = { status: 'error', message, issues };
    this.afterRender(() => this.host.reportDataError({ message, issues }));
  }

  /**
   * Events are fired after the render that shows the new state, never inside an update. On the
   * server the render is the only one (its `updateComplete` never comes): there the integrator
   * hears at once.
   */
  private afterRender(report: () => void) {
    if (isServer) report();
    else void this.host.updateComplete.then(report);
  }
}

/** The one event of a card, a form or the composite, from `src`, inline JSON or the `event` property. */
export class EventSourceController extends SourceController<EventData, EventSourceHost> {
  /** The valid event, once there is one. */
  get event(): EventData | undefined {
    return this.value;
  }

  protected property(): unknown {
    return this.host.event;
  }

  protected validate(data: unknown, baseUrl: string | undefined): Validated<EventData> {
    const result = acceptEvent(data, baseUrl, this.host.locale);
    return result.success ? { ok: true, value: result.data } : { ok: false, message: result.message, issues: result.issues };
  }

  protected loaded(event: EventData): void {
    this.host.emit('bijeen-load', { event });
  }
}
