import type { DataIssue, EventData, RegistrationPayload } from '../schema/index.js';

export type { DataIssue };

export interface DataErrorDetail {
  message: string;
  issues?: DataIssue[];
}

export type RegistrationFailureReason =
  | 'network'
  | 'timeout'
  | 'server'
  | 'rate-limited'
  | 'rejected'
  | 'full';

export interface RegistrationFailedDetail {
  reason: RegistrationFailureReason;
  status?: number;
  attempts: number;
}

/** `bijeen-load` from a card, a form or the composite: its event. */
export interface EventLoadDetail {
  event: EventData;
}

/** `bijeen-load` from `<bijeen-event-list>`: the events it shows after filtering, in order. */
export interface EventListLoadDetail {
  events: readonly EventData[];
}

/** Every event a Bijeen element fires (contract section 3), by name. */
export interface BijeenEventMap {
  /** The detail depends on the element: see `ElementEventMap` for one element's. */
  'bijeen-load': CustomEvent<EventLoadDetail | EventListLoadDetail>;
  'bijeen-data-error': CustomEvent<DataErrorDetail>;
  'bijeen-submit': CustomEvent<{ payload: RegistrationPayload }>;
  'bijeen-registered': CustomEvent<{ payload: RegistrationPayload; response: unknown }>;
  'bijeen-registration-failed': CustomEvent<RegistrationFailedDetail>;
  /** The card's "Aanmelden" was activated; cancel it to handle the visitor yourself. */
  'bijeen-register': CustomEvent<{ event: EventData }>;
}

/** The events of the element `Tag`, with `bijeen-load` carrying what that element sends. */
export type ElementEventMap<Tag extends string> = Omit<BijeenEventMap, 'bijeen-load'> & {
  'bijeen-load': CustomEvent<Tag extends 'bijeen-event-list' ? EventListLoadDetail : EventLoadDetail>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends BijeenEventMap {}
}
