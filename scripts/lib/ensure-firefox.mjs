// Finds Debian Firefox ESR for the Firefox end-to-end suite, installing it with apt when we can
// (the counterpart of ensure-chromium.mjs), and with `japanese` its Japanese language pack too.
import { existsSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Same candidates as tests/e2e-firefox/support/firefox.ts. */
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Debian's firefox-esr lives here (/usr/bin/firefox-esr links to it); its language packs are add-ons beside it. */
const DEBIAN_FIREFOX_DIR = '/usr/lib/firefox-esr/';
/** What Debian's firefox-esr-l10n-ja installs: Firefox uses an add-on's `_locales/ja` only with it (the ja e2e test). */
export const JA_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-ja@firefox-esr.mozilla.org.xpi';
const JA_LANGPACK_PACKAGE = 'firefox-esr-l10n-ja';

export function findFirefox() {
  return [process.env.FIREFOX_PATH, ...CANDIDATES].find((p) => p && existsSync(p)) ?? null;
}

/** Whether `path` is Debian's firefox-esr (whose langpack we know how to install). */
function isDebianFirefox(path) {
  try {
    return realpathSync(path).startsWith(DEBIAN_FIREFOX_DIR);
  } catch {
    return false;
  }
}

/**
 * Returns the Firefox path. Installs with `apt-get update && apt-get install -y`
 * what is missing when we are root with apt-get: firefox-esr when no Firefox is
 * found, and with `japanese` (npm test: the Firefox suite runs one test in
 * Japanese) Debian's Japanese langpack firefox-esr-l10n-ja for Debian's
 * firefox-esr. Throws with the manual fix otherwise. Another Firefox
 * ($FIREFOX_PATH) is used as it is: the ja test says when it lacks Japanese.
 */
export function ensureFirefox({ japanese = false } = {}) {
  const found = findFirefox();
  const packages = [];
  if (!found) packages.push('firefox-esr');
  if (japanese && (!found || isDebianFirefox(found)) && !existsSync(JA_LANGPACK)) packages.push(JA_LANGPACK_PACKAGE);
  if (packages.length === 0) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(found
      ? `Firefox's Japanese language pack is missing (the Firefox suite runs a test in Japanese). Install it (Debian: \`sudo apt-get install -y ${JA_LANGPACK_PACKAGE}\`).`
      : `Firefox not found. Install it (Debian: \`sudo apt-get install -y ${['firefox-esr', ...(japanese ? [JA_LANGPACK_PACKAGE] : [])].join(' ')}\`) or set FIREFOX_PATH.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${res.status ?? res.signal})`);
  }
  const installed = findFirefox();
  if (!installed) throw new Error('apt-get installed firefox-esr but no binary was found at the usual paths.');
  if (packages.includes(JA_LANGPACK_PACKAGE) && !existsSync(JA_LANGPACK)) {
    throw new Error(`apt-get installed ${JA_LANGPACK_PACKAGE} but ${JA_LANGPACK} is not there.`);
  }
  return installed;
}
