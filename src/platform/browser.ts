/**
 * The one browser API layer: `browser` from webextension-polyfill, promise-based
 * in both browsers (Firefox's own `browser`; in Chrome the polyfill wraps
 * `chrome`). Every extension context takes its browser APIs from here, never
 * from `chrome.*`; only the per-browser adapters (the offscreen prover page and
 * src/background/prover/chrome-deps.ts, which use Chrome-only APIs) and the
 * content script (src/content/runtime.ts, kept free of the polyfill) reach the
 * globals themselves. Lint enforces it (eslint.config.js, `no-restricted-globals`).
 *
 * Importing this module outside an extension throws (the polyfill refuses to
 * load), so libraries and anything unit tests import take the APIs they need as
 * parameters (ports and small fakes, e.g. WorkerContext) and only entry files
 * import this.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Alarms, Permissions, Runtime, Storage, Tabs } from 'webextension-polyfill';
