/**
 * Which organisation a registration belongs to, for `registration.maxCompanionsPerOrganisation`:
 * colleagues of one corporation register separately, and their companions count together.
 *
 * The key is the attendee's e-mail domain (`domain:woonbaken.nl`): the one thing a registrant
 * cannot simply type differently. The whole domain, lower case, without a public-suffix guess:
 * `contoso.onmicrosoft.com` and `fabrikam.onmicrosoft.com` are two organisations, and merging the
 * subdomains of one parent would be wrong there. An organisation that mails from two domains
 * counts as two; that errs towards letting someone in, never towards refusing a stranger.
 *
 * For an address at a public mail provider (gmail.com, ziggo.nl, …) the domain says nothing, and
 * the key is the organisation's name as typed, normalised (`name:hetbaken`): see
 * `normaliseOrganisationName`. A name that normalises to nothing (only punctuation) gives no key:
 * that registration is matched with no other and counts on its own.
 */

/**
 * Mail domains where anyone can get an address: the big international providers and the Dutch and
 * Belgian internet providers whose addresses people still use for work. Lower case.
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // International
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.nl',
  'hotmail.be',
  'outlook.com',
  'outlook.nl',
  'outlook.be',
  'live.com',
  'live.nl',
  'live.be',
  'msn.com',
  'yahoo.com',
  'yahoo.nl',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'zoho.com',
  'yandex.com',
  'fastmail.com',
  'tutanota.com',
  // Dutch providers, current and former
  'ziggo.nl',
  'kpnmail.nl',
  'kpnplanet.nl',
  'planet.nl',
  'hetnet.nl',
  'home.nl',
  'xs4all.nl',
  'casema.nl',
  'chello.nl',
  'upcmail.nl',
  'zonnet.nl',
  'tele2.nl',
  'online.nl',
  'versatel.nl',
  'tiscali.nl',
  'wanadoo.nl',
  'freeler.nl',
  'quicknet.nl',
  'hccnet.nl',
  'telfort.nl',
  'caiway.nl',
  'kabelfoon.nl',
  'solcon.nl',
  'zeelandnet.nl',
  'onsbrabantnet.nl',
  'delta.nl',
  'concepts.nl',
  'filternet.nl',
  // Belgian providers
  'telenet.be',
  'skynet.be',
  'proximus.be',
]);

/**
 * Legal forms, as whole words after punctuation is gone: registrants add or leave them out
 * ("Stichting Het Baken", "Het Baken"), and they never tell two organisations apart. Kinds of
 * organisation ("woningcorporatie", "gemeente", "woonstichting") stay: "Gemeente Uden" and
 * "Woningcorporatie Uden" are two organisations, and wrongly merging two would refuse a stranger's
 * companions, which is worse than missing a match.
 */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'stichting',
  'vereniging',
  'cooperatie',
  'ua',
  'bv',
  'nv',
  'vof',
  'cv',
  'besloten',
  'naamloze',
  'vennootschap',
  'ltd',
  'inc',
  'gmbh',
  'vzw',
  'asbl',
  'bvba',
]);

/**
 * An organisation's name as a key: accents dropped, lower case, "&" read as "en", dots and
 * apostrophes removed inside words ("B.V." → "bv", "'t" → "t"), other punctuation a word break,
 * legal forms left out (unless nothing else is left), and the rest joined without spaces, so
 * "Het  Baken", "Het-Baken" and "HetBaken" match. Empty when nothing but punctuation was typed.
 */
export function normaliseOrganisationName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', ' en ')
    .replace(/[.'’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const significant = words.filter((word) => !LEGAL_FORMS.has(word));
  return (significant.length ? significant : words).join('');
}

/**
 * The organisation a registration counts for: its attendee's mail domain, or at a public provider
 * its normalised name; `undefined` when there is nothing to match it by.
 */
export function organisationKey(attendee: { email: string; organisation: string }): string | undefined {
  const email = attendee.email.trim().toLowerCase();
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!PUBLIC_MAIL_DOMAINS.has(domain)) return `domain:${domain}`;
  const name = normaliseOrganisationName(attendee.organisation);
  return name ? `name:${name}` : undefined;
}
