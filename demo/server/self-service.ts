/**
 * The registrant's own page, on the endpoint's origin: `/registration/<token>`, the personal link
 * from the mails. It shows the registration and lets the registrant confirm it (double opt-in),
 * take a companion off or cancel it. Plain HTML, no script: it works without JavaScript, under a
 * CSP that allows nothing but its own style block and posting to itself.
 *
 *   GET  /registration/<token>                        the registration; `?lang=nl|en`
 *   GET  /registration/<token>?step=cancel            "cancel?" with the button that does it
 *   GET  /registration/<token>?step=remove&companion=N "take N off?" with its button
 *   POST /registration/<token>                        action=confirm|cancel|remove (+ companion, form)
 *
 * Mail scanners and link previews open links, so a GET never changes anything; every change is a
 * POST from this page, answered with 303 to the page (so a reload does not post again). The POST is
 * refused (403) unless:
 * - it comes from this origin: `Sec-Fetch-Site: same-origin` where the browser sends it, else an
 *   `Origin` equal to this endpoint's; a request with neither is no browser's (curl), so no page of
 *   another site can have sent it; and
 * - it carries the page's form token, an HMAC of the registration's id keyed with the link's token
 *   (`formToken()`): only a page rendered for this link has it, so neither a bare POST to the link
 *   (a scanner "clicking" through) nor another registration's page can act on it.
 * The link's token is the credential, as in a password-reset link; it is 256 random bits, checked
 * for its format before the database is asked, and stored only as a hash. Cancelling twice, or
 * taking a companion off twice, changes nothing the second time.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { formatMoment, type Locale } from '../../src/text.js';
import { time, type EventData } from '../../src/schema/index.js';
import { formToken, hashToken, isFormToken, TOKEN_FORMAT } from './access-token.js';
import { resolvedAt, type LoadedEvent } from './events.js';
import { header, mediaType, readBody, requestLocale, targetParam } from './http.js';
import { registrationPath, type Notices } from './mail/notices.js';
import { companionHeading, eventFacts, registrationFacts, valueHtml, type Fact } from './registration-facts.js';
import { selfServiceMessages, type SelfServiceMessages } from './self-service-messages.js';
import { escapeHtml } from './html.js';
import type { RegistrationStore, StoredRegistration, TokenOutcome } from './store.js';

export interface SelfServiceOptions {
  store: RegistrationStore;
  events: Map<string, LoadedEvent>;
  notices: Notices;
  /** This endpoint's public origin (`API_ORIGIN`, else derived): a POST's `Origin` must be it. */
  publicOrigin: () => URL;
  /** Called after a change that queued mail. */
  mailQueued: () => void;
  log: (line: string) => void;
}

/** A form post from this page is a few hundred bytes. */
const BODY_LIMIT = 2_048;

const STYLE = `
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1a1a1a; background: #fff; }
header, main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
header { text-align: right; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
dl { margin: 0; }
dl div { display: grid; grid-template-columns: minmax(8rem, 1fr) 2fr; gap: 0 1rem; padding: 0.25rem 0; border-bottom: 1px solid #ccc; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
a { color: #0b5cad; }
button { font: inherit; padding: 0.5rem 1rem; border: 2px solid #0b5cad; border-radius: 0.25rem; background: #0b5cad; color: #fff; cursor: pointer; }
button.danger { border-color: #a4262c; background: #a4262c; }
a:focus-visible, button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.notice { border-left: 0.5rem solid #0b5cad; padding: 0.5rem 1rem; background: #eef4fb; }
`;

/** The CSP allows exactly this style block. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const PAGE_HEADERS: OutgoingHttpHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // The token is in the path: it must never travel in a Referer (the map and event links).
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Robots-Tag': 'noindex, nofollow',
};

type Done = keyof SelfServiceMessages['done'];

function facts(list: Fact[]): string {
  const rows = list.map(([label, entry]) => `    <div><dt>${escapeHtml(label)}</dt><dd>${valueHtml(entry, escapeHtml)}</dd></div>`);
  return `  <dl>\n${rows.join('\n')}\n  </dl>`;
}

/** A whole page: language switch, one `main` with the content. */
function page(locale: Locale, title: string, main: string, switchTo?: string): string {
  const other: Locale = locale === 'en' ? 'nl' : 'en';
  const text = selfServiceMessages(locale);
  const language = switchTo
    ? `<header><a href="${escapeHtml(switchTo)}" hreflang="${other}" lang="${other}">${escapeHtml(text.otherLanguage)}</a></header>\n`
    : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${language}<main>
${main}
</main>
</body>
</html>
`;
}

/** A button that posts one action from this page. */
function actionForm(path: string, fields: Record<string, string>, label: string, danger = false): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  return `  <form method="post" action="${escapeHtml(path)}">${hidden}<button type="submit"${danger ? ' class="danger"' : ''}>${escapeHtml(label)}</button></form>`;
}

export function createSelfService(options: SelfServiceOptions) {
  const { store, events, notices } = options;

  function send(res: ServerResponse, status: number, html: string, extra: OutgoingHttpHeaders = {}): void {
    res.writeHead(status, { ...PAGE_HEADERS, ...extra, 'Content-Length': Buffer.byteLength(html) });
    res.end(html);
  }

  /** The language asked for with `?lang=`, else the registration's, else the browser's. */
  function localeOf(req: IncomingMessage, registration?: StoredRegistration): Locale {
    const asked = targetParam(req.url, 'lang');
    if (asked === 'nl' || asked === 'en') return asked;
    return registration?.payload.locale ?? requestLocale(req);
  }

  function message(res: ServerResponse, status: number, locale: Locale, title: string, text: string, extra: OutgoingHttpHeaders = {}): void {
    send(res, status, page(locale, title, `  <h1>${escapeHtml(title)}</h1>\n  <p>${escapeHtml(text)}</p>`), extra);
  }

  const notFound = (res: ServerResponse, locale: Locale) => {
    const text = selfServiceMessages(locale);
    message(res, 404, locale, text.notFoundTitle, text.notFound);
  };

  /** The registration's page, a confirmation step, or a notice after a change. */
  function render(req: IncomingMessage, registration: StoredRegistration, token: string, event: EventData, locale: Locale): string {
    const text = selfServiceMessages(locale);
    const path = registrationPath(token);
    const here = (params: Record<string, string>) => `${path}?${new URLSearchParams({ ...params, lang: locale })}`;
    const form = formToken(token, registration.id);
    const live = registration.status !== 'cancelled' && registration.status !== 'expired';
    const title = text.title(event.title);
    const switchTo = (params: Record<string, string>) => `${path}?${new URLSearchParams({ ...params, lang: locale === 'en' ? 'nl' : 'en' })}`;

    const step = targetParam(req.url, 'step');
    if (live && step === 'cancel') {
      const main = [
        `  <h1>${escapeHtml(text.cancelHeading)}</h1>`,
        `  <p>${escapeHtml(text.cancelQuestion(event.title))}</p>`,
        `  <p>${escapeHtml(text.cancelExplain)}</p>`,
        actionForm(path, { action: 'cancel', form, lang: locale }, text.cancelButton, true),
        `  <p><a href="${escapeHtml(here({}))}">${escapeHtml(text.back)}</a></p>`,
      ].join('\n');
      return page(locale, `${text.cancelHeading}: ${event.title}`, main, switchTo({ step: 'cancel' }));
    }
    const index = Number(targetParam(req.url, 'companion'));
    const companion = step === 'remove' && Number.isInteger(index) ? registration.payload.companions[index] : undefined;
    if (live && companion) {
      const main = [
        `  <h1>${escapeHtml(text.removeHeading(companion.name))}</h1>`,
        `  <p>${escapeHtml(text.removeQuestion(companion.name, event.title))}</p>`,
        `  <p>${escapeHtml(text.removeExplain(companion.name))}</p>`,
        actionForm(path, { action: 'remove', companion: companion.email, form, lang: locale }, text.removeButton(companion.name), true),
        `  <p><a href="${escapeHtml(here({}))}">${escapeHtml(text.back)}</a></p>`,
      ].join('\n');
      return page(locale, `${text.removeHeading(companion.name)}: ${event.title}`, main, switchTo({ step: 'remove', companion: String(index) }));
    }

    const done = targetParam(req.url, 'done');
    // Own keys only: `in` would also find `toString` and the like on the prototype (a 500).
    const notice = done && Object.hasOwn(text.done, done) ? `  <div class="notice" role="status"><p>${escapeHtml(text.done[done as Done])}</p></div>` : '';
    const pending = registration.status === 'pending' || registration.status === 'pending-waitlist';
    const sections = [
      `  <h1>${escapeHtml(text.heading)}</h1>`,
      notice,
      `  <p><strong>${escapeHtml(text.status[registration.status])}</strong></p>`,
      pending && registration.confirmBy
        ? `  <p>${escapeHtml(text.confirmBy(formatMoment(time(registration.confirmBy), locale, event.timeZone)))}</p>\n${actionForm(path, { action: 'confirm', form, lang: locale }, text.confirm)}`
        : '',
      `  <h2>${escapeHtml(text.event)}</h2>`,
      `  <p>${escapeHtml(event.title)}</p>`,
      facts(eventFacts(event, locale)),
      `  <h2>${escapeHtml(text.details)}</h2>`,
      facts(registrationFacts(registration.payload, event, locale)),
    ];
    if (live && registration.payload.companions.length > 0) {
      const heading = companionHeading(event, locale);
      const items = registration.payload.companions.map(
        (person, position) =>
          `    <li>${escapeHtml(heading)} ${position + 1}: ${escapeHtml(person.name)} — <a href="${escapeHtml(here({ step: 'remove', companion: String(position) }))}">${escapeHtml(text.removeLink(person.name))}</a></li>`,
      );
      sections.push(`  <h2>${escapeHtml(text.companions)}</h2>`, `  <ul>\n${items.join('\n')}\n  </ul>`);
    }
    if (live) {
      sections.push(
        `  <h2>${escapeHtml(text.cancelHeading)}</h2>`,
        `  <p>${escapeHtml(text.cancelExplain)}</p>`,
        `  <p><a href="${escapeHtml(here({ step: 'cancel' }))}">${escapeHtml(text.cancelLink)}</a></p>`,
      );
    }
    return page(locale, title, sections.filter(Boolean).join('\n'), switchTo(done ? { done } : {}));
  }

  async function show(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    req.resume();
    const registration = await store.findByToken(hashToken(token));
    const loaded = registration && events.get(registration.eventId);
    if (!registration || !loaded) return notFound(res, localeOf(req));
    const locale = localeOf(req, registration);
    // For HEAD too: the same headers, Content-Length included; Node sends no body for HEAD.
    send(res, 200, render(req, registration, token, resolvedAt(loaded, options.publicOrigin()), locale));
  }

  /** Whether a POST comes from a page of this origin (see the file comment). */
  function sameOrigin(req: IncomingMessage): boolean {
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined) return site === 'same-origin';
    const origin = header(req, 'origin');
    return origin === undefined || origin === options.publicOrigin().origin;
  }

  async function change(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const asked = requestLocale(req);
    if (!sameOrigin(req)) {
      req.resume();
      const text = selfServiceMessages(asked);
      return message(res, 403, asked, text.refusedTitle, text.refused);
    }
    if (mediaType(header(req, 'content-type')) !== 'application/x-www-form-urlencoded') {
      req.resume();
      const text = selfServiceMessages(asked);
      return message(res, 415, asked, text.badRequest, text.badRequest);
    }
    const body = await readBody(req, BODY_LIMIT);
    if (!body.ok) {
      if (!body.tooLarge || body.cutOff) return;
      const text = selfServiceMessages(asked);
      return message(res, 413, asked, text.badRequest, text.badRequest);
    }
    const fields = new URLSearchParams(body.text);
    const lang = fields.get('lang');
    const locale: Locale = lang === 'en' || lang === 'nl' ? lang : asked;
    const text = selfServiceMessages(locale);
    const tokenHash = hashToken(token);
    const registration = await store.findByToken(tokenHash);
    if (!registration) return notFound(res, locale);
    if (!isFormToken(fields.get('form') ?? '', token, registration.id)) {
      return message(res, 403, locale, text.refusedTitle, text.refused);
    }
    const context = notices.context({ registrationId: registration.id, token });
    let outcome: TokenOutcome;
    let done: Done;
    switch (fields.get('action')) {
      case 'confirm':
        outcome = await store.confirm(tokenHash, new Date(), context);
        done = 'confirmed';
        break;
      case 'cancel':
        outcome = await store.cancel(tokenHash, context);
        done = 'cancelled';
        break;
      case 'remove':
        outcome = await store.removeCompanion(tokenHash, fields.get('companion') ?? '', context);
        done = 'removed';
        break;
      default:
        return message(res, 400, locale, text.badRequest, text.badRequest);
    }
    if (outcome.kind === 'unknown') return notFound(res, locale);
    const params = new URLSearchParams({ lang: locale });
    if (outcome.kind === 'changed') {
      params.set('done', done);
      options.mailQueued();
      const promoted = outcome.promoted.length > 0 ? `; ${outcome.promoted.length} promoted from the waiting list` : '';
      options.log(`registration ${registration.id}: ${fields.get('action')} by the registrant (${outcome.registration.status})${promoted}`);
    }
    res.writeHead(303, { ...PAGE_HEADERS, Location: `${registrationPath(token)}?${params}`, 'Content-Length': 0 });
    res.end();
  }

  /** Answers a request for `/registration/<token>`. */
  async function handle(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const method = req.method ?? 'GET';
    // Not a token this server makes: no database look-up.
    if (!TOKEN_FORMAT.test(token)) {
      req.resume();
      return notFound(res, localeOf(req));
    }
    if (method === 'GET' || method === 'HEAD') return show(req, res, token);
    if (method === 'POST') return change(req, res, token);
    req.resume();
    const locale = localeOf(req);
    const text = selfServiceMessages(locale);
    return message(res, 405, locale, text.badRequest, text.badRequest, { Allow: 'GET, HEAD, POST' });
  }

  return { handle };
}
