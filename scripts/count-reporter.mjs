// Node test runner reporter that writes {passed, failed} (leaf tests only) as JSON.
export default async function* countReporter(source) {
  const totals = { passed: 0, failed: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) continue;
    totals[event.type === 'test:pass' ? 'passed' : 'failed']++;
  }
  yield JSON.stringify(totals);
}
