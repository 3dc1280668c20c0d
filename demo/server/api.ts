/**
 * The reference registration endpoint (contract sections 4, 5 and 7) on `node:http`.
 *
 *   GET  /api/events                         { events: [event, …] }, date order, live `remaining`; `?tag=a,b`: only those tags
 *   GET  /api/events.ics                     the agenda as a calendar feed (calendar-feed.ts); `?tag=` as above
 *   GET  /api/events/:id                     the event's JSON, live `registration.remaining`
 *   POST /api/events/:id/registrations       a registration (JSON or form-encoded)
 *   GET  /api/events/:id/registrations.csv   the organiser's export, `Authorization: Bearer $ADMIN_TOKEN`; `?sep=;` for Dutch Excel
 *   GET  /api/events/:id/registrations.xlsx  the same as a spreadsheet, same token
 *   GET  /api/people?email=…                 everything stored about one address (people.ts), same token
 *   DELETE /api/people?email=…               erases that address everywhere, same token
 *   GET, POST /registration/:token           the registrant's own page (self-service.ts): an HTML page, not JSON
 *
 * CORS: event data is public, so the GET routes answer any origin (`*`): that is what lets any
 * partner page show a card. Registrations are only accepted from `ALLOWED_ORIGINS`: the preflight
 * and the answers carry CORS headers for those origins only, and a POST whose `Origin` is another
 * site is refused here as well (403), since a form-encoded POST needs no preflight. A request
 * without `Origin` (curl, a server) is not a browser page and is let through.
 *
 * Every answer is JSON (the exports aside). Non-2xx bodies are `{ status, message }` with a
 * machine-readable `status`, except 422 which is `{ errors: [{ path, message }], message }`.
 * Every answer, errors included, carries `API_HEADERS`; no request can throw out of the handler.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { opensAtSentence, schemaMessages, type Locale } from '../../src/text.js';
import {
  isHoneypotFilled,
  isHttpUrl,
  isRecord,
  refuseControlCharacters,
  refuseOversized,
  hasAnyTag,
  tagList,
  unflattenForm,
  validateRegistration,
} from '../../src/schema/index.js';
import { calendarFeed } from './calendar-feed.js';
import { registrationsCsv, type CsvSeparator } from './csv.js';
import { closedReason, liveEvent, placeLimits, type LoadedEvent } from './events.js';
import { API_HEADERS, drained, header, mediaType, readBody, requestLocale, sendJson, targetParam, targetPath } from './http.js';
import { endpointMessages } from './messages.js';
import type { Notices } from './mail/notices.js';
import { answerPeople } from './people.js';
import type { PlaceLimiter, RateLimiter } from './rate-limit.js';
import type { RegistrationStore, StoredResponse, Taken } from './store.js';
import { registrationsXlsx, XLSX_TYPE } from './xlsx.js';

export interface ApiOptions {
  events: Map<string, LoadedEvent>;
  store: RegistrationStore;
  limiter: RateLimiter;
  /** Places per client address per event per hour (`PLACE_LIMIT`). */
  placeLimiter: PlaceLimiter;
  /** Wrong admin tokens per client: one token per failed attempt. */
  tokenGuesses: RateLimiter;
  /** Take the client address from `X-Forwarded-For` (see `Config.trustProxy`). */
  trustProxy: boolean;
  /** Origins allowed to post registrations. */
  allowedOrigins: Set<string>;
  adminToken: string | undefined;
  bodyLimit: number;
  log: (line: string) => void;
  /** True once shutdown began: new requests get 503 + `Retry-After`. */
  isClosing: () => boolean;
  /** The mails each change sends (queued by the store in the change's transaction). */
  notices: Notices;
  /** Called after a change that queued mail: the sender looks at the queue at once. */
  mailQueued: () => void;
  /** Erasure: removes the copies of erased mails (the outbox's files). */
  forgetMails: (ids: number[]) => Promise<void>;
  /** Double opt-in (`CONFIRM_EMAIL`): how long a pending registration holds its places; `undefined`: off. */
  holdMinutes: number | undefined;
  /** The registrant's own page, `/registration/:token`. */
  selfService: { handle: (req: IncomingMessage, res: ServerResponse, token: string) => Promise<void> };
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Most distinct field names a form-encoded registration may have: the form's fields, 10 companions and every question, with room to spare. */
const MAX_FORM_FIELDS = 300;
/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE = '600';

/** Who the rate limit counts: the socket's peer, or behind a trusted proxy the address it forwarded. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? header(req, 'x-forwarded-for')?.split(',').pop()!.trim() : undefined;
  return forwarded || req.socket.remoteAddress || 'unknown';
}

const PUBLIC_CORS: OutgoingHttpHeaders = { 'Access-Control-Allow-Origin': '*' };

const NOTHING_TAKEN: Taken = { places: 0, nonMemberPlaces: 0 };

type ExportFormat = 'csv' | 'xlsx';

type Route =
  | { name: 'list' }
  | { name: 'calendar' }
  | { name: 'event'; id: string }
  | { name: 'registrations'; id: string }
  | { name: 'export'; id: string; format: ExportFormat }
  | { name: 'people' }
  | { name: 'root' }
  | { name: 'self-service'; token: string }
  | undefined;

function route(pathname: string): Route {
  if (pathname === '/' || pathname === '/api' || pathname === '/api/') return { name: 'root' };
  const personal = /^\/registration\/([^/]*)$/.exec(pathname);
  if (personal) return { name: 'self-service', token: personal[1]! };
  if (pathname === '/api/events.ics') return { name: 'calendar' };
  if (pathname === '/api/people') return { name: 'people' };
  const parts = pathname.split('/');
  // ['', 'api', 'events', id?, tail?]
  if (parts[1] !== 'api' || parts[2] !== 'events' || parts.length > 5) return undefined;
  if (parts.length === 3 || (parts.length === 4 && parts[3] === '')) return { name: 'list' };
  let id: string;
  try {
    id = decodeURIComponent(parts[3]!);
  } catch {
    return undefined;
  }
  if (id === '') return undefined;
  if (parts.length === 4) return { name: 'event', id };
  if (parts[4] === 'registrations') return { name: 'registrations', id };
  if (parts[4] === 'registrations.csv') return { name: 'export', id, format: 'csv' };
  if (parts[4] === 'registrations.xlsx') return { name: 'export', id, format: 'xlsx' };
  return undefined;
}

/** JSON with sorted keys: the same payload always hashes the same, whatever order it came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    isRecord(entry) ? Object.fromEntries(Object.keys(entry).sort().map((key) => [key, entry[key]])) : entry,
  );
}

/**
 * The fingerprint of a request as it was sent (parsed JSON, or the form's fields grouped), not as it
 * validated: a retry must match its first attempt even when the event's rules changed in between.
 */
function requestHash(input: unknown): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}

/** Constant-time comparison of a presented secret with the configured one. */
function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * This endpoint's address as the request names it (its `Host`), against which the event files'
 * relative URLs resolve, as they do for a card that loads the JSON from here. `localhost` when the
 * header is missing or no host.
 */
function requestBase(req: IncomingMessage): URL {
  const host = header(req, 'host');
  try {
    if (host && /^[\w.-]+(?::\d+)?$|^\[[\d:a-f.]+\](?::\d+)?$/i.test(host)) return new URL(`http://${host}/api/events.ics`);
  } catch {
    // Not a host after all: the stand-in below.
  }
  return new URL('http://localhost/api/events.ics');
}

export function createApiHandler(options: ApiOptions) {
  const { events, store, limiter, placeLimiter, tokenGuesses, trustProxy, allowedOrigins, adminToken, bodyLimit, log } = options;

  /** Whether the request comes from a page of an allowed origin. */
  function fromAllowedOrigin(req: IncomingMessage): boolean {
    const origin = header(req, 'origin');
    return origin !== undefined && allowedOrigins.has(origin);
  }

  /** CORS headers for the registration routes: only for an allowed origin. */
  function registrationCors(req: IncomingMessage): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = { Vary: 'Origin' };
    if (fromAllowedOrigin(req)) {
      headers['Access-Control-Allow-Origin'] = header(req, 'origin');
      // Cross-origin scripts may read only safelisted headers; the form needs Retry-After.
      headers['Access-Control-Expose-Headers'] = 'Retry-After';
    }
    return headers;
  }

  async function eventWithPlaces(event: LoadedEvent) {
    return liveEvent(event, await store.taken(event.data.id));
  }

  function preflight(req: IncomingMessage, res: ServerResponse, where: Route): void {
    if (where?.name === 'list' || where?.name === 'event' || where?.name === 'root') {
      res.writeHead(204, {
        ...API_HEADERS,
        ...PUBLIC_CORS,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
      });
      res.end();
      return;
    }
    if (where?.name === 'registrations' && fromAllowedOrigin(req)) {
      res.writeHead(204, {
        ...API_HEADERS,
        ...registrationCors(req),
        'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
      });
      res.end();
      return;
    }
    // No CORS headers: the browser refuses to send the real request.
    const messages = endpointMessages(requestLocale(req));
    if (where === undefined) sendJson(res, 404, { status: 'not_found', message: messages.pageNotFound }, { Vary: 'Origin' });
    else sendJson(res, 403, { status: 'forbidden', message: messages.origin }, { Vary: 'Origin' });
  }

  /**
   * The organiser's routes (exports, access and erasure requests) let a request through only with
   * `Authorization: Bearer $ADMIN_TOKEN`; otherwise it is answered here and this returns false.
   */
  function admitted(req: IncomingMessage, res: ServerResponse): boolean {
    const messages = endpointMessages(requestLocale(req));
    // Disabled without a token: as if the route did not exist.
    if (adminToken === undefined) {
      sendJson(res, 404, { status: 'not_found', message: messages.pageNotFound });
      return false;
    }
    // After too many wrong tokens a client waits, right token or not: guessing stays slow.
    const client = clientAddress(req, trustProxy);
    const wait = tokenGuesses.peek(client);
    if (wait > 0) {
      sendJson(
        res,
        429,
        { status: 'rate_limited', message: messages.tokenThrottled(wait), retryAfter: wait },
        { 'Retry-After': String(wait) },
      );
      return false;
    }
    // The HTTP parser has trimmed the value: no white space after the token.
    const match = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
    if (!match || !sameSecret(match[1]!, adminToken)) {
      tokenGuesses.take(client);
      sendJson(res, 401, { status: 'unauthorized', message: messages.unauthorized }, { 'WWW-Authenticate': 'Bearer realm="bijeen"' });
      return false;
    }
    return true;
  }

  /** The CSV's separator from `?sep=`: a comma unless asked for a semicolon; `undefined` for anything else. */
  function csvSeparator(req: IncomingMessage): CsvSeparator | undefined {
    const asked = targetParam(req.url, 'sep');
    if (asked === null || asked === ',') return ',';
    return asked === ';' ? ';' : undefined;
  }

  async function exportRegistrations(req: IncomingMessage, res: ServerResponse, id: string, format: ExportFormat): Promise<void> {
    const messages = endpointMessages(requestLocale(req));
    const event = events.get(id);
    if (!event) return sendJson(res, 404, { status: 'not_found', message: messages.notFound });
    let body: string | Buffer;
    if (format === 'csv') {
      const separator = csvSeparator(req);
      if (separator === undefined) return sendJson(res, 400, { status: 'bad_request', message: messages.badSeparator });
      body = registrationsCsv(event.data, await store.list(id), separator);
    } else {
      body = await registrationsXlsx(event.data, await store.list(id));
    }
    res.writeHead(200, {
      ...API_HEADERS,
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${id.replace(/[^A-Za-z0-9_-]/g, '_')}-aanmeldingen.${format}"`,
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function register(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const cors = registrationCors(req);
    let locale: Locale = requestLocale(req);
    const reply = (status: number, body: Record<string, unknown>, extra: OutgoingHttpHeaders = {}) =>
      sendJson(res, status, body, { ...cors, ...extra });
    const refuse = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
      reply(status, { status: code, message, ...extra });

    const origin = header(req, 'origin');
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      req.resume();
      return sendJson(res, 403, { status: 'forbidden', message: endpointMessages(locale).origin }, { Vary: 'Origin' });
    }
    const client = clientAddress(req, trustProxy);
    const wait = limiter.take(client);
    if (wait > 0) {
      req.resume();
      return reply(
        429,
        { status: 'rate_limited', message: endpointMessages(locale).rateLimited(wait), retryAfter: wait },
        { 'Retry-After': String(wait) },
      );
    }
    const event = events.get(id);
    if (!event || !event.data.registration) {
      req.resume();
      const messages = endpointMessages(locale);
      return refuse(404, 'not_found', event ? messages.noRegistration : messages.notFound);
    }
    const type = mediaType(header(req, 'content-type'));
    if (type !== JSON_TYPE && type !== FORM_TYPE) {
      req.resume();
      return refuse(415, 'unsupported_media_type', endpointMessages(locale).mediaType);
    }
    const body = await readBody(req, bodyLimit);
    if (!body.ok) {
      if (!body.tooLarge) {
        log(`info: POST ${JSON.stringify(req.url)}: the client went away before its body ended`);
        return;
      }
      // Cut off past the drain limit: the connection is gone, there is nobody to answer.
      if (body.cutOff) return;
      return refuse(413, 'too_large', endpointMessages(locale).tooLarge(bodyLimit));
    }

    let input: Record<string, unknown>;
    let honeypot: boolean;
    if (type === JSON_TYPE) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.text);
      } catch {
        return refuse(400, 'bad_request', endpointMessages(locale).badJson);
      }
      if (!isRecord(parsed)) return refuse(400, 'bad_request', endpointMessages(locale).notObject);
      input = parsed;
      honeypot = isHoneypotFilled(input);
    } else {
      const params = new URLSearchParams(body.text);
      // The form's own fields are a few dozen: thousands of names are refused before they are
      // grouped (each name is looked up among all the fields).
      if (new Set(params.keys()).size > MAX_FORM_FIELDS) return refuse(400, 'bad_request', endpointMessages(locale).tooManyFields);
      honeypot = isHoneypotFilled(params);
      input = unflattenForm(params, event.data);
    }
    if (input.locale === 'en' || input.locale === 'nl') locale = input.locale;
    const messages = endpointMessages(locale);
    const { data } = event;
    /** The key came with a different registration before: a 422 on the key, whoever noticed it. */
    const keyReused = () =>
      reply(422, { errors: [{ path: 'idempotencyKey', message: messages.keyReused }], message: messages.keyReused });

    // A bot filled in the hidden field: pretend all went well, keep nothing.
    if (honeypot) {
      log(`honeypot: discarded a registration for ${id}`);
      return reply(201, { id: crypto.randomUUID(), status: 'confirmed', message: messages.confirmed(data.title) });
    }

    const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey : undefined;
    const keyHeader = header(req, 'idempotency-key');
    // JSON clients send the key twice (header and body); a form post cannot set headers.
    if ((type === JSON_TYPE && keyHeader === undefined) || (keyHeader !== undefined && keyHeader !== key)) {
      return refuse(400, 'bad_request', messages.idempotencyHeader);
    }

    const checked = refuseOversized(input, data, locale) ?? validateRegistration(input, data, locale);
    const validation = (checked.success && refuseControlCharacters(checked.data, locale)) || checked;
    // Where the form was filled in, for the organiser: kept only when it is an http(s) URL.
    if (validation.success && !isHttpUrl(validation.data.source)) validation.data.source = '';
    // A retry of an accepted registration gets its first answer, even if registration has closed
    // or the event's rules have changed since.
    const hash = requestHash(input);
    const earlier = key === undefined ? undefined : await store.findByKey(key);
    if (earlier) {
      if (hash === earlier.payloadHash) {
        return reply(earlier.response.status, earlier.response.body, { 'Idempotent-Replayed': 'true' });
      }
      return keyReused();
    }

    const reason = closedReason(data, Date.now());
    if (reason) {
      const opens = reason === 'not-open' ? opensAtSentence(data, locale) : '';
      return refuse(403, 'closed', messages.closed[reason](opens), { reason });
    }
    if (!validation.success) return reply(422, { errors: validation.issues, message: validation.message });

    const payload = validation.data;
    const settings = data.registration!;
    const places = 1 + payload.companions.length;
    // Taken before the store is asked, so two requests of one client cannot both slip through;
    // given back when no place was granted.
    const placeWait = placeLimiter.take(id, client, places);
    if (placeWait > 0) {
      return reply(
        429,
        { status: 'place_limited', message: messages.placeLimited(placeWait), retryAfter: placeWait },
        { 'Retry-After': String(placeWait) },
      );
    }
    const outcome = await store.register({
      eventId: id,
      payload,
      payloadHash: hash,
      ...placeLimits(event),
      maxCompanionsPerOrganisation: settings.maxCompanionsPerOrganisation,
      waitlist: settings.waitlist,
      confirmBy: options.holdMinutes === undefined ? undefined : new Date(Date.now() + options.holdMinutes * 60_000).toISOString(),
      respond: ({ id: registrationId, status }): StoredResponse => ({
        status: 201,
        body: { id: registrationId, status, message: messages[status](data.title) },
      }),
      notify: options.notices.context().notify,
    });
    if (outcome.kind !== 'created') placeLimiter.giveBack(id, client, places);
    switch (outcome.kind) {
      case 'created': {
        const { registration } = outcome;
        log(`registration ${registration.id} for ${id}: ${registration.status}, ${places} place(s)`);
        options.mailQueued();
        return reply(outcome.response.status, outcome.response.body);
      }
      case 'replay':
        return reply(outcome.response.status, outcome.response.body, { 'Idempotent-Replayed': 'true' });
      case 'key-conflict':
        return keyReused();
      case 'duplicate':
        return refuse(409, 'duplicate', messages.duplicate);
      case 'companions-refused': {
        // One person, one place: the form shows each at that companion's e-mail field, in form order.
        const errors = [
          ...outcome.repeated.map((index) => ({ index, message: messages.companionRepeated })),
          ...outcome.registered.map((index) => ({ index, message: messages.companionRegistered })),
        ]
          .sort((a, b) => a.index - b.index)
          .map(({ index, message }) => ({ path: `companions.${index}.email`, message }));
        return reply(422, { errors, message: schemaMessages[locale].registrationInvalid(errors.length) });
      }
      case 'organisation-limit': {
        // Each companion beyond what the organisation has left, at its block in the form.
        const max = settings.maxCompanionsPerOrganisation!;
        const errors = payload.companions
          .slice(outcome.left)
          .map((_, index) => ({ path: `companions.${outcome.left + index}`, message: messages.organisationCompanions(outcome.left, max) }));
        return reply(422, { errors, message: schemaMessages[locale].registrationInvalid(errors.length) });
      }
      case 'full': {
        const { remaining, nonMember } = outcome;
        let message: string;
        if (nonMember) message = messages.nonMembersFull(data.title, remaining, places);
        else message = remaining > 0 ? messages.notEnough(data.title, remaining, places) : messages.full(data.title);
        return refuse(409, 'full', message, { remaining, ...(nonMember && { scope: 'non-member' }) });
      }
    }
  }

  /** The calendar feed, or 304 when the client holds it already (`If-None-Match`). */
  function sendCalendar(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const { body, etag } = calendarFeed(events.values(), {
      now: Date.now(),
      tags: tagList(targetParam(req.url, 'tag')),
      apiBase: requestBase(req),
      locale: requestLocale(req),
    });
    // Calendar apps keep the feed and ask again with its ETag; `no-cache` lets them keep it.
    const headers = { ...API_HEADERS, ...PUBLIC_CORS, 'Cache-Control': 'no-cache', ETag: etag };
    const held = header(req, 'if-none-match')?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (held?.includes(etag) || held?.includes('*')) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = targetPath(req.url);
    const messages = endpointMessages(requestLocale(req));
    if (pathname === undefined) {
      req.resume();
      return sendJson(res, 400, { status: 'bad_request', message: messages.badTarget });
    }
    const where = route(pathname);
    const method = req.method ?? 'GET';

    if (options.isClosing()) {
      await drained(req);
      return sendJson(res, 503, { status: 'unavailable', message: messages.unavailable }, {
        ...(where?.name === 'registrations' ? registrationCors(req) : PUBLIC_CORS),
        'Retry-After': '2',
        Connection: 'close',
      });
    }
    if (method === 'OPTIONS') return preflight(req, res, where);

    const notAllowed = (allow: string, headers: OutgoingHttpHeaders = {}) => {
      req.resume();
      sendJson(res, 405, { status: 'method_not_allowed', message: messages.method }, { ...headers, Allow: allow });
    };
    const isRead = method === 'GET' || method === 'HEAD';

    switch (where?.name) {
      case 'root':
        if (!isRead) return notAllowed('GET, HEAD, OPTIONS', PUBLIC_CORS);
        return sendJson(res, 200, { name: 'Bijeen reference endpoint', events: '/api/events' }, PUBLIC_CORS);
      case 'list': {
        if (!isRead) return notAllowed('GET, HEAD, OPTIONS', PUBLIC_CORS);
        const taken = await store.takenByEvent();
        const tags = tagList(targetParam(req.url, 'tag'));
        const list = [...events.values()]
          .filter((event) => hasAnyTag(event.data, tags))
          .map((event) => liveEvent(event, taken.get(event.data.id) ?? NOTHING_TAKEN));
        return sendJson(res, 200, { events: list }, PUBLIC_CORS);
      }
      case 'calendar':
        if (!isRead) return notAllowed('GET, HEAD, OPTIONS', PUBLIC_CORS);
        return sendCalendar(req, res);
      case 'event': {
        if (!isRead) return notAllowed('GET, HEAD, OPTIONS', PUBLIC_CORS);
        const event = events.get(where.id);
        if (!event) return sendJson(res, 404, { status: 'not_found', message: messages.notFound }, PUBLIC_CORS);
        return sendJson(res, 200, await eventWithPlaces(event), PUBLIC_CORS);
      }
      case 'registrations':
        if (method !== 'POST') return notAllowed('POST, OPTIONS', registrationCors(req));
        return register(req, res, where.id);
      case 'export':
        if (!isRead) return notAllowed('GET, HEAD');
        req.resume();
        if (!admitted(req, res)) return;
        return exportRegistrations(req, res, where.id, where.format);
      case 'people':
        if (!isRead && method !== 'DELETE') return notAllowed('GET, HEAD, DELETE');
        req.resume();
        if (!admitted(req, res)) return;
        return answerPeople(req, res, {
          store,
          events,
          log,
          context: () => options.notices.context(),
          mailQueued: options.mailQueued,
          forgetMails: options.forgetMails,
        });
      case 'self-service':
        return options.selfService.handle(req, res, where.token);
      default:
        req.resume();
        return sendJson(res, 404, { status: 'not_found', message: messages.pageNotFound });
    }
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      // Nothing here may throw again: an exception that escapes ends the whole process.
      try {
        const pathname = targetPath(req.url);
        // The path without its query: `/api/people?email=…` must not put the address in the log.
        log(`error: ${req.method} ${JSON.stringify(pathname ?? req.url)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const messages = endpointMessages(requestLocale(req));
        const where = pathname === undefined ? undefined : route(pathname);
        sendJson(res, 500, { status: 'error', message: messages.server }, where?.name === 'registrations' ? registrationCors(req) : {});
      } catch {
        res.destroy();
      }
    });
  };
}
