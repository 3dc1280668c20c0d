import { cardMessages } from '../i18n/card.js';
import type { Locale } from '../i18n/index.js';
import type { EventData } from '../schema/event.js';
import { time } from '../schema/status.js';
import { DEFAULT_TIME_ZONE, zonedDateFormat } from '../schema/time.js';

/**
 * Dates and times through `Intl` in the event's own time zone. The pieces come from
 * `formatToParts` and are joined here, so the result reads the same on every ICU version (newer
 * ICU puts a comma after the English weekday, older Dutch data writes "13:00"): Dutch in the
 * convention of Dutch public-sector sites ("dinsdag 18 september 2018, 13.00–17.00 uur"), English
 * as British English writes it ("Tuesday 18 September 2018, 13:00–17:00").
 */

/** `["dinsdag 18 september 2018", "13.00"]`; English `["Tuesday 18 September 2018", "13:00"]`. */
function moment(ms: number, locale: Locale, timeZone: string): [day: string, time: string] {
  const part: Record<string, string> = {};
  // Only the literals between the parts differ between ICU versions; those are written here.
  const format = zonedDateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', timeZone);
  for (const { type, value } of format.formatToParts(ms)) part[type] = value;
  return [
    `${part.weekday} ${part.day} ${part.month} ${part.year}`,
    // Dutch "9.00 uur"; English "09:00".
    locale === 'en' ? `${part.hour.padStart(2, '0')}:${part.minute}` : `${+part.hour}.${part.minute}`,
  ];
}

/**
 * A start and end as display pieces `[start, separator, end]`, so each end can sit in its
 * own `<time>` element: `["dinsdag 18 september 2018, 13.00", "–", "17.00 uur"]` on one day,
 * `["… 13.00 uur", " – ", "woensdag 19 september 2018, 17.00 uur"]` over several days, `["… 13.00 uur"]`
 * when the end is the start (an event without an end). Days are compared in the event's time zone, so a
 * night across a daylight-saving change shows the wall-clock times people will see.
 */
export function formatRange(
  start: number,
  end: number,
  locale: Locale,
  timeZone: string,
): [string] | [string, string, string] {
  // " uur" after a Dutch time; nothing after an English one.
  const hours = locale === 'en' ? '' : ' uur';
  const [day, time] = moment(start, locale, timeZone);
  const from = `${day}, ${time}`;
  if (end === start) return [from + hours];
  const [endDay, endTime] = moment(end, locale, timeZone);
  return day === endDay ? [from, '–', endTime + hours] : [from + hours, ' – ', `${endDay}, ${endTime}${hours}`];
}

/** One moment as text: "dinsdag 2 juli 2018, 9.00 uur". */
export const formatMoment = (ms: number, locale: Locale, timeZone: string): string =>
  formatRange(ms, ms, locale, timeZone)[0];

/** "Aanmelden kan vanaf maandag 2 juli 2018, 9.00 uur.": card, form and endpoint say it alike. */
export const opensAtSentence = (event: EventData, locale: Locale): string =>
  cardMessages[locale].opensAt(formatMoment(time(event.registration!.opens!), locale, event.timeZone));

/**
 * Builds the date formatter most events need (Dutch, the default time zone), the one validation
 * and the card use; returns it. The first `Intl.DateTimeFormat` on a page is the slow one (ICU
 * loads its data, ~80 ms at 4× CPU throttling, whatever the language), later ones are cheap. The
 * card calls this when the page is idle after the library loads, so that cards rendered later (a
 * list whose feed is on its way, an app that sets `event` after its own fetch) do not wait for it.
 */
export const prepareDateFormat = (): Intl.DateTimeFormat => zonedDateFormat('nl-NL', DEFAULT_TIME_ZONE);

/** One month formatter per locale and time zone. */
const months: Record<string, Intl.DateTimeFormat> = {};

/** The month of a moment in `timeZone`: "september 2027"; English "September 2027". */
export function formatMonth(ms: number, locale: Locale, timeZone: string): string {
  return (months[locale + timeZone] ??= new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone,
  })).format(ms);
}
