/**
 * The wording of the endpoint's mails, in Dutch (formal "u") and English. Field names (name,
 * e-mail address, …) are the form's own (`formMessages` from `bijeen/text`), so the mail repeats
 * what the registrant saw.
 */
import type { Locale } from '../../../src/text.js';

const nl = {
  greeting: (name: string) => `Beste ${name},`,
  subject: {
    confirmed: (title: string) => `Aanmelding bevestigd: ${title}`,
    promoted: (title: string) => `Er is een plaats voor u: ${title}`,
    waitlisted: (title: string) => `U staat op de wachtlijst: ${title}`,
    pending: (title: string) => `Bevestig uw aanmelding: ${title}`,
    cancelled: (title: string) => `Aanmelding geannuleerd: ${title}`,
    companion: (title: string) => `U bent aangemeld voor ${title}`,
    companionWaitlisted: (title: string) => `U staat op de wachtlijst voor ${title}`,
    companionCancelled: (title: string) => `Uw aanmelding is geannuleerd: ${title}`,
  },
  intro: {
    confirmed: (title: string) => `U bent aangemeld voor ${title}. Hieronder staat wat u hebt ingevuld.`,
    promoted: (title: string) =>
      `Er is een plaats vrijgekomen: u stond op de wachtlijst en bent nu aangemeld voor ${title}.`,
    waitlisted: (title: string) =>
      `${title} is vol. U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u die vanzelf en hoort u dat per e-mail.`,
    pending: (title: string, deadline: string) =>
      `U hebt zich aangemeld voor ${title}. Bevestig uw aanmelding vóór ${deadline} met de link hieronder; daarna vervalt ze.`,
    pendingHeld: 'Tot dan houden we uw plaats vast.',
    pendingWaitlist: 'De bijeenkomst is vol: na uw bevestiging komt u op de wachtlijst.',
    cancelled: (title: string) => `Uw aanmelding voor ${title} is geannuleerd. Uw plaats is vrijgegeven.`,
    companion: (registrant: string, label: string, title: string) =>
      `${registrant} heeft u als ${label} aangemeld voor ${title}.`,
    companionWaitlisted: (registrant: string, label: string, title: string) =>
      `${registrant} heeft u als ${label} aangemeld voor ${title}. De bijeenkomst is vol: u staat samen op de wachtlijst en hoort het per e-mail als er plaats is.`,
    companionCancelled: (registrant: string, title: string) =>
      `${registrant} heeft uw aanmelding voor ${title} geannuleerd. U hoeft niets te doen.`,
    companionQuestions: (registrant: string) =>
      `Kunt u niet komen, of hebt u een vraag over de aanmelding? Laat het ${registrant} weten.`,
  },
  event: 'De bijeenkomst',
  registration: 'Uw aanmelding',
  status: {
    confirmed: 'Aangemeld',
    waitlisted: 'Op de wachtlijst',
    pending: 'Nog niet bevestigd',
    cancelled: 'Geannuleerd',
    expired: 'Verlopen (niet op tijd bevestigd)',
  },
  statusLabel: 'Status',
  link: {
    manage: 'Uw aanmelding bekijken, een deelnemer afmelden of annuleren',
    confirm: 'Uw aanmelding bevestigen',
  },
  calendar: 'In de bijlage zit de afspraak voor uw agenda (.ics).',
  keepLink: 'Deze link is persoonlijk: stuur deze e-mail niet door.',
  calendarFile: 'bijeenkomst.ics',
};

export type MailMessages = typeof nl;

const en: MailMessages = {
  greeting: (name) => `Dear ${name},`,
  subject: {
    confirmed: (title) => `Registration confirmed: ${title}`,
    promoted: (title) => `A place for you: ${title}`,
    waitlisted: (title) => `You are on the waiting list: ${title}`,
    pending: (title) => `Please confirm your registration: ${title}`,
    cancelled: (title) => `Registration cancelled: ${title}`,
    companion: (title) => `You are registered for ${title}`,
    companionWaitlisted: (title) => `You are on the waiting list for ${title}`,
    companionCancelled: (title) => `Your registration was cancelled: ${title}`,
  },
  intro: {
    confirmed: (title) => `You are registered for ${title}. Below is what you filled in.`,
    promoted: (title) => `A place has come free: you were on the waiting list and are now registered for ${title}.`,
    waitlisted: (title) =>
      `${title} is full. You are on the waiting list. If a place comes free, it is yours automatically and we will let you know by e-mail.`,
    pending: (title, deadline) =>
      `You registered for ${title}. Please confirm your registration before ${deadline} with the link below; after that it lapses.`,
    pendingHeld: 'Until then we hold your place.',
    pendingWaitlist: 'The event is full: once you confirm, you join the waiting list.',
    cancelled: (title) => `Your registration for ${title} has been cancelled. Your place has been released.`,
    companion: (registrant, label, title) => `${registrant} registered you as ${label} for ${title}.`,
    companionWaitlisted: (registrant, label, title) =>
      `${registrant} registered you as ${label} for ${title}. The event is full: you are on the waiting list together and will hear by e-mail when there is room.`,
    companionCancelled: (registrant, title) =>
      `${registrant} cancelled your registration for ${title}. There is nothing you need to do.`,
    companionQuestions: (registrant) => `If you cannot come, or have a question about the registration, please tell ${registrant}.`,
  },
  event: 'The event',
  registration: 'Your registration',
  status: {
    confirmed: 'Registered',
    waitlisted: 'On the waiting list',
    pending: 'Not confirmed yet',
    cancelled: 'Cancelled',
    expired: 'Lapsed (not confirmed in time)',
  },
  statusLabel: 'Status',
  link: {
    manage: 'View your registration, take a participant off it or cancel it',
    confirm: 'Confirm your registration',
  },
  calendar: 'The appointment for your calendar is attached (.ics).',
  keepLink: 'This link is personal: please do not forward this e-mail.',
  calendarFile: 'event.ics',
};

export function mailMessages(locale: Locale): MailMessages {
  return locale === 'en' ? en : nl;
}
