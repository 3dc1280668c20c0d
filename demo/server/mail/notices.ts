/**
 * Which mails a change to a registration sends, and to whom; called by the store inside the
 * transaction that makes the change (see `ChangeContext` in `store.ts`), so the mails are queued
 * atomically with it.
 *
 * | change | registrant | each companion |
 * |---|---|---|
 * | new, confirmed | confirmation, `.ics`, personal link | short mail, `.ics` |
 * | new, waitlisted | waiting-list mail, link | short waiting-list mail |
 * | new, pending (double opt-in) | "confirm" mail with the link | nothing yet: the address is unverified |
 * | confirmed through the link | as new, confirmed or waitlisted | as new |
 * | promoted from the waiting list | "a place for you", `.ics`, a new link | short mail, `.ics` |
 * | cancelled | receipt | short note, if they were mailed before |
 * | a companion taken off | — | that companion: short note, if mailed before |
 *
 * An expired hold sends nothing: its address was never confirmed.
 */
import { newToken } from '../access-token.js';
import { promotionLimits, resolvedAt, type LoadedEvent } from '../events.js';
import type { Change, ChangeContext, Notice, OutgoingMail, QueuedMail, RegistrationStatus } from '../store.js';
import { composeMail, type CompanionMail, type MailIntent, type MailMessage, type RegistrantMail } from './compose.js';

/** Statuses whose companions have had a mail. */
const MAILED: ReadonlySet<RegistrationStatus | undefined> = new Set<RegistrationStatus>(['confirmed', 'waitlisted']);

export interface NoticeOptions {
  events: Map<string, LoadedEvent>;
  /** The endpoint's public origin (known once it listens): personal links, resolved event URLs, calendar UIDs. */
  publicOrigin: () => URL;
}

/** Where a registration's personal page is. */
export const registrationPath = (token: string) => `/registration/${token}`;

export class Notices {
  readonly #options: NoticeOptions;

  constructor(options: NoticeOptions) {
    this.#options = options;
  }

  /** The personal page's address for a token. */
  link(token: string): string {
    return new URL(registrationPath(token), this.#options.publicOrigin()).href;
  }

  /**
   * What the store needs while it changes registrations. `own` is the registration a visitor acts
   * on through its link: its mails reuse that link instead of making a new one.
   */
  context(own?: { registrationId: string; token: string }): ChangeContext {
    return {
      promotable: (eventId) => promotionLimits(this.#options.events.get(eventId), Date.now()),
      notify: (change) => this.notify(change, change.registration.id === own?.registrationId ? own.token : undefined),
    };
  }

  /**
   * The mails for one change (and a new access token when a mail carries a link and none is
   * known), as intents: cheap to make inside the transaction; `compose()` writes them when sent.
   */
  notify(change: Change, knownToken?: string): Notice {
    const { registration } = change;
    const { payload, eventId } = registration;
    const fresh = knownToken ? undefined : newToken();
    const link = this.link(knownToken ?? fresh!.token);
    const mails: OutgoingMail[] = [];
    const queue = (to: string, intent: MailIntent) => mails.push({ to, message: intent });
    let linked = false;
    const toRegistrant = (kind: RegistrantMail, withLink = true) => {
      linked ||= withLink;
      queue(payload.attendee.email, { kind, eventId, payload, link: withLink ? link : undefined, confirmBy: registration.confirmBy });
    };
    const toCompanions = (kind: CompanionMail, companions = payload.companions) => {
      for (const companion of companions) queue(companion.email, { kind, eventId, payload, companion: { name: companion.name } });
    };

    const status = registration.status;
    switch (change.kind) {
      case 'registered':
      case 'confirmed':
        if (status === 'pending' || status === 'pending-waitlist') {
          toRegistrant(status);
        } else if (status === 'waitlisted') {
          toRegistrant('waitlisted');
          toCompanions('companionWaitlisted');
        } else {
          toRegistrant('confirmed');
          toCompanions('companion');
        }
        break;
      case 'promoted':
        toRegistrant('promoted');
        toCompanions('companion');
        break;
      case 'cancelled':
        toRegistrant('cancelled', false);
        if (MAILED.has(change.previous)) toCompanions('companionCancelled');
        break;
      case 'companion-removed':
        if (change.removed && MAILED.has(change.previous)) toCompanions('companionCancelled', [change.removed]);
        break;
    }
    // A new token is stored only when a mail carries its link.
    return { mails, tokenHash: fresh && linked ? fresh.hash : undefined };
  }

  /** Writes a queued mail; `undefined` when its event is gone from the event files. */
  compose(mail: QueuedMail): MailMessage | undefined {
    const intent = mail.message as MailIntent;
    const loaded = this.#options.events.get(intent.eventId);
    if (!loaded) return undefined;
    const origin = this.#options.publicOrigin();
    const queuedAt = new Date(mail.createdAt);
    return composeMail(intent, {
      event: resolvedAt(loaded, origin),
      host: origin.hostname,
      // Made of the queue's id and time: the same for every attempt, unique across databases.
      messageId: `<mail-${mail.id}.${queuedAt.getTime()}@${origin.hostname}>`,
      queuedAt,
      locale: intent.payload.locale,
    });
  }
}
