/**
 * Heavy-week benchmark: `npm run bench:heavy-week`.
 *
 * A week of 1,000 domain-days (150 on its busiest day) is committed, proven in
 * batches of 256 (chained by the circuit's day accumulator), minted and staked on
 * a fresh anvil devnet with the production verifier (EpochVerifier256). Prints the
 * proofs made, total proving time, the gas of mint and stake, and the minted and
 * staked points next to src/scoring's points for the same rows; exits non-zero if
 * they differ or a proof fails.
 *
 * Baseline, measured in the same run the same way: the common week, 256
 * domain-days in one proof. Both are timed as a job runs them: artifacts loaded
 * once per job (read + parsed by snarkjs), then per batch the witness and the
 * Groth16 proof with snarkjs's default threads. Target: total proving time of the
 * heavy week ≤ 4 × the common week's proof.
 *
 *   npm run bench:heavy-week                   1,000 domain-days, busiest day 150
 *   npm run bench:heavy-week -- --rows 600     another size (busiest day scaled)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { readContract } from 'viem/actions';
import type { Address } from 'viem';
import { startDevnet } from '../../scripts/devnet.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { createPool } from '../../src/chain/create-pool.ts';
import { readCurrentEpoch } from '../../src/chain/read-current-epoch.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { dataSBTAbi } from '../../src/chain/generated/index.ts';
import { categoryMask, CATEGORY_KEYS } from '../../src/shared/categories.ts';
import { scoreDomainDays } from '../../src/scoring/score.ts';
import {
  buildWitnessInput,
  calculateWitness,
  computeScope,
  MINT_POOL_ID,
  proveWitness,
  releaseProver,
  startProverThreads,
  toSolidityBatch,
  verify,
  type DomainDayRow,
  type EpochWitness,
  type VerificationKey,
} from '../../src/zk/index.ts';
import type { BatchProofArgs } from '../../src/chain/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BATCH = 256;
const TARGET_RATIO = 4;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000);
const BUSIEST = Math.round((ROWS * 150) / 1_000);
const SECRETS = { nullifierSecret: 0x5eedn, vaultSalt: 0x5a17n } as const;

/** `count` domain-days of `epoch`: `busiest` on its first day, the rest spread over the other six; varied measures and categories. */
function weekRows(epoch: bigint, count: number, busiest: number): DomainDayRow[] {
  const first = Number(epoch) * 7;
  const rows: DomainDayRow[] = [];
  for (let i = 0; i < count; i++) {
    const day = i < busiest ? first : first + 1 + ((i - busiest) % 6);
    rows.push({
      domain: `site${i}.example`,
      day,
      category: i % 19,
      activeSeconds: 5 + ((i * 397) % 4_000),
      visits: 1 + (i % 9),
      interactions: (i * 13) % 180,
    });
  }
  return rows;
}

interface ProvenWeek {
  batches: BatchProofArgs[];
  nullifier: bigint;
  points: bigint;
  /** Wall time of the whole job's proving: artifact load + every batch's witness and proof. */
  totalMs: number;
  loadMs: number;
  perBatchMs: number[];
}

/** Proves a week as the extension's job does: load the artifacts once, then witness + proof per batch, in order. */
async function proveWeek(w: EpochWitness, vkey: VerificationKey): Promise<ProvenWeek> {
  const t0 = performance.now();
  const wasm = readFileSync(path.join(ROOT, `public/zk/epoch-${BATCH}.wasm`));
  const zkey = readFileSync(path.join(ROOT, `public/zk/epoch-${BATCH}.zkey`));
  const loadMs = performance.now() - t0;
  const perBatchMs: number[] = [];
  const batches: BatchProofArgs[] = [];
  for (const b of w.batches) {
    const tb = performance.now();
    const wtns = await calculateWitness(b.input, wasm);
    const { proof, publicSignals } = await proveWitness(wtns, zkey);
    perBatchMs.push(performance.now() - tb);
    if (publicSignals.some((s, i) => s !== b.publicSignals[i])) throw new Error(`batch ${b.index}: public signals differ from the TS witness`);
    if (!(await verify(vkey, publicSignals, proof))) throw new Error(`batch ${b.index}: the proof does not verify`);
    batches.push(toSolidityBatch(b, proof));
  }
  return { batches, nullifier: w.nullifier, points: w.points, totalMs: performance.now() - t0, loadMs, perBatchMs };
}

const fmt = (n: number | bigint) => (typeof n === 'bigint' ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 0 }));

async function main(): Promise<void> {
  const vkey = JSON.parse(readFileSync(path.join(ROOT, `public/zk/epoch-${BATCH}.vkey.json`), 'utf8')) as VerificationKey;
  const devnet = await startDevnet({ verifier: 'EpochVerifier256', accounts: 3 });
  let failed = false;
  try {
    const { dataSbt, poolFactory, testToken } = devnet.deployment.contracts;
    const sbt = dataSbt as Address;
    const epoch = (await readCurrentEpoch(devnet.test, { sbt })) - 1n;
    const chainId = devnet.anvil.chainId;
    const all = categoryMask(CATEGORY_KEYS);
    const witnessFor = (rows: DomainDayRow[], holder: Address, target: Address, poolId: bigint, mask: bigint) =>
      buildWitnessInput(rows, {
        epoch: Number(epoch), categoryMask: mask, minPoints: 0n, secrets: SECRETS, batchSize: BATCH,
        scope: computeScope({ chainId, verifyingContract: target, poolId, epoch, holder }),
      });

    // Warm-up (JIT, thread start-up), then the common week's one proof: the baseline of this run.
    await startProverThreads();
    const common = weekRows(epoch, BATCH, 40);
    const holder2 = devnet.signers[2].account.address;
    await proveWeek(witnessFor(common, holder2, sbt, MINT_POOL_ID, all), vkey);
    const baseline = await proveWeek(witnessFor(common, holder2, sbt, MINT_POOL_ID, all), vkey);

    // The heavy week: commit, prove, mint.
    const rows = weekRows(epoch, ROWS, BUSIEST);
    const holder = devnet.signers[1].account.address;
    const tc = performance.now();
    const mintWitness = witnessFor(rows, holder, sbt, MINT_POOL_ID, all);
    const commitMs = performance.now() - tc;
    const minted = await proveWeek(mintWitness, vkey);
    const mintTx = await mintSbt(devnet.signers[1], { sbt, epoch, nullifier: minted.nullifier, batches: minted.batches });
    const [, , , chainPoints] = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [mintTx.tokenId] });

    // Stake into a crypto + finance pool: the same batches' roots, the pool's mask.
    const mask = categoryMask(['crypto', 'finance']);
    const now = (await devnet.test.getBlock()).timestamp;
    const { pool, poolId } = await createPool(devnet.signers[0], {
      factory: poolFactory as Address, rewardToken: testToken as Address, budget: 10n ** 21n,
      start: now + 2n, end: now + 7n * 86_400n, categoryMask: mask, minPoints: 1n, metadataURI: '',
    });
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });
    const staked = await proveWeek(witnessFor(rows, holder, pool, poolId, mask), vkey);
    const stakeTx = await stakeIntoPool(devnet.signers[1], { pool, tokenId: mintTx.tokenId, nullifier: staked.nullifier, batches: staked.batches });
    const stake = await readStake(devnet.test, { pool, tokenId: mintTx.tokenId });

    const formulaAll = BigInt(scoreDomainDays(rows));
    const formulaPool = BigInt(scoreDomainDays(rows, mask));
    const ratio = minted.totalMs / baseline.totalMs;
    const lines: [string, string][] = [
      ['cores', String(availableParallelism())],
      ['week', `${ROWS} domain-days, ${BUSIEST} on the busiest day`],
      ['proofs made (mint + stake)', `${minted.batches.length} + ${staked.batches.length} (batches of ${BATCH})`],
      ['commitment (leaves, roots, witnesses) ms', fmt(commitMs)],
      ['common week (256, 1 proof) proving ms', `${fmt(baseline.totalMs)}  (load ${fmt(baseline.loadMs)}, proof ${fmt(baseline.perBatchMs[0])})  ← baseline`],
      ['heavy week mint proving ms', `${fmt(minted.totalMs)}  (load ${fmt(minted.loadMs)}, per proof ${minted.perBatchMs.map(fmt).join(' / ')})`],
      ['heavy / common', `${ratio.toFixed(2)}×  (target ≤ ${TARGET_RATIO}×)${ratio <= TARGET_RATIO ? '' : '  MISSED'}`],
      ['heavy week stake proving ms', fmt(staked.totalMs)],
      ['gas: mint', `${fmt(mintTx.gasUsed)}  (${minted.batches.length} proofs)`],
      ['gas: stake', `${fmt(stakeTx.gasUsed)}  (${staked.batches.length} proofs)`],
      ['points minted on chain / src/scoring', `${chainPoints} / ${formulaAll}${chainPoints === formulaAll ? '  equal' : '  DIFFERENT'}`],
      ['weight staked on chain / src/scoring (crypto + finance)', `${stake.weight} / ${formulaPool}${stake.weight === formulaPool ? '  equal' : '  DIFFERENT'}`],
    ];
    const width = Math.max(...lines.map(([k]) => k.length));
    console.log(`heavy-week benchmark (EpochVerifier256 on anvil, snarkjs default threads)`);
    for (const [k, v] of lines) console.log(`  ${k.padEnd(width)}  ${v}`);
    if (chainPoints !== formulaAll || stake.weight !== formulaPool) {
      console.error('the points proven on chain differ from src/scoring');
      failed = true;
    }
  } finally {
    await devnet.stop();
    await releaseProver();
  }
  if (failed) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
