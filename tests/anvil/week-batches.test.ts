/**
 * A heavy week on chain (issue #10 §1), with real proofs of the test circuit
 * (N = 8): 20 domain-days are 3 chained batches. The SBT mints them in one call
 * and stores the week root over the batch roots; a pool stakes the same
 * batches. Reordered, repeated, dropped or foreign batches fail, and the day cap
 * holds across batches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { scoreDomainDays } from '../../src/scoring/score.ts';
import { SCORING } from '../../src/scoring/constants.ts';
import { computeWeekRoot, type DomainDayRow } from '../../src/zk/index.ts';
import { createTestPool, lastFinishedEpoch, revertName, setupDevnet, type Devnet } from './helpers.ts';
import { makeMintProof, makeProof, requireArtifacts, type RealProof } from './real-proofs.ts';

const MASK = categoryMask(['crypto', 'finance']);

let devnet: Devnet;
let epoch: bigint;
let sbt: Address;
const holder = (i: number) => devnet.signers[i].account.address;

/** 20 domain-days: 10 capped crypto leaves on the week's second day (1,000 uncapped points, over two batches), the rest spread out. */
function heavyRows(e: bigint): DomainDayRow[] {
  const first = Number(e) * 7;
  return Array.from({ length: 20 }, (_, i) => ({
    domain: `s${i}.example`,
    day: i < 10 ? first + 1 : first + 2 + (i % 5),
    category: i < 10 ? 1 : [1, 3, 6][i % 3],
    activeSeconds: i < 10 ? 86_400 : 300 + i * 60,
    visits: i < 10 ? 50 : 1 + (i % 4),
    interactions: i < 10 ? 2_000 : i,
  }));
}

const mintWith = (who: number, p: Pick<RealProof, 'nullifier' | 'batches'>, ep = epoch) =>
  mintSbt(devnet.signers[who], { sbt, epoch: ep, nullifier: p.nullifier, batches: p.batches });

beforeAll(async () => {
  requireArtifacts(8);
  devnet = await setupDevnet({ verifier: 'EpochVerifier8' });
  sbt = devnet.deployment.contracts.dataSbt as Address;
  epoch = await lastFinishedEpoch(devnet);
}, 60_000);
afterAll(async () => devnet?.stop());

describe('a week of several batches on chain', () => {
  it('mints 3 chained proofs: points are the formula’s with the day cap across batches; the week root is stored', async () => {
    const rows = heavyRows(epoch);
    const p = await makeMintProof({ rows, epoch, chainId: devnet.anvil.chainId, sbt, holder: holder(1) });
    expect(p.batches).toHaveLength(3);
    expect(p.points).toBe(BigInt(scoreDomainDays(rows)));
    // Day 2 alone has 1,000 uncapped points over batches 1 and 2; it earns 600.
    expect(p.points).toBeLessThan(BigInt(scoreDomainDays(rows.slice(10))) + 1_000n);

    // Broken chains: reordered, a batch repeated, a batch dropped from the middle.
    const [b1, b2, b3] = p.batches;
    expect(await revertName(mintWith(1, { ...p, batches: [b2, b1, b3] }))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, { ...p, batches: [b1, b1, b3] }))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, { ...p, batches: [b1, b3] }))).toBe('DataSBT__InvalidProof');
    expect(await revertName(mintWith(1, { ...p, batches: [] }))).toBe('WeekProofs__BadBatchCount');
    expect(await revertName(mintWith(1, { ...p, batches: Array(17).fill(b1) }))).toBe('WeekProofs__BadBatchCount');
    // The last batch's running points, not any earlier one's, are the week's: a lower claim is a broken proof.
    expect(await revertName(mintWith(1, { ...p, batches: [b1, b2, { ...b3, points: b2.points }] }))).toBe('DataSBT__InvalidProof');

    const minted = await mintWith(1, p);
    const [, , weekRoot, points] = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [minted.tokenId] });
    expect(points).toBe(p.points);
    expect(weekRoot).toBe(computeWeekRoot(p.batches.map((b) => b.root)));
    expect(weekRoot).toBe(p.weekRoot);
    expect(points).toBeLessThanOrEqual(BigInt(7 * SCORING.DAY_CAP));
  }, 120_000);

  it('stakes the same batches into a pool; a subset, or batches of another token, are refused', async () => {
    const rows = heavyRows(epoch);
    const tokenId = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [holder(1), epoch] });
    // Holder 2 mints another (one-batch) week: its batches cannot stake holder 1's token.
    const small = heavyRows(epoch).slice(12);
    const p2 = await makeMintProof({ rows: small, epoch, chainId: devnet.anvil.chainId, sbt, holder: holder(2) });
    await mintWith(2, p2);

    const { pool, poolId } = await createTestPool(devnet, { categories: ['crypto', 'finance'], minPoints: 1n });
    await devnet.test.increaseTime({ seconds: 60 });
    await devnet.test.mine({ blocks: 1 });
    const scope = { chainId: devnet.anvil.chainId, verifyingContract: pool, poolId, holder: holder(1) };
    const p = await makeProof({ rows, epoch, categoryMask: MASK, minPoints: 1n, scope });
    expect(p.batches).toHaveLength(3);
    const stakeWith = (batches: RealProof['batches']) => stakeIntoPool(devnet.signers[1], { pool, tokenId, nullifier: p.nullifier, batches });
    // The first two batches alone verify as a chain, but their roots are not the token's week root.
    expect(await revertName(stakeWith(p.batches.slice(0, 2)))).toBe('DataStakingPool__InvalidProof');
    const other = await makeProof({ rows: small, epoch, categoryMask: MASK, minPoints: 1n, scope });
    expect(await revertName(stakeWith(other.batches))).toBe('DataStakingPool__InvalidProof');

    await stakeWith(p.batches);
    const record = await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'stakeOf', args: [tokenId] });
    expect(BigInt(record.weight)).toBe(BigInt(scoreDomainDays(rows, MASK)));
  }, 180_000);
});
