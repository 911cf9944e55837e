#!/usr/bin/env node
/**
 * The Groth16 trusted-setup ceremony for one epoch-circuit batch.
 *
 *   node scripts/ceremony.mjs --batch 8                       phase 1 run locally at the smallest power that fits
 *   node scripts/ceremony.mjs --batch 256 --ptau FILE         phase 1 imported (a prepared phase-2 ptau)
 *   node scripts/ceremony.mjs --phase1 16                     phase 1 only, at 2^16, into circuits/build/phase1-16/
 *                                                             (circuit-independent: start it while the circuit is being written,
 *                                                             then pass its pot16_final.ptau with --ptau)
 *   options: --beacon HEX (32-byte beacon; default: fresh local randomness, recorded in the manifest)
 *
 * Phase 1 (local): powersoftau new bn128 P, two contributions with random
 * entropy, a beacon, prepare phase2. Phase 2: groth16 setup, two contributions
 * with random entropy, a beacon, then `zkey verify` against the r1cs and ptau
 * (the script fails if it does not pass). Outputs:
 *   public/zk/epoch-N.wasm, epoch-N.zkey, epoch-N.vkey.json  (shipped in the extension)
 *   contracts/generated/EpochVerifierN.sol                    (scripts/gen-verifier.mjs from the vkey)
 *   public/zk/manifest.json                                   (sha256 of r1cs/wasm/zkey/vkey/verifier,
 *                                                              constraints, batch, public signals, timings)
 * Intermediates (ptau, zkey_000x, logs) stay in circuits/build/ceremony-N/ (gitignored).
 * Entropy is generated here and never written anywhere: only the contribution hashes remain.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MANIFEST, ROOT, buildPaths, compileCircuit, sha256File } from './build-circuits.mjs';
import { PUBLIC_SIGNALS, renderVerifier } from './gen-verifier.mjs';

const SNARKJS = join(ROOT, 'node_modules/snarkjs/build/cli.cjs');

const USAGE = 'usage: ceremony.mjs --batch N [--ptau FILE] [--beacon HEX] | --phase1 P [--beacon HEX]';

function parseArgs(argv) {
  const get = (name) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const beacon = get('beacon') ?? randomBytes(32).toString('hex');
  if (!/^[0-9a-fA-F]{64}$/.test(beacon)) throw new Error('--beacon must be 32 bytes of hex');
  if (get('phase1') !== undefined) {
    const power = Number(get('phase1'));
    if (!Number.isInteger(power) || power < 8 || power > 20) throw new Error('--phase1 takes a power in [8, 20]');
    return { phase1: power, beacon };
  }
  const batch = Number(get('batch'));
  if (!Number.isInteger(batch) || batch < 8) throw new Error(USAGE);
  return { batch, ptau: get('ptau'), beacon };
}

/** Creates `dir` and its log file (first line `title`), and a runner that logs there. */
function startLog(dir, file, title) {
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, file);
  writeFileSync(logFile, `${title} started ${new Date().toISOString()}\n`);
  return createRunner(logFile);
}

function createRunner(logFile) {
  const timings = {};
  return {
    timings,
    logFile,
    /** Runs a snarkjs CLI command, logging its output; throws on failure. */
    snarkjs(step, args) {
      const t0 = Date.now();
      appendFileSync(logFile, `\n$ snarkjs ${args.join(' ').replace(/-e=\S+/g, '-e=<entropy>')}\n`);
      const res = spawnSync(process.execPath, ['--max-old-space-size=4096', SNARKJS, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      appendFileSync(logFile, res.stdout + res.stderr);
      if (res.status !== 0 || /\[ERROR\]|ZKey Not Ok|Invalid/.test(res.stdout + res.stderr)) {
        throw new Error(`snarkjs ${args[0]} ${args[1]} failed (see ${logFile})`);
      }
      timings[step] = (timings[step] ?? 0) + (Date.now() - t0) / 1000;
      console.log(`  ${step}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return res.stdout;
    },
  };
}

const entropy = () => `-e=${randomBytes(64).toString('hex')}`;

/** Smallest power of two domain that holds the constraints plus one row per public input. */
function powerFor(constraints, publicInputs) {
  let p = 8;
  while (2 ** p < constraints + publicInputs + 1) p++;
  return p;
}

function localPhase1(run, dir, power, beacon) {
  const f = (name) => join(dir, `pot${power}_${name}.ptau`);
  run.snarkjs('phase1', ['powersoftau', 'new', 'bn128', String(power), f('0000'), '-v']);
  run.snarkjs('phase1', ['powersoftau', 'contribute', f('0000'), f('0001'), '--name=first', entropy()]);
  run.snarkjs('phase1', ['powersoftau', 'contribute', f('0001'), f('0002'), '--name=second', entropy()]);
  run.snarkjs('phase1', ['powersoftau', 'beacon', f('0002'), f('beacon'), beacon, '10', '--name=beacon']);
  run.snarkjs('phase1', ['powersoftau', 'prepare', 'phase2', f('beacon'), f('final'), '-v']);
  return f('final');
}

/** `--phase1 P`: phase 1 alone; writes the prepared ptau and a record of how it was made next to it. */
function phase1Only(power, beacon) {
  const dir = join(ROOT, 'circuits/build', `phase1-${power}`);
  const run = startLog(dir, 'phase1.log', `phase 1 at 2^${power}`);
  const started = Date.now();
  const ptau = localPhase1(run, dir, power, beacon);
  const record = {
    source: 'local',
    power,
    contributions: 2,
    beacon,
    seconds: Math.round((Date.now() - started) / 1000),
    finishedAt: new Date().toISOString(),
  };
  writeFileSync(`${ptau}.json`, JSON.stringify(record, null, 2) + '\n');
  console.log(`phase 1 done in ${record.seconds} s: ${relative(ROOT, ptau)}`);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.phase1 !== undefined) return phase1Only(args.phase1, args.beacon);
  const { batch, ptau: importedPtau, beacon } = args;
  const dir = join(ROOT, 'circuits/build', `ceremony-${batch}`);
  const run = startLog(dir, 'ceremony.log', `ceremony epoch-${batch}`);
  const started = Date.now();

  console.log(`epoch-${batch}: compiling`);
  const out = compileCircuit(batch);
  const constraints = Number(/non-linear constraints: (\d+)/.exec(out)?.[1]);
  const paths = buildPaths(batch);
  const power = powerFor(constraints, PUBLIC_SIGNALS.length);
  console.log(`epoch-${batch}: ${constraints} constraints, needs 2^${power}`);

  let ptau = importedPtau;
  if (ptau) {
    if (!existsSync(ptau)) throw new Error(`ptau not found: ${ptau}`);
  } else {
    console.log(`phase 1 (local, 2^${power})`);
    ptau = localPhase1(run, dir, power, beacon);
  }

  console.log('phase 2');
  const z = (n) => join(dir, `epoch-${batch}_${n}.zkey`);
  run.snarkjs('setup', ['groth16', 'setup', paths.r1cs, ptau, z('0000')]);
  run.snarkjs('contribute', ['zkey', 'contribute', z('0000'), z('0001'), '--name=first', entropy()]);
  run.snarkjs('contribute', ['zkey', 'contribute', z('0001'), z('0002'), '--name=second', entropy()]);
  run.snarkjs('beacon', ['zkey', 'beacon', z('0002'), z('final'), beacon, '10', '--name=beacon']);
  const verifyOut = run.snarkjs('verify', ['zkey', 'verify', paths.r1cs, ptau, z('final')]);
  if (!/ZKey Ok!/.test(verifyOut)) throw new Error(`zkey verify did not pass (see ${run.logFile})`);

  const pub = join(ROOT, 'public/zk');
  const gen = join(ROOT, 'contracts/generated');
  mkdirSync(pub, { recursive: true });
  mkdirSync(gen, { recursive: true });
  const files = {
    wasm: join(pub, `epoch-${batch}.wasm`),
    zkey: join(pub, `epoch-${batch}.zkey`),
    vkey: join(pub, `epoch-${batch}.vkey.json`),
    verifier: join(gen, `EpochVerifier${batch}.sol`),
  };
  copyFileSync(paths.wasm, files.wasm);
  copyFileSync(z('final'), files.zkey);
  run.snarkjs('export', ['zkey', 'export', 'verificationkey', files.zkey, files.vkey]);
  // Our own generator (precomputed-base entry point), from the vkey just exported.
  writeFileSync(files.verifier, renderVerifier(JSON.parse(readFileSync(files.vkey, 'utf8')), batch));

  const manifest = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : {};
  manifest.generatedBy = 'scripts/ceremony.mjs — do not edit';
  manifest.circuits = manifest.circuits ?? {};
  manifest.circuits[`epoch-${batch}`] = {
    template: `EpochProof(${batch})`,
    batchSize: batch,
    constraints,
    constraintsPerLeaf: Math.round((constraints / batch) * 10) / 10,
    publicSignals: PUBLIC_SIGNALS,
    verifierContract: `EpochVerifier${batch}`,
    files: {
      wasm: `public/zk/epoch-${batch}.wasm`,
      zkey: `public/zk/epoch-${batch}.zkey`,
      vkey: `public/zk/epoch-${batch}.vkey.json`,
      verifier: `contracts/generated/EpochVerifier${batch}.sol`,
    },
    sha256: {
      r1cs: sha256File(paths.r1cs),
      wasm: sha256File(files.wasm),
      zkey: sha256File(files.zkey),
      vkey: sha256File(files.vkey),
      verifier: sha256File(files.verifier),
    },
    ceremony: {
      phase1: importedPtau
        ? {
            // A ptau made by `--phase1` carries its own record (local, contributions, beacon).
            ...(existsSync(`${importedPtau}.json`) ? JSON.parse(readFileSync(`${importedPtau}.json`, 'utf8')) : { source: 'imported' }),
            file: relative(ROOT, resolve(importedPtau)),
            power: powerOfPtau(importedPtau),
            ptauSha256: sha256File(importedPtau),
          }
        : { source: 'local', power, contributions: 2, beacon: true },
      phase2: { contributions: 2, beacon },
      zkeyVerified: true,
      secondsPerStep: Object.fromEntries(Object.entries(run.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])),
      totalSeconds: Math.round((Date.now() - started) / 1000),
      finishedAt: new Date().toISOString(),
    },
  };
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`epoch-${batch}: done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote ${Object.values(files).join(', ')}`);
}

function powerOfPtau(path) {
  return Number(/pot(\d+)/.exec(path)?.[1]) || undefined;
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
