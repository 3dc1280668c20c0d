// Mutation testing (`npm run mutate`, StrykerJS; not part of `npm test`). Two groups, each run on
// its own (its tests need their own Node options); `MUTATE_GROUP` picks one (scripts/mutate.mjs
// runs both). A group's `mutate` lists the files under mutation and `tests` the test files that
// guard them. When a file moves, change it here and nowhere else.

/** @type {Record<string, { mutate: string[]; tests: string[]; nodeArgs: string[] }>} */
export const groups = {
  // Pure modules: their unit tests (also part of the browser suite) run in Node with mocha, with
  // `@open-wc/testing` mapped to chai; the form's sending (`sendRegistration`) also has Node tests
  // of its own against a scripted endpoint.
  schema: {
    mutate: ['src/schema/**/*.ts', 'src/components/registration-form/submit.ts', 'src/components/event-card/calendar.ts'],
    tests: [
      'test/schema/*.test.ts',
      'test/components/registration-form/submit.test.ts',
      'test/components/event-card/calendar.test.ts',
      'test/node/registration-form/*.test.mjs',
    ],
    nodeArgs: ['--import', 'tsx', '--import', './test/support/node/register.mjs'],
  },
  // The reference endpoint, module by module: test/node/server/ drives each module in the test
  // process (the API handler over loopback HTTP, an in-memory store). `main.ts` is left out: it
  // only wires the modules into two servers and handles signals, which only a process of its own
  // shows; the process tests in test/node/endpoint/ (shutdown, durability, slow clients, hostile
  // requests) guard it.
  server: {
    // Every module but main.ts. The PostgreSQL store's tests share one server per test process
    // (test/node/server/support/postgres-stores.mjs).
    mutate: ['demo/server/**/*.ts', '!demo/server/main.ts'],
    tests: ['test/node/server/*.test.mjs'],
    nodeArgs: [],
  },
};

const name = process.env.MUTATE_GROUP ?? 'schema';
const group = groups[name];
if (!group) throw new Error(`MUTATE_GROUP: unknown group ${name} (${Object.keys(groups).join(', ')})`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: group.mutate,
  // Every test file runs in one Node process with mocha, and Stryker's per-test coverage runs only
  // the tests that reach each mutant.
  testRunner: 'mocha',
  mochaOptions: { spec: group.tests, 'no-config': true, 'no-package': true, 'no-opts': true },
  testRunnerNodeArgs: group.nodeArgs,
  coverageAnalysis: 'perTest',
  // Two cores shared with others: two test processes at most; `npm run mutate -- --concurrency 1` for fewer.
  concurrency: 2,
  // Static mutants (module-level code: the schema objects, the regular expressions, limits) can
  // only be tested by restarting the test process and running every test, one mutant at a time:
  // two thirds of the run for a third of the mutants. `MUTATE_STATIC=1` includes them.
  ignoreStatic: process.env.MUTATE_STATIC !== '1',
  incremental: true,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  ignorePatterns: ['dist', 'storybook-static', '.test-results', 'reports', 'demo/data', 'bench/results.json', '.tmp'],
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  tempDirName: `.stryker-tmp/${name}`,
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
};
