#!/usr/bin/env node
// `npm start`: install what is missing, then bring up the devnet, the demo pools,
// the extension build and Chromium or Firefox (scripts/lib/start-stack.ts) until Ctrl-C.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

try {
  console.log(`dependencies: ${ensureDeps(root)}`);
} catch (err) {
  console.error(`Could not install dependencies: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

// Only now is tsx installed: load the TypeScript half through it, in this process.
const { register } = await import('tsx/esm/api');
register();
const { ensureChromium } = await import('./lib/ensure-chromium.mjs');
const { ensureFirefox } = await import('./lib/ensure-firefox.mjs');
const { runStart } = await import('./lib/start-stack.ts');
try {
  await runStart(process.argv.slice(2), { findChromium: ensureChromium, findFirefox: ensureFirefox });
} catch (err) {
  console.error(`npm start: ${err instanceof Error ? err.message : err}`);
  process.exit(2);
}
