import { existsSync } from 'node:fs';
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.config.ts';

/**
 * One build for every extension context. crxjs turns the manifest's entries
 * (worker, content script, popup, options) into bundles; pages the manifest
 * does not name (the offscreen prover page, later) go in rollupOptions.input.
 * JSX is compiled by Vite's built-in Oxc transform for preact: no React plugin.
 */
/** Extra pages by name → html entry; only those that exist are built, so the build never waits on a missing page. */
const EXTRA_PAGES: Record<string, string> = {
  offscreen: 'src/offscreen/index.html',
};
const extraInputs = Object.fromEntries(Object.entries(EXTRA_PAGES).filter(([, path]) => existsSync(path)));

export default defineConfig({
  plugins: [crx({ manifest })],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    rollupOptions: {
      input: extraInputs,
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
