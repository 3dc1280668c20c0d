// Event feeds over real HTTP for the browser tests: valid data, each failure, slow responses.
// GET /feeds/<name>.json; `?delay=ms` holds the response; /feeds/log lists what arrived.

const event = (id, extra = {}) => ({
  id,
  title: `Testbijeenkomst ${id}`,
  start: '2030-03-12T13:00:00+01:00',
  end: '2030-03-12T17:00:00+01:00',
  location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' },
  url: 'lees-meer.html',
  ...extra,
});

const feeds = {
  'valid.json': () => ({ status: 200, body: JSON.stringify(event('valid')) }),
  'other.json': () => ({ status: 200, body: JSON.stringify(event('other')) }),
  'with-registration.json': () => ({
    status: 200,
    body: JSON.stringify(
      event('with-registration', {
        registration: { endpoint: '/registration-endpoint/register', maxCompanions: 2, opens: '2020-01-01T09:00:00+01:00' },
      }),
    ),
  }),
  'invalid.json': () => ({
    status: 200,
    body: JSON.stringify({ id: 'invalid', start: 'dinsdag', registration: { maxCompanions: 11 } }),
  }),
  'not-json.json': () => ({ status: 200, type: 'text/html', body: '<!doctype html><h1>Proxy error</h1>' }),
  'missing.json': () => ({ status: 404, body: '{"error":"not found"}' }),
  'broken.json': () => ({ status: 500, type: 'text/html', body: '<h1>Internal Server Error</h1>' }),
};

/** Every request that reached a feed, newest last: { path, accept, aborted }. */
const log = [];

export async function middleware(context, next) {
  const url = new URL(context.url, 'http://localhost');
  if (!url.pathname.startsWith('/feeds/')) return next();
  const name = url.pathname.slice('/feeds/'.length);

  if (name === 'log') {
    send(context, 200, 'application/json', JSON.stringify(log));
    if (url.searchParams.has('clear')) log.length = 0;
    return;
  }
  const feed = feeds[name];
  const entry = { path: url.pathname + url.search, accept: context.get('accept'), aborted: false };
  log.push(entry);
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay > 0) {
    // The response closes before we answer only when the browser dropped the connection (abort).
    const aborted = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), delay);
      context.res.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (aborted) {
      entry.aborted = true;
      context.respond = false;
      return;
    }
  }
  if (!feed) return send(context, 404, 'text/plain', 'no such feed');
  const { status, body, type = 'application/json' } = feed();
  send(context, status, type, body);
}

/** Answers directly: the dev server would otherwise add a year-long Cache-Control afterwards. */
function send(context, status, type, body) {
  context.respond = false;
  context.res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  context.res.end(body);
}
