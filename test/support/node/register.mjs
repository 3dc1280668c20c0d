// Runs the browser-free unit tests (schema, sending rules, calendar file) in Node as well, for
// mutation testing (`npm run mutate`): `@open-wc/testing` becomes plain chai's `expect`. Load with
// `node --import tsx --import ./test/support/node/register.mjs`.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

// The page the tests run on, as in Web Test Runner: relative URLs resolve against it.
globalThis.location ??= new URL('http://localhost:8000/');
