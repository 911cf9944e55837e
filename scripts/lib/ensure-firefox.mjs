// Finds Debian Firefox ESR for the Firefox end-to-end suite, installing it with apt when we can
// (the counterpart of ensure-chromium.mjs).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Same candidates as tests/e2e-firefox/support/firefox.ts. */
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox() {
  return [process.env.FIREFOX_PATH, ...CANDIDATES].find((p) => p && existsSync(p)) ?? null;
}

/**
 * Returns the Firefox path, running `apt-get update && apt-get install -y firefox-esr`
 * first when none is installed and we are root with apt-get. Throws with the
 * manual fix otherwise.
 */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error('Firefox not found. Install it (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.');
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'firefox-esr']]) {
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${res.status ?? res.signal})`);
  }
  const installed = findFirefox();
  if (!installed) throw new Error('apt-get installed firefox-esr but no binary was found at the usual paths.');
  return installed;
}
