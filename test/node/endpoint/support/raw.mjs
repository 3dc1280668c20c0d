// Raw sockets for the hostile-client tests: bytes no HTTP client library would send.
import { connect } from 'node:net';

/**
 * Sends `bytes` on a fresh connection to `port`, half-closes it and collects what comes back until
 * the server closes (or `timeout` ms pass). Resolves to `{ text, closed }`; never rejects.
 */
export function rawRequest(port, bytes, timeout = 3_000) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    let done = false;
    const finish = (closed) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const timer = setTimeout(() => finish(false), timeout);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.end(bytes));
  });
}

/**
 * The status and lower-cased headers of the first final answer in `text` (an interim `100
 * Continue` is skipped), or `undefined` when there is none.
 */
export function firstAnswer(text) {
  while (/^HTTP\/1\.[01] 1\d\d /.test(text) && text.includes('\r\n\r\n')) text = text.slice(text.indexOf('\r\n\r\n') + 4);
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.') || end === -1) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}

/**
 * A socket that connects and then waits; `closed` resolves when the server ends it. What the
 * server writes is read and dropped (a socket nobody reads never sees the server's close).
 */
export function openSocket(port) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.resume();
    const closed = new Promise((done) => socket.on('close', () => done(Date.now())));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}
