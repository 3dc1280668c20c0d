/**
 * The organiser's CSV: `registrationTable()` as RFC 4180 text (CRLF line ends, fields with a comma,
 * quote, semicolon or line break in double quotes, quotes doubled), UTF-8 with a byte order mark so
 * that Excel reads the accents right. Yes/no cells are written `ja`/`nee`, moments as ISO 8601 UTC.
 *
 * The separator is a comma, or a semicolon (`?sep=;`): Excel splits a CSV it opens on the list
 * separator of the computer's regional settings, which is `;` in Dutch ones, and would otherwise
 * show each line in one column. The file never starts with a `sep=` line: Excel ignores the byte
 * order mark when one follows it (the accents break), and every other reader takes it for data.
 */
import type { EventData } from '../../src/schema/index.js';
import { registrationTable, type TableCell } from './registration-table.js';
import type { StoredRegistration } from './store.js';

export type CsvSeparator = ',' | ';';

const NEEDS_QUOTES = /[",;\r\n]/;

function cellText(value: TableCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** One cell as CSV, quoted as needed. */
function csvCell(value: TableCell): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: TableCell[], separator: CsvSeparator): string {
  return `${cells.map(csvCell).join(separator)}\r\n`;
}

/** The whole file, BOM first. */
export function registrationsCsv(event: EventData, registrations: StoredRegistration[], separator: CsvSeparator = ','): string {
  const { headings, rows } = registrationTable(event, registrations);
  let out = `\uFEFF${csvRow(headings, separator)}`;
  for (const row of rows) out += csvRow(row, separator);
  return out;
}
