// `npm run migrate-to-postgres` as a process: an endpoint that ran on SQLite goes on, on PostgreSQL,
// where it was: the same export, retries answered with their first answer, taken addresses still
// taken, places still counted. The script exits 1 when it copies nothing. What the copy holds, row
// by row, and each refusal are tested in the test process: test/node/server/migrate-to-postgres.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { rules, waitlist50 } from './support/events.mjs';
import { companions, exportCsv, postJson, registration, repoRoot, startServer, tempDir, writeEvents } from './support/server.mjs';
import { createDatabase } from '../support/postgres.mjs';

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
});

after(async () => {
  await database?.drop();
  temp?.cleanup();
});

describe('npm run migrate-to-postgres', () => {
  test('exits 1 and says why when it copies nothing: no DATABASE_URL', async () => {
    const noUrl = await migrate({});
    assert.equal(noUrl.code, 1);
    assert.match(noUrl.output, /set DATABASE_URL.*; nothing was copied/);
  });

  test('exits 0 having copied the database, and the endpoint goes on from there on PostgreSQL', async () => {
    const run = await migrate({ DATABASE_URL: database.url });
    assert.equal(run.code, 0, run.output);
    const stored = sent.filter(({ answer }) => answer.status === 201).length;
    assert.ok(stored >= 55, `${stored} stored (the rules event has 10 places, no waiting list)`);
    assert.match(run.output, new RegExp(`registrations: ${stored} rows`));
    assert.doesNotMatch(run.output, /password/);

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
    } finally {
      await server.stop();
    }
  });

  test('exits 1 on a PostgreSQL database that holds registrations already', async () => {
    const again = await migrate({ DATABASE_URL: database.url });
    assert.equal(again.code, 1);
    assert.match(again.output, /holds \d+ registrations already; copy into an empty database; nothing was copied/);
  });
});
