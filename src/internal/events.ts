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

/** Every event a Bijeen element fires (contract section 3), by name. */
export interface BijeenEventMap {
  'bijeen-load': CustomEvent<{ event: EventData }>;
  'bijeen-data-error': CustomEvent<DataErrorDetail>;
  'bijeen-submit': CustomEvent<{ payload: RegistrationPayload }>;
  'bijeen-registered': CustomEvent<{ payload: RegistrationPayload; response: unknown }>;
  'bijeen-registration-failed': CustomEvent<RegistrationFailedDetail>;
  /** The card's "Aanmelden" was activated; cancel it to handle the visitor yourself. */
  'bijeen-register': CustomEvent<{ event: EventData }>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends BijeenEventMap {}
}
