// A real SMTP server (smtp-server) on a loopback port for the in-process mail tests: it keeps what
// arrives (parsed with mailparser), and can refuse recipients with a given reply code, take its
// time before accepting a message, never accept it, or stop and start again on the same port.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'bijeen';
export const SMTP_PASSWORD = 'in-process-wachtwoord';

/**
 * Starts a server on 127.0.0.1:`port` (0: any free port) that needs `SMTP_USER`/`SMTP_PASSWORD`.
 * `refuse(address)` returns a reply code (e.g. 550, 450) to refuse that recipient with, or nothing,
 * or `[code, text]` for a reply text of its own;
 * `delay` is how long (ms) it holds each message before accepting it; `hang` never accepts one.
 * `onMessage(raw)` is called as each message starts to arrive.
 *
 * @returns `{ port, url, messages, close(), restart() }`: `messages` are `{ envelope, raw, mail }`,
 * `url` the `SMTP_URL` with the credentials; `restart()` starts it again on the same port.
 */
export async function startSmtp({ port = 0, refuse = () => undefined, delay = 0, hang = false, onMessage = () => {} } = {}) {
  const messages = [];
  let server;
  const listen = async (at) => {
    server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Open connections (a message that never finishes) are cut when the test closes the server.
      closeTimeout: 50,
      // No reverse DNS look-up of the client (it stalls where names do not resolve).
      disableReverseLookup: true,
      onAuth(auth, session, callback) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
        return callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, session, callback) {
        const answer = refuse(address.address);
        if (answer) {
          const [code, text = `Mailbox ${address.address} refused`] = [answer].flat();
          return callback(Object.assign(new Error(text), { responseCode: code }));
        }
        return callback();
      },
      onData(stream, session, callback) {
        onMessage();
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks);
          if (hang) return;
          if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
          messages.push({ raw, envelope: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail: await simpleParser(raw) });
          callback();
        });
      },
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', resolve);
    });
    return server.server.address().port;
  };
  const actual = await listen(port);
  const close = () => new Promise((resolve) => server.close(resolve));
  return {
    port: actual,
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${actual}`,
    messages,
    close,
    restart: () => listen(actual),
  };
}

/** Polls `check` until it returns something truthy; fails after `timeout` ms with `what`. */
export async function waitFor(check, what, timeout = 5_000) {
  const started = Date.now();
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
