// axe-core in a Playwright page: the WCAG 2.x A and AA rules, violations as readable lines.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule tags every accessibility check in the project runs. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on `context` (a selector; the whole document by default) and returns one line per
 * violation: `rule: the nodes`. axe is evaluated through the DevTools protocol instead of added as
 * a `<script>`, so it also runs on pages whose CSP allows no inline script.
 */
export async function axeViolations(page, context = 'html') {
  await page.evaluate(axeSource);
  return page.evaluate(
    async ({ context, tags }) => {
      const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    },
    { context, tags: WCAG_TAGS },
  );
}
