// Size budget: gzip -9 of each CDN file against its ceiling. Fails the test run when exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

// The finished library must stay at or under 24 KB (aim: 20 KB). Until every element exists the
// budget tracks what has been built so far, so growth is a decision, not an accident.
const budgets = {
  'bijeen.js': 15 * 1024,
  'bijeen.iife.js': 15 * 1024,
};

let over = false;
for (const [file, budget] of Object.entries(budgets)) {
  const bytes = readFileSync(`dist/cdn/${file}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes).length;
  const ok = gzip <= budget;
  over ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${file.padEnd(16)} ${(bytes.length / 1024).toFixed(1).padStart(6)} KB raw` +
      `  ${(gzip / 1024).toFixed(2).padStart(6)} KB gzip  ${(brotli / 1024).toFixed(2).padStart(6)} KB brotli` +
      `  (budget ${(budget / 1024).toFixed(1)} KB gzip)`,
  );
}
if (over) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
