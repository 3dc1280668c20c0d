/**
 * How a queued mail leaves: over SMTP (`SMTP_URL`) or, without it, as an `.eml` file in
 * `OUTBOX_DIR`, so `npm start` works on a machine without a mail server. Both go through nodemailer,
 * which writes the same RFC 5322 message either way.
 */
import { mkdirSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { MailMessage } from './compose.js';

export interface MailTransport {
  /** For the start-up lines: where mail goes. */
  readonly describe: string;
  /** Resolves once the mail is accepted (by the SMTP server, or on disk); rejects otherwise. `id` is its place in the queue. */
  send(id: number, to: string, message: MailMessage): Promise<void>;
  /** Erasure: removes the copies this transport keeps of the mails with these queue ids (the outbox's files; SMTP keeps none). */
  forget(ids: number[]): Promise<void>;
  close(): void;
}

/** What nodemailer composes the message from. */
function options(to: string, message: MailMessage, from: string): Mail.Options {
  return { ...message, from, to, attachments: message.attachments?.map((attachment) => ({ ...attachment })) };
}

/** Timeouts short enough that a dead server is noticed, long enough for a slow one. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  const shown = new URL(url);
  return {
    describe: `SMTP ${shown.protocol}//${shown.host} (from ${from})`,
    async send(_id, to, message) {
      await transporter.sendMail(options(to, message, from));
    },
    // Sent mails are the recipients' now; nothing stays here.
    forget: async () => {},
    close: () => transporter.close(),
  };
}

/**
 * Writes each mail as `<queued at>-<id>.eml` in `dir` (created `0700`, files `0600`: mails hold
 * personal links). The file appears whole (written beside it, then renamed), and writing the same
 * mail again replaces it: a retry never leaves two files. A folder removed while the server runs
 * (someone emptied the outbox) is made again by the next mail, and holds nothing to erase.
 */
export function outboxTransport(dir: string, from: string): MailTransport {
  const folder = { recursive: true, mode: 0o700 };
  mkdirSync(dir, folder);
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    describe: `files in ${dir} (from ${from}; set SMTP_URL to send them)`,
    async send(id, to, message) {
      const { message: raw } = (await composer.sendMail(options(to, message, from))) as { message: Buffer };
      const name = `${message.date.toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
      const partial = join(dir, `.${name}.partial`);
      await mkdir(dir, folder);
      await writeFile(partial, raw, { mode: 0o600 });
      await chmod(partial, 0o600);
      await rename(partial, join(dir, name));
    },
    async forget(ids) {
      if (ids.length === 0) return;
      const erased = new Set(ids.map(String));
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const name of names) {
        const id = /-(\d+)\.eml(?:\.partial)?$/.exec(name)?.[1];
        if (id !== undefined && erased.has(id)) await rm(join(dir, name), { force: true });
      }
    },
    close: () => composer.close(),
  };
}
