// The organiser's spreadsheet (demo/server/xlsx.ts), read back by the tests' own Office Open XML
// reader: one sheet, the heading row bold and frozen, cells of their own type, columns as wide
// as their text within bounds.
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { tsImport } from 'tsx/esm/api';
import { readXlsx } from '../endpoint/support/xlsx.mjs';
import { describe, test } from '../support/suite.mjs';

const { registrationsXlsx, XLSX_TYPE } = await tsImport('../../../demo/server/xlsx.ts', import.meta.url);
const { parseEvent } = await tsImport('../../../src/schema/index.ts', import.meta.url);

const event = parseEvent({
  id: 'uden',
  title: 'Wonen en zorg',
  start: '2030-09-18T13:00:00+02:00',
  location: { city: 'Uden' },
  registration: { endpoint: 'https://api.example.org/aanmelden', memberQuestion: 'Lid?', maxCompanions: 1 },
}).data;

function stored(payload, row = {}) {
  return {
    seq: 1,
    id: 'r1',
    eventId: 'uden',
    status: 'confirmed',
    places: 1,
    createdAt: '2030-09-01T08:30:00.000Z',
    ...row,
    payload: {
      eventId: 'uden',
      idempotencyKey: 'k',
      attendee: { name: 'Fien de Vries', email: 'fien@example.org', organisation: 'Gemeente Uden' },
      companions: [],
      answers: {},
      consent: true,
      locale: 'nl',
      source: '',
      ...payload,
    },
  };
}

/** The first sheet's XML and the styles, straight from the package. */
function parts(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  return { sheet: strFromU8(files['xl/worksheets/sheet1.xml']), styles: strFromU8(files['xl/styles.xml']) };
}

describe('registrationsXlsx', () => {
  test('one sheet "Aanmeldingen": the headings, then each registration with cells of their own type', async () => {
    assert.equal(XLSX_TYPE, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = await registrationsXlsx(event, [
      stored({ member: true, remarks: '=1+1' }, { places: 2 }),
      stored({ member: false }, { id: 'r2', status: 'waitlisted' }),
    ]);
    const { sheetName, rows } = readXlsx(bytes);
    assert.equal(sheetName, 'Aanmeldingen');
    assert.deepEqual(rows[0].slice(0, 4).map((cell) => cell.value), ['aanmelding', 'ontvangen (UTC)', 'status', 'plaatsen']);
    assert.ok(rows[0].every((cell) => cell.type === 'string'));
    const [id, received, status, places, name] = rows[1];
    assert.deepEqual([id, status, name], [
      { type: 'string', value: 'r1' },
      { type: 'string', value: 'bevestigd' },
      { type: 'string', value: 'Fien de Vries' },
    ]);
    assert.deepEqual(places, { type: 'number', value: 2 });
    assert.equal(received.type, 'date');
    assert.equal(received.value.toISOString(), '2030-09-01T08:30:00.000Z');
    assert.equal(received.format, 'yyyy-mm-dd hh:mm:ss');
    assert.deepEqual(rows[1][9], { type: 'boolean', value: true }, 'the member answer');
    assert.deepEqual(rows[2][9], { type: 'boolean', value: false });
    assert.equal(rows[1][7], undefined, 'no role: an empty cell');
    assert.deepEqual(rows[1][13], { type: 'string', value: `'=1+1` }, 'text, guarded, never a formula');
    assert.equal(rows[2][2].value, 'wachtlijst');
  });

  test('the heading row is bold and stays in view', async () => {
    const { sheet, styles } = parts(await registrationsXlsx(event, [stored({})]));
    assert.match(sheet, /<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const headingStyle = Number(/<c r="A1" [^>]*s="(\d+)"/.exec(sheet)[1]);
    const fontId = Number([...styles.matchAll(/<xf\b[^>]*>/g)].map((match) => /fontId="(\d+)"/.exec(match[0])?.[1])[headingStyle] ?? 0);
    const font = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)[1]).matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)][fontId][0];
    assert.match(font, /<b\/>/);
    const bodyStyle = Number(/<c r="E2" [^>]*s="(\d+)"/.exec(sheet)?.[1] ?? 0);
    assert.notEqual(bodyStyle, headingStyle, 'the rows are not bold');
  });

  test('each column as wide as its longest text plus one, at least 8 and at most 50 characters', async () => {
    const long = 'x'.repeat(80);
    const { sheet } = parts(await registrationsXlsx(event, [stored({ attendee: { name: 'Al', email: 'al@example.org', organisation: long } })]));
    const widths = [...sheet.matchAll(/<col [^>]*>/g)].map((match) => Number(/width="([\d.]+)"/.exec(match[0])[1]));
    assert.equal(widths[0], 11, '"aanmelding" is the longest: 10 + 1');
    assert.equal(widths[1], 20, 'a moment shows as yyyy-mm-dd hh:mm:ss: 19 + 1');
    assert.equal(widths[3], 9, '"plaatsen": 8 + 1');
    assert.equal(widths[4], 8, '"naam" and "Al": at least 8');
    assert.equal(widths[5], 15, 'al@example.org: 14 + 1');
    assert.equal(widths[6], 50, 'at most 50');
  });
});
