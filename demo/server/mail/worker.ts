/**
 * Sends what the mail queue holds, in the background: a registration never waits for mail.
 *
 * Each round claims the due mails for a lease (another process, or this one after a restart, takes
 * them only once the lease has passed), sends them one by one and marks each sent or failed.
 *
 * What is guaranteed: a queued mail is sent until an SMTP server has accepted it (or the outbox file
 * is written), across SMTP outages and restarts: failures are retried with exponential backoff
 * (`retryMs`, doubling up to 15 minutes, with jitter) for up to three days; an SMTP server's
 * permanent refusal (5xx, not an authentication failure) ends it at once. Sent once, with one
 * exception: when the process dies after the server accepted a mail and before it was marked sent (a
 * few milliseconds), it is sent again (after the restart, or after the lease by another process),
 * with the same Message-ID. SMTP offers no way
 * to close that gap; the other choice (mark first, then send) would lose the mail instead.
 *
 * Mail yields to registrations: a round starts once no mail has been queued for `quietMs`, or
 * `maxWaitMs` after the first mail it waits for, whichever comes first. When registrations open
 * and hundreds arrive in a second, each is answered first and the burst's mails follow it;
 * composing a mail costs about as much CPU as answering a registration (bench/endpoint.mjs).
 */
import type { QueuedMail, RegistrationStore } from '../store.js';
import type { MailMessage } from './compose.js';
import type { MailTransport } from './transport.js';

export interface MailWorkerOptions {
  store: RegistrationStore;
  transport: MailTransport;
  /** Writes a queued mail; `undefined`: it cannot be written any more (its event is gone), given up. */
  compose: (mail: QueuedMail) => MailMessage | undefined;
  log: (line: string) => void;
  /** The first retry's delay (`MAIL_RETRY_MS`); it doubles per attempt up to `MAX_DELAY`. */
  retryMs: number;
  /** How often the queue is looked at when nothing wakes the worker (for retries that fall due). */
  pollMs?: number;
  /** How long no mail must have been queued before a round starts. */
  quietMs?: number;
  /** The longest a round waits for quiet after the first wake it serves. */
  maxWaitMs?: number;
}

/** The longest wait between two attempts. */
const MAX_DELAY = 15 * 60_000;
/** After this long a mail is given up. */
const GIVE_UP_AFTER = 3 * 24 * 60 * 60_000;
/** A claimed mail is another sender's only after this (longer than the SMTP timeouts together). */
const LEASE = 2 * 60_000;
/** Mails claimed per round. */
const BATCH = 10;
/** Defaults of `quietMs` and `maxWaitMs`: mail follows a burst of registrations within seconds. */
const QUIET = 50;
const MAX_WAIT = 10_000;

/** An SMTP server's own refusal of this mail (5xx), not a connection or authentication problem. */
function isPermanent(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 500);

export class MailWorker {
  readonly #options: MailWorkerOptions;
  #timer: NodeJS.Timeout | undefined;
  /** The round in progress, if any. */
  #round: Promise<void> | undefined;
  /** Woken during a round: run another right after it. */
  #again = false;
  /** When the first wake not yet served by a round came (ms), if one is waiting. */
  #waitingSince: number | undefined;
  #stopped = false;

  constructor(options: MailWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    this.wake();
  }

  /** Something was queued: look at the queue once it is quiet (after the round in progress, if any). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#round) {
      this.#again = true;
      return;
    }
    const now = Date.now();
    this.#waitingSince ??= now;
    const { quietMs = QUIET, maxWaitMs = MAX_WAIT } = this.#options;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#startRound(), Math.min(quietMs, this.#waitingSince + maxWaitMs - now));
    this.#timer.unref();
  }

  #startRound(): void {
    this.#waitingSince = undefined;
    this.#round = this.#run().finally(() => {
      this.#round = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.wake();
      } else {
        this.#timer = setTimeout(() => this.wake(), this.#options.pollMs ?? 1_000);
        this.#timer.unref();
      }
    });
  }

  /** Stops after the mail being sent now, if any, within `patience` ms; what is left stays queued. */
  async stop(patience = 5_000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (!this.#round) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#round, new Promise((done) => (timer = setTimeout(done, patience)))]);
    clearTimeout(timer);
  }

  async #run(): Promise<void> {
    const { store, transport, log } = this.#options;
    try {
      while (!this.#stopped) {
        const mails = await store.claimMails(new Date(), BATCH, LEASE);
        if (mails.length === 0) return;
        for (const mail of mails) {
          if (this.#stopped) {
            // Not tried: due again at once, for the next start (instead of after the lease).
            await store.mailFailed(mail.id, 'not sent before the server stopped', new Date());
            continue;
          }
          const message = this.#options.compose(mail);
          if (!message) {
            await store.mailFailed(mail.id, 'its event is no longer in the event files', undefined);
            log(`mail ${mail.id}: given up: its event is no longer in the event files`);
            continue;
          }
          try {
            await transport.send(mail.id, mail.to, message);
          } catch (error) {
            const retryAt = this.#retryAt(error, mail.attempts, Date.parse(mail.createdAt));
            await store.mailFailed(mail.id, describe(error), retryAt);
            log(
              retryAt
                ? `mail ${mail.id}: attempt ${mail.attempts} failed (${describe(error)}); next attempt at ${retryAt.toISOString()}`
                : `mail ${mail.id}: given up after ${mail.attempts} attempt(s): ${describe(error)}`,
            );
            continue;
          }
          await store.mailSent(mail.id, new Date());
          log(`mail ${mail.id}: sent (attempt ${mail.attempts})`);
        }
      }
    } catch (error) {
      // The store failed (e.g. closed at shutdown): the next round tries again.
      log(`mail: queue round failed: ${describe(error)}`);
    }
  }

  /** When to try again, or `undefined` to give up. */
  #retryAt(error: unknown, attempts: number, queuedAt: number): Date | undefined {
    if (isPermanent(error)) return undefined;
    const delay = Math.min(this.#options.retryMs * 2 ** (attempts - 1), MAX_DELAY);
    // Up to a fifth less, so senders that failed together do not retry in lockstep.
    const at = Date.now() + delay * (1 - Math.random() * 0.2);
    return at - queuedAt > GIVE_UP_AFTER ? undefined : new Date(at);
  }
}
