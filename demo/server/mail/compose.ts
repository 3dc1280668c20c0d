/**
 * The endpoint's mails: subject, plain text, an HTML alternative with the same content, and the
 * event's `.ics` (the card's calendar file and UID, `calendarFile` from `bijeen/text`), written
 * from blocks that both renderings share. The queue holds what a mail is about (`MailIntent`,
 * small, written in the registration's transaction); the mail itself is written when it is sent,
 * off the registration's path. Nothing here sends anything.
 */
import { calendarFile, formatMoment, formMessages, type Locale } from '../../../src/text.js';
import { time, type EventData, type RegistrationPayload } from '../../../src/schema/index.js';
import { eventFacts, registrationFacts, valueHtml, valueText, type Fact } from '../registration-facts.js';
import { escapeHtml } from '../html.js';
import { mailMessages } from './messages.js';

/** The registrant's mails. */
export type RegistrantMail = 'confirmed' | 'promoted' | 'waitlisted' | 'pending' | 'pending-waitlist' | 'cancelled';
/** A companion's short mails. */
export type CompanionMail = 'companion' | 'companionWaitlisted' | 'companionCancelled';

/**
 * What a queued mail is about, as the registration was when it was queued; stored as JSON in the
 * queue and erased once the mail is sent. `link` is the registrant's personal page.
 */
export type MailIntent = { eventId: string; payload: RegistrationPayload } & (
  | { kind: RegistrantMail; link?: string; confirmBy?: string }
  | { kind: CompanionMail; companion: { name: string } }
);

/** A mail, ready for the transport; `from` is the transport's (`MAIL_FROM`). */
export interface MailMessage {
  /** Stable across retries, so a mail sent twice after a crash reads as one in clients that group by it. */
  messageId: string;
  /** When it was queued: every attempt sends the same message. */
  date: Date;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}


/** What a mail says, in order; rendered as plain text and as HTML. */
type Block = { paragraph: string } | { heading: string } | { facts: Fact[] } | { link: string; href: string };

/** What a mail is written with besides its intent. */
export interface MailSetting {
  /** The event, its URLs resolved against the endpoint's public address. */
  event: EventData;
  /** Host for the calendar UID of an event without `url` (the endpoint's, as in its calendar feed). */
  host: string;
  messageId: string;
  /** When the mail was queued: its Date, and the calendar file's DTSTAMP. */
  queuedAt: Date;
  locale: Locale;
}


function plainText(blocks: Block[]): string {
  const parts = blocks.map((block) => {
    if ('paragraph' in block) return block.paragraph;
    if ('heading' in block) return block.heading.toUpperCase();
    if ('facts' in block) {
      return block.facts.map(([label, value]) => `${label}: ${valueText(value)}`).join('\n');
    }
    return `${block.link}:\n${block.href}`;
  });
  return `${parts.join('\n\n')}\n`;
}

function html(blocks: Block[], subject: string, locale: Locale): string {
  const body = blocks.map((block) => {
    if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
    if ('heading' in block) return `<h2>${escapeHtml(block.heading)}</h2>`;
    if ('facts' in block) {
      return `<p>${block.facts.map(([label, entry]) => `<strong>${escapeHtml(label)}:</strong> ${valueHtml(entry, escapeHtml)}`).join('<br>\n')}</p>`;
    }
    return `<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.link)}</a></p>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>',
    escapeHtml(subject),
    '</title></head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** When, where (with a map link), online, more: the event in facts, in the event's own time zone. */
function message(setting: MailSetting, subject: string, blocks: Block[], withCalendar: boolean): MailMessage {
  const { event, host, queuedAt, locale } = setting;
  const text = mailMessages(locale);
  const mail: MailMessage = {
    messageId: setting.messageId,
    date: queuedAt,
    subject,
    text: plainText(blocks),
    html: html(blocks, subject, locale),
  };
  const replyTo = event.registration?.email ?? event.organizer?.email;
  if (replyTo) mail.replyTo = replyTo;
  if (withCalendar) {
    mail.attachments = [
      {
        filename: text.calendarFile,
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: calendarFile([event], { stamp: () => queuedAt.getTime(), uidHost: host }),
      },
    ];
  }
  return mail;
}

/** The mail an intent stands for. */
export function composeMail(intent: MailIntent, setting: MailSetting): MailMessage {
  return 'companion' in intent
    ? companionMail(intent.kind, intent.companion, intent.payload, setting)
    : registrantMail(intent.kind, intent.payload, setting, intent.link, intent.confirmBy);
}

/**
 * The registrant's mail for what happened to the registration. `link` is the personal page (to
 * confirm, when pending; else to view and cancel); a cancelled registration's mail has none.
 */
function registrantMail(
  kind: RegistrantMail,
  payload: RegistrationPayload,
  setting: MailSetting,
  link: string | undefined,
  confirmBy: string | undefined,
): MailMessage {
  const text = mailMessages(setting.locale);
  const { title } = setting.event;
  const pending = kind === 'pending' || kind === 'pending-waitlist';
  const deadline = () => formatMoment(time(confirmBy ?? ''), setting.locale, setting.event.timeZone);
  const intro: Record<RegistrantMail, () => string> = {
    confirmed: () => text.intro.confirmed(title),
    promoted: () => text.intro.promoted(title),
    waitlisted: () => text.intro.waitlisted(title),
    pending: () => `${text.intro.pending(title, deadline())} ${text.intro.pendingHeld}`,
    'pending-waitlist': () => `${text.intro.pending(title, deadline())} ${text.intro.pendingWaitlist}`,
    cancelled: () => text.intro.cancelled(title),
  };
  const subject = {
    confirmed: text.subject.confirmed,
    promoted: text.subject.promoted,
    waitlisted: text.subject.waitlisted,
    pending: text.subject.pending,
    'pending-waitlist': text.subject.pending,
    cancelled: text.subject.cancelled,
  }[kind](title);
  const status = pending ? text.status.pending : kind === 'waitlisted' ? text.status.waitlisted : kind === 'cancelled' ? text.status.cancelled : text.status.confirmed;
  const confirmed = kind === 'confirmed' || kind === 'promoted';
  const blocks: Block[] = [
    { paragraph: text.greeting(payload.attendee.name) },
    { paragraph: intro[kind]() },
    ...(pending && link ? [{ link: text.link.confirm, href: link }] : []),
    { heading: text.event },
    { paragraph: title },
    { facts: eventFacts(setting.event, setting.locale) },
    { heading: text.registration },
    { facts: [[text.statusLabel, status], ...registrationFacts(payload, setting.event, setting.locale)] },
    ...(!pending && link ? [{ link: text.link.manage, href: link }] : []),
    ...(confirmed ? [{ paragraph: text.calendar }] : []),
    ...(link ? [{ paragraph: text.keepLink }] : []),
  ];
  return message(setting, subject, blocks, confirmed);
}

/** A companion's short mail: who registered them, the event, and whom to tell about changes. */
function companionMail(
  kind: CompanionMail,
  companion: { name: string },
  payload: RegistrationPayload,
  setting: MailSetting,
): MailMessage {
  const text = mailMessages(setting.locale);
  const { title } = setting.event;
  const registrant = payload.attendee.name;
  const label = setting.event.registration?.companionLabel ?? formMessages[setting.locale].companion;
  const intro = {
    companion: text.intro.companion(registrant, label, title),
    companionWaitlisted: text.intro.companionWaitlisted(registrant, label, title),
    companionCancelled: text.intro.companionCancelled(registrant, title),
  }[kind];
  const blocks: Block[] = [
    { paragraph: text.greeting(companion.name) },
    { paragraph: intro },
    { heading: text.event },
    { paragraph: title },
    { facts: eventFacts(setting.event, setting.locale) },
    ...(kind === 'companionCancelled' ? [] : [{ paragraph: text.intro.companionQuestions(registrant) }]),
    ...(kind === 'companion' ? [{ paragraph: text.calendar }] : []),
  ];
  return message(setting, text.subject[kind](title), blocks, kind === 'companion');
}
