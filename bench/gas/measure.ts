/**
 * Measures the gas of one user's journey on a fresh devnet: mint, stake, claim
 * (first and repeat), unstake. The proof source is pluggable so the same journey
 * runs with the accept-all verifier (the cost of everything but verification)
 * and with the real verifiers and real proofs.
 */
import { randomBytes } from 'node:crypto';
import { bytesToHex, erc20Abi, type Address, type Hex } from 'viem';
import { envelopeSizeFor } from '../../src/delivery/index.ts';
import { startDevnet, type Devnet } from '../../scripts/devnet.ts';
import type { VerifierName } from '../../scripts/lib/deployments.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { claimRewards } from '../../src/chain/claim-rewards.ts';
import { unstakeFromPool } from '../../src/chain/unstake-from-pool.ts';
import { createPool } from '../../src/chain/create-pool.ts';
import type { WeekProofArgs } from '../../src/chain/types.ts';
import { categoryMask, CATEGORY_KEYS } from '../../src/shared/categories.ts';
import { readContract } from 'viem/actions';
import { readCurrentEpoch } from '../../src/chain/read-current-epoch.ts';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';

/** Public inputs a proof is asked for; the provider returns the proof and the values it proves. */
export interface ProofRequest {
  kind: 'mint' | 'stake';
  holder: Address;
  epoch: bigint;
  /** The contract that verifies (DataSBT or the pool) and its pool id (0 for the mint). */
  target: Address;
  poolId: bigint;
  scope: bigint;
  categoryMask: bigint;
  minPoints: bigint;
}
export interface ProvenInputs extends WeekProofArgs {
  /** The week's points (the last batch's). */
  points: bigint;
}
export type ProofProvider = (devnet: Devnet, request: ProofRequest) => Promise<ProvenInputs>;

export interface GasFigures {
  verifier: VerifierName;
  /** A holder's first mint (writes their balance slot from zero). */
  mint: bigint;
  /** The same holder's previous epoch (a fresh points page when the two epochs straddle a page). */
  mintNext: bigint;
  /** A mint into a points page the holder already has (DataSBT keeps 8 epochs per page). */
  mintSamePage: bigint;
  /** First stake into an empty pool. */
  stake: bigint;
  /** A stake into a pool that already streams to someone (the accumulator moves). */
  stakeBusy: bigint;
  /** First claim by a holder who never held the reward token (zero balance slot). */
  claimFirst: bigint;
  claimRepeat: bigint;
  unstake: bigint;
  /** First stake into a records pool with a typical delivery (40 records). */
  stakeRecords: bigint;
  /** First stake into a totals pool. */
  stakeTotals: bigint;
}

const ALL = categoryMask(CATEGORY_KEYS);
/** The envelope src/delivery seals for 40 typical records (≈ 50.5 bytes each) and for one batch of totals. */
const TYPICAL_RECORDS_ENVELOPE = envelopeSizeFor(8 + 40 * 51);
const TOTALS_ENVELOPE = envelopeSizeFor(83);

export async function measureJourney(verifier: VerifierName, prove: ProofProvider): Promise<GasFigures> {
  const devnet = await startDevnet({ verifier, accounts: 6 });
  try {
    const { dataSbt, poolFactory, testToken } = devnet.deployment.contracts;
    const sbt = dataSbt as Address;
    const current = await readCurrentEpoch(devnet.test, { sbt });
    const tick = async () => {
      await devnet.test.increaseTime({ seconds: 3_600 });
      await devnet.test.mine({ blocks: 1 });
    };
    const mint = async (who: number, epoch: bigint) => {
      const holder = devnet.signers[who].account.address;
      const scope = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'mintScope', args: [holder, epoch] });
      const m = await prove(devnet, { kind: 'mint', holder, epoch, target: sbt, poolId: 0n, scope, categoryMask: ALL, minPoints: 1n });
      return mintSbt(devnet.signers[who], { sbt, epoch, nullifier: m.nullifier, batches: m.batches });
    };
    const epoch = current - 1n;
    const first = await mint(1, epoch);
    const next = await mint(1, epoch - 1n);
    const other = await mint(2, epoch);
    // Two earlier epochs in one points page (epoch / 8): the second mint rewrites that page.
    const later = (epoch - 1n) % 8n === 0n ? epoch - 2n : epoch - 1n;
    await mint(3, later - 1n);
    const samePage = await mint(3, later);

    const now = (await devnet.test.getBlock()).timestamp;
    const mask = categoryMask(['crypto', 'finance']);
    const { pool, poolId } = await createPool(devnet.signers[0], {
      factory: poolFactory as Address, rewardToken: testToken as Address, budget: 10n ** 21n,
      start: now + 2n, end: now + 7n * 86_400n, categoryMask: mask, minPoints: 1n, metadataURI: '',
    });
    const stakeInto = async (target: { pool: Address; poolId: bigint }, who: number, tokenId: bigint, envelope?: Hex) => {
      const holder = devnet.signers[who].account.address;
      const scope = await readContract(devnet.test, { address: target.pool, abi: dataStakingPoolAbi, functionName: 'stakeScope', args: [holder, epoch] });
      const s = await prove(devnet, { kind: 'stake', holder, epoch, target: target.pool, poolId: target.poolId, scope, categoryMask: mask, minPoints: 1n });
      return stakeIntoPool(devnet.signers[who], { pool: target.pool, tokenId, nullifier: s.nullifier, batches: s.batches, envelope });
    };
    const stake = (who: number, tokenId: bigint) => stakeInto({ pool, poolId }, who, tokenId);
    await tick();
    const staked = await stake(1, first.tokenId);
    await tick();
    const stakedBusy = await stake(2, other.tokenId);

    // A realistic first claim: the holder has never held the reward token (a zero balance slot).
    const balance = await readContract(devnet.test, { address: testToken as Address, abi: erc20Abi, functionName: 'balanceOf', args: [devnet.signers[1].account.address] });
    await devnet.signers[1].writeContract({ address: testToken as Address, abi: erc20Abi, functionName: 'transfer', args: [devnet.signers[0].account.address, balance] })
      .then((hash) => devnet.test.waitForTransactionReceipt({ hash }));
    await tick();
    const claimFirst = await claimRewards(devnet.signers[1], { pool, tokenId: first.tokenId });
    await tick();
    const claimRepeat = await claimRewards(devnet.signers[1], { pool, tokenId: first.tokenId });
    await tick();
    const unstaked = await unstakeFromPool(devnet.signers[1], { pool, tokenId: first.tokenId });

    // Delivery pools (docs/delivery.md): a typical records delivery (40 records) and a totals one, each the
    // first stake of its pool, with an envelope of the size src/delivery seals for it (random bytes: calldata
    // costs what ciphertext costs).
    const deliveryPool = async (tier: 'records' | 'totals') => {
      const t = (await devnet.test.getBlock()).timestamp;
      return createPool(devnet.signers[0], {
        factory: poolFactory as Address, rewardToken: testToken as Address, budget: 10n ** 21n,
        start: t + 2n, end: t + 7n * 86_400n, categoryMask: mask, minPoints: 1n, metadataURI: '',
        delivery: { tier, key: `0x${'11'.repeat(32)}`, reviewPeriod: 86_400 },
      });
    };
    const envelopeOf = (bytes: number): Hex => bytesToHex(randomBytes(bytes));
    const records = await deliveryPool('records');
    const totals = await deliveryPool('totals');
    const [fourth, fifth] = [await mint(4, epoch), await mint(5, epoch)];
    await tick();
    const stakeRecords = await stakeInto(records, 4, fourth.tokenId, envelopeOf(TYPICAL_RECORDS_ENVELOPE));
    const stakeTotals = await stakeInto(totals, 5, fifth.tokenId, envelopeOf(TOTALS_ENVELOPE));
    return {
      stakeRecords: stakeRecords.gasUsed, stakeTotals: stakeTotals.gasUsed,
      verifier, mint: first.gasUsed, mintNext: next.gasUsed, mintSamePage: samePage.gasUsed, stake: staked.gasUsed, stakeBusy: stakedBusy.gasUsed,
      claimFirst: claimFirst.gasUsed, claimRepeat: claimRepeat.gasUsed, unstake: unstaked.gasUsed,
    };
  } finally {
    await devnet.stop();
  }
}
