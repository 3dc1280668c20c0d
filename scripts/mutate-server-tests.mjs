// The test command of the `server` mutation group (stryker.config.mjs): runs the endpoint test files
// one at a time and stops at the first failure, since one failing file already kills the mutant.
// Under a mutant, only the test files listed for the mutated source file run: Stryker names the
// active mutant in `__STRYKER_ACTIVE_MUTANT__`, and the instrumented file that holds it says where it lies.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { groups } from '../stryker.config.mjs';

const { tests } = groups.server;
const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;

function sourceOf(id) {
  const marker = `stryMutAct_9fa48("${id}")`;
  return Object.keys(tests).find((file) => file !== '*' && readFileSync(file, 'utf8').includes(marker));
}

const names = tests[(mutant && sourceOf(mutant)) || '*'];
for (const name of names) {
  const { status } = spawnSync(process.execPath, ['--test', `test/node/endpoint/${name}.test.mjs`], { stdio: 'inherit' });
  if (status !== 0) process.exit(1);
}
