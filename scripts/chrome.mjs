// Finds a Chromium or Chrome binary for the browser tests; on Debian as root it installs one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter(Boolean);

/** Flags that let Chromium start headless as root on a machine without outside network. */
export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function findChrome() {
  return candidates.find((path) => existsSync(path));
}

/** Returns the browser path, installing Debian's chromium when possible; exits with advice otherwise. */
export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('No Chromium found: installing Debian package "chromium" (apt-get)…');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `apt-get install chromium`) ' +
      'or point CHROME_PATH at a Chrome/Chromium binary.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChrome());
