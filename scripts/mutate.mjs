// `npm run mutate [group …] [-- stryker options]`: mutation testing, group by group (see
// stryker.config.mjs), at low CPU priority. Reports: reports/mutation/<group>.html.
import { spawnSync } from 'node:child_process';
import { groups } from '../stryker.config.mjs';

const args = process.argv.slice(2);
const named = args.filter((arg) => arg in groups);
const options = args.filter((arg) => !(arg in groups));
let failed = false;
for (const name of named.length ? named : Object.keys(groups)) {
  console.log(`\n▶ mutation testing: ${name}`);
  const { status } = spawnSync('nice', ['-n', '10', 'npx', 'stryker', 'run', 'stryker.config.mjs', ...options], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_GROUP: name },
  });
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
