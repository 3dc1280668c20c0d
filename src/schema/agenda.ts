import type { EventData } from './event.js';
import { endsAt, time } from './status.js';

/**
 * What an agenda shows at a moment, the same in `<bijeen-event-list>` and on the reference
 * endpoint's feeds: the events still to come (not yet ended) and those that have ended, filtered by
 * tag.
 */

/** A comma-separated tag filter as tags: `" Wonen, zorg,"` → `['wonen', 'zorg']`. */
export function tagList(filter: string | null | undefined): string[] {
  return (filter ?? '')
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether `event` carries any of `tags` (compared without regard to case); every event does when `tags` is empty. */
export function hasAnyTag(event: EventData, tags: readonly string[]): boolean {
  return !tags.length || (event.tags ?? []).some((tag) => tags.includes(tag.toLowerCase()));
}

/**
 * The events carrying any of `tags`, in two parts: `upcoming` (not yet ended at `now`; cancelled
 * ones too) by start, earliest first, and `past` (ended) most recent first.
 */
export function agenda(
  events: Iterable<EventData>,
  now: number,
  tags: readonly string[] = [],
): { upcoming: EventData[]; past: EventData[] } {
  const upcoming: EventData[] = [];
  const past: EventData[] = [];
  for (const event of events) {
    if (hasAnyTag(event, tags)) (endsAt(event) <= now ? past : upcoming).push(event);
  }
  const byStart = (a: EventData, b: EventData) => time(a.start) - time(b.start);
  upcoming.sort(byStart);
  past.sort((a, b) => byStart(b, a));
  return { upcoming, past };
}
