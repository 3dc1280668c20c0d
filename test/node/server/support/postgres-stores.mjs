// `PostgresStore`s for the in-process tests, on a real PostgreSQL server that is started once per
// test process (test/node/support/postgres.mjs: on first use, or TEST_DATABASE_URL's), so that
// Stryker's many runs of these tests stay affordable. On it, one database per process holds the
// current schema, applied once from `MIGRATIONS` by this module (not by the store: a mutant of the
// store's migration code must not leave a broken schema behind for the tests after it); every test
// empties it first (`openPostgres()`), which takes milliseconds where a new database or a new
// schema with its migrations takes half a second or more on a busy machine. The migration tests
// get brand new, empty schemas of their own (`emptySchema()`).
//
// Every connection runs with `synchronous_commit=off`: a commit does not wait for its WAL flush.
// Nothing here survives a crash anyway, and the store never changes that setting itself; its
// durability is a process test's (test/node/endpoint/durability.test.mjs).
//
// `afterEach(closePostgresStores)` closes what a test opened (and drops its empty schemas).
import { randomBytes } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';
import { createDatabase, withClient } from '../../support/postgres.mjs';

const { PostgresStore, MIGRATIONS } = await tsImport('../../../../demo/server/postgres-store.ts', import.meta.url);

/** What the tests leave in the shared database: emptied before each test, sequences restarted. */
const EMPTY = `
  DELETE FROM mail_queue; DELETE FROM registrations; DELETE FROM erased_counts;
  ALTER TABLE registrations ALTER COLUMN seq RESTART; ALTER TABLE mail_queue ALTER COLUMN id RESTART`;

let database;
const opened = [];
const schemas = [];

/** `url` with session settings (`-c name=value`) added. */
function withOptions(url, settings) {
  const withSettings = new URL(url);
  const options = Object.entries({ synchronous_commit: 'off', ...settings }).map(([name, value]) => `-c ${name}=${value}`);
  withSettings.searchParams.set('options', options.join(' '));
  return withSettings.href;
}

/** The process's database with the current schema, made on first use. */
function sharedDatabase() {
  database ??= (async () => {
    const created = await createDatabase('bijeen_store');
    const url = withOptions(created.url);
    await withClient(url, async (client) => {
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const { version, name, sql } of MIGRATIONS) {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, name]);
      }
    });
    return { url, admin: created.url };
  })();
  // A failed start is tried again by the next test rather than failing every test after it.
  database.catch(() => (database = undefined));
  return database;
}

/**
 * An empty store on the shared database, and `instances - 1` more on the same database, as
 * further endpoint processes would be. Resolves to `{ store, stores, url }`.
 */
export async function openPostgres({ instances = 1, ...options } = {}) {
  const { url } = await sharedDatabase();
  await withClient(url, (client) => client.query(EMPTY));
  const stores = [];
  for (let index = 0; index < instances; index++) stores.push(track(await PostgresStore.open(url, options)));
  return { store: stores[0], stores, url };
}

/** A new schema with nothing in it, on the shared database: resolves to a URL whose tables live there. */
export async function emptySchema() {
  const { url } = await sharedDatabase();
  const name = `empty_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA ${name}`));
  schemas.push(name);
  return withOptions(url, { search_path: name });
}

/** A store to close after the test. */
export function track(store) {
  opened.push(store);
  return store;
}

/** Closes the stores a test opened and drops its schemas: `afterEach(closePostgresStores)`. */
export async function closePostgresStores() {
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
  const dropped = schemas.splice(0);
  if (dropped.length > 0) {
    const { url } = await sharedDatabase();
    await withClient(url, (client) => client.query(`DROP SCHEMA ${dropped.join(', ')} CASCADE`));
  }
}

export { PostgresStore, MIGRATIONS, withClient };
