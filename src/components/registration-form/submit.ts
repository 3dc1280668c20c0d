import type { RegistrationFailureReason } from '../../internal/events.js';
import { flattenPayload, type RegistrationPayload, type SchemaIssue } from '../../schema/index.js';

/**
 * Sending a registration (contract sections 4 and 5): one POST per attempt with a timeout,
 * retries with capped exponential backoff and jitter on transient failures, `Retry-After`
 * honoured, and every response classified. No DOM, no element: the form only reads the outcome.
 */

export interface SendOptions {
  /** Absolute endpoint URL. */
  url: string;
  /** The validated payload, `idempotencyKey` included. */
  payload: RegistrationPayload;
  /** `json` (default): JSON with `Idempotency-Key`; `form`: urlencoded, no custom header, no preflight. */
  format?: 'json' | 'form';
  /** Milliseconds one attempt (request and response body) may take. */
  timeout: number;
  /** Retries after the first attempt on a transient failure. */
  retries: number;
  /** Base of the backoff in milliseconds; doubles per retry up to `MAX_BACKOFF`. */
  retryDelay: number;
}

/** Accepted: the endpoint's status word (`duplicate` for a 409 "already registered"). */
export type SendOutcome =
  | { ok: true; status: 'confirmed' | 'waitlisted' | 'pending' | 'duplicate'; response: unknown; message?: string; attempts: number }
  | { ok: false; reason: RegistrationFailureReason; status?: number; errors?: SchemaIssue[]; message?: string; attempts: number };

/** The outcome of one attempt, before retrying is decided. */
type Attempt = (Omit<Extract<SendOutcome, { ok: true }>, 'attempts'> | Omit<Extract<SendOutcome, { ok: false }>, 'attempts'>) & {
  transient?: boolean;
  retryAfter?: number;
};

/** Longest wait between two attempts from the backoff. */
export const MAX_BACKOFF = 8_000;
/** A `Retry-After` beyond this is not waited for: the form gives up and offers the retry button. */
export const MAX_RETRY_AFTER = 30_000;

/**
 * Milliseconds before retry `retry` (1 for the first retry): half of `base · 2^(retry−1)`, capped
 * at `cap`, plus up to as much again at random ("equal jitter": never zero, never in lockstep).
 */
export function backoff(retry: number, base: number, cap = MAX_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(cap, base * 2 ** (retry - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** `Retry-After` (delta seconds or an HTTP date) in milliseconds from `now`; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // A proxy's HTML page, a truncated body: treated as no body.
  }
  return {};
}

/** The endpoint's own sentence, when it sent a short one. */
function messageOf(body: Record<string, unknown>): string | undefined {
  const { message } = body;
  return typeof message === 'string' && message.trim() ? message.trim().slice(0, 500) : undefined;
}

/** A 422's `errors`, keeping only well-formed entries. */
function errorsOf(body: Record<string, unknown>): SchemaIssue[] {
  const list = Array.isArray(body.errors) ? body.errors : [];
  return list
    .filter((issue) => typeof issue?.path === 'string' && typeof issue.message === 'string' && issue.message)
    .map(({ path, message }) => ({ path, message: String(message).slice(0, 500) }));
}

/** What a complete response means (contract section 5). Pure; `body` is the raw text. */
export function classify(status: number, text: string, retryAfter?: string | null): Attempt {
  const body = parseJson(text);
  const message = messageOf(body);
  if (status >= 200 && status < 300) {
    const word = body.status;
    return {
      ok: true,
      status: word === 'waitlisted' || word === 'pending' ? word : 'confirmed',
      response: Object.keys(body).length ? body : { status: 'confirmed' },
      message,
    };
  }
  if (status === 409 && body.status === 'duplicate') return { ok: true, status: 'duplicate', response: body, message };
  if (status === 409 && body.status === 'full') return { ok: false, reason: 'full', status, message };
  if (status === 422) {
    const errors = errorsOf(body);
    return { ok: false, reason: 'rejected', status, ...(errors.length ? { errors } : {}), message };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return {
      ok: false,
      reason: status === 429 ? 'rate-limited' : status === 408 ? 'timeout' : 'server',
      status,
      transient: true,
      retryAfter: retryAfterMs(retryAfter ?? null),
    };
  }
  return { ok: false, reason: 'rejected', status, message };
}

function request(payload: RegistrationPayload, format: SendOptions['format']): RequestInit {
  if (format === 'form') {
    // Only a CORS-safelisted content type (set by the body itself): no preflight.
    return { method: 'POST', body: new URLSearchParams(flattenPayload(payload)) };
  }
  return {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Idempotency-Key': payload.idempotencyKey,
    },
    body: JSON.stringify(payload),
  };
}

/** One attempt: the request and the whole response body, within `timeout`. */
async function attempt(options: SendOptions): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout);
  try {
    const response = await fetch(options.url, {
      ...request(options.payload, options.format),
      cache: 'no-store',
      signal: controller.signal,
    });
    // A body cut off half-way fails here: the attempt counts as a network failure.
    const text = await response.text();
    return classify(response.status, text, response.headers.get('Retry-After'));
  } catch {
    return { ok: false, reason: timedOut ? 'timeout' : 'network', transient: true };
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `payload` until the endpoint answers for good or `retries` retries are used up.
 * Transient: network error, timeout, 408, 429, 5xx. The wait before a retry is `backoff()`, at
 * least the server's `Retry-After`; a `Retry-After` above `MAX_RETRY_AFTER` ends the attempts.
 * Every attempt carries the same payload, so the same idempotency key.
 */
export async function sendRegistration(options: SendOptions): Promise<SendOutcome> {
  for (let attempts = 1; ; attempts++) {
    const { transient, retryAfter, ...outcome } = await attempt(options);
    if (!transient || attempts > options.retries || (retryAfter ?? 0) > MAX_RETRY_AFTER) {
      return { ...outcome, attempts };
    }
    await sleep(Math.max(backoff(attempts, options.retryDelay), retryAfter ?? 0));
  }
}
