// `npm test`: every check in one command, ending with one line `N passed, N failed` that adds up
// the browser tests (Web Test Runner), the Node tests (bundles, Storybook, endpoint, end to end)
// and each check step (type check, lint, build, size budget). Later steps still run after a
// failure, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChrome } from './chrome.mjs';
import { ensurePostgres } from './postgres.mjs';
import { startPostgres } from '../test/node/support/postgres.mjs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const env = { ...process.env, CHROME_PATH: ensureChrome() };
const totals = { passed: 0, failed: 0 };
const timings = [];

function step(name, command, args, { counts } = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const seconds = (Date.now() - started) / 1000;
  timings.push(`${name} ${seconds.toFixed(1)} s`);
  const countFile = counts && `${results}/${counts}.json`;
  if (countFile && existsSync(countFile)) {
    const counted = JSON.parse(readFileSync(countFile, 'utf8'));
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    // A runner that died before counting anything still counts as a failure.
    if (status !== 0 && counted.failed === 0) totals.failed++;
  } else if (status === 0) {
    totals.passed++;
  } else {
    totals.failed++;
  }
  if (status !== 0) console.log(`✗ ${name} failed (exit ${status})`);
}

const npx = 'npx';
step('type check', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', npx, ['eslint', '.']);
step('build', 'npm', ['run', 'build', '--silent']);
step('size budget', 'node', ['scripts/size.mjs']);
step('browser tests', npx, ['wtr'], { counts: 'browser' });
step('storybook build', 'npm', ['run', 'build-storybook', '--silent']);
// One throwaway PostgreSQL server for the Node tests (each test file makes its own database on
// it), unless TEST_DATABASE_URL names one. Without PostgreSQL (and no way to install it) the
// PostgreSQL tests fail and say how to install it.
let postgres;
if (!env.TEST_DATABASE_URL) {
  try {
    ensurePostgres();
    postgres = await startPostgres();
    env.TEST_DATABASE_URL = postgres.url;
  } catch (error) {
    console.log(`\n✗ PostgreSQL: ${error.message}`);
  }
}
step('node tests', 'node', [
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/count-reporter.mjs',
  `--test-reporter-destination=${results}/node.json`,
  'test/node/',
], { counts: 'node' });
await postgres?.stop();

console.log(`\nTimings: ${timings.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
