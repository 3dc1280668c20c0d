// Size budget: gzip -9 of each CDN file, the whole library with Lit and zod inside. Bytes are won in
// the build (Terser, minified Lit templates and CSS: see vite.config.ts), never by bending the source.
//
// The target is 32 KB (issue 11), aim 28 KB; it is NOT met today. With readable source and every
// element of this round the file is 36.1 KB: Lit 14.9 KB raw, zod/mini 15.9, the Dutch and English
// wording 12.3, the event list 2.7 KB gzip on its own. No readable trimming reaches 32 KB; that takes
// a product decision (one language per CDN file, or English loaded separately; a separate file for
// the list). Until then the test fails above what we have, so the file cannot grow unnoticed, and it
// prints the distance to the 32 KB target. Issue 14 added `state` on every element and
// server-side rendering (0.25 KB gzip) and the NL Design System fallbacks (0.17–0.21 KB).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const KB = 1024;
const TARGET = 32 * KB;
const BUDGET = 38 * KB;
const AIM = 28 * KB;
const FILES = ['bijeen.js', 'bijeen.iife.js'];

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

let over = false;
for (const file of FILES) {
  const bytes = readFileSync(`dist/cdn/${file}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes).length;
  const fits = gzip <= BUDGET;
  over ||= !fits;
  const toTarget = gzip > TARGET ? `${kb(gzip - TARGET)} above the ${kb(TARGET)} target` : `within the ${kb(TARGET)} target`;
  console.log(
    `${fits ? 'ok  ' : 'OVER'} ${file.padEnd(15)} ${kb(bytes.length).padStart(9)} raw ${kb(gzip).padStart(9)} gzip` +
      ` ${kb(brotli).padStart(9)} brotli (budget ${kb(BUDGET)}; ${toTarget}, aim ${kb(AIM)})`,
  );
}
if (over) {
  console.error(`Size budget exceeded: a CDN file is above ${kb(BUDGET)} gzip.`);
  process.exit(1);
}
