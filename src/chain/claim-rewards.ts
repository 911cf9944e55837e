import { parseEventLogs, type TransactionReceipt } from 'viem';
import { dataStakingPoolAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface ClaimRewardsParameters {
  pool: Address;
  tokenId: bigint;
}

export interface ClaimRewardsReturnType extends TxResult {
  /** Reward tokens paid to the holder (0 when nothing was pending). */
  paid: bigint;
}

/** The name a failed claim's error starts with, whether `claimRewards` or the claim job sent it. */
export const CLAIM_REWARDS_ACTION = 'Claim rewards';

/** The claim as one contract call: `claimRewards` sends it, the claim job sends it once. */
export function claimRewardsCall(params: ClaimRewardsParameters) {
  return { address: params.pool, abi: dataStakingPoolAbi, functionName: 'claim', args: [params.tokenId] } as const;
}

/** Collect a stake's pending rewards; the stake stays. */
export async function claimRewards(client: SignerClient, params: ClaimRewardsParameters): Promise<ClaimRewardsReturnType> {
  const receipt = await sendContractWrite(client, CLAIM_REWARDS_ACTION, claimRewardsCall(params));
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, paid: paidIn(receipt.logs, params.pool) };
}

/** Sum of RewardPaid amounts `pool` emitted in a receipt's logs. */
export function paidIn(logs: TransactionReceipt['logs'], pool: Address): bigint {
  const events = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'RewardPaid', logs });
  return events
    .filter((e) => e.address.toLowerCase() === pool.toLowerCase())
    .reduce((sum, e) => sum + e.args.amount, 0n);
}
