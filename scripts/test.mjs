#!/usr/bin/env node
// `npm test`: every check, in order, failing fast, with one summary line per step.
// Works on a fresh clone: installs dependencies, Debian Chromium and Debian Firefox ESR when missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { ensureDeps } from './lib/ensure-deps.mjs';
import { ensureFirefox } from './lib/ensure-firefox.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const env = { ...process.env };

/**
 * A step runs a function (returning a note) or a command; any throw or non-zero exit fails it.
 * `needs` maps committed files to the fix when one is missing: a missing file fails the step, never skips it.
 */
const steps = [
  { name: 'install', fn: () => ensureDeps(root) },
  { name: 'chromium', fn: () => (env.CHROMIUM_PATH = ensureChromium()) },
  { name: 'firefox', fn: () => (env.FIREFOX_PATH = ensureFirefox({ japanese: true })) },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  { name: 'build (Firefox)', cmd: ['npm', 'run', '--silent', 'build:firefox'] },
  { name: 'unit, circuit and contract tests', cmd: ['npx', 'vitest', 'run'] },
  {
    name: 'circuit freshness',
    cmd: ['node', 'scripts/build-circuits.mjs', '--check'],
    needs: { 'scripts/build-circuits.mjs': 'it is committed; restore it with `git restore scripts/build-circuits.mjs`' },
  },
  { name: 'end-to-end (Playwright)', cmd: ['npx', 'playwright', 'test'] },
  { name: 'end-to-end (Firefox)', cmd: ['npm', 'run', '--silent', 'test:e2e-firefox'] },
];

const results = [];
let failed = false;
for (const step of steps) {
  if (failed) {
    results.push({ name: step.name, status: 'skipped', note: 'an earlier step failed' });
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  let status = 'passed';
  let note = '';
  try {
    for (const [file, fix] of Object.entries(step.needs ?? {})) {
      if (!existsSync(file)) throw new Error(`${file} is missing: ${fix}`);
    }
    if (step.fn) note = String(step.fn() ?? '');
    else {
      const res = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env });
      if (res.status !== 0) throw new Error(`\`${step.cmd.join(' ')}\` exited with ${res.status ?? res.signal}`);
    }
  } catch (err) {
    status = 'failed';
    note = err instanceof Error ? err.message : String(err);
    failed = true;
  }
  results.push({ name: step.name, status, note, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
for (const r of results) {
  const time = r.seconds === undefined ? '' : ` (${r.seconds.toFixed(1)} s)`;
  console.log(`${r.status.toUpperCase().padEnd(7)} ${r.name}${time}${r.note ? ` — ${r.note}` : ''}`);
}
const count = (s) => results.filter((r) => r.status === s).length;
const skipped = count('skipped');
console.log(`${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
