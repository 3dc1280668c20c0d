/**
 * Messages live in one module per area (`common`, `event-source`, `map-link`, `card`, `form`,
 * `schema`), so a bundle carries only the text of the elements it imports. Dutch is the default:
 * formal "u", as Dutch public-sector sites write. English is typed by the Dutch, so a key missing
 * from it fails to compile.
 */
export type Locale = 'nl' | 'en';

/** One area's messages in every language. */
export type Localized<Messages> = Record<Locale, Messages>;

/** Maps any BCP 47 tag to a supported locale: `en`, `en-GB` → `en`; everything else → `nl`. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.trim().toLowerCase().split('-')[0] === 'en' ? 'en' : 'nl';
}
