/**
 * The typed draft of a registration, kept in `sessionStorage` (this tab only, gone when the tab
 * closes; never `localStorage`) so a reload loses nothing. Scoped to the event id. Storage can be
 * missing or throw (privacy modes, sandboxed frames, a full quota): the form then simply has no
 * draft.
 */

/** A control's value: text, the chosen options of a checkbox group, or a single checkbox. */
export type FieldValue = string | string[] | boolean;

export interface Draft {
  /** Values by control name (the payload path). Never the honeypot. */
  values: Record<string, FieldValue>;
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

const storageKey = (eventId: string) => `bijeen-registration:${eventId}`;

function storage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(eventId: string): Draft | undefined {
  try {
    const draft = JSON.parse(storage()?.getItem(storageKey(eventId)) ?? 'null') as Draft | null;
    if (draft && typeof draft.values === 'object' && draft.values) return draft;
  } catch {
    // Unreadable or unavailable: start empty.
  }
  return undefined;
}

export function writeDraft(eventId: string, draft: Draft): void {
  try {
    storage()?.setItem(storageKey(eventId), JSON.stringify(draft));
  } catch {
    // Quota or privacy mode: the form works without a draft.
  }
}

export function clearDraft(eventId: string): void {
  try {
    storage()?.removeItem(storageKey(eventId));
  } catch {
    // Nothing to clear.
  }
}
