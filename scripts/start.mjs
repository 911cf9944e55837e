#!/usr/bin/env node
// `npm start`: install what is missing, build the extension, say how to load it.
import { spawnSync } from 'node:child_process';
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
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see the output above.');
  process.exit(build.status ?? 1);
}
console.log(`
Built the extension into ${join(root, 'dist')}

Load it in Chrome or Chromium:
  1. open chrome://extensions
  2. switch on "Developer mode" (top right)
  3. click "Load unpacked" and choose the dist/ folder above
  4. pin "Surf to Earn" from the puzzle-piece menu; browse, then open its popup

After a rebuild, press the reload arrow on the extension's card.`);
