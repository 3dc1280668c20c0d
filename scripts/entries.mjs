// The package's entries, read from package.json `exports`: the one list that tests, the bench and
// the docs follow. An entry "registers" when its source re-exports an element's module from src/components/
// (those must be listed in `sideEffects`, or bundlers drop the registration).
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** An element's own module, `./components/<name>/<name>.js` (not a helper beside it, such as the card's calendar writer). */
const ELEMENT_MODULE = /'\.\/components\/([\w-]+)\/\1\.js'/;

/** `[{ name: 'event-card', dist: 'dist/event-card.js', source: 'src/event-card.ts', registers: true }, …]` */
export const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.default?.endsWith('.js'))
  .map(([subpath, target]) => {
    const dist = target.default.replace(/^\.\//, '');
    const source = dist.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
    const text = existsSync(new URL(source, root)) ? readFileSync(new URL(source, root), 'utf8') : '';
    return { name: subpath === '.' ? 'bijeen' : `bijeen/${subpath.slice(2)}`, dist, source, registers: ELEMENT_MODULE.test(text) };
  });
