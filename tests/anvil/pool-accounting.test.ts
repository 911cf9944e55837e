/**
 * Pool accounting as fast-check properties against a real anvil. The pool runs
 * with the test-only AcceptAllVerifier: the property is about money, not proofs
 * (proof binding is tested with real proofs in pool-proofs.test.ts).
 *
 * Properties, after every step of a random sequence of stake / unstake / claim /
 * leave (exit without the token, forfeiting) / burn / fund / time jumps:
 *   1. claimed + claimable + forfeited <= funded;
 *   2. each stake's payout (plus what it forfeited) matches the weight × time model
 *      within 1 wei per claim;
 *   3. after the end, payouts + forfeits + sweep account for the whole funding but for
 *      dust, and the sweep never takes a forfeit;
 *   4. a staked token never burns; a burned token claims nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { claimRewards } from '../../src/chain/claim-rewards.ts';
import { fundPool } from '../../src/chain/fund-pool.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { unstakeFromPool } from '../../src/chain/unstake-from-pool.ts';
import { leavePool } from '../../src/chain/leave-pool.ts';
import { burnDataToken } from '../../src/chain/burn-data-token.ts';
import { dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { StreamModel } from './stream-model.ts';
import { createTestPool, dummyWeek, lastFinishedEpoch, revertName, setupDevnet, type Devnet } from './helpers.ts';

const STAKERS = [1, 2, 3, 4] as const;

type Command =
  | { kind: 'advance'; permille: number }
  | { kind: 'stake'; who: number; points: bigint }
  | { kind: 'unstake'; who: number }
  | { kind: 'claim'; who: number }
  | { kind: 'leave'; who: number }
  | { kind: 'burn'; who: number }
  | { kind: 'fund'; amount: bigint };

const who = fc.constantFrom(...STAKERS);
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), permille: fc.integer({ min: 1, max: 300 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('stake' as const), who, points: fc.bigInt({ min: 1n, max: 1_000_000n }) }), weight: 3 },
  fc.record({ kind: fc.constant('unstake' as const), who }),
  fc.record({ kind: fc.constant('claim' as const), who }),
  fc.record({ kind: fc.constant('leave' as const), who }),
  fc.record({ kind: fc.constant('burn' as const), who }),
  fc.record({ kind: fc.constant('fund' as const), amount: fc.bigInt({ min: 1n, max: 10n ** 22n }) }),
);
const scenario = fc.record({
  budget: fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 1n, max: 10n ** 24n })),
  duration: fc.integer({ min: 600, max: 100_000 }),
  commands: fc.array(command, { minLength: 1, maxLength: 20 }),
});

let devnet: Devnet;
let snapshot: `0x${string}`;

beforeAll(async () => {
  devnet = await setupDevnet({ verifier: 'AcceptAllVerifier', testTokenMint: 10n ** 40n });
  snapshot = await devnet.test.snapshot();
});
afterAll(async () => devnet?.stop());

async function blockTime(blockNumber: bigint): Promise<bigint> {
  return (await devnet.test.getBlock({ blockNumber })).timestamp;
}

describe('DataStakingPool accounting (property, AcceptAllVerifier)', () => {
  it('never owes more than it was funded and pays each stake its weight × time share', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ budget, duration, commands }) => {
        await devnet.test.revert({ id: snapshot });
        snapshot = await devnet.test.snapshot();
        const epoch = await lastFinishedEpoch(devnet);
        const now = (await devnet.test.getBlock()).timestamp;
        const created = await createTestPool(devnet, { budget, start: now + 5n, end: now + 5n + BigInt(duration) });
        const pool = created.pool as Address;
        const end = now + 5n + BigInt(duration);
        const model = new StreamModel(budget, (await blockTime(created.blockNumber)) > now + 5n ? await blockTime(created.blockNumber) : now + 5n, end);

        const tokenOf = new Map<number, bigint>();
        const state = new Map<number, 'staked' | 'exited' | 'burned'>();
        const paid = new Map<number, bigint>();
        const forfeited = new Map<number, bigint>();
        const sbt = devnet.deployment.contracts.dataSbt as Address;
        const claims = new Map<number, number>();
        const addPaid = (w: number, amount: bigint) => paid.set(w, (paid.get(w) ?? 0n) + amount);
        const latest = async () => (await devnet.test.getBlock()).timestamp;

        for (const c of commands) {
          if (c.kind === 'advance') {
            // Jumps are a fraction of the period so most scenarios stay inside it.
            await devnet.test.increaseTime({ seconds: Math.max(1, Math.floor((duration * c.permille) / 1000)) });
            await devnet.test.mine({ blocks: 1 });
          } else if (c.kind === 'stake' && !state.has(c.who) && (await latest()) + 3n < end) {
            const signer = devnet.signers[c.who];
            const minted = await mintSbt(signer, { sbt: devnet.deployment.contracts.dataSbt as Address, epoch, ...dummyWeek(c.points, BigInt(c.who), 99n) });
            tokenOf.set(c.who, minted.tokenId);
            const tx = await stakeIntoPool(signer, { pool, tokenId: minted.tokenId, ...dummyWeek(c.points, 1n, 99n) });
            model.stake(await blockTime(tx.blockNumber), minted.tokenId, c.points);
            state.set(c.who, 'staked');
          } else if (c.kind === 'unstake' && state.get(c.who) === 'staked') {
            const tx = await unstakeFromPool(devnet.signers[c.who], { pool, tokenId: tokenOf.get(c.who)! });
            model.unstake(await blockTime(tx.blockNumber), tokenOf.get(c.who)!);
            addPaid(c.who, tx.paid);
            state.set(c.who, 'exited');
          } else if (c.kind === 'leave' && state.get(c.who) === 'staked') {
            const tx = await leavePool(devnet.signers[c.who], { pool, tokenId: tokenOf.get(c.who)! });
            model.unstake(await blockTime(tx.blockNumber), tokenOf.get(c.who)!);
            forfeited.set(c.who, tx.forfeited);
            state.set(c.who, 'exited');
          } else if (c.kind === 'burn' && state.get(c.who) === 'staked') {
            expect(await revertName(burnDataToken(devnet.signers[c.who], { sbt, tokenId: tokenOf.get(c.who)! }))).toBe('DataSBT__StillStaked');
          } else if (c.kind === 'burn' && state.get(c.who) === 'exited') {
            await burnDataToken(devnet.signers[c.who], { sbt, tokenId: tokenOf.get(c.who)! });
            state.set(c.who, 'burned');
          } else if (c.kind === 'claim' && state.get(c.who) === 'burned') {
            expect(await revertName(claimRewards(devnet.signers[c.who], { pool, tokenId: tokenOf.get(c.who)! }))).toBe('DataStakingPool__NotStaked');
          } else if (c.kind === 'claim' && state.get(c.who) === 'staked') {
            const tx = await claimRewards(devnet.signers[c.who], { pool, tokenId: tokenOf.get(c.who)! });
            model.update(await blockTime(tx.blockNumber));
            addPaid(c.who, tx.paid);
            claims.set(c.who, (claims.get(c.who) ?? 0) + 1);
          } else if (c.kind === 'fund' && (await latest()) + 3n < end) {
            const tx = await fundPool(devnet.signers[0], { pool, amount: c.amount });
            model.fund(await blockTime(tx.blockNumber), c.amount);
          }
          // Property 1 at every step.
          let claimable = 0n;
          for (const tokenId of tokenOf.values()) {
            claimable += await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'pendingRewards', args: [tokenId] });
          }
          const claimed = [...paid.values()].reduce((a, b) => a + b, 0n);
          const lost = [...forfeited.values()].reduce((a, b) => a + b, 0n);
          expect(claimed + claimable + lost).toBeLessThanOrEqual(model.funded);
          for (const [w, s] of state) {
            if (s !== 'burned') continue;
            expect(await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'pendingRewards', args: [tokenOf.get(w)!] })).toBe(0n);
          }
        }

        // Finish: jump past the end, everyone still staked leaves, the sponsor sweeps.
        await devnet.test.increaseTime({ seconds: duration + 10 });
        await devnet.test.mine({ blocks: 1 });
        for (const [w, s] of state) {
          if (s !== 'staked') continue;
          const tx = await unstakeFromPool(devnet.signers[w], { pool, tokenId: tokenOf.get(w)! });
          model.unstake(await blockTime(tx.blockNumber), tokenOf.get(w)!);
          addPaid(w, tx.paid);
        }
        const balanceBefore = await tokenBalance(pool);
        await devnet.signers[0].writeContract({ address: pool, abi: dataStakingPoolAbi, functionName: 'sweep', args: [devnet.signers[0].account.address] }).then((hash) => devnet.test.waitForTransactionReceipt({ hash }));
        const swept = balanceBefore - (await tokenBalance(pool));

        // Property 2: every stake got its weight × time share within rounding.
        for (const [w, tokenId] of tokenOf) {
          const diff = (paid.get(w) ?? 0n) + (forfeited.get(w) ?? 0n) - model.earned(tokenId);
          const tolerance = BigInt((claims.get(w) ?? 0) + 2);
          expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(tolerance);
        }
        if (process.env.DEBUG_POOL) console.log({ kinds: commands.map((c) => c.kind + ("who" in c ? c.who : "")).join(" "), budget, duration, n: commands.length, staked: tokenOf.size, paid: [...paid.values()], swept, model: [...tokenOf.values()].map((t) => model.earned(t)) });
        // Property 3: nothing stranded but dust; never more out than in.
        const lost = [...forfeited.values()].reduce((a, b) => a + b, 0n);
        const out = [...paid.values()].reduce((a, b) => a + b, 0n) + swept + lost;
        expect(out).toBeLessThanOrEqual(model.funded);
        expect(await tokenBalance(pool)).toBeGreaterThanOrEqual(lost); // forfeits stay in the pool
        expect(model.funded - out).toBeLessThanOrEqual(BigInt(commands.length + STAKERS.length + 1));
      }),
      { numRuns: Number(process.env.POOL_PROPERTY_RUNS ?? 30), endOnFailure: true },
    );
  });
});

async function tokenBalance(account: Address): Promise<bigint> {
  return readContract(devnet.test, {
    address: devnet.deployment.contracts.testToken as Address,
    abi: [{ type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'a', type: 'address' }], outputs: [{ type: 'uint256' }] }] as const,
    functionName: 'balanceOf',
    args: [account],
  });
}
