// Event list feeds over real HTTP for <bijeen-event-list>'s tests: a feed object, a bare array,
// invalid items and each failure. GET /list-feeds/<name>.json; /list-feeds/log counts requests.

const event = (id, start, extra = {}) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start,
  location: { name: 'Area Wonen', city: 'Uden' },
  url: `agenda/${id}.html`,
  ...extra,
});

/** Three events in 2030 (out of order on purpose) and one in 2018. */
const agenda = [
  event('maart', '2030-03-12T13:00:00+01:00', { tags: ['wonen'] }),
  event('januari', '2030-01-15T13:00:00+01:00', { tags: ['zorg', 'Wonen'] }),
  event('oud', '2018-09-18T13:00:00+02:00', { end: '2018-09-18T17:00:00+02:00' }),
  event('februari', '2030-02-10T13:00:00+01:00'),
];

const feeds = {
  'agenda.json': () => ({ status: 200, body: JSON.stringify({ events: agenda }) }),
  'array.json': () => ({ status: 200, body: JSON.stringify(agenda) }),
  'invalid-items.json': () => ({
    status: 200,
    body: JSON.stringify({ events: [agenda[0], { ...agenda[1], start: 'dinsdag' }, agenda[3], { id: 'leeg' }] }),
  }),
  'all-invalid.json': () => ({ status: 200, body: JSON.stringify({ events: [{ id: 'x', start: 'nooit' }] }) }),
  'not-a-list.json': () => ({ status: 200, body: JSON.stringify({ event: agenda[0] }) }),
  'not-json.json': () => ({ status: 200, type: 'text/html', body: '<!doctype html><h1>Proxy error</h1>' }),
  'missing.json': () => ({ status: 404, body: '{"error":"not found"}' }),
};

let requests = 0;

export async function middleware(context, next) {
  const url = new URL(context.url, 'http://localhost');
  if (!url.pathname.startsWith('/list-feeds/')) return next();
  const name = url.pathname.slice('/list-feeds/'.length);
  context.respond = false;
  if (name === 'log') {
    context.res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    context.res.end(JSON.stringify({ requests }));
    return;
  }
  requests++;
  const feed = feeds[name];
  const { status, body, type = 'application/json' } = feed ? feed() : { status: 404, body: 'no such feed', type: 'text/plain' };
  context.res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  context.res.end(body);
}
