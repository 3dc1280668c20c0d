// Finds PostgreSQL's server binaries for the store tests; on Debian as root it installs them, as
// scripts/chrome.mjs does for Chromium. The tests start their own throwaway server from them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { INSTALL_HINT, postgresBinaries } from '../test/node/support/postgres.mjs';

/** The folder with `initdb` and `pg_ctl`, installing Debian's `postgresql` when possible; throws with advice otherwise. */
export function ensurePostgres() {
  try {
    return postgresBinaries();
  } catch {
    if (process.getuid?.() !== 0 || !existsSync('/etc/debian_version')) throw new Error(INSTALL_HINT);
  }
  console.log('No PostgreSQL found: installing Debian package "postgresql" (apt-get)…');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql'], {
    stdio: 'inherit',
  });
  return postgresBinaries();
}
