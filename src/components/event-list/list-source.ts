import { eventListMessages } from '../../i18n/event-list.js';
import { schemaMessages } from '../../i18n/schema.js';
import { acceptEvent, SourceController, type SourceHost, type Validated } from '../../internal/event-source.js';
import { isRecord } from '../../schema/issues.js';
import type { DataIssue, EventData } from '../../schema/index.js';

/** More items than any agenda needs: a hostile or broken feed must not blow up the page. */
export const MAX_EVENTS = 1000;

/** What the list element offers its source: the `events` property and the events it shows. */
export interface EventListHost extends SourceHost {
  events?: unknown;
  /** The events shown after filtering (every page), for `bijeen-load`. */
  readonly shownEvents: readonly EventData[];
}

/**
 * The list's events from `src`, inline JSON or the `events` property (later wins), as a feed
 * `{ "events": [ … ] }` or a bare array. Each item is validated on its own: an invalid one is left
 * out and named in one `bijeen-data-error` (`events.3.start`), the valid ones show. Data that is not
 * a list, or a list without one valid event, is an error: the element shows its fallback.
 */
export class EventListSourceController extends SourceController<readonly EventData[], EventListHost> {
  protected property(): unknown {
    return this.host.events;
  }

  protected validate(data: unknown, baseUrl: string | undefined): Validated<readonly EventData[]> {
    const { locale } = this.host;
    const text = eventListMessages[locale];
    const items = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.events) ? data.events : undefined;
    if (!items) return { ok: false, message: text.notList, issues: [{ path: 'events', message: schemaMessages[locale].type.array }] };

    const events: EventData[] = [];
    const issues: DataIssue[] = [];
    if (items.length > MAX_EVENTS) issues.push({ path: 'events', message: schemaMessages[locale].field.tooMany(MAX_EVENTS) });
    // Beyond the limit nothing is read.
    const checked = items.slice(0, MAX_EVENTS);
    let invalid = 0;
    checked.forEach((item, index) => {
      const result = acceptEvent(item, baseUrl, locale);
      if (result.success) return void events.push(result.data);
      invalid++;
      for (const issue of result.issues) {
        issues.push({ path: ['events', index, issue.path].filter((step) => step !== '').join('.'), message: issue.message });
      }
    });
    if (!events.length && invalid) return { ok: false, message: text.noValidItems(invalid), issues };
    // The message goes with the issues, when there are any: items left out, or a list cut short.
    const message = invalid ? text.itemsLeftOut(invalid, checked.length) : text.tooMany(MAX_EVENTS);
    return { ok: true, value: Object.freeze(events), message, issues };
  }

  protected loaded(): void {
    this.host.emit('bijeen-load', { events: this.host.shownEvents });
  }
}
