// Finds Debian Chromium for the end-to-end specs, installing it with apt when we can.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Same candidates as tests/e2e/support/launch.ts. Playwright's own browser download is never used. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function findChromium() {
  return [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p) => p && existsSync(p)) ?? null;
}

/**
 * Returns the Chromium path, running `apt-get update && apt-get install -y chromium`
 * first when none is installed and we are root with apt-get. Throws with the
 * manual fix otherwise.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error('Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${res.status ?? res.signal})`);
  }
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium but no binary was found at the usual paths.');
  return installed;
}
