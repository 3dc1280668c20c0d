// A real PostgreSQL server for the tests and the bench. With TEST_DATABASE_URL set (a server where
// that user may create databases), databases are made there; otherwise this module starts a
// throwaway server of its own: `initdb` in a temporary folder, as an unprivileged user when we are
// root (PostgreSQL refuses to run as root), on a free port with its socket in that folder. The
// server is stopped and its folder removed when the process ends, however it ends: at exit, or by
// a watchdog when the process is killed outright (Stryker ends its test processes with SIGKILL).
//
// DATABASE_URL is never used here: it names a real database, and the tests create and drop
// databases.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Who runs the server when we are root: the user Debian's `postgresql` package creates. */
const SERVER_USER = 'postgres';

export const INSTALL_HINT =
  'PostgreSQL is needed for these tests and was not found. Install it (Debian/Ubuntu: `apt-get install postgresql`; ' +
  'macOS: `brew install postgresql`), point PG_BIN at the folder with `initdb` and `pg_ctl`, ' +
  'or set TEST_DATABASE_URL=postgres://user@host:port/db to a server where that user may create databases.';

/** The folder with `initdb` and `pg_ctl`: `PG_BIN`, Debian's newest `/usr/lib/postgresql/<n>/bin`, or the PATH. */
export function postgresBinaries() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(':').filter(Boolean));
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** `[command, args]` that runs `bin` as the server's user: ourselves, or `postgres` when we are root. */
function asServerUser(bin, args) {
  return process.getuid?.() === 0 ? ['runuser', ['-u', SERVER_USER, '--', bin, ...args]] : [bin, args];
}

function run(bin, args) {
  const [command, argv] = asServerUser(bin, args);
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${[command, ...argv].join(' ')} failed (${result.status ?? result.error?.message}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** The uid and gid of `user`, or undefined when there is no such user. */
function userIds(user) {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${user}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway server. Resolves to `{ url, stop() }`: `url` connects to its `postgres`
 * database as the superuser `postgres` (trust authentication, 127.0.0.1 only).
 */
export async function startPostgres() {
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'bijeen-pg-'));
  if (process.getuid?.() === 0) {
    const ids = userIds(SERVER_USER);
    if (!ids) throw new Error(`Running as root, PostgreSQL needs an unprivileged user "${SERVER_USER}" to run as (Debian's package creates it). ${INSTALL_HINT}`);
    chownSync(dir, ids.uid, ids.gid);
  }
  const data = join(dir, 'data');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) {
      const [command, argv] = asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      spawnSync(command, argv, { stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  watchdog(bin, data, dir);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.kill(process.pid, signal);
    });
  }
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port;
    // A free port can be taken between the look-up and the start: try another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
        run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
        break;
      } catch (error) {
        if (attempt === 3) throw new Error(`${error.message}\n${readFileSync(join(dir, 'server.log'), 'utf8')}`, { cause: error });
      }
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => stop(),
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * Stops the server and removes its folder once this process is gone, for the ends no handler sees
 * (SIGKILL, a crash). A shell of its own polls our pid: started through `setsid` from a shell that
 * exits at once, it is no child of ours, so a kill of our process tree (Stryker's tree-kill) spares it.
 */
function watchdog(bin, data, dir) {
  const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;
  const [command, argv] = asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  const stop = [command, ...argv].map(quote).join(' ');
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; [ -f ${quote(join(data, 'postmaster.pid'))} ] && ${stop}; rm -rf ${quote(dir)}`;
  spawnSync('sh', ['-c', `setsid sh -c ${quote(script)} </dev/null >/dev/null 2>&1 &`], { stdio: 'ignore' });
}

let shared;

/** The server databases are made on: TEST_DATABASE_URL, or one started for this process. */
async function adminUrl() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  shared ??= startPostgres();
  return (await shared).url;
}

/** Stops the server this process started, if any (it is stopped at exit anyway). */
export async function stopSharedPostgres() {
  if (shared) await (await shared).stop();
  shared = undefined;
}

/**
 * A new, empty database. Resolves to `{ url, drop() }`; `drop()` removes it, cutting off whoever is
 * still connected.
 */
export async function createDatabase(prefix = 'bijeen_test') {
  const admin = await adminUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Runs `work(client)` on a connection to `url` and closes it. */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
