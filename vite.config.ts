import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest, { CAPTURE_SCRIPT_FILE, firefoxManifest } from './manifest.config.ts';

/**
 * One build for every extension context. crxjs turns the manifest's entries
 * (worker, content script, popup, options) into bundles; pages the manifest
 * does not name (the offscreen prover page) go in rollupOptions.input.
 * JSX is compiled by Vite's built-in Oxc transform for preact: no React plugin.
 */
/**
 * Pages the manifest does not name, by name → html entry. A missing one fails the build.
 * Chrome only: Firefox has no offscreen API (its prover Worker is bundled from
 * src/background/prover/firefox-deps.ts's `new Worker(new URL(…))`).
 */
const EXTRA_PAGES: Record<string, string> = {
  offscreen: 'src/offscreen/index.html',
};

/**
 * ffjavascript 0.3 (snarkjs's curve library) calls URL.createObjectURL when it
 * is imported; a MV3 service worker has none, so importing snarkjs there would
 * throw (ffjavascript #182). Where it is missing, skip the worker URL: without
 * `Worker` ffjavascript proves single-threaded anyway. Fails the build if the
 * library changed so the guard no longer applies.
 */
function guardFfjavascriptWorkerUrl(): Plugin {
  const needle = 'workerSource = URL.createObjectURL(workerBlob);';
  return {
    name: 'guard-ffjavascript-worker-url',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').includes('/ffjavascript/build/browser.esm.js')) return null;
      if (!code.includes(needle)) this.error('ffjavascript changed: update guardFfjavascriptWorkerUrl in vite.config.ts');
      return code.replace(needle, 'workerSource = typeof URL.createObjectURL === "function" ? URL.createObjectURL(workerBlob) : "";');
    },
  };
}

/**
 * crxjs lists every `?script` file in `web_accessible_resources` (a loader script
 * imports its chunk from the page). Ours is one self-contained IIFE that
 * scripting.registerContentScripts injects: a page never needs to load it, and a
 * listed file lets any page detect the extension. This drops that entry and fails
 * the build if anything else would be web-accessible or the script is missing.
 */
function noWebAccessibleResources(): Plugin {
  return {
    name: 'no-web-accessible-resources',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const asset = bundle['manifest.json'];
        if (asset?.type !== 'asset') this.error('no manifest.json in the bundle');
        if (!(CAPTURE_SCRIPT_FILE in bundle)) this.error(`the capture content script ${CAPTURE_SCRIPT_FILE} is not in the bundle`);
        const manifest = JSON.parse(String(asset.source)) as { web_accessible_resources?: { resources: string[] }[] };
        const rest = (manifest.web_accessible_resources ?? [])
          .map((r) => ({ ...r, resources: r.resources.filter((f) => f !== CAPTURE_SCRIPT_FILE) }))
          .filter((r) => r.resources.length > 0);
        if (rest.length > 0) this.error(`unexpected web_accessible_resources: ${JSON.stringify(rest)}`);
        delete manifest.web_accessible_resources;
        asset.source = JSON.stringify(manifest, null, 2);
      },
    },
  };
}

/**
 * V8's explicit compile hint (Chrome 136+): a first-line `//# allFunctionsCalledOnLoad` makes V8 compile
 * every function of the script when it compiles the script, instead of pre-parsing each and compiling it
 * again at its first call. Nearly every function of the capture script runs on a page that is read (the
 * sampler at start, the clock and the wiring at the first input, the tick), and each lazy compile was paid
 * on the page's main thread inside a call. In one run (`npm run bench:content`, docs/privacy.md) our code
 * cost a page 0.98–1.05 ms with the hint, and 1.58–1.76 ms without it (an exact copy of the bundle, as a
 * control, 1.61–1.77 ms). Other engines read a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
export function compileHintForCaptureScript(): Plugin {
  return {
    name: 'compile-hint-for-capture-script',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const out = bundle[CAPTURE_SCRIPT_FILE];
        if (!out) this.error(`the capture content script ${CAPTURE_SCRIPT_FILE} is not in the bundle`);
        if (out.type === 'chunk') out.code = COMPILE_HINT + out.code;
        else out.source = COMPILE_HINT + String(out.source);
      },
    },
  };
}

/**
 * `vite build --mode bench --outDir dist-bench`: the same extension with a
 * worker entry that adds the prover bench hook (src/background/prover/bench-entry.ts),
 * for bench/extension-prove and tests/e2e/prover.spec.ts. Production builds never see it.
 */
const benchManifest: ManifestV3Export = async (env) => ({
  ...(typeof manifest === 'function' ? await manifest(env) : await manifest),
  background: { service_worker: 'src/background/prover/bench-entry.ts', type: 'module' },
});

/**
 * `vite build --mode firefox` (`npm run build:firefox`): the same sources for
 * Firefox into dist-firefox/, with Firefox's manifest (manifest.config.ts
 * firefoxManifest, whose background entry picks Firefox's adapters) and no
 * offscreen page. Everything else is shared.
 */
const firefox = (mode: string): boolean => mode === 'firefox' || mode === 'firefox-e2e';

/**
 * `vite build --mode firefox-e2e` (written to dist-firefox-e2e/ by the Firefox
 * suite, tests/e2e-firefox): the Firefox build plus one test-only hook
 * (src/background/firefox-e2e-entry.ts) that opens the options page at install,
 * because WebDriver BiDi refuses to navigate to moz-extension:// URLs and only
 * pages the extension opens itself can be driven. Production builds never see it.
 */
const outDirOf = (mode: string): string => (mode === 'firefox-e2e' ? 'dist-firefox-e2e' : firefox(mode) ? 'dist-firefox' : 'dist');
const manifestOf = (mode: string): ManifestV3Export =>
  mode === 'firefox-e2e' ? firefoxManifest('src/background/firefox-e2e-entry.ts') : firefox(mode) ? firefoxManifest() : mode === 'bench' ? benchManifest : manifest;

export default defineConfig(({ mode }) => ({
  plugins: [
    crx({ manifest: manifestOf(mode), browser: firefox(mode) ? 'firefox' : 'chrome' }),
    guardFfjavascriptWorkerUrl(),
    noWebAccessibleResources(),
    compileHintForCaptureScript(),
  ],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  // The prover Worker (Firefox) is an ES module that shares chunks with the rest.
  worker: { format: 'es' },
  build: {
    outDir: outDirOf(mode),
    emptyOutDir: true,
    // Firefox 128: the manifest's strict_min_version (manifest.config.ts).
    target: firefox(mode) ? 'firefox128' : 'chrome116',
    sourcemap: false,
    rollupOptions: {
      input: firefox(mode) ? {} : EXTRA_PAGES,
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
}));
