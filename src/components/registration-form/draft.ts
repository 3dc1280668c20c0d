/**
 * The typed draft of a registration, kept in `sessionStorage` (this tab only, gone when the tab
 * closes; never `localStorage`) so a reload loses nothing. Scoped to the event id. Storage can be
 * missing or throw (privacy modes, sandboxed frames, a full quota): the form then simply has no
 * draft.
 */
import { toJson } from '../../internal/json.js';

/** A control's value: text, the chosen options of a checkbox group, or a single checkbox. */
export type FieldValue = string | string[] | boolean;

export interface Draft {
  /** Values by control name (the payload path). Never the honeypot. */
  values: Record<string, FieldValue | undefined>;
  /** How many companion blocks are shown. */
  companions: number;
  /**
   * The idempotency key of the submission in progress and the payload it was made for: after a
   * reload mid-send, sending the same data again reuses the key, so the endpoint cannot count
   * it twice.
   */
  key?: string;
  sent?: string;
}

/**
 * The stored draft of an event (`draft` not given), or stores `draft`, or with `null` removes it.
 * Never throws: unreadable or unavailable storage reads as no draft.
 */
export function storedDraft(eventId: string, draft?: Draft | null): Draft | undefined {
  const key = `bijeen-registration:${eventId}`;
  try {
    if (draft) sessionStorage.setItem(key, toJson(draft));
    else if (draft === null) sessionStorage.removeItem(key);
    else {
      const stored = JSON.parse(sessionStorage.getItem(key)!);
      if (typeof stored?.values === 'object' && stored.values) return stored;
    }
  } catch {
    // Quota, privacy mode, nothing stored: the form works without a draft.
  }
}
