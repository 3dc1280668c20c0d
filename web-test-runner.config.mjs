import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeArgs, ensureChrome } from './scripts/chrome.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

// Test HTTP endpoints (event feeds, a scriptable registration endpoint …) live in
// test/server/*.mjs, each exporting `middleware`: real HTTP over loopback, no stubbed fetch.
const serverDir = new URL('./test/server/', import.meta.url);
const middleware = [];
for (const file of (existsSync(serverDir) ? readdirSync(serverDir) : []).filter((name) => name.endsWith('.mjs')).sort()) {
  const module = await import(new URL(file, serverDir).href);
  middleware.push(...[module.middleware].flat());
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      // A zone far from the events' own (Amsterdam, New York): date tests prove the event's zone is used.
      launchOptions: {
        executablePath: ensureChrome(),
        args: chromeArgs,
        headless: true,
        env: { ...process.env, TZ: 'Pacific/Kiritimati' },
      },
    }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ outFile: fileURLToPath(new URL('./.test-results/browser.json', import.meta.url)) }),
  ],
};
