/**
 * `npm run bench:pools`: the Earn tab's pools view with many spam pools
 * (issue #10 §3). Starts anvil, deploys (deployAll, AcceptAllVerifier: tokens
 * are minted without real proofs), creates POOLS pools and mints TOKENS data
 * tokens for one holder (frozen rows in its vault, a few stakes), then times
 * `readPoolViews` (src/background/earn/pools-view.ts, the worker's code path,
 * batched reads) against the old one-call-at-a-time view (bench/pools/baseline-view.ts)
 * in the same run, alternating, each with a fresh viem client that counts its
 * HTTP requests and JSON-RPC calls. Both must return the same views.
 * Target: ≤ 1 s for 200 pools × 10 tokens.
 */
import { isDeepStrictEqual } from 'node:util';
import { readPoolViews } from '../../src/background/earn/pools-view';
import type { PoolView } from '../../src/shared/earning-messages';
import { readPoolViewsOneByOne } from './baseline-view.ts';
import { seedPools, type Seeded } from './seed.ts';

const POOLS = Number(process.env.BENCH_POOLS ?? 200);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 1_000;

type Variant = 'batched' | 'baseline';
interface Sample { ms: number; http: number; rpc: number; methods: Record<string, number>; views: PoolView[] }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function measure(seeded: Seeded, variant: Variant): Promise<Sample> {
  const { chain, count } = seeded.chain();
  const read = variant === 'batched' ? readPoolViews : readPoolViewsOneByOne;
  const t0 = performance.now();
  const views = await read(seeded.world.ctx, chain);
  const ms = performance.now() - t0;
  return { ms, ...(await count()), views };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const seeded = await seedPools({ pools: POOLS, tokens: TOKENS, stakes: 3 });
  try {
    console.log(`pools view bench: ${POOLS} pools × ${TOKENS} tokens of one holder, 3 stakes; devnet ${seeded.devnet.anvil.rpcUrl}, ` +
      `verifier ${seeded.verifier} (tokens minted and staked with a dummy proof; real proofs are not what this measures); ` +
      `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const samples: Record<Variant, Sample[]> = { batched: [], baseline: [] };
    await measure(seeded, 'batched'); // warm-up (JIT, anvil caches)
    for (let i = 0; i < RUNS; i++) for (const v of ['batched', 'baseline'] as const) samples[v].push(await measure(seeded, v));

    const same = samples.batched.every((s) => isDeepStrictEqual(s.views, samples.baseline[0].views));
    const views = samples.batched[0].views;
    const staked = views.filter((v) => v.stakes.length > 0).length;
    const eligible = views.filter((v) => v.eligible.ok).length;
    console.log(`views: ${views.length} pools, ${eligible} eligible, ${staked} with a stake; batched == baseline: ${same ? 'yes' : 'NO'}\n`);
    console.log(`path                         median ms   best ms   HTTP requests   JSON-RPC calls (by method)`);
    for (const v of ['batched', 'baseline'] as const) {
      const s = samples[v];
      const methods = Object.entries(s[0].methods).map(([m, n]) => `${m} ${n}`).join(', ');
      const label = v === 'batched' ? 'batched (worker, multicall)' : 'baseline (one call at a time)';
      console.log(`${label.padEnd(28)} ${median(s.map((x) => x.ms)).toFixed(0).padStart(9)} ${Math.min(...s.map((x) => x.ms)).toFixed(0).padStart(9)} ` +
        `${String(s[0].http).padStart(15)}   ${s[0].rpc} (${methods})`);
    }
    const batched = median(samples.batched.map((x) => x.ms));
    const baseline = median(samples.baseline.map((x) => x.ms));
    console.log(`\nspeed-up ${(baseline / batched).toFixed(1)}×; target ≤ ${TARGET_MS} ms for the batched view: ${batched <= TARGET_MS ? 'met' : 'MISSED'} ` +
      `(medians of ${RUNS} runs each, alternating, after one warm-up)`);
    if (!same) process.exitCode = 1;
  } finally {
    await seeded.devnet.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
