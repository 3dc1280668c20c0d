// Starts `demo/server/main.ts` as a real child process on free ports, with a temporary database
// and a temporary EVENTS_DIR, and stops it again. Every child is killed when the test process ends,
// whatever happened.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A temporary folder for one test file: database, events. `cleanup()` removes it. */
export function tempDir(prefix = 'bijeen-endpoint-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes events (objects, or raw strings for broken files) as `<name>.json` into `dir`. */
export function writeEvents(dir, events) {
  mkdirSync(dir, { recursive: true });
  for (const [name, event] of Object.entries(events)) {
    writeFileSync(join(dir, `${name}.json`), typeof event === 'string' ? event : JSON.stringify(event, null, 2));
  }
  return dir;
}

/**
 * @param {{ dir: string, env?: Record<string, string> }} options `dir` holds `events/` and the database
 * @returns the API and site origins (127.0.0.1), the child, its output so far, `stop()` and `kill()`
 */
export async function startServer({ dir, env = {} }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      API_PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bijeen.sqlite'),
      // SQLite unless a test passes a PostgreSQL URL: never a developer's own database.
      DATABASE_URL: '',
      EVENTS_DIR: join(dir, 'events'),
      RATE_LIMIT: '0',
      PLACE_LIMIT: '0',
      ADMIN_TOKEN: '',
      ALLOWED_ORIGINS: '',
      // Mail goes to the test's own folder unless a test gives an SMTP server.
      OUTBOX_DIR: join(dir, 'outbox'),
      SMTP_URL: '',
      MAIL_FROM: '',
      CONFIRM_EMAIL: '',
      API_ORIGIN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  // Always read both pipes: a child writing to a full pipe would block.
  child.stdout.setEncoding('utf8').on('data', (text) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });

  const ports = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output}`)), 20_000);
    const check = () => {
      const site = /Bijeen demo site: http:\/\/[^:]+:(\d+)/.exec(output);
      const api = /Bijeen API: http:\/\/[^:]+:(\d+)/.exec(output);
      if (site && api) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve({ site: Number(site[1]), api: Number(api[1]) });
      }
    };
    child.stdout.on('data', check);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });

  return {
    api: `http://127.0.0.1:${ports.api}`,
    site: `http://127.0.0.1:${ports.site}`,
    siteOrigin: `http://127.0.0.1:${ports.site}`,
    child,
    exited,
    output: () => output,
    /** SIGTERM and wait: the graceful path. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    /** SIGKILL: the crash path. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

let counter = 0;

/** A valid registration for `event` (a fixture object), with `overrides` merged over the top level. */
export function registration(event, overrides = {}) {
  counter += 1;
  const n = `${process.pid}-${counter}`;
  const settings = event.registration ?? {};
  const body = {
    eventId: event.id,
    idempotencyKey: randomUUID(),
    attendee: { name: `Deelnemer ${n}`, email: `deelnemer-${n}@example.org`, organisation: 'Woonstichting Het Baken' },
    companions: [],
    answers: {},
    consent: true,
    locale: 'nl',
    source: 'http://127.0.0.1/aanmelden',
  };
  if (settings.memberQuestion) body.member = true;
  for (const question of settings.questions ?? []) {
    if (!question.required) continue;
    body.answers[question.id] = question.options ? question.options[0] : true;
  }
  return { ...body, ...overrides };
}

/** `n` companions with unique addresses. */
export function companions(n, tag = randomUUID().slice(0, 8)) {
  return Array.from({ length: n }, (_, index) => ({ name: `Partner ${index + 1}`, email: `partner-${tag}-${index}@example.org` }));
}

/** POSTs a registration as JSON with a matching Idempotency-Key; resolves to `{ status, body, headers }`. */
export async function postJson(server, eventId, body, { origin = server.siteOrigin, headers = {} } = {}) {
  const response = await fetch(`${server.api}/api/events/${encodeURIComponent(eventId)}/registrations`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(body && typeof body === 'object' && body.idempotencyKey ? { 'Idempotency-Key': body.idempotencyKey } : {}),
      ...(origin ? { Origin: origin } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return readResponse(response);
}

export async function readResponse(response) {
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers, text };
}

/**
 * The organiser's CSV, parsed (RFC 4180) into rows of cells; `bom` tells whether it started with
 * one. `separator: ';'` asks for `?sep=;` and reads semicolons.
 */
export async function exportCsv(server, eventId, token, { separator = ',' } = {}) {
  const query = separator === ',' ? '' : `?sep=${encodeURIComponent(separator)}`;
  const response = await fetch(`${server.api}/api/events/${eventId}/registrations.csv${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const bom = text.startsWith('\uFEFF');
  const rows = response.status === 200 ? parseCsv(bom ? text.slice(1) : text, separator) : [];
  return { status: response.status, headers: response.headers, raw: text, bom, rows };
}

/** The organiser's spreadsheet as bytes (`xlsx.mjs` reads them). */
export async function exportXlsx(server, eventId, token) {
  const response = await fetch(`${server.api}/api/events/${eventId}/registrations.xlsx`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** `GET` or `DELETE /api/people?email=…` with the admin token (`token: undefined`: none sent). */
export async function people(server, method, email, token) {
  const query = email === undefined ? '' : `?email=${encodeURIComponent(email)}`;
  const response = await fetch(`${server.api}/api/people${query}`, {
    method,
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });
  return readResponse(response);
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, cells split on `separator`. */
export function parseCsv(text, separator = ',') {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`not RFC 4180: bare ${JSON.stringify(char)} at ${i}`);
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('not RFC 4180: last record does not end with CRLF');
  return rows;
}

/** ISO date-time `days` from now (negative: in the past), with an offset as the schema wants. */
export function daysFromNow(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
