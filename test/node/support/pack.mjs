// The npm tarball as a partner gets it: `npm pack` of the built package, unpacked beside it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Packs the package (run `npm run build` first) into a new temp folder. Returns the tarball's
 * path, the packed file names and the folder it is unpacked in (`<dir>/package`).
 */
export function packTarball() {
  if (!existsSync('dist/index.js')) throw new Error('dist/ is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'bijeen-pack-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { encoding: 'utf8' }),
  );
  const tarball = join(dir, packed.filename);
  mkdirSync(join(dir, 'unpacked'));
  execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'unpacked')]);
  return { dir, tarball, files: packed.files.map((file) => file.path), root: join(dir, 'unpacked', 'package') };
}
