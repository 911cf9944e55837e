/**
 * Proving benchmark for the epoch circuit (production batch by default).
 *
 *   npm run bench:prove                  N = 256, 3 runs each mode
 *   npm run bench:prove -- --batch 8 --runs 5
 *
 * Prints constraints per leaf (from public/zk/manifest.json), witness time, and
 * prove time single-threaded (what a MV3 service worker can do) and with
 * snarkjs's default worker threads (an offscreen document), each the median of
 * the runs after one warm-up; then the naive ratio footprints (domain-day
 * leaves) per second of proving. Targets: <= 400 constraints/leaf, 256 leaves
 * proven in <= 5 s in Node on the 2-core dev machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { calculateWitness, proveWitness, releaseProver, verify } from '../../src/zk/index.ts';
import { fullWeekWitness } from '../lib/full-week.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const batch = arg('batch', 256);
const runs = arg('runs', 3);

/** EpochProof(256) before the one ceremony for issues #9 and #10 (public/zk/manifest.json of 2026-12-01). */
const PREVIOUS_256 = 58_459;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'public/zk/manifest.json'), 'utf8'));
  const entry = manifest.circuits[`epoch-${batch}`];
  if (!entry) throw new Error(`no ceremony artifacts for epoch-${batch}: run npm run ceremony -- --batch ${batch}`);
  const wasm = readFileSync(path.join(ROOT, entry.files.wasm));
  const zkey = readFileSync(path.join(ROOT, entry.files.zkey));
  const vkey = JSON.parse(readFileSync(path.join(ROOT, entry.files.vkey), 'utf8'));

  const w = fullWeekWitness(batch);

  const witnessMs: number[] = [];
  let wtns = await calculateWitness(w.input, wasm); // warm-up
  for (let i = 0; i < runs; i++) {
    const [ms, out] = await time(() => calculateWitness(w.input, wasm));
    witnessMs.push(ms);
    wtns = out;
  }

  const proveMs: Record<'single' | 'multi', number[]> = { single: [], multi: [] };
  for (const mode of ['single', 'multi'] as const) {
    const opts = { singleThread: mode === 'single' };
    const warm = await proveWitness(wtns, zkey, opts);
    if (!(await verify(vkey, warm.publicSignals, warm.proof))) throw new Error('benchmark proof does not verify');
    for (let i = 0; i < runs; i++) proveMs[mode].push((await time(() => proveWitness(wtns, zkey, opts)))[0]);
  }
  await releaseProver();

  const wit = median(witnessMs);
  const single = median(proveMs.single);
  const multi = median(proveMs.multi);
  const rows: [string, string][] = [
    ['batch (leaves)', String(batch)],
    ['constraints', String(entry.constraints)],
    ...(batch === 256
      ? ([
          ['constraints before week binding + delivery outputs', `${PREVIOUS_256.toLocaleString('en-US')} (now ${(((entry.constraints - PREVIOUS_256) / PREVIOUS_256) * 100).toFixed(1)} % more; target ≤ 10 %)`],
          ['domain', `2^${Math.ceil(Math.log2(entry.constraints + entry.publicSignals.length + 1))} (target 2^16)`],
        ] as [string, string][])
      : []),
    ['constraints / leaf', (entry.constraints / batch).toFixed(1) + '  (target <= 400)'],
    ['cores', String(availableParallelism())],
    ['witness ms', wit.toFixed(0)],
    ['prove ms, single thread', single.toFixed(0)],
    [`prove ms, default (${availableParallelism()} threads)`, multi.toFixed(0) + (batch === 256 ? '  (target <= 5000)' : '')],
    ['witness + prove ms, default', (wit + multi).toFixed(0)],
    ['footprints / s, single (leaves / (witness + prove))', (batch / ((wit + single) / 1000)).toFixed(1)],
    ['footprints / s, default', (batch / ((wit + multi) / 1000)).toFixed(1)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`epoch-${batch} proving benchmark (median of ${runs} runs after a warm-up)`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
