import type { Locale } from '../../i18n/index.js';

/**
 * Dates and times through `Intl` in the event's own time zone. The pieces come from
 * `formatToParts` and are joined here, so the result reads the same on every ICU version (newer
 * ICU puts a comma after the English weekday, older Dutch data writes "13:00"): Dutch in the
 * convention of Dutch public-sector sites ("dinsdag 18 september 2018, 13.00–17.00 uur"), English
 * as British English writes it ("Tuesday 18 September 2018, 13:00–17:00").
 */

interface Moment {
  /** "dinsdag 18 september 2018" */
  day: string;
  /** "13.00" / "13:00" */
  time: string;
}

const formats = /* @__PURE__ */ new Map<string, Intl.DateTimeFormat>();

function moment(ms: number, locale: Locale, timeZone: string): Moment {
  const key = locale + timeZone;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    formats.set(key, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(ms)) part[type] = value;
  const hour = Number(part.hour);
  return {
    day: `${part.weekday} ${part.day} ${part.month} ${part.year}`,
    // Dutch "9.00 uur"; English "09:00".
    time: locale === 'en' ? `${String(hour).padStart(2, '0')}:${part.minute}` : `${hour}.${part.minute}`,
  };
}

/** " uur" after a Dutch time; nothing after an English one. */
const suffix = (locale: Locale) => (locale === 'en' ? '' : ' uur');

/** One moment as text: "dinsdag 2 juli 2018, 9.00 uur". */
export function formatMoment(ms: number, locale: Locale, timeZone: string): string {
  const { day, time } = moment(ms, locale, timeZone);
  return `${day}, ${time}${suffix(locale)}`;
}

/**
 * A start and optional end as display pieces `[start, separator, end]`, so each end can sit in its
 * own `<time>` element: `["dinsdag 18 september 2018, 13.00", "–", "17.00 uur"]` on one day,
 * `["… 13.00 uur", " – ", "woensdag 19 september 2018, 17.00 uur"]` over several days, `["… 13.00 uur"]`
 * without an end (or an end equal to the start). Days are compared in the event's time zone, so a
 * night across a daylight-saving change shows the wall-clock times people will see.
 */
export function formatRange(
  start: number,
  end: number | undefined,
  locale: Locale,
  timeZone: string,
): [string] | [string, string, string] {
  if (end === undefined || end === start) return [formatMoment(start, locale, timeZone)];
  const from = moment(start, locale, timeZone);
  const to = moment(end, locale, timeZone);
  return from.day === to.day
    ? [`${from.day}, ${from.time}`, '–', to.time + suffix(locale)]
    : [formatMoment(start, locale, timeZone), ' – ', formatMoment(end, locale, timeZone)];
}
