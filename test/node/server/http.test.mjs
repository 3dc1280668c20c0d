// The endpoint's HTTP helpers (demo/server/http.ts) on real servers over loopback: JSON answers,
// request targets, bodies read up to a limit, and what Node's parser refuses before any handler.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tsImport } from 'tsx/esm/api';
import { firstAnswer, rawRequest } from '../endpoint/support/raw.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';

const { API_HEADERS, answerClientErrors, drained, header, mediaType, readBody, requestLocale, sendJson, targetParam, targetPath } =
  await tsImport('../../../demo/server/http.ts', import.meta.url);

/** The security headers a server passes to `answerClientErrors`. */
const HEADERS = { 'X-Content-Type-Options': 'nosniff', 'X-Test': 'ja' };
const MiB = 1024 * 1024;

const servers = new Set();

/** Serves `handler` on a free loopback port, with `answerClientErrors(HEADERS)`; `sockets` are its connections. */
async function serve(handler, options = {}) {
  const server = createServer(options, handler);
  answerClientErrors(server, HEADERS);
  servers.add(server);
  const sockets = [];
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { port, url: `http://127.0.0.1:${port}/`, sockets };
}

/**
 * A raw connection to `port`: `received()` is what came back so far, `whenClosed` resolves with all
 * of it once the connection is closed.
 */
async function rawSocket(port, options = {}) {
  const socket = connect({ port, host: '127.0.0.1', ...options });
  const chunks = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('error', () => {});
  const received = () => Buffer.concat(chunks).toString('latin1');
  const whenClosed = new Promise((resolve) => socket.on('close', () => resolve(received())));
  await new Promise((resolve) => socket.once('connect', resolve));
  return Object.assign(socket, { received, whenClosed });
}

afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers.clear();
});

/** Resolves once `check()` is truthy, or fails after two seconds. */
async function until(check, what) {
  for (const started = Date.now(); !check(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > 2_000) throw new Error(`timed out waiting for ${what}`);
  }
}

/** A fetch that fails within three seconds instead of hanging the run. */
const fetchSoon = (url, init = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(3_000) });

describe('sendJson', () => {
  test('writes the status, the JSON with its length in bytes, and the API headers, which extra headers may override', async () => {
    const { url } = await serve((_req, res) =>
      sendJson(res, 418, { naam: 'Zoë Çelik' }, { 'Cache-Control': 'max-age=5', 'X-Extra': 'ja', 'Content-Type': 'text/html' }),
    );
    const response = await fetchSoon(url);
    assert.equal(response.status, 418);
    assert.equal(response.headers.get('cache-control'), 'max-age=5');
    assert.equal(response.headers.get('x-extra'), 'ja');
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8', 'JSON is JSON, whatever the caller says');
    assert.equal(response.headers.get('content-length'), String(Buffer.byteLength('{"naam":"Zoë Çelik"}')));
    for (const name of ['X-Content-Type-Options', 'Content-Security-Policy', 'Referrer-Policy']) {
      assert.equal(response.headers.get(name), API_HEADERS[name]);
    }
    assert.deepEqual(await response.json(), { naam: 'Zoë Çelik' });
  });

  test('without extra headers: the API headers as they are', async () => {
    const { url } = await serve((_req, res) => sendJson(res, 200, [1, 2]));
    const response = await fetchSoon(url);
    assert.deepEqual(
      {
        cache: response.headers.get('cache-control'),
        sniff: response.headers.get('x-content-type-options'),
        csp: response.headers.get('content-security-policy'),
        referrer: response.headers.get('referrer-policy'),
      },
      { cache: 'no-store', sniff: 'nosniff', csp: "default-src 'none'; frame-ancestors 'none'", referrer: 'no-referrer' },
    );
    assert.deepEqual(await response.json(), [1, 2]);
  });
});

describe('request targets', () => {
  test('targetPath: the path of origin-form and absolute http(s) targets, undefined for anything else', () => {
    for (const [target, path] of [
      ['/api/events?tag=wonen', '/api/events'],
      ['/', '/'],
      ['//evil.example/x', '//evil.example/x'],
      ['/%', '/%'],
      ['http://api.example.org/api/events?x=1', '/api/events'],
      ['https://api.example.org/a%20b', '/a%20b'],
      ['ftp://api.example.org/api/events', undefined],
      ['*', undefined],
      ['api.example.org:443', undefined],
      ['http://[', undefined],
      ['', undefined],
      [undefined, undefined],
    ]) {
      assert.equal(targetPath(target), path, String(target));
    }
  });

  test('targetParam: one query parameter, or null', () => {
    assert.equal(targetParam('/api/events?tag=wonen,zorg&x=1', 'tag'), 'wonen,zorg');
    assert.equal(targetParam('https://api.example.org/api/events.ics?tag=zorg', 'tag'), 'zorg');
    assert.equal(targetParam('/api/events', 'tag'), null);
    assert.equal(targetParam('*', 'tag'), null);
    assert.equal(targetParam(undefined, 'tag'), null);
  });
});

describe('request headers', () => {
  const request = (headers) => ({ headers });

  test('mediaType: the type without parameters, lower case', () => {
    assert.equal(mediaType('Application/JSON; charset=utf-8'), 'application/json');
    assert.equal(mediaType(' application/x-www-form-urlencoded '), 'application/x-www-form-urlencoded');
    assert.equal(mediaType(undefined), '');
  });

  test('requestLocale: English when the first language of Accept-Language is English, else Dutch', () => {
    assert.equal(requestLocale(request({ 'accept-language': 'en-GB,nl;q=0.8' })), 'en');
    assert.equal(requestLocale(request({ 'accept-language': 'nl-NL,en;q=0.9' })), 'nl');
    assert.equal(requestLocale(request({ 'accept-language': 'fr' })), 'nl');
    assert.equal(requestLocale(request({})), 'nl');
  });

  test('header: by name in any case, the first of repeated values', () => {
    assert.equal(header(request({ origin: 'https://a.example' }), 'Origin'), 'https://a.example');
    assert.equal(header(request({ 'x-forwarded-for': ['198.51.100.1', '198.51.100.2'] }), 'X-Forwarded-For'), '198.51.100.1');
    assert.equal(header(request({}), 'origin'), undefined);
  });
});

describe('readBody', () => {
  /** A server that reads each body with `readBody(limit)`, keeps the results and answers them unless cut off. */
  async function reader(limit) {
    const results = [];
    const { url, port } = await serve(async (req, res) => {
      const result = await readBody(req, limit);
      results.push(result);
      if (result.ok || !result.cutOff) sendJson(res, 200, result);
    });
    return { url, port, results };
  }

  test('reads a body of exactly the limit as UTF-8 text', async () => {
    const body = 'Zoë Çelik, Uden';
    const { url, results } = await reader(Buffer.byteLength(body));
    const response = await fetchSoon(url, { method: 'POST', body });
    assert.deepEqual(await response.json(), { ok: true, text: body });
    assert.equal(results.length, 1);
  });

  test('a byte over the limit is too large: read to its end and thrown away, so the client reads the answer', async () => {
    const { url } = await reader(10);
    const response = await fetchSoon(url, { method: 'POST', body: '12345678901' });
    assert.deepEqual(await response.json(), { ok: false, tooLarge: true, cutOff: false });
  });

  test('a streamed body without a length is counted as it comes', async () => {
    const { url } = await reader(10);
    const chunks = (parts) =>
      new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      });
    const post = async (parts) =>
      (await fetchSoon(url, { method: 'POST', body: chunks(parts), duplex: 'half' })).json();
    assert.deepEqual(await post(['12345', '67890']), { ok: true, text: '1234567890' });
    assert.deepEqual(await post(['12345', '67890', '1']), { ok: false, tooLarge: true, cutOff: false });
  });

  test('a body of exactly 1 MiB is still drained and answered; past it the connection is cut', async () => {
    const { url, results } = await reader(10);
    const drainedAnswer = await fetchSoon(url, { method: 'POST', body: 'x'.repeat(MiB) });
    assert.deepEqual(await drainedAnswer.json(), { ok: false, tooLarge: true, cutOff: false });
    const cut = await fetchSoon(url, { method: 'POST', body: 'x'.repeat(MiB + 1) }).catch((error) => error);
    await until(() => results.length === 2, 'the second body');
    assert.deepEqual(results[1], { ok: false, tooLarge: true, cutOff: true });
    assert.ok(cut instanceof Error, 'nobody answers a body that was cut off');
  });

  test('a client that goes away mid-body: aborted, nothing to answer', async () => {
    const { port, results } = await reader(100);
    const socket = await rawSocket(port);
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nhalf a bo');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await until(() => results.length === 1, 'the aborted body');
    assert.deepEqual(results[0], { ok: false, tooLarge: false, aborted: true });
  });
});

describe('drained', () => {
  test('reads and drops the rest of a body, then resolves', async () => {
    const { url } = await serve(async (req, res) => {
      await drained(req);
      sendJson(res, 503, { drained: req.readableEnded });
    });
    const response = await fetchSoon(url, { method: 'POST', body: 'x'.repeat(100_000) });
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { drained: true });
  });

  test('resolves for a request whose client has gone', async () => {
    const done = [];
    const { port } = await serve(async (req) => {
      await until(() => req.destroyed, 'the client to go');
      await drained(req);
      done.push(req.url);
    });
    const socket = await rawSocket(port);
    socket.write('POST /weg HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nhalf');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.resetAndDestroy();
    await until(() => done.length === 1, 'drained() to resolve');
  });

  test('resolves at once for a body already read', async () => {
    const { url } = await serve(async (req, res) => {
      await readBody(req, 100);
      await drained(req);
      sendJson(res, 200, { drained: true });
    });
    const response = await fetchSoon(url, { method: 'POST', body: 'kort' });
    assert.deepEqual(await response.json(), { drained: true });
  });
});

describe('answerClientErrors', () => {
  const handler = (_req, res) => sendJson(res, 200, {});

  test('a malformed request is answered 400 with the given headers, and closed', async () => {
    const { port } = await serve(handler);
    const { text, closed } = await rawRequest(port, 'NONSENSE\r\n\r\n');
    assert.ok(text.startsWith('HTTP/1.1 400 Bad Request\r\n'), text);
    assert.deepEqual(firstAnswer(text).headers, {
      'x-content-type-options': 'nosniff',
      'x-test': 'ja',
      'content-length': '0',
      connection: 'close',
    });
    assert.ok(text.endsWith('\r\n\r\n'), 'no body');
    assert.equal(closed, true);
  });

  test('headers that are too large: 431', async () => {
    const { port } = await serve(handler);
    const { text } = await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.ok(text.startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n'), text.slice(0, 100));
    assert.equal(firstAnswer(text).headers['x-test'], 'ja');
  });

  test('the connection is closed, not only ended, even when the client keeps its side open', async () => {
    const { port, sockets } = await serve(handler);
    const socket = await rawSocket(port, { allowHalfOpen: true });
    const ended = new Promise((resolve) => socket.once('end', resolve));
    socket.write('NONSENSE\r\n\r\n');
    await ended;
    assert.ok(socket.received().startsWith('HTTP/1.1 400 '), socket.received());
    await until(() => sockets[0].destroyed, 'the server to close its socket');
    socket.destroy();
  });

  test('a client that resets the connection mid-request gets nothing, and the server carries on', async () => {
    const { port, url, sockets } = await serve(handler);
    const socket = await rawSocket(port);
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nX-Half: ja');
    await until(() => sockets.length === 1, 'the connection');
    socket.resetAndDestroy();
    await until(() => sockets[0].destroyed, 'the server to close its socket');
    assert.equal((await fetchSoon(url)).status, 200);
  });

  test('a request that takes too long: 408', async () => {
    const { port } = await serve(handler, { requestTimeout: 300, headersTimeout: 200, connectionsCheckingInterval: 50 });
    const socket = await rawSocket(port);
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
    const text = await socket.whenClosed;
    assert.ok(text.startsWith('HTTP/1.1 408 Request Timeout\r\n'), text);
  });

  test('when the answer has begun, a late error closes the connection instead of writing a second answer', async () => {
    const { port } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'Content-Length': '100' });
        res.write('begun');
      },
      { requestTimeout: 300, headersTimeout: 200, connectionsCheckingInterval: 50 },
    );
    const socket = await rawSocket(port);
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc');
    const text = await socket.whenClosed;
    assert.ok(text.startsWith('HTTP/1.1 200 OK\r\n'), text);
    assert.ok(text.endsWith('begun'), text);
  });
});
