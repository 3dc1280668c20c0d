// `describe`, `test` and hooks for Node tests that Stryker's mocha runner runs as well (the `server`
// group in stryker.config.mjs, for its per-test coverage): under mocha its globals, otherwise
// node:test's own, as `npm test` runs them. Test functions take no arguments (mocha would read one
// as a `done` callback), and every test sets up what it needs in `beforeEach` or in its own body,
// never in `before`: Stryker credits what runs there to whichever test ran last.
import * as nodeTest from 'node:test';

const mocha = (name) => /** @type {Record<string, Function>} */ (globalThis)[name];
const pick = (mochaName, nodeName = mochaName) => (...args) => (mocha(mochaName) ?? nodeTest[nodeName])(...args);

export const describe = pick('describe');
export const test = pick('it', 'test');
export const beforeEach = pick('beforeEach');
export const afterEach = pick('afterEach');
