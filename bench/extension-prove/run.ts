/**
 * In-extension proving benchmark: the production batch (256) for one realistic
 * full-week input (as bench/prove), proven by
 *   - Node, snarkjs default (worker threads) and single-threaded;
 *   - the extension's offscreen document (worker threads) and its service
 *     worker (single-threaded), through the bench build's test-only hook.
 *
 *   npm run bench:extension-prove               N = 256, BENCH_RUNS=3
 *   BENCH_RUNS=5 npm run bench:extension-prove -- --batch 8 --no-build
 *
 *   - the extension's default, 'auto' (src/background/prover/path-choice.ts),
 *     which proves on the path measured fastest here.
 *
 * Each mode gets one warm-up (cold: artifacts into memory, threads started,
 * the offscreen page created; its proof verified in Node), then the runs go
 * round-robin over the modes so background load hits them alike. Times are
 * witness + prove from the circuit input with the artifacts in memory (the
 * extension's include messaging), medians in ms. Per mode it prints the
 * stages the time rests on, cold and warm: artifact load, thread start
 * (overlapped with load + witness in the extension), witness, prove, and the
 * rest (page creation, messaging, validation), next to Node's measured in the
 * same run. Target: the extension's default path within 1.5x of Node's default.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { calculateWitness, proveWitness, releaseProver, startProverThreads, verify, type Groth16Proof } from '../../src/zk/index.ts';
import { buildBenchExtension, BENCH_DIST, ROOT } from './bench-build.ts';
import { launchExtension, type ExtensionPath } from './extension-driver.ts';
import { fullWeekWitness } from '../lib/full-week.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const batch = Number(arg('batch') ?? 256);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_RATIO = 1.5;
/** The path createProver takes by default: 'auto' (path-choice.ts); see docs/earning.md "Prove and mint". */
const EXTENSION_DEFAULT: Mode = 'extension, default (auto)';

/** One proof's wall time and the stages it rests on, ms (`otherMs`: page creation, messaging, validation). */
interface Sample {
  totalMs: number;
  loadMs: number;
  threadsMs: number | undefined;
  witnessMs: number;
  proveMs: number;
  otherMs: number;
  path?: string;
}
type Proved = Sample & { proof: Groth16Proof; publicSignals: bigint[] };
type Mode = 'node, default' | 'node, single thread' | 'extension, offscreen document' | 'extension, worker single thread' | 'extension, default (auto)';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!(runs >= 1)) throw new Error('BENCH_RUNS must be >= 1');
  if (!process.argv.includes('--no-build')) buildBenchExtension();
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'public/zk/manifest.json'), 'utf8'));
  const entry = manifest.circuits[`epoch-${batch}`];
  if (!entry) throw new Error(`no ceremony artifacts for epoch-${batch}`);
  const tl = performance.now();
  const wasm = readFileSync(path.join(ROOT, entry.files.wasm));
  const zkey = readFileSync(path.join(ROOT, entry.files.zkey));
  const nodeLoadMs = performance.now() - tl;
  const vkey = JSON.parse(readFileSync(path.join(ROOT, entry.files.vkey), 'utf8'));
  const { input } = fullWeekWitness(batch);
  const ext = await launchExtension(BENCH_DIST);

  let nodeThreadsStarted = false;
  const nodeRun = (singleThread: boolean) => async (): Promise<Proved> => {
    let threadsMs: number | undefined;
    if (!singleThread) {
      // Node's thread start, timed once on its own (ffjavascript keeps the threads; later proofs reuse them).
      const ts = performance.now();
      await startProverThreads();
      threadsMs = nodeThreadsStarted ? 0 : performance.now() - ts;
      nodeThreadsStarted = true;
    }
    const t0 = performance.now();
    const wtns = await calculateWitness(input, wasm);
    const t1 = performance.now();
    const out = await proveWitness(wtns, zkey, { singleThread });
    const t2 = performance.now();
    return { totalMs: t2 - t0, loadMs: 0, threadsMs, witnessMs: t1 - t0, proveMs: t2 - t1, otherMs: 0, ...out };
  };
  const extRun = (p: ExtensionPath) => async (): Promise<Proved> => {
    const r = await ext.prove(input, batch, p);
    if (p !== 'auto' && r.path !== p) throw new Error(`asked for ${p}, proved in ${r.path}`);
    const { loadMs, witnessMs, proveMs, threadsMs } = r.timings;
    return {
      totalMs: r.ms,
      loadMs,
      threadsMs,
      witnessMs,
      proveMs,
      otherMs: r.ms - loadMs - witnessMs - proveMs,
      path: r.path,
      proof: r.proof as Groth16Proof,
      publicSignals: r.publicSignals.map(BigInt),
    };
  };
  const modes: [Mode, () => Promise<Proved>][] = [
    ['node, default', nodeRun(false)],
    ['node, single thread', nodeRun(true)],
    ['extension, offscreen document', extRun('offscreen')],
    ['extension, worker single thread', extRun('worker')],
    [EXTENSION_DEFAULT, extRun('auto')],
  ];

  const samples = new Map<Mode, Sample[]>(modes.map(([m]) => [m, []]));
  const cold = new Map<Mode, Sample>();
  const load0 = loadavg()[0];
  try {
    for (const [mode, run] of modes) {
      const warm = await run();
      if (!(await verify(vkey, warm.publicSignals, warm.proof))) throw new Error(`${mode}: the proof does not verify`);
      cold.set(mode, warm);
    }
    for (let i = 0; i < runs; i++) {
      for (const [mode, run] of modes) {
        const s = await run();
        samples.get(mode)!.push(s);
        process.stderr.write(`  run ${i + 1}/${runs} ${mode}: ${s.totalMs.toFixed(0)} ms${s.path && mode === EXTENSION_DEFAULT ? ` (${s.path})` : ''}\n`);
      }
    }
  } finally {
    await ext.close();
    await releaseProver();
  }

  const base = median(samples.get('node, default')!.map((s) => s.totalMs));
  const f = (n: number | undefined): string => (n === undefined ? '-' : n.toFixed(0));
  const table = (header: string[], rows: string[][]): void => {
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const line = (r: string[]): string => '  ' + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
    console.log(line(header));
    for (const r of rows) console.log(line(r));
  };
  console.log(
    `epoch-${batch} in-extension proving benchmark: median of ${runs} runs after a warm-up, ` +
      `${availableParallelism()} cores, load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  );
  table(
    ['mode', 'witness+prove ms', 'prove ms', 'vs node default', 'best ms'],
    modes.map(([mode]) => {
      const s = samples.get(mode)!;
      const total = median(s.map((x) => x.totalMs));
      const label = mode === EXTENSION_DEFAULT ? `${mode} → ${[...new Set(s.map((x) => x.path))].join('/')}` : mode;
      return [label, f(total), f(median(s.map((x) => x.proveMs))), (total / base).toFixed(2) + 'x', f(Math.min(...s.map((x) => x.totalMs)))];
    }),
  );
  console.log('\n  stages, ms (cold = the warm-up: page created, artifacts loaded, threads started; warm = medians of the runs;');
  console.log('  threads = thread start-up, overlapped with load + witness in the extension; other = page creation, messaging, checks):');
  table(
    ['mode', 'cold total', 'load', 'threads', 'witness', 'prove', 'other', 'warm total', 'witness', 'prove', 'other'],
    modes.map(([mode]) => {
      const c = cold.get(mode)!;
      const s = samples.get(mode)!;
      const m = (k: 'totalMs' | 'witnessMs' | 'proveMs' | 'otherMs') => f(median(s.map((x) => x[k])));
      const load = mode.startsWith('node') ? nodeLoadMs : c.loadMs;
      return [mode, f(c.totalMs), f(load), f(c.threadsMs), f(c.witnessMs), f(c.proveMs), f(c.otherMs), m('totalMs'), m('witnessMs'), m('proveMs'), m('otherMs')];
    }),
  );
  console.log('  (node: load is reading the files once, outside the timed proofs)');
  const ratio = median(samples.get(EXTENSION_DEFAULT)!.map((s) => s.totalMs)) / base;
  const best = Math.min(
    ...(['extension, offscreen document', 'extension, worker single thread'] as const).map(
      (m) => median(samples.get(m)!.map((s) => s.totalMs)) / base,
    ),
  );
  console.log(
    `  target: extension default (${EXTENSION_DEFAULT}) within ${TARGET_RATIO}x of node default: ` +
      `${ratio.toFixed(2)}x, ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (best extension path ${best.toFixed(2)}x)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
