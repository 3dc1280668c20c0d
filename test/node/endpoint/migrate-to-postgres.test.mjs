// `npm run migrate-to-postgres`: an endpoint that ran on SQLite goes on, on PostgreSQL, where it
// was: the same registrations and export, retries answered with their first answer, taken
// addresses still taken, places still counted. It copies into an empty database only, and says
// what is missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { rules, waitlist50 } from './support/events.mjs';
import { companions, exportCsv, postJson, registration, repoRoot, startServer, tempDir, writeEvents } from './support/server.mjs';
import { createDatabase, withClient } from '../support/postgres.mjs';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';

const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);

const TOKEN = 'migrate-token-0123456789abcdefghijk';
let temp;
let database;
const sent = [];
let sqliteExports;

/** Runs the npm script with `env`; resolves to its exit code and output. */
function migrate(env) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'migrate-to-postgres'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: join(temp.dir, 'bijeen.sqlite'), ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

before(async () => {
  temp = tempDir();
  database = await createDatabase();
  writeEvents(join(temp.dir, 'events'), { rules, waitlist50 });
  const server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN } });
  for (let i = 0; i < 60; i++) {
    const event = i < 8 ? rules : waitlist50;
    const body = registration(event, { companions: companions(i % 3, `mig${i}`), remarks: i === 0 ? 'Graag een plek vooraan — rolstoel' : undefined });
    // The seed rules' columns: member answers both ways, an organisation known by its name.
    if (event === rules) body.member = i % 2 === 0;
    if (i === 1) body.attendee = { name: 'Via Gmail', email: `mig-${process.pid}@gmail.com`, organisation: 'Stichting De Brug' };
    const answer = await postJson(server, event.id, body);
    sent.push({ event, body, answer });
  }
  sqliteExports = { rules: await exportCsv(server, rules.id, TOKEN), waitlist50: await exportCsv(server, waitlist50.id, TOKEN) };
  await server.stop();
  // A past event that retention erased: only its counts stay, and they must move too.
  const store = new SqliteStore(join(temp.dir, 'bijeen.sqlite'));
  const past = { ...waitlist50, id: 'voorbij', registration: { ...waitlist50.registration, capacity: 2 } };
  for (let i = 0; i < 3; i++) {
    const payload = registration(past);
    await store.register({
      eventId: past.id,
      payload,
      payloadHash: payload.idempotencyKey,
      capacity: 2,
      nonMemberCapacity: undefined,
      maxCompanionsPerOrganisation: undefined,
      waitlist: true,
      confirmBy: undefined,
      respond: ({ id, status }) => ({ status: 201, body: { id, status } }),
      notify: () => ({ mails: [] }),
    });
  }
  await store.eraseEvent(past.id);
  await store.close();
});

/** The seed rules' columns and retention's counts, as SQLite holds them. */
function sqliteRows() {
  const sqlite = new Database(join(temp.dir, 'bijeen.sqlite'), { readonly: true });
  try {
    return {
      registrations: sqlite.prepare('SELECT id, member, organisation FROM registrations ORDER BY seq').all(),
      erased: sqlite.prepare('SELECT event_id, status, registrations, places FROM erased_counts ORDER BY event_id, status').all(),
      tokens: sqlite.prepare('SELECT token_hash, registration_id FROM access_tokens ORDER BY token_hash').all(),
      mails: sqlite.prepare('SELECT id, registration_id, recipient, attempts FROM mail_queue ORDER BY id').all(),
    };
  } finally {
    sqlite.close();
  }
}

after(async () => {
  await database?.drop();
  temp?.cleanup();
});

describe('npm run migrate-to-postgres', () => {
  test('says what is missing and copies nothing without DATABASE_URL or without the SQLite file', async () => {
    const noUrl = await migrate({});
    assert.equal(noUrl.code, 1);
    assert.match(noUrl.output, /set DATABASE_URL/);
    const noFile = await migrate({ DATABASE_URL: database.url, DATABASE_PATH: join(temp.dir, 'nothing-here.sqlite') });
    assert.equal(noFile.code, 1);
    assert.match(noFile.output, /no SQLite database at .*nothing-here\.sqlite/);
  });

  test('copies every registration, and the endpoint goes on from there on PostgreSQL', async () => {
    const run = await migrate({ DATABASE_URL: database.url });
    assert.equal(run.code, 0, run.output);
    const stored = sent.filter(({ answer }) => answer.status === 201).length;
    assert.ok(stored >= 55, `${stored} stored (the rules event has 10 places, no waiting list)`);
    assert.match(run.output, new RegExp(`registrations: ${stored} rows`));
    assert.doesNotMatch(run.output, /password/);
    const copied = await withClient(database.url, async (client) => ({
      registrations: (await client.query('SELECT id, member, organisation FROM registrations ORDER BY seq')).rows,
      erased: (await client.query('SELECT event_id, status, registrations, places FROM erased_counts ORDER BY event_id, status')).rows,
      tokens: (await client.query('SELECT token_hash, registration_id FROM access_tokens ORDER BY token_hash')).rows,
      mails: (await client.query('SELECT id::integer AS id, registration_id, recipient, attempts FROM mail_queue ORDER BY id')).rows,
    }));
    const original = sqliteRows();
    assert.deepEqual(copied, original);
    assert.deepEqual(
      original.erased.map((row) => `${row.status} ${row.registrations}/${row.places}`),
      ['confirmed 2/2', 'waitlisted 1/1'],
    );
    assert.ok(new Set(original.registrations.map((row) => row.member)).size === 3, 'member 1, 0 and NULL copied');
    assert.equal(original.tokens.length, original.registrations.length, 'an access token per registration copied');
    assert.ok(original.mails.length >= original.registrations.length, 'the mail queue copied');
    assert.ok(original.registrations.some((row) => row.organisation?.startsWith('name:')), 'an organisation by name copied');

    const server = await startServer({ dir: temp.dir, env: { ADMIN_TOKEN: TOKEN, DATABASE_URL: database.url } });
    try {
      // The export is the same, byte for byte: ids, times, order.
      for (const event of [rules, waitlist50]) {
        const csv = await exportCsv(server, event.id, TOKEN);
        assert.equal(csv.raw, sqliteExports[event.id === rules.id ? 'rules' : 'waitlist50'].raw);
      }
      // A retry gets its first answer; a reused key, a taken address and a companion are refused.
      for (const { event, body, answer } of sent.filter(({ answer }) => answer.status === 201).slice(0, 5)) {
        const retry = await postJson(server, event.id, body);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(retry.body, answer.body);
      }
      const first = sent.find(({ event, body }) => event === waitlist50 && body.companions.length > 0);
      const again = await postJson(server, waitlist50.id, registration(waitlist50, { attendee: first.body.attendee }));
      assert.equal(again.body.status, 'duplicate');
      const companion = await postJson(server, waitlist50.id, registration(waitlist50, { companions: [first.body.companions[0]] }));
      assert.equal(companion.status, 422);
      // Places: what was confirmed on SQLite still counts.
      const live = await (await fetch(`${server.api}/api/events/${waitlist50.id}`)).json();
      assert.equal(live.registration.remaining, 0);
      const next = await postJson(server, waitlist50.id, registration(waitlist50));
      assert.equal(next.body.status, 'waitlisted');
      // New rows follow the copied ones.
      const seqs = await withClient(database.url, (client) => client.query('SELECT max(seq)::integer AS max, count(*)::integer AS count FROM registrations'));
      assert.deepEqual(seqs.rows[0], { max: stored + 1, count: stored + 1 });
    } finally {
      await server.stop();
    }
  });

  test('refuses a PostgreSQL database that holds registrations already', async () => {
    const again = await migrate({ DATABASE_URL: database.url });
    assert.equal(again.code, 1);
    assert.match(again.output, /holds \d+ registrations already; copy into an empty database; nothing was copied/);
  });
});
