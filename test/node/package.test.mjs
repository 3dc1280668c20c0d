// The npm package as a consumer sees it: every `exports` path exists after the build, and
// `bijeen/schema` works on plain Node and registers nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { entries } from '../../scripts/entries.mjs';

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
  const registering = entries.filter((entry) => entry.registers).map((entry) => entry.name);
  assert.deepEqual(registering.sort(), ['bijeen', 'bijeen/event', 'bijeen/event-card', 'bijeen/event-list', 'bijeen/map-link', 'bijeen/react', 'bijeen/registration-form']);
  for (const entry of entries) {
    assert.equal(pkg.sideEffects.includes(`./${entry.dist}`), entry.registers, `${entry.name} in sideEffects`);
  }
});

test('bijeen/text formats on Node without a DOM and registers nothing', async () => {
  const text = await import(new URL(`../../${pkg.exports['./text'].default}`, import.meta.url).href);
  assert.deepEqual(text.formatRange(Date.parse('2018-09-18T11:00:00Z'), Date.parse('2018-09-18T15:00:00Z'), 'nl', 'Europe/Amsterdam'), [
    'dinsdag 18 september 2018, 13.00',
    '–',
    '17.00 uur',
  ]);
  assert.equal(text.toLocale('en-GB'), 'en');
  assert.equal(typeof globalThis.customElements, 'undefined');
});
