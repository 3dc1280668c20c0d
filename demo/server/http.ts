/** Small `node:http` helpers shared by the endpoint and the demo site. */
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
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

/** A request target as a URL: origin form (`/…`) or absolute http(s) form; `undefined` for anything else. */
function targetUrl(target: string | undefined): URL | undefined {
  if (!target) return undefined;
  // Origin form is put behind a fixed origin, so `//x` stays a path instead of becoming a host.
  const text = target.startsWith('/') ? `http://target.invalid${target}` : target;
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/**
 * The path of a request target (`/api/events?x` → `/api/events`), or `undefined` when the target
 * is not one this server answers: only origin form (`/…`) and absolute http(s) form
 * (`http://host/…`). Never throws, whatever bytes came in (`//`, `/\\`, `*`, `host:443`, `%`).
 */
export function targetPath(target: string | undefined): string | undefined {
  return targetUrl(target)?.pathname;
}

/** One query parameter of a request target (`/api/events?tag=wonen`, `tag` → `wonen`), or `null`. */
export function targetParam(target: string | undefined, name: string): string | null {
  return targetUrl(target)?.searchParams.get(name) ?? null;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Writes a bodiless answer with `headers` straight to the socket, then closes it: for clients no
 * handler has seen. A client that is gone (it reset the connection) or an answer already begun
 * leaves nothing to write: the socket is closed.
 */
export function answerAndClose(socket: Duplex, status: 400 | 408 | 431, headers: OutgoingHttpHeaders): void {
  const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${String(value)}`);
  const head = [`HTTP/1.1 ${status} ${REASONS[status]}`, ...lines, 'Content-Length: 0', 'Connection: close'].join('\r\n');
  socket.end(`${head}\r\n\r\n`, () => socket.destroy());
}

/**
 * Answers what Node's HTTP parser refused before any handler saw it (a malformed request line or
 * header, headers too large, a header or request timeout) with the server's own security headers,
 * then closes the connection. Without this listener Node writes a bare answer without them.
 */
export function answerClientErrors(server: Server, headers: OutgoingHttpHeaders): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    answerAndClose(socket, status, headers);
  });
}

/**
 * `tooLarge` with `cutOff`: the body went past `DRAIN_LIMIT` and the connection was closed;
 * `aborted`: the client went away before its body ended. In both, nobody is left to answer.
 */
export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; tooLarge: true; cutOff: boolean }
  | { ok: false; tooLarge: false; aborted: true };

/** After this much discarded body the connection is cut instead of drained. */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. A larger body is read to the end and thrown away, so
 * the client gets to read the 413 instead of a reset connection; past `DRAIN_LIMIT` the request is
 * destroyed and the result is still "too large" (not an error: the client sent too much), with
 * `cutOff` set.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    let tooLarge = false;
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
    // Cut off or gone: nobody is left to answer, but the promise must not hang (after 'end' this
    // resolve is a no-op). A client that goes away mid-upload is ordinary, not a server error. A
    // request emits 'error' only to listeners of its own, and 'close' in any case.
    req.on('close', () => resolve({ ok: false, tooLarge: false, aborted: true }));
  });
}

/**
 * Reads the rest of a request body and throws it away; resolves when it has ended (or the client
 * went away). Needed before an answer that closes the connection: closing with unread bytes makes
 * the kernel reset the connection, and the client never reads the answer.
 */
export function drained(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.destroyed) return resolve();
    // A request closes once its body has ended, or when the client went away.
    req.once('close', () => resolve());
    req.resume();
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
