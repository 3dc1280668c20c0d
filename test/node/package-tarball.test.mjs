// The packed tarball, checked as a partner's tools see it: publint, arethetypeswrong (ESM only),
// source maps, the custom-elements manifest, the licence and the README. Needs `npm run build`
// first (npm test builds before the Node tests); no network.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packTarball } from './support/pack.mjs';

let pack;
before(() => {
  pack = packTarball();
});
after(() => rmSync(pack.dir, { recursive: true, force: true }));

const read = (file) => readFileSync(join(pack.root, file), 'utf8');

test('publint finds nothing to report in the tarball, suggestions included', async () => {
  const tarball = readFileSync(pack.tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  assert.deepEqual(messages.map((message) => formatMessage(message, pkg, { color: false })), []);
});

test('arethetypeswrong passes the tarball with the ESM-only profile', async () => {
  const attw = join('node_modules', '.bin', 'attw');
  const { stdout } = await promisify(execFile)(attw, [pack.tarball, '--profile', 'esm-only', '--format', 'json']).catch(
    (error) => assert.fail(`attw failed:\n${error.stdout}${error.stderr}`),
  );
  const { analysis } = JSON.parse(stdout);
  assert.ok(Object.keys(analysis.entrypoints).includes('./react'), 'bijeen/react is checked');
});

test('every source map carries its sources, and every map a file names is shipped', () => {
  const files = new Set(pack.files);
  const maps = pack.files.filter((file) => file.endsWith('.map'));
  assert.ok(maps.length > 0, 'the JavaScript ships with maps');
  for (const map of maps) {
    const { sources, sourcesContent = [] } = JSON.parse(read(map));
    sources.forEach((source, index) => {
      assert.equal(typeof sourcesContent[index], 'string', `${map} lacks the content of ${source}`);
    });
  }
  for (const file of pack.files.filter((name) => /\.(js|d\.ts|css)$/.test(name))) {
    const url = read(file).match(/[#@] sourceMappingURL=(\S+)\s*(?:\*\/)?\s*$/)?.[1];
    if (url) assert.ok(files.has(posix.join(dirname(file), url)), `${file} names ${url}, which is not shipped`);
  }
});

test('the manifest points at shipped modules and documents every element completely', () => {
  const files = new Set(pack.files);
  const manifest = JSON.parse(read('custom-elements.json'));
  const modulePaths = JSON.stringify(manifest).matchAll(/"(?:path|module)":"([^"]+)"/g);
  for (const [, path] of modulePaths) assert.ok(files.has(path), `manifest names ${path}, which is not shipped`);

  const elements = new Map(
    manifest.modules.flatMap((module) => module.declarations).filter((d) => d.customElement).map((d) => [d.tagName, d]),
  );
  for (const tag of ['bijeen-event', 'bijeen-event-card', 'bijeen-map-link', 'bijeen-registration-form']) {
    assert.ok(elements.has(tag), `the manifest describes <${tag}>`);
  }
  for (const [tag, element] of elements) {
    assert.ok(element.attributes.some((attribute) => attribute.name === 'lang' && attribute.description), `${tag} documents lang`);
    assert.ok(element.events.length > 0, `${tag} documents its events`);
    for (const event of element.events) assert.match(event.type?.text ?? '', /^CustomEvent<.+>$/, `${tag} ${event.name} type`);
    assert.ok(element.cssParts?.length > 0 && element.slots?.length > 0, `${tag} documents parts and slots`);
    const internal = element.members.filter((member) => member.privacy && member.privacy !== 'public');
    assert.deepEqual(internal.map((member) => member.name), [], `${tag} lists only its public members`);
  }
  assert.equal(
    elements.get('bijeen-event-card').events.find((event) => event.name === 'bijeen-data-error').type.text,
    'CustomEvent<DataErrorDetail>',
  );

  const composite = elements.get('bijeen-event');
  const attributes = composite.attributes.map((attribute) => attribute.name);
  for (const name of ['src', 'endpoint', 'format', 'map-provider', 'no-structured-data', 'lang']) {
    assert.ok(attributes.includes(name), `<bijeen-event> documents ${name}`);
  }
  const parts = new Set(composite.cssParts.map((part) => part.name));
  const exported = (tag, base) =>
    elements.get(tag).cssParts.map((part) => (part.name === 'base' ? base : part.name));
  for (const part of [...exported('bijeen-event-card', 'card-base'), ...exported('bijeen-registration-form', 'form-base')]) {
    assert.ok(parts.has(part), `<bijeen-event> documents the exported part ${part}`);
  }
});

test('the tarball has the MIT licence, and its README names every type of bijeen/schema', () => {
  assert.ok(pack.files.includes('LICENSE'));
  assert.match(read('LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} Bijeen contributors\n/);
  const readme = read('README.md');
  const types = [...read('dist/schema/index.d.ts').matchAll(/\btype (\w+)/g)].map(([, name]) => name);
  assert.ok(types.includes('EventData') && types.includes('RegistrationPayload'));
  for (const type of types) assert.match(readme, new RegExp(`\`${type}[\`<]`), `README names ${type}`);
});
