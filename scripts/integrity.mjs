// Writes dist/cdn/integrity.json (SRI sha384 of each CDN file) and puts the same hashes into the
// embed snippets of README.md and the demo pages, so what partners copy always matches the files.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sri } from './sri.mjs';

const cdnDir = 'dist/cdn';
export const cdnFiles = ['bijeen.js', 'bijeen.iife.js'];

const integrity = Object.fromEntries(
  cdnFiles.map((file) => [file, sri(readFileSync(join(cdnDir, file)))]),
);
writeFileSync(join(cdnDir, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);

function htmlFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() && entry.name !== 'data'
      ? htmlFiles(join(dir, entry.name))
      : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );
}

// <script … src="…/bijeen.iife.js" … integrity="sha384-…"> (src before integrity, as we write them)
const snippet = /(<script\b[^>]*?\bsrc="[^"]*?\/(bijeen(?:\.iife)?\.js)"[^>]*?\bintegrity=")sha384-[^"]*(")/g;
for (const file of ['README.md', ...htmlFiles('demo')]) {
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  const updated = text.replace(snippet, (_, before, name, after) => `${before}${integrity[name]}${after}`);
  if (updated !== text) writeFileSync(file, updated);
}
console.log(Object.entries(integrity).map(([file, hash]) => `${file}  ${hash}`).join('\n'));
