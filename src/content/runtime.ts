import type { Runtime } from '../platform/browser';

/**
 * The content script's adapter to the browser, the one place it touches a
 * browser global: Firefox's promise-based `browser.runtime`, else Chrome's
 * `chrome.runtime` (promise-based too in MV3). No polyfill here: it would
 * double the content bundle, which runs in every page (docs/privacy.md). The
 * two calls the content script makes (sendMessage, id) behave alike in both.
 * Undefined once the extension is gone (reloaded or removed).
 */
export function extensionRuntime(): Pick<Runtime.Static, 'sendMessage' | 'id'> | undefined {
  const g = globalThis as unknown as { browser?: { runtime?: Runtime.Static }; chrome?: { runtime?: Runtime.Static } };
  return g.browser?.runtime ?? g.chrome?.runtime;
}
