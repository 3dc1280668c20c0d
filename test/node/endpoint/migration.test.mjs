// A database file written by the previous server (schema version 2) is brought to version 3 at the
// first start: its registrations keep counting, their people keep their one place, and they can be
// cancelled and re-registered like new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unlimited } from './support/events.mjs';
import { postJson, registration, startServer, tempDir, writeEvents } from './support/server.mjs';

/** The version-2 schema as the previous server created it. */
const VERSION_2 = `
CREATE TABLE registrations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE, payload_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')), places INTEGER NOT NULL CHECK (places >= 1),
  email TEXT NOT NULL, payload TEXT NOT NULL, response_status INTEGER NOT NULL, response_body TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE UNIQUE INDEX registrations_event_email ON registrations (event_id, email);
CREATE INDEX registrations_event_status ON registrations (event_id, status);
CREATE TABLE people (event_id TEXT NOT NULL, email TEXT NOT NULL, registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE);
CREATE INDEX people_event_email ON people (event_id, email);
CREATE INDEX people_registration ON people (registration_id);
PRAGMA user_version = 2;`;

test('a version-2 file is migrated at start-up: registrations, places and people kept; cancelled ones free their address', async () => {
  const temp = tempDir();
  writeEvents(join(temp.dir, 'events'), { unlimited: { ...unlimited, registration: { ...unlimited.registration, capacity: 10 } } });
  const path = join(temp.dir, 'bijeen.sqlite');
  const old = new Database(path);
  old.exec(VERSION_2);
  const body = registration(unlimited, { attendee: { name: 'Oud', email: 'oud@example.org', organisation: 'Het Baken' }, companions: [{ name: 'Mee', email: 'mee@example.org' }] });
  old.prepare('INSERT INTO registrations VALUES (1, ?, ?, ?, ?, ?, 2, ?, ?, 201, ?, ?)').run(
    'r-oud', unlimited.id, body.idempotencyKey, 'hash', 'confirmed', 'oud@example.org', JSON.stringify(body), '{"id":"r-oud","status":"confirmed"}', new Date().toISOString(),
  );
  old.prepare('INSERT INTO people VALUES (?, ?, ?)').run(unlimited.id, 'oud@example.org', 'r-oud');
  old.prepare('INSERT INTO people VALUES (?, ?, ?)').run(unlimited.id, 'mee@example.org', 'r-oud');
  old.close();

  const server = await startServer({ dir: temp.dir });
  try {
    const remaining = async () => (await (await fetch(`${server.api}/api/events/${unlimited.id}`)).json()).registration.remaining;
    assert.equal(await remaining(), 8, 'the old registration still holds its two places');
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: { name: 'Mee', email: 'mee@example.org', organisation: 'X' } }))).status, 409);
    // The old idempotency key is still known (the fixture's stored hash matches no request: a 422 on the key).
    const reused = await postJson(server, unlimited.id, body);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.errors[0].path, 'idempotencyKey');

    const db = new Database(path);
    assert.equal(db.pragma('user_version', { simple: true }), 4);
    assert.deepEqual(db.prepare("SELECT id, status, places, updated_at IS NOT NULL AS updated FROM registrations").get(), { id: 'r-oud', status: 'confirmed', places: 2, updated: 1 });
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    // What version 3 allows: a cancelled registration, whose attendee then registers anew.
    db.prepare("UPDATE registrations SET status = 'cancelled' WHERE id = 'r-oud'").run();
    db.prepare("DELETE FROM people WHERE registration_id = 'r-oud'").run();
    db.close();
    assert.equal((await postJson(server, unlimited.id, registration(unlimited, { attendee: { name: 'Oud', email: 'oud@example.org', organisation: 'Het Baken' } }))).status, 201);
    assert.equal(await remaining(), 9);
  } finally {
    await server.stop();
    temp.cleanup();
  }
});
