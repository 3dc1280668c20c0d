/** Small `node:http` helpers shared by the endpoint and the demo site. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { toLocale, type Locale } from '../../src/text.js';

/** Headers on every endpoint answer: JSON is data, never a page. */
export const API_HEADERS: OutgoingHttpHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...API_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** `cutOff`: the body went past `DRAIN_LIMIT` and the connection was closed; nobody is left to answer. */
export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true; cutOff: boolean };

/** After this much discarded body the connection is cut instead of drained. */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. A larger body is read to the end and thrown away, so
 * the client gets to read the 413 instead of a reset connection; past `DRAIN_LIMIT` the request is
 * destroyed and the result is still "too large" (not an error: the client sent too much), with
 * `cutOff` set.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = declared > limit;
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          // Settle first: the 'close' that destroy() brings must not reject.
          resolve({ ok: false, tooLarge: true, cutOff: true });
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, tooLarge: true, cutOff: false } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
    // Cut off or gone: nobody is left to answer, but the promise must not hang (a later resolve is a no-op).
    req.on('close', () => reject(new Error('request closed before its body ended')));
  });
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Language of messages before the payload says: `Accept-Language` starting with `en` → English. */
export function requestLocale(req: IncomingMessage): Locale {
  return toLocale(req.headers['accept-language']?.split(',')[0]);
}

/** One header value (the first, when a client repeats it). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
