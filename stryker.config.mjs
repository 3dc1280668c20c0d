// Mutation testing (`npm run mutate`, StrykerJS; not part of `npm test`). Two groups, each run on
// its own because each needs its own test runner; `MUTATE_GROUP` picks one (scripts/mutate.mjs runs
// both). A group's `mutate` lists the files under mutation and `tests` the test files that guard them.
// When a file moves, change it here and nowhere else.

/** @type {Record<string, { mutate: string[]; tests: string[] | Record<string, string[]> }>} */
export const groups = {
  // Pure modules: their unit tests (also part of the browser suite) run in Node with mocha, and
  // Stryker's per-test coverage runs only the tests that reach each mutant.
  schema: {
    mutate: ['src/schema/**/*.ts', 'src/components/registration-form/submit.ts', 'src/components/event-card/calendar.ts'],
    tests: ['test/schema/*.test.ts', 'test/components/registration-form/submit.test.ts', 'test/components/event-card/calendar.test.ts'],
  },
  // The reference endpoint: its Node tests start `demo/server/main.ts` as a child process, which
  // reads the active mutant from the environment. Test files per source file (under
  // test/node/endpoint/, without `.test.mjs`); `*` for every other file. See
  // scripts/mutate-server-tests.mjs.
  server: {
    mutate: ['demo/server/**/*.ts'],
    tests: {
      'demo/server/csv.ts': ['csv'],
      'demo/server/registration-table.ts': ['csv', 'xlsx', 'hygiene'],
      'demo/server/xlsx.ts': ['xlsx'],
      'demo/server/people.ts': ['people'],
      'demo/server/retention.ts': ['retention'],
      'demo/server/rate-limit.ts': ['limits'],
      'demo/server/site.ts': ['site'],
      'demo/server/snippet-page.ts': ['site'],
      'demo/server/html.ts': ['site'],
      'demo/server/mail/compose.ts': ['mail'],
      'demo/server/mail/messages.ts': ['mail'],
      'demo/server/mail/notices.ts': ['mail', 'self-service', 'waitlist'],
      'demo/server/mail/transport.ts': ['mail'],
      'demo/server/mail/worker.ts': ['mail'],
      'demo/server/registration-facts.ts': ['mail', 'self-service'],
      'demo/server/access-token.ts': ['self-service'],
      'demo/server/self-service.ts': ['self-service', 'double-opt-in'],
      'demo/server/self-service-messages.ts': ['self-service'],
      'demo/server/decide.ts': ['store-contract', 'one-person', 'seed-rules'],
      'demo/server/batcher.ts': ['store-contract', 'concurrency'],
      'demo/server/sqlite-store.ts': ['store-contract', 'api', 'one-person', 'people', 'retention', 'concurrency', 'durability'],
      'demo/server/postgres-store.ts': ['store-contract', 'postgres-processes'],
      'demo/server/migrate-to-postgres.ts': ['migrate-to-postgres'],
      '*': ['api', 'contract-edges', 'csv', 'limits', 'site'],
    },
  },
};

const name = process.env.MUTATE_GROUP ?? 'schema';
const group = groups[name];
if (!group) throw new Error(`MUTATE_GROUP: unknown group ${name} (${Object.keys(groups).join(', ')})`);

const runner =
  name === 'server'
    ? {
        testRunner: 'command',
        commandRunner: { command: 'node scripts/mutate-server-tests.mjs' },
        coverageAnalysis: 'off',
      }
    : {
        testRunner: 'mocha',
        mochaOptions: { spec: group.tests, 'no-config': true, 'no-package': true, 'no-opts': true },
        testRunnerNodeArgs: ['--import', 'tsx', '--import', './test/support/node/register.mjs'],
        coverageAnalysis: 'perTest',
      };

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: group.mutate,
  ...runner,
  // Two cores shared with others: two test processes at most; `npm run mutate -- --concurrency 1` for fewer.
  concurrency: 2,
  // Static mutants (module-level code: the schema objects, the regular expressions, limits) can
  // only be tested by restarting the test process and running every test, one mutant at a time:
  // two thirds of the run for a third of the mutants. `MUTATE_STATIC=1` includes them.
  // (The command runner has no coverage, so it runs every mutant alike.)
  ignoreStatic: name !== 'server' && process.env.MUTATE_STATIC !== '1',
  incremental: true,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  ignorePatterns: ['dist', 'storybook-static', '.test-results', 'reports', 'demo/data', 'bench/results.json', '.tmp'],
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  tempDirName: `.stryker-tmp/${name}`,
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
};
