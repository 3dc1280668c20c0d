// Web Test Runner prints no closing count; this reporter writes one line `N passed, N failed`
// and the counts to a file, so the test script can add them to the overall total.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function summaryReporter({ outFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed++;
        else if (!session.passed && !session.testResults) totals.failed++;
      }
      if (outFile) {
        mkdirSync(new URL('.', `file://${outFile}`).pathname, { recursive: true });
        writeFileSync(outFile, JSON.stringify(totals));
      }
      console.log(`\nbrowser tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
