import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../manifest.config.ts';
import { SITE_HOSTS } from '../../fixtures/sites';

/** Same candidates as scripts/lib/ensure-firefox.mjs: Debian's firefox-esr first. */
const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox to drive: $FIREFOX_PATH, else Debian's. Throws with the fix when none: the suite fails, it never skips. */
export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, ...FIREFOX_PATHS].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Firefox found: run `npm test` (it installs Debian firefox-esr) or set FIREFOX_PATH.');
  return found;
}

/** The Firefox e2e build (globalSetup writes it): dist-firefox plus the hook that opens the options page. */
export const FIREFOX_E2E_DIST = resolve(process.cwd(), 'dist-firefox-e2e');

/** Fixed by the `extensions.webextensions.uuids` pref, so extension URLs are known before install. */
export const EXTENSION_UUID = '5e7f2a10-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
export const OPTIONS_PATH = 'src/options/index.html';
export const POPUP_PATH = 'src/popup/index.html';

export interface FirefoxSession {
  browser: Browser;
  /** The options page the e2e build opens at install: an extension page to send messages from and open others with. */
  probe: Page;
  /** Opens an extension page the way the extension does (tabs.create from the probe) and returns it, loaded. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

async function hrefOf(page: Page): Promise<string> {
  // url() may still say about:blank for a tab the extension opened; the page itself knows.
  return page.evaluate(() => location.href).catch(() => '');
}

async function waitForPage(browser: Browser, match: (href: string) => boolean, what: string): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (match(await hrefOf(page))) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return page;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not open in 20 s`);
}

/**
 * Headless Debian Firefox (WebDriver BiDi) with a fresh profile and the e2e
 * build installed: every test starts with an empty vault. The fixture hosts
 * resolve to 127.0.0.1 (`network.dns.localDomains`, Firefox's counterpart of
 * Chromium's --host-resolver-rules) and their self-signed certificate is
 * accepted (acceptInsecureCerts). `prefs` adds Firefox prefs (the ja test's
 * `intl.locale.requested`).
 */
export async function launchFirefox(options: { prefs?: Record<string, string | number | boolean> } = {}): Promise<FirefoxSession> {
  if (!existsSync(resolve(FIREFOX_E2E_DIST, 'manifest.json'))) {
    throw new Error(`${FIREFOX_E2E_DIST}/manifest.json is missing: run \`npx vite build --mode firefox-e2e\` (the suite's globalSetup does).`);
  }
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1200, height: 800 },
    // FIREFOX_E2E_CONSOLE=1: every console message (the background's too) on this process's output, for debugging.
    dumpio: !!process.env.FIREFOX_E2E_CONSOLE,
    extraPrefsFirefox: {
      ...(process.env.FIREFOX_E2E_CONSOLE ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.dns.localDomains': SITE_HOSTS.join(','),
      ...options.prefs,
    },
  });
  try {
    await firefox.installExtension(FIREFOX_E2E_DIST);
    const probe = await waitForPage(firefox, (h) => h.startsWith(`${EXTENSION_ORIGIN}/${OPTIONS_PATH}`), 'the options page (opened at install)');
    let seq = 0;
    return {
      browser: firefox,
      probe,
      async openExtensionPage(pathAndQuery) {
        // A marker in the fragment tells this tab apart from others on the same page.
        const marker = `e2e-${++seq}`;
        await probe.evaluate((url) => void browser.tabs.create({ url }), `${EXTENSION_ORIGIN}/${pathAndQuery}#${marker}`);
        return waitForPage(firefox, (h) => h.endsWith(`#${marker}`), pathAndQuery);
      },
      close: () => firefox.close(),
    };
  } catch (cause) {
    await firefox.close();
    throw cause;
  }
}

declare const browser: { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { create(o: { url: string }): Promise<unknown> } };

/** Sends one `ui/…` message from an extension page and returns its data; throws on an error reply. */
export async function sendUi<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate((m) => browser.runtime.sendMessage(m), message)) as { ok: boolean; data?: T; error?: unknown } | undefined;
  if (!reply?.ok) throw new Error(`${String(message.type)} failed: ${JSON.stringify(reply)}`);
  return reply.data as T;
}
