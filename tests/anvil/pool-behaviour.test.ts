/**
 * Deterministic pool and factory behaviour on the accept-all devnet: roll-forward
 * of rewards nobody earned, sweeping, tiny budgets, who may do what. Proof binding
 * is tested with real proofs in pool-proofs.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { claimRewards } from '../../src/chain/claim-rewards.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { unstakeFromPool } from '../../src/chain/unstake-from-pool.ts';
import { listPools } from '../../src/chain/list-pools.ts';
import { sweepPool } from '../../src/chain/sweep-pool.ts';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { dataSBTAbi, dataStakingPoolAbi, poolFactoryAbi } from '../../src/chain/generated/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { advance, createTestPool, dummyWeek, latestTimestamp, mintUnchecked, revertName, setupDevnet, type Devnet } from './helpers.ts';

let devnet: Devnet;
let snapshot: `0x${string}`;

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier' });
  snapshot = await devnet.test.snapshot();
});
beforeEach(async () => {
  await devnet.test.revert({ id: snapshot });
  snapshot = await devnet.test.snapshot();
});
afterAll(async () => devnet?.stop());

const DAY = 86_400n;

async function stakeNew(pool: Address, who: number, points: bigint) {
  const { tokenId } = await mintUnchecked(devnet, who, points);
  await stakeIntoPool(devnet.signers[who], { pool, tokenId, ...dummyWeek(points) });
  return tokenId;
}

const sweep = (pool: Address, who = 0) => sweepPool(devnet.signers[who], { pool });

describe('DataStakingPool rewards', () => {
  it('rolls rewards nobody earned forward: a late sole staker still gets the whole budget', async () => {
    const budget = 7_000_000n;
    const { pool } = await createTestPool(devnet, { budget, end: (await latestTimestamp(devnet)) + 10n + 7n * DAY });
    await advance(devnet, 4n * DAY); // more than half the period with nobody staked
    const tokenId = await stakeNew(pool, 1, 50n);
    await advance(devnet, 4n * DAY);
    const { paid } = await unstakeFromPool(devnet.signers[1], { pool, tokenId });
    expect(budget - paid).toBeLessThanOrEqual(1n);
    expect(paid).toBeLessThanOrEqual(budget);
  });

  it('splits pro rata to weight while both stake', async () => {
    const { pool } = await createTestPool(devnet, { budget: 10n ** 21n });
    const a = await stakeNew(pool, 1, 300n);
    const b = await stakeNew(pool, 2, 100n);
    await advance(devnet, 8n * DAY);
    const paidB = (await unstakeFromPool(devnet.signers[2], { pool, tokenId: b })).paid;
    const paidA = (await unstakeFromPool(devnet.signers[1], { pool, tokenId: a })).paid;
    // A staked alone for one block (~1 s) before B arrived; otherwise 3:1.
    expect(Number(paidA) / Number(paidB)).toBeGreaterThan(2.99);
    expect(Number(paidA) / Number(paidB)).toBeLessThan(3.01);
    expect(paidA + paidB).toBeLessThanOrEqual(10n ** 21n);
  });

  it('pays out a budget smaller than the period in seconds (no rate rounds to zero)', async () => {
    const { pool } = await createTestPool(devnet, { budget: 3n });
    const tokenId = await stakeNew(pool, 1, 1_000_000n);
    await advance(devnet, 8n * DAY);
    expect((await claimRewards(devnet.signers[1], { pool, tokenId })).paid).toBe(3n);
  });

  it('lets only the sponsor sweep, only after the end, only what nobody earned', async () => {
    const budget = 5n * 10n ** 18n;
    const { pool } = await createTestPool(devnet, { budget });
    expect(await revertName(sweep(pool))).toBe('DataStakingPool__NotEnded');
    await advance(devnet, 8n * DAY);
    expect(await revertName(sweep(pool, 1))).toBe('DataStakingPool__NotSponsor');
    expect((await sweep(pool)).amount).toBe(budget);
    expect((await sweep(pool)).amount).toBe(0n);
    expect(await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'allocated' })).toBe(budget);
    const tokenBalance = await readContract(devnet.test, {
      address: devnet.deployment.contracts.testToken as Address, abi: dataSBTAbi, functionName: 'balanceOf', args: [pool],
    });
    expect(tokenBalance).toBe(0n);
  });
});

describe('DataStakingPool access', () => {
  it('rejects staking another holder’s token, a second stake of a token and staking after the end', async () => {
    const { pool } = await createTestPool(devnet);
    const { tokenId } = await mintUnchecked(devnet, 1, 10n);
    const stake = (who: number) => stakeIntoPool(devnet.signers[who], { pool, tokenId, ...dummyWeek(10n) });
    expect(await revertName(stake(2))).toBe('DataStakingPool__NotHolder');
    await stake(1);
    expect(await revertName(stake(1))).toBe('DataStakingPool__AlreadyStaked');
    expect(await revertName(claimRewards(devnet.signers[2], { pool, tokenId }))).toBe('DataStakingPool__NotHolder');
    await unstakeFromPool(devnet.signers[1], { pool, tokenId });
    expect(await revertName(stake(1))).toBe('DataStakingPool__AlreadyStaked');
    expect(await revertName(unstakeFromPool(devnet.signers[1], { pool, tokenId }))).toBe('DataStakingPool__NotStaked');

    const late = await createTestPool(devnet);
    const { tokenId: other } = await mintUnchecked(devnet, 2, 10n);
    await advance(devnet, 8n * DAY);
    expect(await revertName(stakeIntoPool(devnet.signers[2], { pool: late.pool, tokenId: other, ...dummyWeek(10n) }))).toBe('DataStakingPool__Ended');
  });

  it('rejects tokens from epochs older than the week before the pool starts', async () => {
    const { pool } = await createTestPool(devnet);
    const minEpoch = await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'minEpoch' });
    const { tokenId } = await mintUnchecked(devnet, 1, 10n, minEpoch - 1n);
    expect(await revertName(stakeIntoPool(devnet.signers[1], { pool, tokenId, ...dummyWeek(10n) }))).toBe('DataStakingPool__EpochTooOld');
  });

  it('refuses to burn a staked token until it leaves the pool (a burned token never counts)', async () => {
    const { pool } = await createTestPool(devnet, { budget: 10n ** 18n });
    const tokenId = await stakeNew(pool, 1, 10n);
    const sbt = devnet.deployment.contracts.dataSbt as Address;
    expect(await revertName(burnDataToken(devnet.signers[1], { sbt, tokenId }))).toBe('DataSBT__StillStaked');
    await advance(devnet, DAY);
    await unstakeFromPool(devnet.signers[1], { pool, tokenId });
    await burnDataToken(devnet.signers[1], { sbt, tokenId });
    expect(await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'totalWeight' })).toBe(0n);
  });
});

describe('PoolFactory', () => {
  it('lists created pools by index with ids from 1 and their terms', async () => {
    const first = await createTestPool(devnet, { categories: ['ai'] });
    const second = await createTestPool(devnet, { categories: ['news', 'politics'], minPoints: 7n });
    const pools = await listPools(devnet.test, { factory: devnet.deployment.contracts.poolFactory as Address });
    expect(pools.map((p) => [p.poolId, p.address])).toEqual([[1n, first.pool], [2n, second.pool]]);
    expect(pools[1].categoryMask).toBe(categoryMask(['news', 'politics']));
    expect(pools[1].minPoints).toBe(7n);
    expect(pools[0].funded).toBe(10n ** 21n);
  });

  it('rejects a bad period, an empty category mask, a zero budget and an unprovable minimum', async () => {
    const now = await latestTimestamp(devnet);
    expect(await revertName(createTestPool(devnet, { start: now + 100n, end: now + 50n }))).toBe('DataStakingPool__BadPeriod');
    expect(await revertName(createTestPool(devnet, { start: now - 200n, end: now - 100n }))).toBe('DataStakingPool__BadPeriod');
    expect(await revertName(createTestPool(devnet, { categories: [] }))).toBe('DataStakingPool__BadCategoryMask');
    expect(await revertName(createTestPool(devnet, { budget: 0n }))).toBe('DataStakingPool__ZeroAmount');
    expect(await revertName(createTestPool(devnet, { minPoints: 2n ** 32n }))).toBe('DataStakingPool__BadMinPoints');
    const factory = devnet.deployment.contracts.poolFactory as Address;
    expect(await readContract(devnet.test, { address: factory, abi: poolFactoryAbi, functionName: 'poolCount' })).toBe(0n);
  });
});
