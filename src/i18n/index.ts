import { en } from './en.js';
import { nl, type Messages } from './nl.js';

export type { Messages };
export type Locale = 'nl' | 'en';

const catalogues: Record<Locale, Messages> = { nl, en };

/** The message catalogue for a locale. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Maps any BCP 47 tag to a supported locale: `en`, `en-GB` → `en`; everything else → `nl`. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.trim().toLowerCase().split('-')[0] === 'en' ? 'en' : 'nl';
}
