// The organiser's CSV (demo/server/csv.ts) written from stored registrations and read back with a
// strict RFC 4180 reader: its columns, its cells, its quoting and its guard against formulas.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { parseCsv } from '../endpoint/support/server.mjs';
import { describe, test } from '../support/suite.mjs';

const { registrationsCsv } = await tsImport('../../../demo/server/csv.ts', import.meta.url);
const { parseEvent } = await tsImport('../../../src/schema/index.ts', import.meta.url);

/** Valid event data with `registration` settings. */
function eventWith(registration) {
  const result = parseEvent({
    id: 'uden',
    title: 'Wonen en zorg',
    start: '2030-09-18T13:00:00+02:00',
    location: { name: 'Area Wonen', city: 'Uden' },
    ...(registration && { registration: { endpoint: 'https://api.example.org/aanmelden', ...registration } }),
  });
  assert.ok(result.success, JSON.stringify(result.issues));
  return result.data;
}

let seq = 0;
/** A stored registration; `payload` is merged over a minimal valid one. */
function stored(payload = {}, row = {}) {
  seq += 1;
  return {
    seq,
    id: `r${seq}`,
    eventId: 'uden',
    status: 'confirmed',
    places: 1 + (payload.companions?.length ?? 0),
    createdAt: '2030-09-01T08:30:00.000Z',
    ...row,
    payload: {
      eventId: 'uden',
      idempotencyKey: `key-${seq}`,
      attendee: { name: 'Fien de Vries', email: 'fien@example.org', organisation: 'Gemeente Uden' },
      companions: [],
      answers: {},
      consent: true,
      locale: 'nl',
      source: 'https://partner.example.org/',
      ...payload,
    },
  };
}

/** The file's rows, after checking its byte order mark. */
function rows(text) {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte order mark first');
  return parseCsv(text.slice(1));
}

const BASE = ['aanmelding', 'ontvangen (UTC)', 'status', 'plaatsen', 'naam', 'e-mail', 'organisatie', 'functie', 'telefoon'];
const TAIL = ['opmerkingen', 'toestemming', 'taal', 'bron'];

describe('registrationsCsv', () => {
  test('an event without questions or companions: the fixed columns, one row per registration', () => {
    const registration = stored();
    const [headings, row, ...rest] = rows(registrationsCsv(eventWith({}), [registration]));
    assert.deepEqual(headings, [...BASE, ...TAIL]);
    assert.deepEqual(row, [registration.id, '2030-09-01T08:30:00.000Z', 'bevestigd', '1', 'Fien de Vries', 'fien@example.org', 'Gemeente Uden', '', '', '', 'ja', 'nl', 'https://partner.example.org/']);
    assert.deepEqual(rest, []);
  });

  test('an event without registration settings: the fixed columns only, also for registrations made before', () => {
    assert.deepEqual(rows(registrationsCsv(eventWith(undefined), [])), [[...BASE, ...TAIL]]);
    const [, row] = rows(registrationsCsv(eventWith(undefined), [stored({ member: true })]));
    assert.equal(row.length, BASE.length + TAIL.length);
  });

  test('the member question, companion columns (as many as allowed or sent) and each question get columns', () => {
    const event = eventWith({
      maxCompanions: 1,
      companionLabel: 'collega',
      memberQuestion: 'Bent u lid?',
      questions: [
        { id: 'workshop', label: 'Workshop', type: 'radio', options: ['A', 'B'] },
        { id: 'themes', label: 'Thema’s', type: 'checkbox', options: ['Wonen', 'Zorg'] },
        { id: 'photos', label: 'Foto’s goed', type: 'checkbox' },
        { id: 'diet', label: 'Dieet', type: 'text' },
      ],
    });
    const registrations = [
      stored(
        {
          attendee: { name: 'Ann', email: 'ann@example.org', organisation: 'Baken', role: 'Adviseur', phone: '06 1234 5678' },
          member: true,
          companions: [
            { name: 'Bas', email: 'bas@example.org', organisation: 'Zorg' },
            { name: 'Cor', email: 'cor@example.org' },
          ],
          answers: { workshop: 'B', themes: ['Wonen', 'Zorg'], photos: true, diet: 'vegetarisch' },
          remarks: 'Graag vooraan',
          consent: false,
          locale: 'en',
        },
        { status: 'waitlisted' },
      ),
      stored({ member: false, answers: { themes: [] } }),
      stored({ answers: { photos: false } }),
    ];
    const [headings, ann, second, third] = rows(registrationsCsv(event, registrations));
    const companionHeadings = [1, 2].flatMap((n) => [`collega ${n} naam`, `collega ${n} e-mail`, `collega ${n} organisatie`]);
    assert.deepEqual(headings, [...BASE, 'Bent u lid?', ...companionHeadings, 'Workshop', 'Thema’s', 'Foto’s goed', 'Dieet', ...TAIL]);
    assert.deepEqual(ann.slice(2), [
      'wachtlijst', '3', 'Ann', 'ann@example.org', 'Baken', 'Adviseur', '06 1234 5678',
      'ja',
      'Bas', 'bas@example.org', 'Zorg', 'Cor', 'cor@example.org', '',
      'B', 'Wonen; Zorg', 'ja', 'vegetarisch',
      'Graag vooraan', 'nee', 'en', 'https://partner.example.org/',
    ]);
    const noCompanions = ['', '', '', '', '', ''];
    assert.deepEqual(second.slice(9, 22), ['nee', ...noCompanions, '', '', 'nee', '', '', 'ja'], 'nothing answered: an unticked box reads "no"');
    assert.deepEqual([third[9], third[18]], ['', 'nee'], 'no answer to the member question; a box answered "no"');
  });

  test('the default companion label is introducé', () => {
    const [headings] = rows(registrationsCsv(eventWith({ maxCompanions: 1 }), []));
    assert.deepEqual(headings.slice(9, 12), ['introducé 1 naam', 'introducé 1 e-mail', 'introducé 1 organisatie']);
  });

  test('a cell with a comma, semicolon, quote or line break is quoted, quotes doubled; others are not', () => {
    const registration = stored({
      attendee: { name: 'Baken, "Het"', email: 'a@example.org', organisation: 'Regel één; twee' },
      remarks: 'eerste regel\r\ntweede\nderde\r',
    });
    const text = registrationsCsv(eventWith({}), [registration]);
    const line = text.split('\r\n')[1];
    assert.ok(line.startsWith(`${registration.id},2030-09-01T08:30:00.000Z,bevestigd,1,"Baken, ""Het""",a@example.org,"Regel één; twee",`), line);
    assert.equal(rows(text)[1][9], 'eerste regel\r\ntweede\nderde\r');
  });

  test('a cell that a spreadsheet would run as a formula starts with an apostrophe', () => {
    const guarded = ['=1+1', '+31 6 1234', '-2', '@SUM(A1)', '\tx', '\rx', ' =1', '\u200B=1', '\uFEFF+1', '\u0007-1', '\n@x', '＝1', '＋1', '－1', '＠1'];
    const plain = ['a=1', 'x+1', 'Zoë', '1-2', ' x', ''];
    const registrations = [...guarded, ...plain].map((remarks) => stored({ remarks }));
    const cells = rows(registrationsCsv(eventWith({}), registrations))
      .slice(1)
      .map((row) => row[9]);
    assert.deepEqual(cells, [...guarded.map((value) => `'${value}`), ...plain]);
  });

  test('with a semicolon as separator (Dutch Excel): cells split on it; commas and semicolons stay quoted', () => {
    const registration = stored({ attendee: { name: 'Baken, Het', email: 'a@example.org', organisation: 'Zorg; Wonen' } });
    const lines = registrationsCsv(eventWith({}), [registration], ';').slice(1).split('\r\n');
    assert.equal(lines[0], [...BASE, ...TAIL].join(';'));
    assert.ok(lines[1].startsWith(`${registration.id};2030-09-01T08:30:00.000Z;bevestigd;1;"Baken, Het";a@example.org;"Zorg; Wonen";;;;ja;nl;`), lines[1]);
    assert.equal(registrationsCsv(eventWith({}), [registration]), registrationsCsv(eventWith({}), [registration], ','), 'a comma by default');
  });

  test('headings are guarded as well', () => {
    const event = eventWith({ questions: [{ id: 'q', label: '=HYPERLINK("x")', type: 'text' }] });
    const [headings] = rows(registrationsCsv(event, []));
    assert.equal(headings[9], `'=HYPERLINK("x")`);
  });
});
