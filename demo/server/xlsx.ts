/**
 * The organiser's spreadsheet: `registrationTable()` as an Office Open XML workbook
 * (`write-excel-file`), one sheet, one row per registration, the heading row bold and frozen. Cells
 * keep their type: numbers as numbers, yes/no as booleans (Dutch Excel shows WAAR/ONWAAR), the
 * moment a registration came in as a date (UTC, as its heading says), text as text. Text is always
 * written as a string cell, never as a formula, and carries the same guard as the CSV.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import type { EventData } from '../../src/schema/index.js';
import { registrationTable, type TableCell } from './registration-table.js';
import type { StoredRegistration } from './store.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Column widths in characters: the longest text in the column, within these bounds. */
const NARROWEST = 8;
const WIDEST = 50;

function cell(value: TableCell): Cell {
  if (value === null) return null;
  if (value instanceof Date) return { value, type: Date, format: DATE_FORMAT };
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'boolean') return { value, type: Boolean };
  return { value, type: String };
}

/** Characters a cell shows, for its column's width. */
function shownLength(value: TableCell): number {
  if (value instanceof Date) return DATE_FORMAT.length;
  return value === null ? 0 : String(value).length;
}

export async function registrationsXlsx(event: EventData, registrations: StoredRegistration[]): Promise<Buffer> {
  const { headings, rows } = registrationTable(event, registrations);
  const data: SheetData = [headings.map((heading) => ({ value: heading, type: String, fontWeight: 'bold' })), ...rows.map((row) => row.map(cell))];
  const columns = headings.map((heading, index) => {
    let longest = heading.length;
    for (const row of rows) longest = Math.max(longest, shownLength(row[index] ?? null));
    return { width: Math.min(WIDEST, Math.max(NARROWEST, longest + 1)) };
  });
  return writeXlsxFile(data, { sheet: 'Aanmeldingen', columns, stickyRowsCount: 1 }).toBuffer();
}
