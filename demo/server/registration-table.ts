/**
 * The organiser's exports as one table: the columns and rows that the CSV (`csv.ts`) and the
 * spreadsheet (`xlsx.ts`) both write, one row per registration. Cells keep their type (text,
 * number, yes/no, date) so the spreadsheet can keep it too; the CSV writes them as text.
 *
 * Formula injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * would run as a formula in a spreadsheet (in the CSV at once; in the `.xlsx` as soon as someone
 * edits the cell); such cells get a leading `'` (OWASP's advice). Spreadsheets skip leading spaces,
 * line breaks, control, zero-width and byte-order-mark characters and read the fullwidth
 * `＝ ＋ － ＠` as the plain signs, so a sign after any of those is guarded too. That also shows on
 * phone numbers written as `+31 …`, which is the accepted price.
 */
import { answerKind, type EventData } from '../../src/schema/index.js';
import type { RegistrationStatus, StoredRegistration } from './store.js';

/** Text, a number, yes/no, a moment, or empty. */
export type TableCell = string | number | boolean | Date | null;

export interface RegistrationTable {
  headings: string[];
  rows: TableCell[][];
}

const FORMULA_START = /^(?:[\t\r]|[\p{White_Space}\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** Text that no spreadsheet runs as a formula. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
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

/** A text cell: guarded, and empty when there is no text. */
const text = (value: string | undefined): TableCell => (value ? neutralised(value) : null);

function answerCell(value: unknown): TableCell {
  if (Array.isArray(value)) return text(value.join('; '));
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' ? text(value) : null;
}

/** The export of `event`. Column headings are Dutch: organisers are. */
export function registrationTable(event: EventData, registrations: StoredRegistration[]): RegistrationTable {
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

  const rows = registrations.map(({ id, createdAt, status, places, payload }) => {
    const { attendee } = payload;
    const cells: TableCell[] = [
      id,
      new Date(createdAt),
      STATUS[status],
      places,
      text(attendee.name),
      text(attendee.email),
      text(attendee.organisation),
      text(attendee.role),
      text(attendee.phone),
    ];
    if (settings?.memberQuestion) cells.push(payload.member ?? null);
    for (let index = 0; index < companionColumns; index++) {
      const companion = payload.companions[index];
      cells.push(text(companion?.name), text(companion?.email), text(companion?.organisation));
    }
    for (const question of questions) {
      const answer = payload.answers[question.id];
      // An unticked confirmation is not sent at all: it reads as "no".
      cells.push(answer === undefined && answerKind(question) === 'confirm' ? false : answerCell(answer));
    }
    cells.push(text(payload.remarks), payload.consent, payload.locale, text(payload.source));
    return cells;
  });
  return { headings: headings.map(neutralised), rows };
}
