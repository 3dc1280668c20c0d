/**
 * URL rules shared by every URL field of the event data (contract section 2): an absolute
 * `https:` URL, `http:` only on the loopback host, or a relative URL. Parsing goes through the
 * platform's own URL parser, which already removes tabs, newlines and leading control characters
 * and lower-cases the scheme, so `java\tscript:` or ` JaVaScRiPt:` arrive as `javascript:` and fail.
 */

import { remembered } from './remembered.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Base for the allow-list check only: a relative URL resolves against it as `https:`. */
const PROBE_BASE = 'https://relative.invalid/';

/** Longest URL a field accepts. */
export const MAX_URL_LENGTH = 2048;

function toUrl(raw: string, base?: string): URL | undefined {
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

function isAllowedTarget(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** Whether `raw`, of an allowed length, is allowed (see `isAllowedUrl`). */
const allowed = remembered((raw) => {
  const url = toUrl(raw, PROBE_BASE);
  return url !== undefined && isAllowedTarget(url);
});

/**
 * Whether `raw` may stand in a URL field: absolute `https:`, `http:` on localhost / 127.0.0.1 /
 * [::1], or relative. Rejects `javascript:`, `data:`, `vbscript:`, `file:`, `mailto:` and every
 * other scheme, also when obfuscated with whitespace, control characters or mixed case.
 */
export function isAllowedUrl(raw: string): boolean {
  return raw.length > 0 && raw.length <= MAX_URL_LENGTH && allowed(raw);
}

/** `raw`, of an allowed length, as an absolute URL: its `href` when allowed, else `false`; `undefined` when it is relative. */
const absoluteUrl = remembered((raw): string | false | undefined => {
  const url = toUrl(raw);
  return url && (isAllowedTarget(url) ? url.href : false);
});

/**
 * The absolute form of an allowed URL: relative URLs are resolved against `base` (the URL of the
 * document that gave the data, absolute). `undefined` when `raw` is not allowed, or is relative and
 * cannot be resolved to an `http(s):` URL (no or unusable base).
 */
export function resolveUrl(raw: string, base?: string): string | undefined {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return undefined;
  // An absolute URL is allowed or not on its own: one parse decides (an agenda resolves thousands).
  const absolute = absoluteUrl(raw);
  if (absolute !== undefined) return absolute || undefined;
  if (!base || !isAllowedUrl(raw)) return undefined;
  const resolved = toUrl(raw, base);
  // A relative URL takes its scheme from the document, so http is fine here (same page, same scheme);
  // but a scheme-relative `//other.host/` on an http page would be cleartext to a foreign host.
  return resolved && (resolved.protocol === 'https:' || (resolved.protocol === 'http:' && resolved.origin === toUrl(base)?.origin))
    ? resolved.href
    : undefined;
}
