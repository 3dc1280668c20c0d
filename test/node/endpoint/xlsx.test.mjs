// The organiser's spreadsheet: authorisation, a real .xlsx read back by a reader of its own (not
// the library that wrote it), typed cells, the CSV's columns and formula guard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rules } from './support/events.mjs';
import { daysFromNow, exportCsv, exportXlsx, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';
import { readXlsx } from './support/xlsx.mjs';

const TOKEN = 'spreadsheet-test-token-0123456789abcdef';
/** An event with a yes/no question (a checkbox without options) and a member question. */
const consentEvent = {
  ...rules,
  id: 'met-akkoord',
  registration: {
    ...rules.registration,
    endpoint: '/api/events/met-akkoord/registrations',
    questions: [{ id: 'foto', label: 'Er mogen foto’s van mij gemaakt worden', type: 'checkbox' }],
  },
};
let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { rules, consentEvent });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const hostile = registration(rules, {
  attendee: {
    name: '=HYPERLINK("https://evil.example.org","klik")',
    email: 'spreadsheet@example.org',
    organisation: 'Baken, "Het" & <Co>',
    phone: '+31 6 1234 5678',
  },
  member: false,
  companions: [{ name: 'Zoë Çelik', email: 'zoe-sheet@example.org', organisation: '@Partner' }],
  answers: { workshop: 'Buurtbeheer', themes: ['Toewijzing', 'Begeleiding'] },
  remarks: 'Twee regels:\r\n-tweede regel',
});

/** The CSV's text for a typed cell, as `csv.ts` writes it. */
function asCsvText(cell) {
  if (cell === undefined) return '';
  if (cell.type === 'boolean') return cell.value ? 'ja' : 'nee';
  if (cell.type === 'date') return cell.value.toISOString();
  return String(cell.value);
}

describe('GET /api/events/:id/registrations.xlsx', () => {
  let sent;
  before(async () => {
    sent = Date.now();
    assert.equal((await postJson(server, rules.id, hostile)).status, 201);
    assert.equal((await postJson(server, rules.id, registration(rules))).status, 201);
    const ticked = registration(consentEvent, { answers: { foto: true } });
    assert.equal((await postJson(server, consentEvent.id, ticked)).status, 201);
    assert.equal((await postJson(server, consentEvent.id, registration(consentEvent, { member: false }))).status, 201);
  });

  test('401 without a token or with a wrong one, 404 for an unknown event, 405 for a POST', async () => {
    const none = await fetch(`${server.api}/api/events/${rules.id}/registrations.xlsx`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate'), /^Bearer/);
    assert.equal((await exportXlsx(server, rules.id, `${TOKEN}x`)).status, 401);
    assert.equal((await exportXlsx(server, 'bestaat-niet', TOKEN)).status, 404);
    const post = await fetch(`${server.api}/api/events/${rules.id}/registrations.xlsx`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  test('200: a spreadsheet download with its content type and file name, never cached', async () => {
    const { status, headers, bytes } = await exportXlsx(server, rules.id, TOKEN);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(headers.get('content-disposition'), 'attachment; filename="regels-aanmeldingen.xlsx"');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(Number(headers.get('content-length')), bytes.length);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip package');
    const { contentTypes, sheetName } = readXlsx(bytes);
    assert.match(contentTypes, /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/);
    assert.match(contentTypes, /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.worksheet\+xml/);
    assert.equal(sheetName, 'Aanmeldingen');
  });

  test('the CSV’s columns and rows, one row per registration, cell for cell', async () => {
    const { rows } = readXlsx((await exportXlsx(server, rules.id, TOKEN)).bytes);
    const csv = await exportCsv(server, rules.id, TOKEN);
    assert.equal(rows.length, csv.rows.length);
    assert.equal(rows.length, 3);
    rows.forEach((row, index) => {
      const texts = csv.rows[index].map((_, column) => asCsvText(row[column]));
      assert.deepEqual(texts, csv.rows[index], `row ${index + 1}`);
    });
  });

  test('typed cells: the moment as a date, places as a number, yes/no as booleans, text as text', async () => {
    const [heading, row] = readXlsx((await exportXlsx(server, rules.id, TOKEN)).bytes).rows;
    const column = (name) => heading.findIndex((cell) => cell?.value === name);
    const cell = (name) => row[column(name)];
    assert.ok(heading.every((entry) => entry.type === 'string'), 'headings are text');

    const received = cell('ontvangen (UTC)');
    assert.equal(received.type, 'date');
    assert.ok(Math.abs(received.value.getTime() - sent) < 60_000, `${received.value.toISOString()} is when it was sent`);
    assert.match(received.format, /yyyy-mm-dd hh:mm/);
    assert.deepEqual(cell('plaatsen'), { type: 'number', value: 2 });
    assert.deepEqual(cell('Is uw organisatie deelnemer van de vakgemeenschap?'), { type: 'boolean', value: false });
    assert.deepEqual(cell('toestemming'), { type: 'boolean', value: true });
    assert.deepEqual(cell('status'), { type: 'string', value: 'bevestigd' });
    assert.deepEqual(cell('samenwerkingspartner 1 naam'), { type: 'string', value: 'Zoë Çelik' });
    assert.deepEqual(cell('organisatie'), { type: 'string', value: 'Baken, "Het" & <Co>' });
    assert.deepEqual(cell('Onderwerpen'), { type: 'string', value: 'Toewijzing; Begeleiding' });
    assert.deepEqual(cell('opmerkingen'), { type: 'string', value: 'Twee regels:\r\n-tweede regel' });
    assert.equal(cell('functie'), undefined, 'an empty field is an empty cell');
  });

  test('a yes/no question is a boolean cell: ticked is true, not sent is false', async () => {
    const [heading, ...rows] = readXlsx((await exportXlsx(server, consentEvent.id, TOKEN)).bytes).rows;
    const column = heading.findIndex((cell) => cell?.value === 'Er mogen foto’s van mij gemaakt worden');
    assert.deepEqual(
      rows.map((row) => row[column]),
      [
        { type: 'boolean', value: true },
        { type: 'boolean', value: false },
      ],
    );
  });

  test('no formulas: text that a spreadsheet would run starts with an apostrophe, as in the CSV', async () => {
    const { rows } = readXlsx((await exportXlsx(server, rules.id, TOKEN)).bytes);
    const [heading, row] = rows;
    const cell = (name) => row[heading.findIndex((entry) => entry?.value === name)];
    assert.equal(cell('naam').value, `'=HYPERLINK("https://evil.example.org","klik")`);
    assert.equal(cell('telefoon').value, "'+31 6 1234 5678");
    assert.equal(cell('samenwerkingspartner 1 organisatie').value, "'@Partner");
    for (const entry of rows.flat()) {
      assert.notEqual(entry?.type, 'formula');
      if (entry?.type === 'string') assert.doesNotMatch(entry.value, /^[=+\-@\t\r]/, JSON.stringify(entry.value));
    }
  });

  test('an event without registrations gives the heading row alone', async () => {
    const emptyTemp = tempDir();
    const later = { ...rules, id: 'leeg', start: daysFromNow(90), end: daysFromNow(90.1) };
    writeEvents(join(emptyTemp.dir, 'events'), { later });
    const empty = await startServer({ dir: emptyTemp.dir, env: { ADMIN_TOKEN: TOKEN } });
    try {
      const { rows } = readXlsx((await exportXlsx(empty, later.id, TOKEN)).bytes);
      assert.equal(rows.length, 1);
      assert.equal(rows[0][0].value, 'aanmelding');
    } finally {
      await empty.stop();
      emptyTemp.cleanup();
    }
  });
});
