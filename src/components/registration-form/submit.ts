import type { RegistrationFailureReason } from '../../internal/events.js';
import { flattenPayload, type RegistrationPayload, type DataIssue } from '../../schema/index.js';
import { toJson } from '../../internal/json.js';

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

/**
 * Accepted (`ok`): the endpoint's status word (`duplicate` for a 409 "already registered").
 * Refused or given up: the reason; `errors` holds a 422's field messages (often none).
 * `message` is the endpoint's own short sentence, if it sent one with a definite answer.
 */
export type SendOutcome =
  | { ok: true; status: 'confirmed' | 'waitlisted' | 'pending' | 'duplicate'; response: unknown; message?: string; attempts: number }
  | { ok: false; reason: RegistrationFailureReason; status?: number; errors?: DataIssue[]; message?: string; attempts: number };

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
  return (Math.min(cap, base * 2 ** (retry - 1)) * (1 + random())) / 2;
}

/** `Retry-After` (delta seconds or an HTTP date) in milliseconds from `now`; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim() ?? '';
  const ms = /^\d+$/.test(value) ? +value * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * What a complete response means (contract section 5). Pure; `text` is the raw body, read as a
 * JSON object when it is one (a proxy's HTML page or a cut-off body counts as no body).
 */
export function classify(status: number, text: string, retryAfter?: string | null): Attempt {
  let body: Record<string, unknown> = {};
  try {
    const value = JSON.parse(text);
    if (value?.constructor === Object) body = value;
  } catch {
    // Not JSON: no body.
  }
  const { status: word, message, errors } = body;
  const shown = (typeof message === 'string' && message.trim().slice(0, 500)) || undefined;
  if (status > 199 && status < 300) {
    return {
      ok: true,
      status: word === 'waitlisted' || word === 'pending' ? word : 'confirmed',
      response: Object.keys(body).length ? body : { status: 'confirmed' },
      message: shown,
    };
  }
  if (status === 409 && word === 'duplicate') return { ok: true, status: word, response: body, message: shown };
  if (status === 408 || status === 429 || status > 499) {
    const reason = status === 429 ? 'rate-limited' : status === 408 ? 'timeout' : 'server';
    return { ok: false, reason, status, transient: true, retryAfter: retryAfterMs(retryAfter ?? null) };
  }
  return {
    ok: false,
    reason: status === 409 && word === 'full' ? 'full' : 'rejected',
    status,
    message: shown,
    // A 422's field messages; only well-formed entries.
    errors: (status === 422 && Array.isArray(errors) ? errors : [])
      .filter((issue) => typeof issue?.path === 'string' && typeof issue.message === 'string' && issue.message)
      .map(({ path, message }) => ({ path, message: message.slice(0, 500) })),
  };
}

/** One attempt: the request and the whole response body, within `timeout`. */
async function attempt({ url, payload, format, timeout }: SendOptions): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(url, {
      method: 'POST',
      signal: controller.signal,
      // `form`: only a CORS-safelisted content type (set by the body itself), so no preflight.
      ...(format === 'form'
        ? { body: new URLSearchParams(flattenPayload(payload)) }
        : {
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.idempotencyKey },
            body: toJson(payload),
          }),
    });
    // A body cut off half-way fails here: the attempt counts as a network failure.
    return classify(response.status, await response.text(), response.headers.get('Retry-After'));
  } catch {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'network', transient: true };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends `payload` until the endpoint answers for good or `retries` retries are used up.
 * Transient: network error, timeout, 408, 429, 5xx. The wait before a retry is `backoff()`, at
 * least the server's `Retry-After`; a `Retry-After` above `MAX_RETRY_AFTER` ends the attempts.
 * Every attempt carries the same payload, so the same idempotency key.
 */
export async function sendRegistration(options: SendOptions): Promise<SendOutcome> {
  for (let attempts = 1; ; attempts++) {
    const { transient, retryAfter = 0, ...outcome } = await attempt(options);
    if (!transient || attempts > options.retries || retryAfter > MAX_RETRY_AFTER) return { ...outcome, attempts };
    await new Promise((resolve) => setTimeout(resolve, Math.max(backoff(attempts, options.retryDelay), retryAfter)));
  }
}
