// A scriptable registration endpoint over real HTTP for the form tests (contract sections 4–5).
//
// Each test uses its own scenario name, so a request still in flight from an earlier test can
// never land in a later test's log:
//
//   POST /registration-endpoint/<scenario>/script   body: { "replies": [reply, …] }
//   GET  /registration-endpoint/<scenario>/requests → [{ method, url, headers, body, time }, …]
//   ANY  /registration-endpoint/<scenario>          records the request, answers with the next reply
//
// A reply: { status = 201, body (string as is, anything else as JSON), type, headers,
//   delay (ms before answering), hang (never answer; the client has to give up),
//   reset ('headers': write the status line and headers, then destroy the socket;
//          'body': also write half of the body first) }.
// Once the script is used up every request gets 201 { id, status: "confirmed" }.
//
// CORS as a real endpoint on another origin needs it (tests reach it cross-origin through
// 127.0.0.1 while the page is on localhost): an OPTIONS preflight is recorded and answered 204,
// and every answer allows the caller's origin and exposes Retry-After.

const PREFIX = '/registration-endpoint/';

/** @type {Map<string, { replies: object[], requests: object[] }>} */
const scenarios = new Map();

function scenario(name) {
  let entry = scenarios.get(name);
  if (!entry) scenarios.set(name, (entry = { replies: [], requests: [] }));
  return entry;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const closed = (req) => new Promise((resolve) => req.socket.once('close', resolve));

function cors(origin) {
  return origin
    ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' }
    : {};
}

function respond(res, reply, count, origin) {
  const status = reply.status ?? 201;
  const body =
    reply.body === undefined
      ? status === 201 ? JSON.stringify({ id: `reg-${count}`, status: 'confirmed' }) : ''
      : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const headers = {
    'Content-Type': reply.type ?? 'application/json',
    'Cache-Control': 'no-store',
    ...cors(origin),
    ...reply.headers,
  };
  if (reply.reset) {
    // Promise a body that never fully arrives, then drop the connection.
    res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body) + 100) });
    if (reply.reset === 'body') res.write(body.slice(0, Math.ceil(body.length / 2)));
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export async function middleware(context, next) {
  const url = new URL(context.url, 'http://localhost');
  if (!url.pathname.startsWith(PREFIX)) return next();
  const [name, action] = url.pathname.slice(PREFIX.length).split('/');
  if (!name) return next();
  const entry = scenario(name);

  if (action === 'script') {
    const { replies = [] } = JSON.parse((await readBody(context.req)) || '{}');
    scenarios.set(name, { replies: [...replies], requests: [] });
    context.status = 204;
    return;
  }
  if (action === 'requests') {
    context.type = 'application/json';
    context.set('Cache-Control', 'no-store');
    context.body = JSON.stringify(entry.requests);
    return;
  }
  if (action) return next();

  const origin = context.get('origin');
  if (context.method === 'OPTIONS') {
    entry.requests.push({ method: 'OPTIONS', url: context.url, headers: context.headers, body: '', time: Date.now() });
    context.status = 204;
    context.set({
      ...cors(origin),
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
      'Access-Control-Max-Age': '0',
    });
    return;
  }
  const body = await readBody(context.req);
  entry.requests.push({
    method: context.method,
    url: context.url,
    headers: context.headers,
    body,
    time: Date.now(),
  });
  const reply = entry.replies.shift() ?? {};
  // Raw Node response from here on: Koa must not write anything itself (the status only keeps
  // the test runner's log from calling an unanswered request a 404).
  context.status = reply.status ?? 201;
  context.respond = false;
  const { req, res } = context;
  if (reply.hang) {
    await closed(req);
    return;
  }
  if (reply.delay) {
    const gone = await Promise.race([
      new Promise((resolve) => setTimeout(() => resolve(false), reply.delay)),
      closed(req).then(() => true),
    ]);
    if (gone) return;
  }
  respond(res, reply, entry.requests.length, origin);
}
