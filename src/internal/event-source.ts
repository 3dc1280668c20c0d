import type { ReactiveController } from 'lit';
import { parseEvent, type EventData, type SchemaIssue } from '../schema/index.js';
import type { BijeenElement } from './bijeen-element.js';

/** What an element knows about its event at a moment. */
export type EventSourceState =
  | { status: 'empty' }
  | { status: 'loading' }
  | { status: 'ready'; event: EventData }
  | { status: 'error'; message: string; issues: SchemaIssue[] };

/** An element that shows one event: it declares these two properties. */
export interface EventSourceHost extends BijeenElement {
  /** URL of the event JSON. */
  src?: string;
  /** The event as a JS object (not validated yet). */
  event?: unknown;
}

const INLINE_SCRIPT = ':scope > script[type="application/json"]';

/**
 * Gives an element its event from one of three sources (contract section 2), later wins:
 * `src` (fetched) < an inline `<script type="application/json">` child < the `event` property.
 * Validates with the schema, fires `bijeen-load` or `bijeen-data-error`, and keeps watching:
 * a new `src`, a replaced or late-parsed inline script, or a new property value is picked up.
 * A fetch is aborted when `src` changes or the element leaves the page.
 */
export class EventSourceController implements ReactiveController {
  state: EventSourceState = { status: 'empty' };

  /** The source that `state` comes from (or is loading from), with its value. */
  private active?: { kind: 'event' | 'inline' | 'src' | 'none'; value: unknown };
  private request?: AbortController;
  private observer?: MutationObserver;

  constructor(private readonly host: EventSourceHost) {
    host.addController(this);
  }

  /** The valid event, once there is one. */
  get event(): EventData | undefined {
    return this.state.status === 'ready' ? this.state.event : undefined;
  }

  hostConnected() {
    // The element may upgrade before the parser has reached its inline script, and partners may
    // replace that script later: any change to the children re-checks the sources.
    this.observer ??= new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    // Lit does not update on reconnection by itself; a load cut off by a disconnect resumes here.
    if (!this.active) this.host.requestUpdate();
  }

  hostDisconnected() {
    this.observer?.disconnect();
    if (this.request) {
      // Load again if the element comes back before the data arrived.
      this.cancelRequest();
      this.active = undefined;
      this.state = { status: 'empty' };
    }
  }

  hostUpdate() {
    const { src, event } = this.host;
    const inline = this.host.querySelector(INLINE_SCRIPT)?.textContent ?? null;
    const next =
      event !== undefined && event !== null
        ? { kind: 'event' as const, value: event }
        : inline !== null
          ? { kind: 'inline' as const, value: inline }
          : src
            ? { kind: 'src' as const, value: src }
            : { kind: 'none' as const, value: undefined };
    if (this.active?.kind === next.kind && this.active.value === next.value) return;
    this.active = next;
    this.cancelRequest();

    if (next.kind === 'event') {
      this.accept(next.value, document.baseURI);
    } else if (next.kind === 'inline') {
      let data: unknown;
      try {
        data = JSON.parse(next.value);
      } catch {
        const text = this.host.messages.eventSource;
        return this.fail(text.notJson(text.inlineScript));
      }
      this.accept(data, document.baseURI);
    } else if (next.kind === 'src') {
      void this.load(next.value);
    } else {
      this.state = { status: 'empty' };
    }
  }

  private cancelRequest() {
    this.request?.abort();
    this.request = undefined;
  }

  private async load(src: string) {
    const request = new AbortController();
    this.request = request;
    this.state = { status: 'loading' };
    const text = () => this.host.messages.eventSource;
    const url = new URL(src, document.baseURI).href;
    let data: unknown;
    let baseUrl = url;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: request.signal });
      baseUrl = response.url || url;
      if (!response.ok) return this.finish(request, () => this.fail(text().status(src, response.status)));
      const body = await response.text();
      try {
        data = JSON.parse(body);
      } catch {
        return this.finish(request, () => this.fail(text().notJson(src)));
      }
    } catch {
      return this.finish(request, () => this.fail(text().network(src)));
    }
    this.finish(request, () => this.accept(data, baseUrl));
  }

  /** Applies the outcome of a request unless a newer request or a disconnect superseded it. */
  private finish(request: AbortController, apply: () => void) {
    if (request.signal.aborted || this.request !== request) return;
    this.request = undefined;
    apply();
    this.host.requestUpdate();
  }

  private accept(data: unknown, baseUrl: string) {
    const result = parseEvent(data, { baseUrl, locale: this.host.locale });
    if (result.success) {
      this.state = { status: 'ready', event: result.data };
      void this.afterUpdate(() => this.host.emit('bijeen-load', { event: result.data }));
    } else {
      this.fail(result.message, result.issues);
    }
  }

  private fail(message: string, issues: SchemaIssue[] = []) {
    this.state = { status: 'error', message, issues };
    void this.afterUpdate(() => this.host.reportDataError({ message, issues }));
  }

  /** Events are fired after the render that shows the new state, never inside an update. */
  private async afterUpdate(fire: () => void) {
    await this.host.updateComplete;
    fire();
  }
}
