// One linter. Besides the usual rules it keeps the context boundaries, in
// zones like Dark Reader's: libraries (vault, keyring, chain, zk, scoring,
// shared) never import an extension context (background, offscreen, popup,
// options, ui, content); content scripts never import background, vault or UI
// code; UI never imports the background; domain code (scoring, zk, shared)
// never touches the browser APIs. Extension code reaches the browser through
// src/platform/browser.ts (webextension-polyfill), never `chrome.*`, except in
// the per-browser adapters listed in BROWSER_ADAPTERS.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

/** The extension contexts: each runs in its own JS realm and wires libraries together. */
const CONTEXTS = ['background', 'offscreen', 'popup', 'options', 'ui', 'content'];
/** Import patterns for a context folder itself (its index) and anything inside it. */
const contextImports = (names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);
/**
 * The only files that may use the `chrome` global: Chrome-only APIs (offscreen,
 * runtime.getContexts) and the content script's polyfill-free runtime.
 */
const BROWSER_ADAPTERS = ['src/offscreen/main.ts', 'src/background/prover/chrome-deps.ts', 'src/content/runtime.ts'];
const CHROME_GLOBAL = { name: 'chrome', message: 'Use `browser` from src/platform/browser.ts; Chrome-only APIs belong in an adapter (docs/contributing.md).' };
const LIBRARY_RULE = 'Libraries never import an extension context: move the shared type or helper down into the library.';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-*/**',
      'public/zk/**',
      'circuits/build/**',
      '.cache/**',
      'src/chain/generated/**',
      'contracts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never build DOM from strings.' },
        { property: 'outerHTML', message: 'Never build DOM from strings.' },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: BROWSER_ADAPTERS,
    rules: { 'no-restricted-globals': ['error', CHROME_GLOBAL] },
  },
  {
    files: ['src/content/**'],
    rules: {
      ...restrict(
        ['**/background/**', '**/vault/**', '**/popup/**', '**/options/**', '**/ui/**', '**/zk/**', '**/chain/**', 'dexie', 'snarkjs', 'viem', 'preact', 'preact/**'],
        'Content scripts run in pages a hostile site controls: they may import only src/content and src/shared.',
      ),
      // The content bundle stays tiny: schemas (zod) are the worker's job; types may still be imported.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'webextension-polyfill', '**/platform/**', '**/shared/messages', '**/shared/footprint', '**/shared/settings'],
              allowTypeImports: true,
              message: 'Content imports only types from schema modules (keeps zod out of the content bundle).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    rules: restrict(['**/background/**', '**/vault/**', 'dexie'], 'UI talks to the service worker by messages only.'),
  },
  {
    // Library zone. A later block that sets no-restricted-imports for the same
    // files replaces these options, so it must repeat contextImports(CONTEXTS).
    files: ['src/vault/**', 'src/keyring/**', 'src/chain/**'],
    rules: restrict(contextImports(CONTEXTS), LIBRARY_RULE),
  },
  {
    files: ['src/scoring/**', 'src/zk/**', 'src/shared/**'],
    rules: {
      ...restrict(['webextension-polyfill', '**/platform/**', ...contextImports(CONTEXTS)], `${LIBRARY_RULE} Domain code runs in Node too.`),
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Domain code runs in Node too.' }],
    },
  },
);
