/**
 * Access and erasure requests (AVG articles 15 and 17), for the organiser with the admin token
 * (`api.ts` checks it before it calls this):
 *
 *   GET    /api/people?email=…   everything stored about the address, every event
 *   DELETE /api/people?email=…   erases it everywhere (`RegistrationStore.erasePerson()`)
 *
 * As an attendee, a person gets their whole registration as stored. As a companion, they get their
 * own entry and who registered them (name and organisation: the source of the data, which article
 * 15 asks for), not the rest of someone else's registration. Mails to the address are listed as
 * the queue keeps them (what a mail is about only while it waits to be sent).
 *
 * An erasure frees places, so the waiting list moves up in the same transaction and the mailer is
 * woken for the promoted registrations' mails.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isEmail } from '../../src/schema/index.js';
import type { LoadedEvent } from './events.js';
import { requestLocale, sendJson, targetParam } from './http.js';
import { endpointMessages } from './messages.js';
import { normaliseEmail, type ChangeContext, type PersonEntry, type RegistrationStore } from './store.js';

export interface PeopleOptions {
  store: RegistrationStore;
  events: Map<string, LoadedEvent>;
  log: (line: string) => void;
  /** Promotion and its mails, for the places an erasure frees. */
  context: () => ChangeContext;
  /** Mails were queued: send them. */
  mailQueued: () => void;
  /** Removes the copies of erased mails (the outbox's files). */
  forgetMails: (ids: number[]) => Promise<void>;
}

function eventOf(id: string, events: Map<string, LoadedEvent>) {
  const event = events.get(id)?.data;
  return event ? { id, title: event.title, start: event.start } : { id };
}

/** One registration as its attendee or one of its companions may see it. */
function entryView({ role, registration }: PersonEntry, email: string, events: Map<string, LoadedEvent>) {
  const { id, eventId, status, places, createdAt, payload } = registration;
  const event = eventOf(eventId, events);
  if (role === 'attendee') return { event, role, id, status, places, createdAt, registration: payload };
  const companion = payload.companions.find((entry) => normaliseEmail(entry.email) === email);
  const { name, organisation } = payload.attendee;
  return { event, role, id, status, createdAt, companion, registeredBy: { name, organisation } };
}

/** Answers `GET`, `HEAD` or `DELETE /api/people?email=…` for an admitted organiser. */
export async function answerPeople(req: IncomingMessage, res: ServerResponse, options: PeopleOptions): Promise<void> {
  const { store, events, log } = options;
  const messages = endpointMessages(requestLocale(req));
  const email = normaliseEmail(targetParam(req.url, 'email') ?? '');
  if (!isEmail(email)) return sendJson(res, 400, { status: 'bad_request', message: messages.badEmail });

  if (req.method !== 'DELETE') {
    const entries = await store.findPerson(email);
    const mails = await store.mailsTo(email);
    return sendJson(res, 200, { email, registrations: entries.map((entry) => entryView(entry, email, events)), mails });
  }
  const { registrations, companions, eventIds, promoted, mailIds } = await store.erasePerson(email, options.context());
  await options.forgetMails(mailIds);
  if (promoted.length > 0) options.mailQueued();
  // The address itself stays out of the log: it is what was just erased.
  if (eventIds.length + mailIds.length > 0) {
    log(
      `people: erased ${registrations} registration(s), ${companions} companion entr(ies) and ${mailIds.length} mail(s) of one address; events: ${eventIds.join(', ')}; ${promoted.length} promoted from the waiting list`,
    );
  }
  return sendJson(res, 200, {
    erased: { registrations, companions, mails: mailIds.length },
    events: eventIds,
    promoted: promoted.map(({ id, eventId }) => ({ id, eventId })),
    message: messages.erased(registrations, companions),
  });
}
