// Makes node_modules match package-lock.json without assuming a prior `npm install`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const STAMP = join('node_modules', '.surf-to-earn-install-stamp');

/** sha256 of package-lock.json (or package.json when there is no lock): what the installed tree must match. */
function manifestHash(root) {
  const lock = join(root, 'package-lock.json');
  const file = existsSync(lock) ? lock : join(root, 'package.json');
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function run(cmd, args, root) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
}

/**
 * Installs dependencies when node_modules is missing or stale (the lock file
 * changed since the stamp was written). Install scripts are off for every
 * package except those named in package.json "allowScripts" (anvil's binary,
 * esbuild's check), which are rebuilt with scripts on. Returns what it did.
 */
export function ensureDeps(root = process.cwd()) {
  const hash = manifestHash(root);
  const stampPath = join(root, STAMP);
  const fresh = existsSync(join(root, 'node_modules')) && existsSync(stampPath) && readFileSync(stampPath, 'utf8').trim() === hash;
  if (fresh) return 'up to date';
  const hasLock = existsSync(join(root, 'package-lock.json'));
  run('npm', [hasLock ? 'ci' : 'install', '--ignore-scripts', '--no-audit', '--no-fund'], root);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const allowed = Object.entries(pkg.allowScripts ?? {})
    .filter(([name, ok]) => ok === true && existsSync(join(root, 'node_modules', name, 'package.json')))
    .map(([name]) => name);
  if (allowed.length) run('npm', ['rebuild', '--ignore-scripts=false', ...allowed], root);
  writeFileSync(stampPath, `${hash}\n`);
  return `installed (${hasLock ? 'npm ci' : 'npm install'}; scripts allowed for ${allowed.join(', ') || 'none'})`;
}
