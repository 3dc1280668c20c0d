// The organiser's export: authorisation, RFC 4180, UTF-8 with BOM, formula neutralisation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rules } from './support/events.mjs';
import { exportCsv, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const TOKEN = 'een-lang-geheim-token-voor-de-export';
let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { rules });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const hostile = registration(rules, {
  attendee: {
    name: '=HYPERLINK("https://evil.example.org","klik")',
    email: 'lastig@example.org',
    organisation: 'Baken, "Het" & Co',
    role: '@SUM(A1:A9)',
    phone: '+31 6 1234 5678',
  },
  member: false,
  companions: [
    // A line break belongs only in multi-line fields (remarks); a one-line field refuses it.
    { name: '-2+3', email: 'min@example.org', organisation: 'Regel één; regel twee' },
    { name: 'Zoë Çelik', email: 'zoe@example.org' },
  ],
  answers: { workshop: 'Buurtbeheer', themes: ['Toewijzing', 'Begeleiding'], dieet: 'vegetarisch' },
  remarks: 'Puntkomma; aanhalingsteken " en\r\neen regeleinde',
  // `source` is kept only when it is an http(s) URL: a formula there never reaches the export.
  source: '\t=1+1',
});

describe('GET /api/events/:id/registrations.csv', () => {
  before(async () => {
    assert.equal((await postJson(server, rules.id, hostile)).status, 201);
    assert.equal((await postJson(server, rules.id, registration(rules))).status, 201);
  });

  test('401 with WWW-Authenticate without a token or with a wrong one', async () => {
    const none = await fetch(`${server.api}/api/events/${rules.id}/registrations.csv`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate'), /^Bearer/);
    assert.equal((await none.json()).status, 'unauthorized');
    assert.equal((await exportCsv(server, rules.id, `${TOKEN}x`)).status, 401);
    assert.equal((await exportCsv(server, rules.id, TOKEN.slice(0, -1))).status, 401);
    const basic = await fetch(`${server.api}/api/events/${rules.id}/registrations.csv`, {
      headers: { Authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
    });
    assert.equal(basic.status, 401);
  });

  test('404 for an unknown event, with the right token', async () => {
    assert.equal((await exportCsv(server, 'bestaat-niet', TOKEN)).status, 404);
  });

  test('200: UTF-8 with BOM, CRLF, one row per registration, companions in their own columns', async () => {
    const csv = await exportCsv(server, rules.id, TOKEN);
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
    assert.match(csv.headers.get('content-disposition'), /^attachment; filename="regels-aanmeldingen\.csv"$/);
    assert.equal(csv.headers.get('cache-control'), 'no-store');
    assert.ok(csv.bom, 'starts with a byte order mark');
    assert.equal(csv.rows.length, 3);
    const [heading, row] = csv.rows;
    assert.ok(csv.rows.every((cells) => cells.length === heading.length), 'every row as wide as the heading');
    const cell = (name) => row[heading.indexOf(name)];
    assert.equal(cell('samenwerkingspartner 2 naam'), 'Zoë Çelik');
    assert.equal(cell('samenwerkingspartner 1 organisatie'), 'Regel één; regel twee');
    assert.equal(cell('organisatie'), 'Baken, "Het" & Co');
    assert.equal(cell('Onderwerpen'), 'Toewijzing; Begeleiding');
    assert.equal(cell('Is uw organisatie deelnemer van de vakgemeenschap?'), 'nee');
    assert.equal(cell('status'), 'bevestigd');
    assert.equal(cell('plaatsen'), '3');
    assert.equal(cell('opmerkingen'), 'Puntkomma; aanhalingsteken " en\r\neen regeleinde');
  });

  test('cells that a spreadsheet would run as a formula start with an apostrophe', async () => {
    const { rows } = await exportCsv(server, rules.id, TOKEN);
    const [heading, row] = rows;
    const cell = (name) => row[heading.indexOf(name)];
    assert.equal(cell('naam'), `'=HYPERLINK("https://evil.example.org","klik")`);
    assert.equal(cell('functie'), "'@SUM(A1:A9)");
    assert.equal(cell('telefoon'), "'+31 6 1234 5678");
    assert.equal(cell('samenwerkingspartner 1 naam'), "'-2+3");
    assert.equal(cell('bron'), '');
    for (const cells of rows) {
      for (const value of cells) assert.doesNotMatch(value, /^[=+\-@\t\r]/, `neutralised: ${JSON.stringify(value)}`);
    }
  });

  test('quoting follows RFC 4180 byte for byte', async () => {
    const { raw } = await exportCsv(server, rules.id, TOKEN);
    assert.ok(raw.includes(',"Baken, ""Het"" & Co",'), 'comma and quotes: quoted, quotes doubled');
    assert.ok(raw.includes(`"'=HYPERLINK(""https://evil.example.org"",""klik"")"`), 'neutralised, then quoted');
    assert.ok(raw.includes('"Regel één; regel twee"'), 'semicolon: quoted');
    assert.ok(raw.includes('"Puntkomma; aanhalingsteken "" en\r\neen regeleinde"'), 'line break inside quotes');
    assert.ok(raw.endsWith('\r\n'));
    assert.equal(raw.split('\r\n').length - 1 >= 3, true);
  });
});

describe('GET /api/events/:id/registrations.csv?sep=; (Dutch Excel)', () => {
  test('semicolons between cells, the same cells as the comma file, BOM and no sep= line', async () => {
    const comma = await exportCsv(server, rules.id, TOKEN);
    const semicolon = await exportCsv(server, rules.id, TOKEN, { separator: ';' });
    assert.equal(semicolon.status, 200);
    assert.equal(semicolon.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
    assert.match(semicolon.headers.get('content-disposition'), /^attachment; filename="regels-aanmeldingen\.csv"$/);
    assert.ok(semicolon.bom, 'starts with a byte order mark, so Excel reads UTF-8');
    assert.ok(semicolon.raw.startsWith('\uFEFFaanmelding;ontvangen (UTC);status;plaatsen;naam;'), semicolon.raw.slice(0, 80));
    assert.doesNotMatch(semicolon.raw, /^\uFEFF?sep=/i, 'no sep= line: Excel would ignore the BOM after it');
    assert.deepEqual(semicolon.rows, comma.rows);
  });

  test('a cell with a semicolon or a comma is quoted; plain cells are not', async () => {
    const { raw } = await exportCsv(server, rules.id, TOKEN, { separator: ';' });
    assert.ok(raw.includes(';"Regel één; regel twee";'), 'semicolon: quoted');
    assert.ok(raw.includes(';"Baken, ""Het"" & Co";'), 'comma and quotes: quoted');
    assert.ok(raw.includes(';bevestigd;3;'), 'plain cells as they are');
  });

  test('sep=, is the default; any other separator is a 400 that names the two', async () => {
    const comma = await fetch(`${server.api}/api/events/${rules.id}/registrations.csv?sep=,`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(comma.status, 200);
    // Read as bytes: `text()` drops the byte order mark.
    assert.ok(Buffer.from(await comma.arrayBuffer()).toString('utf8').startsWith('\uFEFFaanmelding,ontvangen (UTC),'));
    for (const sep of ['\t', '|', ';;', '']) {
      const refused = await fetch(`${server.api}/api/events/${rules.id}/registrations.csv?sep=${encodeURIComponent(sep)}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(refused.status, 400, JSON.stringify(sep));
      const body = await refused.json();
      assert.equal(body.status, 'bad_request');
      assert.match(body.message, /komma \(sep=,\) of een puntkomma \(sep=;\)/);
    }
  });

  test('the separator is asked after the token: without it, 401', async () => {
    const response = await fetch(`${server.api}/api/events/${rules.id}/registrations.csv?sep=${encodeURIComponent(';')}`);
    assert.equal(response.status, 401);
  });
});
