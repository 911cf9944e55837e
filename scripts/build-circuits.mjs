#!/usr/bin/env node
/**
 * Compiles the epoch circuits with circom2 --O2 into circuits/build/epoch-N/.
 *
 *   node scripts/build-circuits.mjs            compile every batch (8, 256)
 *   node scripts/build-circuits.mjs --batch 8  compile one batch
 *   node scripts/build-circuits.mjs --check    also fail if the generated constants are stale or an
 *                                              r1cs no longer matches public/zk/manifest.json (CI: the
 *                                              ceremony is never rerun, so the committed zkey must
 *                                              still belong to the circuit in the repo)
 *
 * circom2 runs in a WASI sandbox that sees only the working directory and its
 * parents, so it runs from the repo root with `-l node_modules` for circomlib.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BATCHES = [8, 256];
export const MANIFEST = join(ROOT, 'public/zk/manifest.json');

/** Paths of a batch's compiled outputs. */
export function buildPaths(batch) {
  const dir = join(ROOT, 'circuits/build', `epoch-${batch}`);
  return {
    dir,
    source: join(ROOT, 'circuits/main', `epoch-${batch}.circom`),
    r1cs: join(dir, `epoch-${batch}.r1cs`),
    sym: join(dir, `epoch-${batch}.sym`),
    wasm: join(dir, `epoch-${batch}_js`, `epoch-${batch}.wasm`),
  };
}

export function sha256File(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Compiles one batch; throws with circom's output if compilation fails. Returns circom's stdout. */
export function compileCircuit(batch) {
  const p = buildPaths(batch);
  mkdirSync(p.dir, { recursive: true });
  const args = [
    join(ROOT, 'node_modules/circom2/cli.js'),
    `circuits/main/epoch-${batch}.circom`,
    '--r1cs', '--wasm', '--sym', '--O2',
    '-l', 'node_modules',
    '-o', `circuits/build/epoch-${batch}`,
  ];
  const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) {
    throw new Error(`circom2 failed for epoch-${batch}:\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}

function checkConstants() {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-circuit-constants.ts', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`generated constants are stale:\n${res.stderr}`);
}

function checkAgainstManifest(batch) {
  const ceremony = `\`npm run ceremony -- --batch ${batch}${batch > 8 ? ' --ptau FILE' : ''}\``;
  if (!existsSync(MANIFEST)) throw new Error(`public/zk/manifest.json is missing: restore it or rerun ${ceremony}`);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const entry = manifest.circuits?.[`epoch-${batch}`];
  if (!entry) throw new Error(`manifest has no entry for epoch-${batch}: run ${ceremony}`);
  const actual = sha256File(buildPaths(batch).r1cs);
  if (actual !== entry.sha256.r1cs) {
    throw new Error(
      `epoch-${batch}.r1cs changed (sha256 ${actual}, manifest ${entry.sha256.r1cs}): ` +
        `the committed zkey and verifier no longer match the circuit; rerun ${ceremony}`,
    );
  }
}

function main() {
  const argv = process.argv.slice(2);
  const check = argv.includes('--check');
  const i = argv.indexOf('--batch');
  const batches = i >= 0 ? [Number(argv[i + 1])] : BATCHES;
  if (check) checkConstants();
  for (const batch of batches) {
    const t0 = Date.now();
    const out = compileCircuit(batch);
    const constraints = /non-linear constraints: (\d+)/.exec(out)?.[1];
    console.log(`epoch-${batch}: ${constraints} constraints, compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (check) {
      checkAgainstManifest(batch);
      console.log(`epoch-${batch}: r1cs matches the manifest`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
