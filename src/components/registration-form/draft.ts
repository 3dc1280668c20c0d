/**
 * The typed draft of a registration, kept in `sessionStorage` (this tab only, gone when the tab
 * closes; never `localStorage`) so a reload loses nothing. Scoped to the event id. Storage can be
 * missing or throw (privacy modes, sandboxed frames, a full quota): the form then simply has no
 * draft.
 */
import type { ReactiveControllerHost } from 'lit';
import { toJson } from '../../internal/json.js';
import { controlName, payloadPath } from '../../schema/index.js';

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

const EMPTY: Draft = { values: {}, companions: 0 };

/**
 * The draft of the event on screen, for the element: loads it when the event changes, saves
 * every change, and re-renders the host. Values are keyed by control name (`controlName`).
 */
export class DraftController {
  /** The draft shown; replaced (never changed in place) on every change. */
  draft: Draft = EMPTY;
  private eventId?: string;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Shows the stored draft of `eventId`. Returns whether it is another event than before. */
  load(eventId: string): boolean {
    if (eventId === this.eventId) return false;
    this.eventId = eventId;
    this.draft = storedDraft(eventId) ?? EMPTY;
    this.host.requestUpdate();
    return true;
  }

  /** Changes the draft and saves it. */
  change(patch: Partial<Draft>) {
    this.draft = { ...this.draft, ...patch };
    if (this.eventId !== undefined) storedDraft(this.eventId, this.draft);
    this.host.requestUpdate();
  }

  setValue(name: string, value: FieldValue) {
    this.change({ values: { ...this.draft.values, [name]: value } });
  }

  /** How many companion blocks show when at most `max` may. */
  companions(max: number): number {
    return Math.min(this.draft.companions, max);
  }

  /** Adds a companion block; returns how many there are now. */
  addCompanion(max: number): number {
    const count = this.companions(max) + 1;
    this.change({ companions: count });
    return count;
  }

  /** Removes companion `index`: the later ones move up a place with what was typed for them. Returns how many are left. */
  removeCompanion(index: number, max: number): number {
    const values: Draft['values'] = {};
    for (const [name, value] of Object.entries(this.draft.values)) {
      const path = payloadPath(name);
      const companion = path?.[0] === 'companions' ? (path[1] as number) : -1;
      if (companion < index) values[name] = value;
      else if (companion > index) values[controlName(['companions', companion - 1, ...path!.slice(2)])] = value;
    }
    const count = this.companions(max) - 1;
    this.change({ values, companions: count });
    return count;
  }

  /** Forgets the draft: the endpoint has the registration. */
  clear() {
    if (this.eventId !== undefined) storedDraft(this.eventId, null);
  }
}
