// What is stored and exported is safe to open: formula guards, no invisible control characters, a
// `source` that is a web address; and the smaller guards around it: the admin token, the database file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rules, unlimited } from './support/events.mjs';
import { exportCsv, postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

const TOKEN = 'hygiene-test-token-0123456789abcdef';
let server;
let temp;

before(async () => {
  temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { rules, unlimited });
  server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN, DATABASE_PATH: join(temp.dir, 'data', 'bijeen.sqlite') } });
});

after(async () => {
  await server?.stop();
  temp?.cleanup();
});

const person = (name, extra = {}) => ({ name, email: `${crypto.randomUUID().slice(0, 8)}@example.org`, organisation: 'Het Baken', ...extra });

describe('CSV export hygiene', () => {
  test('a formula after leading whitespace, control, zero-width or BOM characters, or in fullwidth signs, is guarded', async () => {
    const starts = [' =1+1', '\u00A0=1+1', '\u200B=1+1', '\uFEFF@SUM(A1)', '＝1+1', '＋31', '－1', '＠SUM(A1)'];
    for (const name of starts) {
      const answer = await postJson(server, unlimited.id, registration(unlimited, { attendee: person(name) }));
      assert.equal(answer.status, 201, JSON.stringify(name));
    }
    const remarks = await postJson(server, unlimited.id, registration(unlimited, { remarks: '\n=HYPERLINK("http://x")' }));
    assert.equal(remarks.status, 201);
    const { rows } = await exportCsv(server, unlimited.id, TOKEN);
    const names = rows.slice(1).map((row) => row[4]);
    // Names are trimmed on the way in: what reaches the export starts with the invisible character or the sign.
    for (const name of starts) assert.ok(names.includes(`'${name.trim()}`), `${JSON.stringify(name)} in ${JSON.stringify(names)}`);
    assert.ok(rows.some((row) => row.includes(`'=HYPERLINK("http://x")`)), 'remarks are trimmed and guarded');
  });

  test('control characters and bidi overrides are refused in every text field, with the field\'s path', async () => {
    const bad = ['\u0000', '\u001B[31m', '\u0085', '\u202E', '\u2067'];
    const fields = [
      ['attendee.name', (value) => ({ attendee: person(`Naam${value}`) })],
      ['attendee.organisation', (value) => ({ attendee: person('Naam', { organisation: `Org${value}` }) })],
      ['attendee.role', (value) => ({ attendee: person('Naam', { role: `Rol${value}` }) })],
      ['companions.0.name', (value) => ({ companions: [person(`Partner${value}`)] })],
      ['companions.0.organisation', (value) => ({ companions: [person('Partner', { organisation: `Org${value}` })] })],
      ['remarks', (value) => ({ remarks: `Opmerking${value}` })],
      ['answers.dieet', (value) => ({ answers: { workshop: 'Buurtbeheer', dieet: `Geen${value}` } })],
    ];
    for (const [path, build] of fields) {
      for (const value of bad) {
        const answer = await postJson(server, rules.id, registration(rules, build(value)));
        assert.equal(answer.status, 422, `${path} ${JSON.stringify(value)}`);
        assert.deepEqual(answer.body.errors, [{ path, message: 'Verwijder de onzichtbare tekens' }]);
      }
    }
    const lines = await postJson(server, rules.id, registration(rules, { remarks: 'Regel 1\r\nRegel 2\tmet tab' }));
    assert.equal(lines.status, 201, 'line breaks and tabs belong in remarks');
    const nameBreak = await postJson(server, rules.id, registration(rules, { attendee: person('Naam\nTweede regel') }));
    assert.equal(nameBreak.status, 422, 'but not in a name');
  });

  test('source is kept only when it is an http(s) URL', async () => {
    for (const [source, kept] of [
      ['javascript:alert(1)', ''],
      ['data:text/html,<b>x</b>', ''],
      ['https://partner.example.org/agenda', 'https://partner.example.org/agenda'],
      ['http://127.0.0.1:8080/aanmelden', 'http://127.0.0.1:8080/aanmelden'],
      ['https://x.example.org/\u202Egnp.exe', ''],
    ]) {
      const tag = crypto.randomUUID().slice(0, 8);
      assert.equal((await postJson(server, unlimited.id, registration(unlimited, { source, attendee: person(tag) }))).status, 201);
      const { rows } = await exportCsv(server, unlimited.id, TOKEN);
      const row = rows.find((cells) => cells[4] === tag);
      assert.equal(row.at(-1), kept, source);
    }
  });
});

describe('admin token', () => {
  test('an ADMIN_TOKEN under 32 characters stops the start, saying so', async () => {
    const shortTemp = tempDir();
    writeEvents(join(shortTemp.dir, 'events'), { unlimited });
    await assert.rejects(
      startServer({ dir: shortTemp.dir, env: { ADMIN_TOKEN: 'kort-geheim' } }),
      /ADMIN_TOKEN must be at least 32 characters, got 11/,
    );
    shortTemp.cleanup();
  });

  test('wrong tokens are throttled per client: after 10 a 429 with Retry-After, even for the right one', async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await exportCsv(server, unlimited.id, `fout-${i}`)).status);
    assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
    const right = await exportCsv(server, unlimited.id, TOKEN);
    assert.equal(right.status, 429);
    assert.match(right.headers.get('retry-after'), /^\d+$/);
    assert.equal(right.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('database file', () => {
  test('the file is 0600 in a 0700 folder the server created', () => {
    assert.equal(statSync(join(temp.dir, 'data')).mode & 0o777, 0o700);
    assert.equal(statSync(join(temp.dir, 'data', 'bijeen.sqlite')).mode & 0o777, 0o600);
  });

  test('a person\'s rows go with their registration, and rows left behind by an older database stop blocking their address', async () => {
    const oldTemp = tempDir();
    writeEvents(join(oldTemp.dir, 'events'), { unlimited });
    const path = join(oldTemp.dir, 'bijeen.sqlite');
    // A version-1 database as earlier servers made it, with a person whose registration was deleted.
    const old = new Database(path);
    old.pragma('foreign_keys = OFF');
    old.exec(`
      CREATE TABLE registrations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE, payload_hash TEXT NOT NULL, status TEXT NOT NULL, places INTEGER NOT NULL,
        email TEXT NOT NULL, payload TEXT NOT NULL, response_status INTEGER NOT NULL, response_body TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE people (event_id TEXT NOT NULL, email TEXT NOT NULL, registration_id TEXT NOT NULL REFERENCES registrations (id));
      INSERT INTO people VALUES ('onbeperkt', 'verweesd@example.org', 'verwijderd');
      PRAGMA user_version = 1;`);
    old.close();
    const migrated = await startServer({ dir: oldTemp.dir });
    try {
      const orphan = { name: 'Verweesd', email: 'verweesd@example.org', organisation: 'Het Baken' };
      assert.equal((await postJson(migrated, unlimited.id, registration(unlimited, { attendee: orphan }))).status, 201);
      const first = await postJson(migrated, unlimited.id, registration(unlimited, { companions: [person('Mee')] }));
      assert.equal(first.status, 201);
      const db = new Database(path);
      db.pragma('foreign_keys = ON');
      const cascade = db.prepare('SELECT on_delete FROM pragma_foreign_key_list(\'people\')').get();
      assert.equal(cascade.on_delete, 'CASCADE');
      db.prepare('DELETE FROM registrations WHERE id = ?').run(first.body.id);
      assert.equal(db.prepare('SELECT count(*) AS n FROM people WHERE registration_id = ?').get(first.body.id).n, 0);
      db.close();
    } finally {
      await migrated.stop();
      oldTemp.cleanup();
    }
  });
});
