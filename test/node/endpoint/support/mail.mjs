// A real SMTP server on loopback (smtp-server), the outbox folder, and what arrives there read with
// real parsers: mailparser for the messages, ical.js for their calendar files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'bijeen';
export const SMTP_PASSWORD = 'geheim-wachtwoord';

/** A port that is free now (nothing listens on it until a test starts something there). */
export async function freePort() {
  const server = await new Promise((resolve) => {
    const listening = createServer().listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * An SMTP server on 127.0.0.1:`port` (0: any) that needs the test credentials and keeps every
 * message, parsed. `refuse(address)` makes it answer 550 for that recipient.
 */
export async function startSmtp({ port = 0, refuse = () => false } = {}) {
  const messages = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, session, callback) {
      if (refuse(address.address)) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        messages.push({ raw, envelope: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail: await simpleParser(raw) });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.server.address().port;
  return {
    port: actual,
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${actual}`,
    messages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Every `.eml` in the outbox, parsed, oldest first. */
export async function readOutbox(dir) {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(files.map(async (name) => ({ name, mail: await simpleParser(readFileSync(join(dir, name))) })));
}

/** Polls `check` until it returns something truthy; fails after `timeout` ms with `what`. */
export async function waitFor(check, what, timeout = 15_000) {
  const started = Date.now();
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The mails (parsed) addressed to `address`. */
export const mailsTo = (mails, address) => mails.filter(({ mail }) => mail.to?.value.some((to) => to.address === address));

/** Waits for the first mail in the outbox folder `dir` to `address` whose subject starts with `subject`; returns it parsed. */
export function waitForMail(dir, address, subject = '') {
  return waitFor(
    async () => mailsTo(await readOutbox(dir), address).find(({ mail }) => mail.subject.startsWith(subject))?.mail,
    `"${subject}…" to ${address}`,
  );
}

/** The one VEVENT of a mail's `.ics` attachment, as ical.js reads it. */
export function calendarEvent(mail) {
  const attachment = mail.attachments.find((file) => file.contentType === 'text/calendar');
  if (!attachment) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  return new ICAL.Event(calendar.getFirstSubcomponent('vevent'));
}

/** The personal link in a mail's text. */
export function personalLink(mail) {
  return /(http:\/\/[^\s]+\/registration\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
}

/** A personal link as the tests reach the server: on 127.0.0.1 (the mails say localhost). */
export const reachable = (link) => link.replace('//localhost:', '//127.0.0.1:');
