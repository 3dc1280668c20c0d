// The npm package as a consumer sees it: every `exports` path exists after the build, and
// `bijeen/schema` works on plain Node and registers nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('every exports path of package.json exists after the build', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      if (!file.includes('*')) assert.ok(existsSync(file), `${entry} → ${file}`);
    }
  }
});

test('bijeen/schema validates on Node without a DOM and registers nothing', async () => {
  assert.equal(typeof globalThis.customElements, 'undefined');
  const schema = await import(new URL(`../../${pkg.exports['./schema'].default}`, import.meta.url).href);
  const ok = schema.parseEvent({ id: 'x', title: 'T', start: '2030-01-01T10:00:00+01:00', location: { name: 'A' } });
  assert.equal(ok.success, true);
  const bad = schema.parseEvent({ id: 'x', title: 'T', start: 'morgen', registration: { maxCompanions: 11 } }, { locale: 'en' });
  assert.deepEqual(bad.issues.map((issue) => issue.path).sort(), ['registration.maxCompanions', 'start']);
  assert.match(bad.issues.find((issue) => issue.path === 'start').message, /expected/);
});

test('the element entries are side-effectful in package.json so bundlers keep the registration', () => {
  for (const entry of ['index', 'event', 'event-card', 'registration-form', 'map-link']) {
    assert.ok(pkg.sideEffects.includes(`./dist/${entry}.js`), entry);
  }
  assert.ok(!pkg.sideEffects.some((pattern) => pattern.includes('schema')), 'schema has no side effects');
});
