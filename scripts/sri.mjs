// The Subresource Integrity value of a file, as the embed snippets carry it: the build writes it
// into dist/cdn/integrity.json and the snippets (scripts/integrity.mjs), and the demo site's snippet
// builder computes it from the file it serves (demo/server/site.ts).
import { createHash } from 'node:crypto';

/** `sha384-<base64 digest>` of the bytes. */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}
