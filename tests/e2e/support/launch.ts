import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

/** Candidate Chromium binaries, Debian's first. Playwright's own browsers are never downloaded. */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** The Chromium to drive: $CHROMIUM_PATH, else the first Debian path that exists. Throws with the fix when none. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_PATHS].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: run `npm test` (it installs Debian chromium) or set CHROMIUM_PATH.');
  return found;
}

/** The built extension: dist/, or $E2E_DIST_DIR (a private build while others rebuild dist/). */
export const DIST_DIR = resolve(process.cwd(), process.env.E2E_DIST_DIR ?? 'dist');

export interface LaunchOptions {
  /** Load the built extension from dist/ (default true); false gives the baseline browser. */
  withExtension?: boolean;
  /** --host-resolver-rules value mapping fixture hosts to the local server. */
  hostResolverRules: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** The unpacked extension to load (default dist/); the benchmark loads variants of it. */
  extensionDir?: string;
}

/**
 * A fresh persistent context (a temporary profile, so every spec starts with
 * an empty vault and default settings) of headless Debian Chromium.
 */
export async function launchBrowser(opts: LaunchOptions): Promise<BrowserContext> {
  const withExtension = opts.withExtension ?? true;
  const dir = opts.extensionDir ?? DIST_DIR;
  if (withExtension && !existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run \`npm run build\` first.`);
  }
  return chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 800 },
    ignoreHTTPSErrors: true,
    args: [
      ...(withExtension ? [`--load-extension=${dir}`, `--disable-extensions-except=${dir}`] : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${opts.hostResolverRules}`,
      // The fixture server's certificate is self-signed (tests/fixtures/tls).
      '--ignore-certificate-errors',
      ...(opts.args ?? []),
    ],
  });
}
