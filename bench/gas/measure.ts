/**
 * Measures the gas of one user's journey on a fresh devnet: mint, stake, claim
 * (first and repeat), unstake. The proof source is pluggable so the same journey
 * runs with the accept-all verifier (the cost of everything but verification)
 * and with the real verifiers and real proofs.
 */
import type { Address } from 'viem';
import { startDevnet, type Devnet } from '../../scripts/devnet.ts';
import type { VerifierName } from '../../scripts/lib/deployments.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { claimRewards } from '../../src/chain/claim-rewards.ts';
import { unstakeFromPool } from '../../src/chain/unstake-from-pool.ts';
import { createPool } from '../../src/chain/create-pool.ts';
import type { SolidityProof } from '../../src/chain/types.ts';
import { categoryMask } from '../../src/shared/categories.ts';

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
export interface ProvenInputs {
  proof: SolidityProof;
  nullifier: bigint;
  points: bigint;
  root: bigint;
}
export type ProofProvider = (devnet: Devnet, request: ProofRequest) => Promise<ProvenInputs>;

export interface GasFigures {
  verifier: VerifierName;
  mint: bigint;
  stake: bigint;
  claimFirst: bigint;
  claimRepeat: bigint;
  unstake: bigint;
}

export async function measureJourney(verifier: VerifierName, prove: ProofProvider): Promise<GasFigures> {
  const devnet = await startDevnet({ verifier, accounts: 2 });
  try {
    const holder = devnet.signers[1];
    const { dataSbt, poolFactory, testToken } = devnet.deployment.contracts;
    const { readContract } = await import('viem/actions');
    const { dataSBTAbi, dataStakingPoolAbi } = await import('../../src/chain/generated/index.ts');
    const epoch = (await readContract(devnet.test, { address: dataSbt as Address, abi: dataSBTAbi, functionName: 'currentEpoch' })) - 1n;

    const mintScope = await readContract(devnet.test, { address: dataSbt as Address, abi: dataSBTAbi, functionName: 'mintScope', args: [holder.account.address, epoch] });
    const m = await prove(devnet, { kind: 'mint', holder: holder.account.address, epoch, target: dataSbt as Address, poolId: 0n, scope: mintScope, categoryMask: categoryMask(['other', 'crypto', 'nft', 'news', 'politics', 'social', 'finance', 'shopping', 'tech', 'ai', 'gaming', 'entertainment', 'education', 'travel', 'sports', 'health', 'adult', 'banking', 'government']), minPoints: 1n });
    const minted = await mintSbt(holder, { sbt: dataSbt as Address, epoch, points: m.points, nullifier: m.nullifier, root: m.root, proof: m.proof });

    const now = (await devnet.test.getBlock()).timestamp;
    const mask = categoryMask(['crypto', 'finance']);
    const { pool } = await createPool(devnet.signers[0], {
      factory: poolFactory as Address, rewardToken: testToken as Address, budget: 10n ** 21n,
      start: now + 2n, end: now + 7n * 86_400n, categoryMask: mask, minPoints: 1n, metadataURI: '',
    });
    const stakeScope = await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'stakeScope', args: [holder.account.address, epoch] });
    const s = await prove(devnet, { kind: 'stake', holder: holder.account.address, epoch, target: pool, poolId: 1n, scope: stakeScope, categoryMask: mask, minPoints: 1n });
    const staked = await stakeIntoPool(holder, { pool, tokenId: minted.tokenId, nullifier: s.nullifier, points: s.points, proof: s.proof });

    const tick = async () => {
      await devnet.test.increaseTime({ seconds: 3_600 });
      await devnet.test.mine({ blocks: 1 });
    };
    await tick();
    const claimFirst = await claimRewards(holder, { pool, tokenId: minted.tokenId });
    await tick();
    const claimRepeat = await claimRewards(holder, { pool, tokenId: minted.tokenId });
    await tick();
    const unstaked = await unstakeFromPool(holder, { pool, tokenId: minted.tokenId });
    return { verifier, mint: minted.gasUsed, stake: staked.gasUsed, claimFirst: claimFirst.gasUsed, claimRepeat: claimRepeat.gasUsed, unstake: unstaked.gasUsed };
  } finally {
    await devnet.stop();
  }
}
