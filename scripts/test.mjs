#!/usr/bin/env node
// `npm test`: every check, in order (independent ones at the same time), failing fast, with one summary line per step.
// Works on a fresh clone: installs dependencies, Debian Chromium and Debian Firefox ESR when missing.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
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
 * Steps of one `together` group run at the same time (their lines prefixed with the step's name): they
 * share no port, file or build output. On CI's 2 cores, fresh clone: typecheck, lint and circuit freshness
 * took 61–75 s together (92 s one after another before); the vitest and Firefox suites 377–378 s together
 * (385 + 159 s one after another before); the whole run 15.9–16.7 min (before: 22 min, 19.5 without two
 * retried specs). The Playwright suite runs alone: its earning spec and the Firefox suite both serve the
 * bundled devnet on its fixed port.
 */
const steps = [
  { name: 'install', fn: () => ensureDeps(root) },
  { name: 'chromium', fn: () => (env.CHROMIUM_PATH = ensureChromium()) },
  { name: 'firefox', fn: () => (env.FIREFOX_PATH = ensureFirefox({ japanese: true })) },
  { name: 'typecheck', together: 'checks', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', together: 'checks', cmd: ['npm', 'run', '--silent', 'lint'] },
  {
    name: 'circuit freshness',
    together: 'checks',
    cmd: ['node', 'scripts/build-circuits.mjs', '--check'],
    needs: { 'scripts/build-circuits.mjs': 'it is committed; restore it with `git restore scripts/build-circuits.mjs`' },
  },
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  { name: 'build (Firefox)', cmd: ['npm', 'run', '--silent', 'build:firefox'] },
  { name: 'unit, circuit and contract tests', together: 'suites', cmd: ['npx', 'vitest', 'run'] },
  { name: 'end-to-end (Firefox)', together: 'suites', cmd: ['npm', 'run', '--silent', 'test:e2e-firefox'] },
  { name: 'end-to-end (Playwright)', cmd: ['npx', 'playwright', 'test'] },
];

const messageOf = (err) => (err instanceof Error ? err.message : String(err));

function checkNeeds(step) {
  for (const [file, fix] of Object.entries(step.needs ?? {})) {
    if (!existsSync(file)) throw new Error(`${file} is missing: ${fix}`);
  }
}

/** Runs one step in this process's terminal; returns its result. */
function runStep(step) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  let status = 'passed';
  let note = '';
  try {
    checkNeeds(step);
    if (step.fn) note = String(step.fn() ?? '');
    else {
      const res = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env });
      if (res.status !== 0) throw new Error(`\`${step.cmd.join(' ')}\` exited with ${res.status ?? res.signal}`);
    }
  } catch (err) {
    status = 'failed';
    note = messageOf(err);
  }
  return { name: step.name, status, note, seconds: (Date.now() - started) / 1000 };
}

/** Runs a command step beside others: its output is passed on line by line, each prefixed with `[name]`. */
function runBeside(step) {
  const started = Date.now();
  const done = (status, note) => ({ name: step.name, status, note, seconds: (Date.now() - started) / 1000 });
  try {
    checkNeeds(step);
  } catch (err) {
    return Promise.resolve(done('failed', messageOf(err)));
  }
  return new Promise((resolve) => {
    const child = spawn(step.cmd[0], step.cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let rest = '';
      from.setEncoding('utf8');
      from.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) to.write(`[${step.name}] ${line}\n`);
      });
      from.on('end', () => rest && to.write(`[${step.name}] ${rest}\n`));
    }
    child.on('error', (err) => resolve(done('failed', err.message)));
    child.on('close', (code, signal) =>
      resolve(code === 0 ? done('passed', '') : done('failed', `\`${step.cmd.join(' ')}\` exited with ${code ?? signal}`)),
    );
  });
}

const results = [];
let failed = false;
for (let i = 0; i < steps.length; ) {
  // A step, or the run of consecutive steps that share its `together` group.
  const batch = [steps[i]];
  while (steps[i].together && steps[i + batch.length]?.together === steps[i].together) batch.push(steps[i + batch.length]);
  i += batch.length;
  if (failed) {
    for (const step of batch) results.push({ name: step.name, status: 'skipped', note: 'an earlier step failed' });
    continue;
  }
  let outcome;
  if (batch.length === 1) outcome = [runStep(batch[0])];
  else {
    console.log(`\n=== ${batch.map((s) => s.name).join(' | ')} (at the same time) ===`);
    outcome = await Promise.all(batch.map(runBeside));
  }
  results.push(...outcome);
  failed = outcome.some((r) => r.status === 'failed');
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
