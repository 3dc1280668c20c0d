// The reference endpoint under load: registrations sent `concurrency` at a time over loopback to
// real endpoint processes (`demo/server/main.ts`), each answered only once it is durable. Two
// set-ups: SQLite (one process, group commit) and PostgreSQL (two processes, one database, the
// requests spread over both). Lost and doubled registrations are counted from the organiser's CSV
// export. Alone: `node bench/endpoint.mjs [sqlite|postgres]` (no build needed).
//
// The client is `node:http` with keep-alive, not `fetch`: on a 2-core machine the client shares
// the cores with the server, and `fetch` cost the client about twice the server's CPU per request.
// Each endpoint process's CPU time per registration (Linux: /proc) is reported beside the rate,
// since it holds better than the rate on a loaded machine; so are PostgreSQL's (its server and
// backends) and the load client's, which share the two cores with the endpoint.
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { daysFromNow, exportCsv, startServer, tempDir, writeEvents } from '../test/node/endpoint/support/server.mjs';
import { createDatabase, stopSharedPostgres, withClient } from '../test/node/support/postgres.mjs';

const TOKEN = 'bench-token-0123456789abcdefghijklm';
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 50;

/** CPU seconds (user and system) a process has used so far, or NaN where /proc is missing. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The PostgreSQL server's process and its children (the backends), found from its data folder. */
async function postgresPids(url) {
  const { rows } = await withClient(url, (client) => client.query("SELECT current_setting('data_directory') AS dir"));
  const postmaster = readFileSync(join(rows[0].dir, 'postmaster.pid'), 'utf8').split('\n')[0];
  const children = readdirSync('/proc').filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1] === postmaster;
    } catch {
      return false;
    }
  });
  return [postmaster, ...children];
}

/** POSTs `body` as JSON; resolves to the status code once the answer has been read. */
function post(agent, server, body, key) {
  const url = new URL(`${server.api}/api/events/bench/registrations`);
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Idempotency-Key': key, Origin: server.siteOrigin };
    const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends `total` registrations over `servers`, `concurrency` at a time; returns the figures.
 * `databaseUrl`: PostgreSQL's, to count its CPU time too.
 */
async function load(servers, total, concurrency, databaseUrl) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const cpuBefore = servers.map((server) => cpuSeconds(server.child.pid));
  const clientBefore = process.cpuUsage();
  // Backends started during the load count from zero; the pools keep them open until the end.
  const databaseCpu = async () => (databaseUrl ? (await postgresPids(databaseUrl)).map((pid) => [pid, cpuSeconds(pid)]) : []);
  const databaseBefore = new Map((await databaseCpu()).filter(([, seconds]) => !Number.isNaN(seconds)));
  const latencies = [];
  const accepted = new Set();
  /** Each failure: the status, or the network error's code. */
  const errors = [];
  let next = 0;
  const started = performance.now();
  // Each client sticks to one process, as behind a proxy that routes by client address; a client
  // that switched would leave keep-alive sockets idle until the server closes them under it.
  async function worker(server) {
    while (next < total) {
      const n = next++;
      const key = crypto.randomUUID();
      const body = {
        eventId: 'bench',
        idempotencyKey: key,
        attendee: { name: `Deelnemer ${n}`, email: `d${n}@example.org`, organisation: 'Bench' },
        companions: [],
        answers: {},
        consent: true,
        locale: 'nl',
        source: 'http://127.0.0.1/bench',
      };
      const t0 = performance.now();
      try {
        const status = await post(agent, server, JSON.stringify(body), key);
        if (status >= 200 && status < 300) accepted.add(`d${n}@example.org`);
        else errors.push(String(status));
      } catch (error) {
        errors.push(error.code ?? error.message);
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(servers[index % servers.length])));
  const seconds = (performance.now() - started) / 1000;
  const cpu = servers.reduce((sum, server, index) => sum + cpuSeconds(server.child.pid) - cpuBefore[index], 0);
  const client = process.cpuUsage(clientBefore);
  // A backend that ended meanwhile (its stat is gone) counts as nothing: the figure is a lower bound.
  const database = (await databaseCpu()).filter(([, seconds]) => !Number.isNaN(seconds)).reduce((sum, [pid, seconds]) => sum + seconds - (databaseBefore.get(pid) ?? 0), 0);
  agent.destroy();
  const csv = await exportCsv(servers[0], 'bench', TOKEN);
  const stored = csv.rows.slice(1).map((row) => row.find((cell) => /^d\d+@example\.org$/.test(cell))).filter(Boolean);
  const storedSet = new Set(stored);
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    concurrency,
    registrationsPerSecond: Math.round(total / seconds),
    p50Ms: Number(latencies[Math.floor(total * 0.5)].toFixed(1)),
    p99Ms: Number(latencies[Math.floor(total * 0.99)].toFixed(1)),
    endpointCpuMsPerRegistration: Number(((cpu * 1000) / total).toFixed(2)),
    ...(databaseUrl ? { databaseCpuMsPerRegistration: Number(((database * 1000) / total).toFixed(2)) } : {}),
    clientCpuMsPerRegistration: Number(((client.user + client.system) / 1000 / total).toFixed(2)),
    errors: errors.length,
    errorKinds: Object.fromEntries([...new Set(errors)].map((kind) => [kind, errors.filter((error) => error === kind).length])),
    lost: [...accepted].filter((email) => !storedSet.has(email)).length,
    doubled: stored.length - storedSet.size,
  };
}

/**
 * One set-up: `engine` 'sqlite' (one process) or 'postgres' (two processes on one database, which
 * this starts: see test/node/support/postgres.mjs).
 */
export async function benchEndpoint(engine, { total = TOTAL, concurrency = CONCURRENCY } = {}) {
  const temp = tempDir('bijeen-bench-');
  const event = {
    id: 'bench',
    title: 'Belastingtest',
    start: daysFromNow(30),
    location: { name: 'Loopback' },
    registration: { capacity: total * 3, waitlist: true },
  };
  writeEvents(join(temp.dir, 'events'), { bench: event });
  const database = engine === 'postgres' ? await createDatabase('bijeen_bench') : undefined;
  const env = { ADMIN_TOKEN: TOKEN, ...(database ? { DATABASE_URL: database.url } : {}) };
  const servers = [];
  try {
    // One after the other: the second finds the schema migrated.
    for (let i = 0; i < (database ? 2 : 1); i++) servers.push(await startServer({ dir: temp.dir, env }));
    const load1 = loadavg()[0];
    const figures = await load(servers, total, concurrency, database?.url);
    // What the endpoint logged about failures, to tell a server error from a network one.
    const serverErrors = servers.flatMap((server) => server.output().split('\n').filter((line) => /\berror\b/i.test(line))).slice(0, 5);
    return { engine, processes: servers.length, loadAverage: Number(load1.toFixed(2)), ...figures, serverErrors };
  } finally {
    for (const server of servers) await server.stop();
    await database?.drop();
    temp.cleanup();
  }
}

export function printEndpoint(results) {
  for (const e of results) {
    const where = e.engine === 'postgres' ? `PostgreSQL, ${e.processes} processes` : 'SQLite, 1 process';
    console.log(`\nEndpoint on ${where} (loopback, ${e.requests} registrations, ${e.concurrency} at a time; load average ${e.loadAverage})`);
    console.log(`  ${e.registrationsPerSecond} registrations/s, p50 ${e.p50Ms} ms, p99 ${e.p99Ms} ms, errors ${e.errors}${e.errors ? ` ${JSON.stringify(e.errorKinds)}` : ''}, lost ${e.lost}, doubled ${e.doubled}`);
    for (const line of e.serverErrors) console.log(`  logged: ${line}`);
    const database = e.databaseCpuMsPerRegistration === undefined ? '' : `, PostgreSQL ${e.databaseCpuMsPerRegistration} ms`;
    console.log(`  CPU per registration: endpoint ${e.endpointCpuMsPerRegistration} ms (all its processes together)${database}, load client ${e.clientCpuMsPerRegistration} ms`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const engines = process.argv[2] ? [process.argv[2]] : ['sqlite', 'postgres'];
  const results = [];
  for (const engine of engines) results.push(await benchEndpoint(engine));
  await stopSharedPostgres();
  printEndpoint(results);
}
