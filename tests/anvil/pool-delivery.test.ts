/**
 * Delivery pools on chain (#9): the terms a pool declares, the envelope a stake
 * carries, the review period and the sponsor's reject. The pool runs with the
 * test-only AcceptAllVerifier: these properties are about terms and money; the
 * proofs' delivery outputs are tested with real proofs elsewhere.
 *
 * "Rejecting gains the sponsor nothing" is checked as a differential property:
 * the same timeline run twice (evm snapshots, fixed block timestamps), once with
 * rejections and once without; the sponsor's sweep and every other stake's
 * payout are identical, and claimed + forfeited + swept ≤ funded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keccak256, parseEventLogs, toHex, type Address, type Hex } from 'viem';
import { decodeFunctionData } from 'viem';
import { getTransaction, readContract } from 'viem/actions';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { claimRewards } from '../../src/chain/claim-rewards.ts';
import { dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { leavePool } from '../../src/chain/leave-pool.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { rejectDelivery } from '../../src/chain/reject-delivery.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { sweepPool } from '../../src/chain/sweep-pool.ts';
import { unstakeFromPool } from '../../src/chain/unstake-from-pool.ts';
import { createTestPool, dummyWeek, lastFinishedEpoch, latestTimestamp, revertName, setupDevnet, type Devnet } from './helpers.ts';

const DAY = 86_400n;
const KEY: Hex = `0x${'ab'.repeat(32)}`;
const ENVELOPE: Hex = toHex(new Uint8Array(300).map((_, i) => (i * 7 + 1) & 0xff));
const records = (reviewPeriod = Number(DAY)) => ({ tier: 'records' as const, key: KEY, reviewPeriod });

let devnet: Devnet;
let base: Hex;

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier', testTokenMint: 10n ** 40n });
  base = await devnet.test.snapshot();
}, 60_000);
afterAll(async () => devnet?.stop());

const sbt = () => devnet.deployment.contracts.dataSbt as Address;
const read = <T>(pool: Address, functionName: string, args: readonly unknown[] = []) =>
  readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName, args } as never) as Promise<T>;

/** Mint a token for signer `who` (accept-all) with `points` and week root 99. */
async function mint(who: number, points: bigint): Promise<bigint> {
  const epoch = await lastFinishedEpoch(devnet);
  return (await mintSbt(devnet.signers[who], { sbt: sbt(), epoch, ...dummyWeek(points, BigInt(who), 99n) })).tokenId;
}

async function fresh(): Promise<void> {
  await devnet.test.revert({ id: base });
  base = await devnet.test.snapshot();
}

describe('delivery terms', () => {
  it('a pool declares tier, key and review period; inconsistent terms are refused', async () => {
    await fresh();
    const { pool } = await createTestPool(devnet, { delivery: records(3600) });
    expect(await read<number>(pool, 'deliveryTier')).toBe(1);
    expect(await read<Hex>(pool, 'deliveryKey')).toBe(KEY);
    expect(await read<number>(pool, 'reviewPeriod')).toBe(3600);
    const plain = await createTestPool(devnet);
    expect(await read<number>(plain.pool, 'deliveryTier')).toBe(0);

    const zero: Hex = `0x${'0'.repeat(64)}`;
    for (const delivery of [
      { tier: 'records' as const, key: zero, reviewPeriod: 3600 },
      { tier: 'totals' as const, key: KEY, reviewPeriod: 0 },
      { tier: 'records' as const, key: KEY, reviewPeriod: 30 * 86_400 + 1 },
    ]) {
      expect(await revertName(createTestPool(devnet, { delivery }))).toBe('DataStakingPool__BadDeliveryTerms');
    }
  });
});

describe('a stake delivers', () => {
  it('carries its envelope in the stake call, emits its hash; a delivery pool needs one, a plain pool refuses one', async () => {
    await fresh();
    const { pool } = await createTestPool(devnet, { delivery: records() });
    const plain = (await createTestPool(devnet)).pool;
    await devnet.test.increaseTime({ seconds: 20 });
    const tokenId = await mint(1, 500n);
    const signer = devnet.signers[1];

    expect(await revertName(stakeIntoPool(signer, { pool, tokenId, ...dummyWeek(500n, 1n, 99n) }))).toBe('DataStakingPool__BadEnvelope');
    const huge = toHex(new Uint8Array(65_537).fill(1));
    expect(await revertName(stakeIntoPool(signer, { pool, tokenId, envelope: huge, ...dummyWeek(500n, 1n, 99n) }))).toBe('DataStakingPool__BadEnvelope');
    expect(await revertName(stakeIntoPool(signer, { pool: plain, tokenId, envelope: ENVELOPE, ...dummyWeek(500n, 1n, 99n) }))).toBe('DataStakingPool__BadEnvelope');

    const tx = await stakeIntoPool(signer, { pool, tokenId, envelope: ENVELOPE, ...dummyWeek(500n, 1n, 99n) });
    const receipt = await devnet.test.getTransactionReceipt({ hash: tx.hash });
    const [delivered] = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Delivered', logs: receipt.logs });
    expect(delivered.args).toEqual({ holder: signer.account.address, tokenId, envelopeHash: keccak256(ENVELOPE), size: 300n });
    const call = decodeFunctionData({ abi: dataStakingPoolAbi, data: (await getTransaction(devnet.test, { hash: tx.hash })).input });
    expect(call.functionName).toBe('stake');
    expect((call.args as unknown as readonly unknown[])[3]).toBe(ENVELOPE);
  });
});

describe('review and reject', () => {
  it('holds claim and unstake for the review; only the sponsor rejects, only within it; a rejected stake earns nothing and frees its token', async () => {
    await fresh();
    const { pool } = await createTestPool(devnet, { delivery: records(Number(DAY)) });
    const plain = (await createTestPool(devnet)).pool;
    await devnet.test.increaseTime({ seconds: 20 });
    const [a, b, c] = [await mint(1, 300n), await mint(2, 100n), await mint(3, 50n)];
    for (const [who, tokenId, points] of [[1, a, 300n], [2, b, 100n], [3, c, 50n]] as const) {
      await stakeIntoPool(devnet.signers[who], { pool, tokenId, envelope: ENVELOPE, ...dummyWeek(points, 1n, 99n) });
    }
    await devnet.test.increaseTime({ seconds: 3600 });
    await devnet.test.mine({ blocks: 1 });

    const until = await read<bigint>(pool, 'reviewEndsAt', [a]);
    expect(await revertName(claimRewards(devnet.signers[1], { pool, tokenId: a }))).toBe('DataStakingPool__UnderReview');
    expect(await revertName(unstakeFromPool(devnet.signers[1], { pool, tokenId: a }))).toBe('DataStakingPool__UnderReview');
    expect(await revertName(rejectDelivery(devnet.signers[1], { pool, tokenId: a, reason: 'fingerprint' }))).toBe('DataStakingPool__NotSponsor');
    expect(await revertName(rejectDelivery(devnet.signers[0], { pool: plain, tokenId: a, reason: 'fingerprint' }))).toBe('DataStakingPool__NoDelivery');

    const weightBefore = await read<bigint>(pool, 'totalWeight');
    const rejected = await rejectDelivery(devnet.signers[0], { pool, tokenId: a, reason: 'fingerprint' });
    expect(rejected.forfeited).toBeGreaterThan(0n);
    expect(await read<bigint>(pool, 'totalWeight')).toBe(weightBefore); // its weight keeps counting, for nobody
    expect(await read<bigint>(pool, 'totalForfeited')).toBe(rejected.forfeited);
    expect(await read<{ status: number; weight: number }>(pool, 'stakeOf', [a])).toMatchObject({ status: 3, weight: 300 });
    expect(await read<bigint>(pool, 'pendingRewards', [a])).toBe(0n);
    expect(await revertName(claimRewards(devnet.signers[1], { pool, tokenId: a }))).toBe('DataStakingPool__NotStaked');
    expect(await revertName(rejectDelivery(devnet.signers[0], { pool, tokenId: a, reason: 'again' }))).toBe('DataStakingPool__NotStaked');
    await burnDataToken(devnet.signers[1], { sbt: sbt(), tokenId: a }); // unlocked: the holder can let it go

    // `leave` is always open, even under review (it forfeits).
    await leavePool(devnet.signers[3], { pool, tokenId: c });

    // After the review: no more rejects; claim and unstake work.
    await devnet.test.setNextBlockTimestamp({ timestamp: until + 1n });
    await devnet.test.mine({ blocks: 1 });
    expect(await revertName(rejectDelivery(devnet.signers[0], { pool, tokenId: b, reason: 'late' }))).toBe('DataStakingPool__ReviewOver');
    expect((await claimRewards(devnet.signers[2], { pool, tokenId: b })).paid).toBeGreaterThan(0n);
    await unstakeFromPool(devnet.signers[2], { pool, tokenId: b });
  });

  it('rejecting gains the sponsor nothing: the same timeline with and without rejections pays everyone else the same but for rounding dust, and the sponsor the same (property)', async () => {
    const stakerArb = fc.record({
      points: fc.bigInt({ min: 1n, max: 4_200n }),
      at: fc.bigInt({ min: 0n, max: 5n * DAY }),
      rejectAfter: fc.option(fc.bigInt({ min: 1n, max: DAY - 2n }), { nil: undefined }),
    });
    const scenario = fc.record({
      budget: fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 10n ** 18n, max: 10n ** 24n })),
      stakers: fc.array(stakerArb, { minLength: 1, maxLength: 4 }),
    });

    interface Outcome { paid: bigint[]; swept: bigint; forfeited: bigint }
    interface Scenario { budget: bigint; stakers: { points: bigint; at: bigint; rejectAfter?: bigint }[] }

    async function runTimeline(s: Scenario, withRejects: boolean): Promise<Outcome> {
      await fresh();
      const t0 = (await latestTimestamp(devnet)) + 10n;
      const tokens: bigint[] = [];
      let t = t0;
      // Every block 1 s after the last (no wall clock), so both runs see the same timestamps; `at` mines
      // the block before the action's, so its simulation already sees the action's time (less 1 s).
      await devnet.test.setBlockTimestampInterval({ interval: 1 });
      const at = async (time: bigint) => {
        t = time > t + 1n ? time : t + 2n;
        await devnet.test.setNextBlockTimestamp({ timestamp: t - 1n });
        await devnet.test.mine({ blocks: 1 });
      };
      for (const [i, st] of s.stakers.entries()) {
        await at(t0 + BigInt(i));
        tokens.push(await mint(i + 1, st.points));
      }
      const start = t0 + 100n;
      const end = start + 10n * DAY;
      await at(t0 + 20n);
      const { pool } = await createTestPool(devnet, { budget: s.budget, start, end, delivery: records(Number(DAY)) });

      // Stakes and rejects in time order.
      const events = s.stakers.flatMap((st, i) => [
        { time: start + st.at + BigInt(i), kind: 'stake' as const, i },
        ...(withRejects && st.rejectAfter !== undefined ? [{ time: start + st.at + BigInt(i) + st.rejectAfter, kind: 'reject' as const, i }] : []),
      ]).sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : x.kind === 'stake' ? -1 : 1));
      let forfeited = 0n;
      for (const e of events) {
        await at(e.time);
        if (e.kind === 'stake') {
          await stakeIntoPool(devnet.signers[e.i + 1], { pool, tokenId: tokens[e.i], envelope: ENVELOPE, ...dummyWeek(s.stakers[e.i].points, 1n, 99n) });
        } else {
          forfeited += (await rejectDelivery(devnet.signers[0], { pool, tokenId: tokens[e.i], reason: 'fingerprint' })).forfeited;
        }
      }
      // After the end (and every review): everyone still staked leaves with its rewards; the sponsor sweeps.
      await at(end + 2n * DAY);
      const paid: bigint[] = [];
      for (const [i] of s.stakers.entries()) {
        const status = (await read<{ status: number }>(pool, 'stakeOf', [tokens[i]])).status;
        if (status === 1) {
          await at(t + 2n);
          paid.push((await unstakeFromPool(devnet.signers[i + 1], { pool, tokenId: tokens[i] })).paid);
        } else paid.push(0n);
      }
      await at(t + 2n);
      const swept = (await sweepPool(devnet.signers[0], { pool, to: devnet.signers[0].account.address })).amount;
      await devnet.test.removeBlockTimestampInterval();
      expect(paid.reduce((x, y) => x + y, 0n) + forfeited + swept).toBeLessThanOrEqual(s.budget);
      return { paid, swept, forfeited };
    }

    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const honest = await runTimeline(s, false);
        const rejecting = await runTimeline(s, true);
        expect(rejecting.swept).toBe(honest.swept);
        // A reject is one more stream update: the floor of each update's allocation moves by at most a unit
        // per update (the remainder re-streams), so others' payouts agree to within that rounding dust.
        const dust = BigInt(s.stakers.filter((st) => st.rejectAfter !== undefined).length) * 2n + 1n;
        for (const [i, st] of s.stakers.entries()) {
          if (st.rejectAfter !== undefined) expect(rejecting.paid[i]).toBe(0n);
          else {
            const diff = rejecting.paid[i] - honest.paid[i];
            expect(diff <= dust && diff >= -dust, `stake ${i}: ${rejecting.paid[i]} with rejections, ${honest.paid[i]} without`).toBe(true);
          }
        }
      }),
      // No shrinking: each run replays two timelines on chain; the counterexample is printed as found.
      { numRuns: 12, endOnFailure: true },
    );
  }, 300_000);
});
