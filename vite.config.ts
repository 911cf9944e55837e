import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.config.ts';

/**
 * One build for every extension context. crxjs turns the manifest's entries
 * (worker, content script, popup, options) into bundles; pages the manifest
 * does not name (the offscreen prover page) go in rollupOptions.input.
 * JSX is compiled by Vite's built-in Oxc transform for preact: no React plugin.
 */
/** Pages the manifest does not name, by name → html entry. A missing one fails the build. */
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
 * `vite build --mode bench --outDir dist-bench`: the same extension with a
 * worker entry that adds the prover bench hook (src/background/prover/bench-entry.ts),
 * for bench/extension-prove and tests/e2e/prover.spec.ts. Production builds never see it.
 */
const benchManifest: ManifestV3Export = async (env) => ({
  ...(typeof manifest === 'function' ? await manifest(env) : await manifest),
  background: { service_worker: 'src/background/prover/bench-entry.ts', type: 'module' },
});

export default defineConfig(({ mode }) => ({
  plugins: [crx({ manifest: mode === 'bench' ? benchManifest : manifest }), guardFfjavascriptWorkerUrl()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    rollupOptions: {
      input: EXTRA_PAGES,
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
}));
