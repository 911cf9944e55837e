import { defineManifest, type ManifestV3Export } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

/**
 * The extension manifest. Permissions are the fewest that work:
 * - storage: settings in chrome.storage.local (the vault itself is IndexedDB);
 * - alarms: the daily retention purge (an MV3 worker keeps no timers);
 * - activeTab: the popup reads the current tab's origin after a click, instead of `tabs`;
 * - offscreen: the prover page (reason WORKERS) runs snarkjs's worker threads, which a
 *   service worker cannot start (src/offscreen, src/background/prover).
 * - scripting + host_permissions (http/https): the capture content script, registered with
 *   scripting.registerContentScripts at onboarding and unregistered while paused or before
 *   onboarding (src/background/capture-script.ts), instead of a manifest content_scripts entry
 *   that Chrome would inject into every page from install. The install prompt is the same
 *   ("read and change your data on all websites"), which declared matches asked for too.
 * - optional_host_permissions (http/https, any host): asked for one origin at a time, the
 *   RPC node the user adds on the options page (chrome.permissions.request in that click);
 *   removing the network asks for it back (chrome.permissions.remove), which Chrome refuses
 *   while capture's http/https host permission covers the origin. The node is the user's
 *   choice, so the pattern cannot be narrower; nothing is granted at install.
 * The devnet (http://127.0.0.1:8545) needs no grant: anvil answers CORS requests, and
 * connect-src is not restricted by the CSP below.
 * No externally_connectable and no web_accessible_resources: a page cannot talk
 * to or fingerprint the extension. Incognito is not allowed at all.
 */
const manifest = defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: pkg.version,
  default_locale: 'en',
  incognito: 'not_allowed',
  minimum_chrome_version: '116',
  icons: {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  },
  action: {
    default_title: '__MSG_extName__',
    default_popup: 'src/popup/index.html',
    default_icon: {
      16: 'icons/icon-16.png',
      32: 'icons/icon-32.png',
    },
  },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  // No content_scripts: the capture script is registered by the worker only once there is something to
  // capture for (src/background/capture-script.ts), so before onboarding no page runs any of our code.
  host_permissions: ['http://*/*', 'https://*/*'],
  permissions: ['storage', 'alarms', 'activeTab', 'offscreen', 'scripting'],
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  content_security_policy: {
    extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
  },
});

export default manifest;

/**
 * The capture content script's file in a build: crxjs emits src/content/entry.ts as
 * this one self-contained IIFE because src/background/start-background.ts imports it
 * with `?script&iife`, and registers it at onboarding (src/background/capture-script.ts).
 * vite.config.ts checks it is there; the benches read it.
 */
export const CAPTURE_SCRIPT_FILE = 'src/content/entry.js';

/** The Firefox add-on id (`browser_specific_settings.gecko.id`): fixed, so storage and the e2e UUID pref survive reinstalls. */
export const GECKO_ID = 'surf-to-earn@surftoearn.dev';

/**
 * The same extension for Firefox (`vite build --mode firefox` → dist-firefox/),
 * from the same sources; only what Firefox needs differently:
 * - background: an event page (`background.scripts`, src/background/firefox.ts):
 *   Firefox MV3 has no extension service workers. Its background can start a
 *   `Worker`, which is where Firefox proves with threads (no offscreen API, so
 *   no `offscreen` permission);
 * - browser_specific_settings.gecko: the add-on id, and the oldest Firefox that
 *   has everything we use. 128.0 (an ESR): `optional_host_permissions` for the
 *   custom RPC node (Firefox 128); `runtime.MessageSender.origin`, from which
 *   src/background/sender.ts decides trust (126); MV3 `host_permissions`
 *   shown and granted at install, so capture works without a later prompt
 *   (127); `storage.session` (115); module workers, for the prover Worker (114);
 *   module background scripts and `'wasm-unsafe-eval'` are older;
 * - data_collection_permissions `none`: nothing is collected or transmitted
 *   (the vault never leaves the browser; only mints and stakes the user starts
 *   go to the chain they chose);
 * - no `minimum_chrome_version` (Chrome only).
 */
export const firefoxManifest = (backgroundEntry = 'src/background/firefox.ts'): ManifestV3Export => async (env) => {
  const base = typeof manifest === 'function' ? await manifest(env) : await manifest;
  const { minimum_chrome_version: _chromeOnly, ...common } = base;
  return {
    ...common,
    background: { scripts: [backgroundEntry], type: 'module' },
    permissions: (base.permissions ?? []).filter((p) => p !== 'offscreen'),
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  } as Awaited<ReturnType<Extract<ManifestV3Export, (...args: never[]) => unknown>>>;
};
