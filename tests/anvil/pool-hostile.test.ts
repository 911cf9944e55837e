/**
 * Pools that could trap or short-change a stake (issue #10 §3), on the accept-all
 * devnet: a reward token whose transfers revert cannot trap a stake (`leave`),
 * a token cannot burn while it counts in a factory pool (so a burned token never
 * earns), and only factory-made pools may lock a token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getAddress, parseEventLogs, type Address } from 'viem';
import { deployContract, readContract, waitForTransactionReceipt } from 'viem/actions';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { claimRewards } from '../../src/chain/claim-rewards.ts';
import { createPool } from '../../src/chain/create-pool.ts';
import { isFactoryPool } from '../../src/chain/is-factory-pool.ts';
import { leavePool } from '../../src/chain/leave-pool.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { sendContractWrite } from '../../src/chain/send.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { sweepPool } from '../../src/chain/sweep-pool.ts';
import { unstakeFromPool } from '../../src/chain/unstake-from-pool.ts';
import {
  dataSBTAbi,
  dataStakingPoolAbi,
  dataStakingPoolBytecode,
  poolFactoryAbi,
  poolFactoryBytecode,
} from '../../src/chain/generated/index.ts';
import { categoryMask } from '../../src/shared/categories.ts';
import { advance, deployRevertingToken, dummyWeek, latestTimestamp, mintUnchecked, revertName, setReverting, setupDevnet, type Devnet } from './helpers.ts';

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
const sbt = () => devnet.deployment.contracts.dataSbt as Address;
const factory = () => devnet.deployment.contracts.poolFactory as Address;

async function hostilePool(budget: bigint) {
  const token = await deployRevertingToken(devnet, budget);
  const start = (await latestTimestamp(devnet)) + 10n;
  const { pool } = await createPool(devnet.signers[0], {
    factory: factory(), rewardToken: token, budget, start, end: start + 7n * DAY,
    categoryMask: categoryMask(['crypto']), minPoints: 1n, metadataURI: 'data:application/json;base64,e30=',
  });
  return { token, pool };
}

async function stakeNew(pool: Address, who: number, points: bigint, epoch?: bigint) {
  const { tokenId } = await mintUnchecked(devnet, who, points, epoch);
  await stakeIntoPool(devnet.signers[who], { pool, tokenId, ...dummyWeek(points) });
  return tokenId;
}

const read = <F extends 'totalWeight' | 'allocated' | 'funded' | 'totalForfeited'>(pool: Address, functionName: F) =>
  readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName }) as Promise<bigint>;
const liveStakes = (tokenId: bigint) => readContract(devnet.test, { address: sbt(), abi: dataSBTAbi, functionName: 'liveStakes', args: [tokenId] });

describe('a reward token whose transfers revert', () => {
  it('traps unstake and claim, but leave exits without the token and forfeits exactly what was owed', async () => {
    const budget = 10n ** 21n;
    const { token, pool } = await hostilePool(budget);
    const a = await stakeNew(pool, 1, 300n);
    const b = await stakeNew(pool, 2, 100n);
    await advance(devnet, 2n * DAY);
    await setReverting(devnet, token, true);

    // The token's own error is unknown to the extension: an undecoded revert (still a revert, not a network error).
    expect(await revertName(unstakeFromPool(devnet.signers[1], { pool, tokenId: a }))).toMatch(/untyped: .*reverted/);
    expect(await revertName(claimRewards(devnet.signers[1], { pool, tokenId: a }))).toMatch(/untyped: .*reverted/);
    expect(await revertName(leavePool(devnet.signers[2], { pool, tokenId: a }))).toBe('DataStakingPool__NotHolder');

    const owedAtLeave = await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'pendingRewards', args: [a] });
    const left = await leavePool(devnet.signers[1], { pool, tokenId: a });
    // One more second streamed in the leave's block: forfeited is what was owed at that block.
    expect(left.forfeited).toBeGreaterThanOrEqual(owedAtLeave);
    expect(left.forfeited - owedAtLeave).toBeLessThan(budget / (7n * DAY)); // at most ~1 s of the whole stream
    const receipt = await devnet.test.getTransactionReceipt({ hash: left.hash });
    const [event] = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Left', logs: receipt.logs });
    expect(event.args).toEqual({ holder: devnet.signers[1].account.address, tokenId: a, weight: 300n, forfeited: left.forfeited });
    expect(parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'RewardPaid', logs: receipt.logs })).toHaveLength(0);
    expect(await readStake(devnet.test, { pool, tokenId: a })).toEqual({ status: 'exited', weight: 0n, pending: 0n });
    expect(await read(pool, 'totalWeight')).toBe(100n);
    expect(await read(pool, 'totalForfeited')).toBe(left.forfeited);
    expect(await liveStakes(a)).toBe(0n);
    expect(await revertName(leavePool(devnet.signers[1], { pool, tokenId: a }))).toBe('DataStakingPool__NotStaked');

    // Nobody profits from the forfeit: it is not re-streamed to B, nor swept by the sponsor.
    await setReverting(devnet, token, false);
    await advance(devnet, 6n * DAY);
    const paidB = (await unstakeFromPool(devnet.signers[2], { pool, tokenId: b })).paid;
    const swept = (await sweepPool(devnet.signers[0], { pool })).amount;
    const funded = await read(pool, 'funded');
    expect(paidB + left.forfeited + swept).toBeLessThanOrEqual(funded);
    // B got its 1/4 share while A staked, and the whole stream after: never A's forfeit.
    const aShare = (left.forfeited * 4n) / 3n; // everything allocated up to the leave
    expect(paidB).toBeLessThanOrEqual(funded - left.forfeited);
    expect(paidB).toBeGreaterThanOrEqual(funded - aShare - 10n);
    expect(swept).toBe(0n);
  });

  it('lets the burn follow a leave; the burn is refused while any factory pool holds a stake', async () => {
    const { token, pool } = await hostilePool(10n ** 18n);
    const tokenId = await stakeNew(pool, 1, 10n);
    expect(await liveStakes(tokenId)).toBe(1n);
    await advance(devnet, DAY);
    await setReverting(devnet, token, true);
    expect(await revertName(burnDataToken(devnet.signers[1], { sbt: sbt(), tokenId }))).toBe('DataSBT__StillStaked');
    await leavePool(devnet.signers[1], { pool, tokenId });
    await burnDataToken(devnet.signers[1], { sbt: sbt(), tokenId });
    expect(await readContract(devnet.test, { address: sbt(), abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] })).toBe(false);
  });
});

describe('burned tokens never earn', () => {
  it('counts live stakes across pools and refuses the burn until the last one exits; a burned token cannot claim', async () => {
    const { pool: p1 } = await hostilePool(10n ** 18n);
    const { pool: p2 } = await hostilePool(10n ** 18n);
    const { tokenId } = await mintUnchecked(devnet, 1, 10n);
    for (const pool of [p1, p2]) await stakeIntoPool(devnet.signers[1], { pool, tokenId, ...dummyWeek(10n) });
    expect(await liveStakes(tokenId)).toBe(2n);
    // The points stay readable next to the lock count (same 32-bit lane).
    const [, , , points] = await readContract(devnet.test, { address: sbt(), abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] });
    expect(points).toBe(10n);
    await advance(devnet, DAY);
    await unstakeFromPool(devnet.signers[1], { pool: p1, tokenId });
    expect(await revertName(burnDataToken(devnet.signers[1], { sbt: sbt(), tokenId }))).toBe('DataSBT__StillStaked');
    const paid = (await unstakeFromPool(devnet.signers[1], { pool: p2, tokenId })).paid;
    expect(paid).toBeGreaterThan(0n);
    await burnDataToken(devnet.signers[1], { sbt: sbt(), tokenId });
    expect(await read(p2, 'totalWeight')).toBe(0n);
    expect(await revertName(claimRewards(devnet.signers[1], { pool: p2, tokenId }))).toBe('DataStakingPool__NotStaked');
    expect(await readContract(devnet.test, { address: p2, abi: dataStakingPoolAbi, functionName: 'pendingRewards', args: [tokenId] })).toBe(0n);
  });

  it('a burned token cannot stake', async () => {
    const { pool } = await hostilePool(10n ** 18n);
    const { tokenId } = await mintUnchecked(devnet, 1, 10n);
    await burnDataToken(devnet.signers[1], { sbt: sbt(), tokenId });
    expect(await revertName(stakeIntoPool(devnet.signers[1], { pool, tokenId, ...dummyWeek(10n) }))).toBe('DataSBT__NonexistentToken');
  });
});

describe('only factory pools', () => {
  it('isPool lists factory pools only; a pool deployed outside the factory cannot lock a token, nor can anyone else', async () => {
    const { pool } = await hostilePool(10n ** 18n);
    expect(await isFactoryPool(devnet.test, { factory: factory(), pool })).toBe(true);
    const signer = devnet.signers[0];
    const now = await latestTimestamp(devnet);
    const terms = {
      poolId: 1n, sponsor: signer.account.address, rewardToken: devnet.deployment.contracts.testToken as Address,
      start: now + 10n, end: now + 10n + 7n * DAY, categoryMask: categoryMask(['crypto']), minPoints: 1n,
      deliveryTier: 0, deliveryKey: `0x${'0'.repeat(64)}` as const, reviewPeriod: 0,
    };
    const hash = await deployContract(signer, {
      abi: dataStakingPoolAbi, bytecode: dataStakingPoolBytecode, args: [sbt(), devnet.deployment.contracts.verifier as Address, terms, 10n ** 18n, ''],
      account: signer.account, chain: signer.chain,
    });
    const rogue = (await waitForTransactionReceipt(signer, { hash })).contractAddress as Address;
    expect(await isFactoryPool(devnet.test, { factory: factory(), pool: rogue })).toBe(false);
    const { tokenId } = await mintUnchecked(devnet, 1, 10n);
    expect(await revertName(stakeIntoPool(devnet.signers[1], { pool: rogue, tokenId, ...dummyWeek(10n) }))).toBe('DataSBT__NotFactoryPool');
    // An account claiming any pool id (the rogue claims id 1, the real pool 1's) is not at that pool's address.
    for (const poolId of [0n, 1n, 2n, 2n ** 64n]) {
      const lock = (fn: 'lockStake' | 'unlockStake') => sendContractWrite(devnet.signers[1], 'Lock', { address: sbt(), abi: dataSBTAbi, functionName: fn, args: [tokenId, poolId] });
      expect(await revertName(lock('lockStake'))).toMatch(/untyped|NotFactoryPool/);
      expect(await revertName(lock('unlockStake'))).toMatch(/untyped|NotFactoryPool/);
    }
    expect(await liveStakes(tokenId)).toBe(0n);
  });

  it('the SBT trusts exactly the deployed factory: a second factory with the same code and SBT cannot lock', async () => {
    expect(getAddress(await readContract(devnet.test, { address: sbt(), abi: dataSBTAbi, functionName: 'poolFactory' }))).toBe(getAddress(factory()));
    const signer = devnet.signers[0];
    const hash = await deployContract(signer, {
      abi: poolFactoryAbi, bytecode: poolFactoryBytecode, args: [sbt(), devnet.deployment.contracts.verifier as Address],
      account: signer.account, chain: signer.chain,
    });
    const twin = (await waitForTransactionReceipt(signer, { hash })).contractAddress as Address;
    const start = (await latestTimestamp(devnet)) + 10n;
    const { pool } = await createPool(signer, {
      factory: twin, rewardToken: devnet.deployment.contracts.testToken as Address, budget: 10n ** 18n, start, end: start + 7n * DAY,
      categoryMask: categoryMask(['crypto']), minPoints: 1n, metadataURI: '',
    });
    expect(await isFactoryPool(devnet.test, { factory: twin, pool })).toBe(true);
    const { tokenId } = await mintUnchecked(devnet, 1, 10n);
    await advance(devnet, 20n);
    expect(await revertName(stakeIntoPool(devnet.signers[1], { pool, tokenId, ...dummyWeek(10n) }))).toBe('DataSBT__NotFactoryPool');
    expect(await liveStakes(tokenId)).toBe(0n);
  });
});
