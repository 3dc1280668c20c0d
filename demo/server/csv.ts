/**
 * The organiser's export: one row per registration, RFC 4180 (CRLF line ends, fields with a comma,
 * quote, semicolon or line break in double quotes, quotes doubled), UTF-8 with a byte order mark
 * so that Excel reads the accents right. Companions get readable columns of their own.
 *
 * Formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would
 * run as a formula in a spreadsheet; such cells get a leading `'` (OWASP's advice). Spreadsheets
 * skip leading spaces, line breaks, control, zero-width and byte-order-mark characters and read the
 * fullwidth `＝ ＋ － ＠` as the plain signs, so a sign after any of those is guarded too. That also
 * shows on phone numbers written as `+31 …`, which is the accepted price.
 */
import { answerKind, type EventData } from '../../src/schema/index.js';
import type { RegistrationStatus, StoredRegistration } from './store.js';

const FORMULA_START = /^(?:[\t\r]|[\p{White_Space}\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;
const NEEDS_QUOTES = /[",;\r\n]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The status column, in the organiser's words. */
const STATUS: Record<RegistrationStatus, string> = {
  confirmed: 'bevestigd',
  waitlisted: 'wachtlijst',
  pending: 'onbevestigd (plaats vastgehouden)',
  'pending-waitlist': 'onbevestigd (wachtlijst)',
  cancelled: 'geannuleerd',
  expired: 'verlopen',
};

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'ja' : 'nee');

function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return yesNo(value);
  return typeof value === 'string' ? value : '';
}

/** The whole file, BOM first. Column headings are Dutch: organisers are. */
export function registrationsCsv(event: EventData, registrations: StoredRegistration[]): string {
  const settings = event.registration;
  const questions = settings?.questions ?? [];
  // A loop, not Math.max(...rows): spreading every registration overflows the stack on a large export.
  let companionColumns = settings?.maxCompanions ?? 0;
  for (const { payload } of registrations) companionColumns = Math.max(companionColumns, payload.companions.length);
  const label = settings?.companionLabel ?? 'introducé';

  const headings = ['aanmelding', 'ontvangen (UTC)', 'status', 'plaatsen', 'naam', 'e-mail', 'organisatie', 'functie', 'telefoon'];
  if (settings?.memberQuestion) headings.push(settings.memberQuestion);
  for (let index = 1; index <= companionColumns; index++) {
    headings.push(`${label} ${index} naam`, `${label} ${index} e-mail`, `${label} ${index} organisatie`);
  }
  for (const question of questions) headings.push(question.label);
  headings.push('opmerkingen', 'toestemming', 'taal', 'bron');

  let out = `\uFEFF${csvRow(headings)}`;
  for (const { id, createdAt, status, places, payload } of registrations) {
    const { attendee } = payload;
    const cells = [
      id,
      createdAt,
      STATUS[status],
      String(places),
      attendee.name,
      attendee.email,
      attendee.organisation,
      attendee.role ?? '',
      attendee.phone ?? '',
    ];
    if (settings?.memberQuestion) cells.push(yesNo(payload.member));
    for (let index = 0; index < companionColumns; index++) {
      const companion = payload.companions[index];
      cells.push(companion?.name ?? '', companion?.email ?? '', companion?.organisation ?? '');
    }
    for (const question of questions) {
      const answer = payload.answers[question.id];
      cells.push(answer === undefined && answerKind(question) === 'confirm' ? 'nee' : answerText(answer));
    }
    cells.push(payload.remarks ?? '', yesNo(payload.consent), payload.locale, payload.source);
    out += csvRow(cells);
  }
  return out;
}
