/**
 * The demo partner site ("Woonstichting Het Baken"): the pages in `demo/*.html`, their assets
 * in `demo/assets/`, and the built CDN files from `dist/cdn/` under `/cdn/`, served under the strict
 * Content-Security-Policy a careful partner would set. Nothing else under `demo/` is reachable.
 *
 * Pages are plain HTML with two placeholders filled in at serve time:
 * - `{{API}}`: the endpoint's origin (another port, so another origin, on purpose), with the same
 *   host name the visitor used (`localhost` or `127.0.0.1`), so the page's origin is one of the
 *   default `ALLOWED_ORIGINS`; `API_ORIGIN` overrides it;
 * - `{{AGENDA}}`: a `<bijeen-event-list>` of the endpoint's events with the calendar subscription,
 *   the same agenda in plain HTML inside as the fallback for visitors without JavaScript.
 *
 * The snippet builder (`/snippet`, `/en/snippet`) is rendered by `snippet-page.ts`, with the SRI
 * hash of the CDN file as served at that moment. The CDN files are served with
 * `Access-Control-Allow-Origin: *`, so a snippet pasted into any other site loads them
 * (`crossorigin="anonymous"` + `integrity` need a CORS answer).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { cardMessages, eventListMessages } from '../../src/text.js';
import { agenda, type EventData } from '../../src/schema/index.js';
import { sri } from '../../scripts/sri.mjs';
import type { LoadedEvent } from './events.js';
import { escapeHtml, eventDate } from './html.js';
import { targetPath } from './http.js';
import { SNIPPET_FILE, snippetPage, snippetPageLocale } from './snippet-page.js';

export interface SiteOptions {
  /** Folder with the pages (`*.html`) and `assets/`. */
  root: string;
  /** Built CDN files (`dist/cdn`). */
  cdnDir: string;
  events: Map<string, LoadedEvent>;
  /** The endpoint's port, once it listens. */
  apiPort: () => number;
  /** `API_ORIGIN`: the endpoint's public origin, when not on this host. */
  apiOriginOverride: string | undefined;
  log: (line: string) => void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Trusted Types policies the library creates: Lit renders through `lit-html`; `bijeen` writes only
 * the card's JSON-LD script text (src/internal/trusted-types.ts).
 */
export const TRUSTED_TYPES_POLICIES = 'lit-html bijeen';

/** The site's policy: no inline script or style, no eval, Trusted Types for every DOM sink. */
export function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https:",
    `connect-src ${apiOrigin}`,
    `form-action 'self' ${apiOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES}`,
  ].join('; ');
}

/**
 * Headers of answers that are no page (errors before or outside the handler): nothing may load,
 * nothing may frame them.
 */
export const SITE_ERROR_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

function where(event: EventData): string {
  const { location } = event;
  if (!location) return '';
  if (location.online && !location.name && !location.city) return 'online';
  return [location.name, location.city].filter(Boolean).join(', ');
}

/** One event in the plain agenda: its title (linked to its page), date, place and, when cancelled, that. */
function agendaItem(event: EventData): string {
  const place = where(event);
  const title = event.url ? `<a href="${escapeHtml(event.url)}">${escapeHtml(event.title)}</a>` : escapeHtml(event.title);
  const status = event.status === 'cancelled' ? ` <strong>${escapeHtml(cardMessages.nl.status.cancelled)}.</strong>` : '';
  return `        <li><p>${title}<br />${escapeHtml(eventDate(event, 'nl'))}${place ? `, ${escapeHtml(place)}` : ''}.${status}</p></li>`;
}

const agendaList = (events: EventData[]) => `      <ul class="agenda">\n${events.map(agendaItem).join('\n')}\n      </ul>`;

/**
 * The agenda: one `<bijeen-event-list>` over the endpoint's events, the past ones after the
 * upcoming ones (`past`), with the calendar subscription. Inside it, the same agenda in plain HTML
 * and in the list's words: the fallback for visitors without JavaScript, and until the list renders.
 */
export function agendaHtml(events: Iterable<LoadedEvent>, apiOrigin: string, now = Date.now()): string {
  const text = eventListMessages.nl;
  const { upcoming, past } = agenda([...events].map((event) => event.data), now);
  const feed = escapeHtml(`${apiOrigin}/api/events.ics`);
  return [
    `<bijeen-event-list src="${escapeHtml(`${apiOrigin}/api/events`)}" calendar-href="${feed}" past>`,
    upcoming.length ? agendaList(upcoming) : `      <p>${escapeHtml(text.empty)}</p>`,
    past.length ? `      <h2>${escapeHtml(text.past)}</h2>\n${agendaList(past)}` : '',
    `      <p><a href="${feed}">${escapeHtml(text.subscribe)}</a></p>`,
    '    </bijeen-event-list>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function createSiteHandler(options: SiteOptions) {
  const { root, cdnDir, events } = options;

  function apiOrigin(req: IncomingMessage): string {
    if (options.apiOriginOverride) return options.apiOriginOverride;
    // Host is only trusted to pick between the loopback names; anything else gets `localhost`.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    return `http://${LOOPBACK.has(host) ? host : 'localhost'}:${options.apiPort()}`;
  }

  /** The file for a URL path, or `undefined` when the path is not one the site serves. */
  function fileFor(pathname: string): string | undefined {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (path.includes('\0') || path.includes('\\')) return undefined;
    if (path === '/') return join(root, 'index.html');
    const mounts: [string, string][] = [
      ['/cdn/', cdnDir],
      ['/assets/', join(root, 'assets')],
    ];
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      return file.startsWith(dir + sep) ? file : undefined;
    }
    // Pages: top-level `name.html`, also reachable as `/name`.
    const page = /^\/([a-z0-9-]+)(?:\.html)?$/.exec(path);
    return page ? join(root, `${page[1]}.html`) : undefined;
  }

  /** The CDN file's SRI hash, from the bytes served now; `undefined` when it is not built. */
  async function cdnIntegrity(): Promise<string | undefined> {
    try {
      return sri(await readFile(join(cdnDir, SNIPPET_FILE)));
    } catch {
      return undefined;
    }
  }

  /** What the site serves at `pathname`, or `undefined` (404). */
  async function content(pathname: string, api: string): Promise<{ body: Buffer; type: string } | undefined> {
    const html = TYPES['.html']!;
    const snippetLocale = snippetPageLocale(pathname);
    if (snippetLocale) {
      const page = snippetPage({ locale: snippetLocale, events: events.values(), apiOrigin: api, integrity: await cdnIntegrity() });
      return { body: Buffer.from(page), type: html };
    }
    const file = fileFor(pathname);
    if (!file) return undefined;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return undefined;
    }
    if (extname(file) !== '.html') return { body, type: TYPES[extname(file)] ?? 'application/octet-stream' };
    const filled = body
      .toString('utf8')
      .replaceAll('{{AGENDA}}', () => agendaHtml(events.values(), api))
      .replaceAll('{{API}}', api);
    return { body: Buffer.from(filled), type: html };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = targetPath(req.url);
    const api = apiOrigin(req);
    const headers = {
      ...SITE_ERROR_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy(api),
    };
    if (pathname === undefined) {
      req.resume();
      res.writeHead(400, { ...SITE_ERROR_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Dit adres kan de server niet lezen.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Methode niet toegestaan');
      return;
    }
    const page = await content(pathname, api);
    if (!page) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="nl"><title>Niet gevonden</title><p>Deze pagina bestaat niet. <a href="/">Naar de homepage</a></p>');
      return;
    }
    const { body, type } = page;
    res.writeHead(200, {
      ...headers,
      ...(pathname.startsWith('/cdn/') && { 'Access-Control-Allow-Origin': '*' }),
      'Content-Type': type,
      'Content-Length': body.length,
      // Pages and CDN files change with every build; the browser revalidates.
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      // Nothing here may throw again: an exception that escapes ends the whole process.
      try {
        options.log(`site error: ${JSON.stringify(req.url)}: ${error instanceof Error ? error.message : String(error)}`);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(500, { ...SITE_ERROR_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Er ging iets mis.');
      } catch {
        res.destroy();
      }
    });
  };
}
