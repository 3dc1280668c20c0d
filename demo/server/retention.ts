/**
 * Privacy by default: `RETENTION_DAYS` after an event's end, the personal data of its registrations
 * is erased (`RegistrationStore.eraseEvent()`), only the counts per status stay. Runs at start-up,
 * before the endpoint listens, and then once a day. Its mails go with it, copies in the outbox too.
 *
 * Kept on purpose: registrations of an event without a readable file (its end is unknown: a file
 * with a typo must not cost the organiser the list) and of a postponed event (its date in the file
 * is the old one). Both are logged on every run, so they are not forgotten.
 */
import { endsAt } from '../../src/schema/index.js';
import type { LoadedEvent } from './events.js';
import type { EventCounts, RegistrationStore } from './store.js';

const DAY = 86_400_000;

export interface RetentionOptions {
  store: RegistrationStore;
  events: Map<string, LoadedEvent>;
  /** `RETENTION_DAYS`. */
  days: number;
  log: (line: string) => void;
  /** Removes the copies of erased mails (the outbox's files). */
  forgetMails: (ids: number[]) => Promise<void>;
}

/** When the personal data of `event`'s registrations is due for erasure, or `undefined` while its date may still move. */
export function erasureDue(event: LoadedEvent, days: number): number | undefined {
  return event.data.status === 'postponed' ? undefined : endsAt(event.data) + days * DAY;
}

const summary = (counts: EventCounts) =>
  Object.entries(counts)
    .filter(([, { registrations }]) => registrations > 0)
    .map(([status, { registrations, places }]) => `${status} ${registrations} (${places} place(s))`)
    .join(', ');

/** One pass: erases what is due at `now`, logs what it erased and what it had to keep. */
export async function applyRetention({ store, events, days, log, forgetMails }: RetentionOptions, now = Date.now()): Promise<void> {
  for (const eventId of await store.registeredEvents()) {
    const event = events.get(eventId);
    if (!event) {
      log(`retention: kept the registrations of "${eventId}": no event file says when it ends`);
      continue;
    }
    const due = erasureDue(event, days);
    if (due === undefined) {
      log(`retention: kept the registrations of "${eventId}": it is postponed`);
    } else if (due <= now) {
      const { counts, mailIds } = await store.eraseEvent(eventId);
      await forgetMails(mailIds);
      log(`retention: erased the personal data of "${eventId}", ${days} days after its end; counts kept: ${summary(counts)}`);
    }
  }
}

/**
 * Runs `applyRetention()` now, then every day (the timer does not keep the process alive). The
 * promise resolves after the first pass; `stop()` ends the timer and waits for a pass in progress,
 * so the store can be closed after it.
 */
export async function startRetention(options: RetentionOptions): Promise<{ stop: () => Promise<void> }> {
  let running = Promise.resolve();
  const pass = () => {
    running = running
      .then(() => applyRetention(options))
      .catch((error: unknown) => options.log(`retention: failed: ${error instanceof Error ? error.message : String(error)}`));
    return running;
  };
  await pass();
  const timer = setInterval(pass, DAY);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
