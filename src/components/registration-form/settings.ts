import { attributeIssue } from '../../internal/attributes.js';
import type { DataIssue } from '../../internal/events.js';
import { MAX_COMPANIONS, resolveUrl, type EventData } from '../../schema/index.js';
import type { SendOptions } from './submit.js';

/**
 * The form's attributes, checked: the sending settings and the overrides of the event's
 * `registration`. An invalid attribute is ignored (the default or the event's own value applies)
 * and named in `issues`, by its attribute name, for the element to report.
 */

/** The attributes as the element holds them (absent ones `undefined`). */
export interface FormAttributes {
  endpoint?: string;
  format?: string;
  maxCompanions?: number;
  privacyUrl?: string;
  timeout?: number;
  retries?: number;
  retryDelay?: number;
}

/** How sending behaves: everything `sendRegistration` takes but the URL and the payload. */
export type SendSettings = Omit<SendOptions, 'url' | 'payload'>;

export interface FormSettings {
  send: SendSettings;
  /** What the attributes change in the event's `registration`. */
  overrides: { endpoint?: string; privacyUrl?: string; maxCompanions?: number };
  /** One per invalid attribute; `message` from `badValue`. */
  issues: DataIssue[];
}

/** The defaults of the sending attributes. */
export const SEND_DEFAULTS = { format: 'json', timeout: 15_000, retries: 3, retryDelay: 500 } as const;

/** The highest value each counting attribute accepts. */
const LIMITS = { timeout: 3_600_000, retries: 10, retryDelay: 60_000 };

/**
 * Checks the attributes. `badValue` words the message for a rejected value; relative URLs
 * resolve against `baseUrl` (the page; none on the server, where only absolute URLs are usable).
 */
export function checkAttributes(attributes: FormAttributes, baseUrl: string | undefined, badValue: (value: string) => string): FormSettings {
  const issues: DataIssue[] = [];
  function reject(attribute: string, value: unknown): undefined {
    issues.push(attributeIssue(attribute, badValue(String(value))));
    return undefined;
  }
  /** The URL made absolute; `undefined` when absent or unusable. */
  function url(attribute: string, value: string | undefined): string | undefined {
    if (value == null) return undefined;
    return resolveUrl(value, baseUrl) ?? reject(attribute, value);
  }
  /** A whole number from 0 to `max`; `undefined` when absent or outside. */
  function count(attribute: string, value: number | undefined, max: number): number | undefined {
    if (value == null) return undefined;
    return Number.isInteger(value) && value >= 0 && value <= max ? value : reject(attribute, value);
  }
  function format(value: string | undefined): SendSettings['format'] {
    if (value === 'json' || value === 'form') return value;
    if (value != null) reject('format', value);
    return SEND_DEFAULTS.format;
  }

  // Reported in this order: the overrides, then sending.
  const overrides = {
    endpoint: url('endpoint', attributes.endpoint),
    privacyUrl: url('privacy-url', attributes.privacyUrl),
    maxCompanions: count('max-companions', attributes.maxCompanions, MAX_COMPANIONS),
  };
  const send = {
    format: format(attributes.format),
    timeout: count('timeout', attributes.timeout, LIMITS.timeout) ?? SEND_DEFAULTS.timeout,
    retries: count('retries', attributes.retries, LIMITS.retries) ?? SEND_DEFAULTS.retries,
    retryDelay: count('retry-delay', attributes.retryDelay, LIMITS.retryDelay) ?? SEND_DEFAULTS.retryDelay,
  };
  return { send, overrides, issues };
}

/**
 * The event with the overrides applied to a copy. An endpoint attribute gives an event without
 * `registration` one (no waiting list, no companions unless `max-companions` says so).
 */
export function applyOverrides(event: EventData, { endpoint, privacyUrl, maxCompanions }: FormSettings['overrides']): EventData {
  const registration = event.registration ?? (endpoint ? { waitlist: false, maxCompanions: 0 } : undefined);
  if (!registration) return event;
  return {
    ...event,
    registration: {
      ...registration,
      ...(endpoint && { endpoint }),
      ...(privacyUrl && { privacyUrl }),
      ...(maxCompanions !== undefined && { maxCompanions }),
    },
  };
}
