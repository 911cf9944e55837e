/**
 * Headed Firefox with the Firefox build (dist-firefox/) installed, for
 * `npm start -- --browser firefox` on a machine with a display. Firefox has no
 * --load-extension flag: puppeteer-core starts it over WebDriver BiDi and
 * installs the add-on as a temporary add-on (what about:debugging's "Load
 * Temporary Add-on" does). The profile lives in .cache/firefox-profile and,
 * with the add-on's UUID and storage kept across its removal at exit, the
 * wallet and vault survive a restart; `--fresh-profile` wipes it first.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { GECKO_ID } from '../../manifest.config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIREFOX_PROFILE_DIR = path.join(ROOT, '.cache', 'firefox-profile');
export const FIREFOX_DIST_DIR = path.join(ROOT, 'dist-firefox');
/** Fixed, so the extension's origin (and with it its IndexedDB vault) is the same at every start. */
const START_UUID = '0f1e2d3c-4b5a-4697-8877-665544332211';

export interface LaunchedFirefox {
  exited: Promise<void>;
  stop(): Promise<void>;
}

export async function launchFirefox(binary: string, options: { freshProfile?: boolean } = {}): Promise<LaunchedFirefox> {
  if (!existsSync(path.join(FIREFOX_DIST_DIR, 'manifest.json'))) throw new Error(`${FIREFOX_DIST_DIR}/manifest.json is missing: the build did not run.`);
  if (options.freshProfile) await rm(FIREFOX_PROFILE_DIR, { recursive: true, force: true });
  await mkdir(FIREFOX_PROFILE_DIR, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: binary,
    headless: false,
    userDataDir: FIREFOX_PROFILE_DIR,
    defaultViewport: null,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: START_UUID }),
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  await browser.installExtension(FIREFOX_DIST_DIR);
  const exited = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  return {
    exited,
    stop: async () => {
      if (browser.connected) await browser.close();
    },
  };
}
