/**
 * `npm run migrate-to-postgres`: copies the SQLite database (`DATABASE_PATH`) into an empty
 * PostgreSQL database (`DATABASE_URL`), every table and row as it is (ids, idempotency keys and
 * their first answers, times), so the endpoint goes on where it was.
 *
 *   DATABASE_PATH=demo/data/bijeen.sqlite DATABASE_URL=postgres://… npm run migrate-to-postgres
 *
 * Stop the endpoint first: registrations that arrive during the copy would stay behind in SQLite.
 * Both databases are brought to the current schema first (as the server would at start-up); the
 * copy is one PostgreSQL transaction, so it lands whole or not at all. It refuses a PostgreSQL
 * database that holds registrations already, and a table or column the other side lacks.
 *
 * `copyToPostgres()` and `run()` are exported for the tests (test/node/server/), which call them in
 * their own process; the script runs `run()` only when started as a script.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadConfig } from './config.js';
import { describeDatabaseUrl, PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';

/** Rows per INSERT. */
const CHUNK = 1_000;

interface Column {
  name: string;
  json: boolean;
}

/** SQLite's tables, each after the tables its foreign keys point at. */
function tablesInOrder(sqlite: Database.Database): string[] {
  const names = sqlite
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys run in a circle: ${[...path, name].join(' → ')}`);
    const parents = sqlite.prepare<[], { table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${name}')`).all();
    for (const parent of parents) if (parent.table !== name) visit(parent.table, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/** The PostgreSQL columns of `table` that SQLite also has; throws when the two disagree. */
async function matchingColumns(client: pg.PoolClient, sqlite: Database.Database, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
    [table],
  );
  if (rows.length === 0) throw new Error(`table ${table} is in SQLite but not in PostgreSQL`);
  const inSqlite = sqlite.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((row) => row.name);
  const inPostgres = new Map(rows.map((row) => [row.column_name, row.data_type]));
  const onlySqlite = inSqlite.filter((name) => !inPostgres.has(name));
  const onlyPostgres = [...inPostgres.keys()].filter((name) => !inSqlite.includes(name));
  if (onlySqlite.length + onlyPostgres.length > 0) {
    throw new Error(`table ${table}: columns differ (only in SQLite: ${onlySqlite.join(', ') || '-'}; only in PostgreSQL: ${onlyPostgres.join(', ') || '-'})`);
  }
  return inSqlite.map((name) => ({ name, json: inPostgres.get(name) === 'json' || inPostgres.get(name) === 'jsonb' }));
}

/**
 * The highest number SQLite's AUTOINCREMENT handed out in `table`, erased rows included; 0 for a
 * table without. (`sqlite_sequence` exists: the current schema has AUTOINCREMENT tables.)
 */
function handedOut(sqlite: Database.Database, table: string): number {
  return sqlite.prepare<[string], { seq: number }>('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table)?.seq ?? 0;
}

/** Copies one table; returns the number of rows. */
async function copyTable(client: pg.PoolClient, sqlite: Database.Database, table: string): Promise<number> {
  const columns = await matchingColumns(client, sqlite, table);
  const list = columns.map((column) => `"${column.name}"`).join(', ');
  // SQLite keeps JSON as text; PostgreSQL's json columns take the value itself.
  const toRecord = (row: Record<string, unknown>) =>
    Object.fromEntries(columns.map(({ name, json }) => [name, json && typeof row[name] === 'string' ? JSON.parse(row[name]) : row[name]]));
  const rows = sqlite.prepare<[], Record<string, unknown>>(`SELECT ${list} FROM "${table}" ORDER BY rowid`).all();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map(toRecord);
    await client.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1)`, [
      JSON.stringify(chunk),
    ]);
  }
  // Identity columns go on after the highest value copied, or after the highest SQLite handed out
  // (AUTOINCREMENT: erased rows' numbers are not given again, as on SQLite).
  const identities = await client.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_identity = 'YES'",
    [table],
  );
  for (const { column_name: column } of identities.rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), greatest(coalesce(max("${column}"), 0), $1) + 1, false) FROM "${table}"`,
      [handedOut(sqlite, table)],
    );
  }
  return rows.length;
}

/**
 * Copies the SQLite database at `databasePath` into the PostgreSQL database at `databaseUrl`, in
 * one transaction: every table, in foreign-key order, then each identity column's next value.
 * Resolves to the rows copied per table; throws, with nothing copied, when the PostgreSQL database
 * holds registrations already or the two disagree on a table or a column. `log` gets a line per table.
 */
export async function copyToPostgres(databasePath: string, databaseUrl: string, log: (line: string) => void): Promise<Map<string, number>> {
  // Both schemas current, as the server would make them at start-up.
  await new SqliteStore(databasePath).close();
  await (await PostgresStore.open(databaseUrl)).close();

  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  const copied = new Map<string, number>();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ count: number }>('SELECT count(*)::integer AS count FROM registrations');
    if (rows[0]!.count > 0) throw new Error(`the PostgreSQL database holds ${rows[0]!.count} registrations already; copy into an empty database`);
    for (const table of tablesInOrder(sqlite)) {
      copied.set(table, await copyTable(client, sqlite, table));
      log(`  ${table}: ${copied.get(table)} rows`);
    }
    await client.query('COMMIT');
    return copied;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
    await pool.end();
    sqlite.close();
  }
}

/** `npm run migrate-to-postgres` with the settings in `env`; resolves to the exit code. */
export async function run(env: NodeJS.ProcessEnv, log: (line: string) => void, logError: (line: string) => void): Promise<number> {
  try {
    const config = loadConfig(env);
    if (!config.databaseUrl) throw new Error('set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host:5432/database)');
    if (!existsSync(config.databasePath)) throw new Error(`no SQLite database at ${config.databasePath} (set DATABASE_PATH)`);
    log(`Copying ${config.databasePath} into ${describeDatabaseUrl(config.databaseUrl)}`);
    await copyToPostgres(config.databasePath, config.databaseUrl, log);
    log('Done. Start the endpoint with DATABASE_URL set.');
    return 0;
  } catch (error) {
    logError(`migrate-to-postgres: ${(error as Error).message}; nothing was copied`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await run(process.env, console.log, console.error);
}
