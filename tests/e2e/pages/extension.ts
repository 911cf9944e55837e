import type { BrowserContext } from '@playwright/test';

/**
 * Built paths of the extension pages inside dist/ (what @crxjs emits for
 * the manifest's action popup and options page). One place to change if the
 * build layout moves.
 */
export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

/** chrome-extension://<id>/<path>. */
export function extensionUrl(extensionId: string, path: string): string {
  return `chrome-extension://${extensionId}/${path}`;
}

/**
 * The id of the loaded extension, read from its service worker URL
 * (chrome-extension://<id>/…); waits for the worker to register.
 */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
