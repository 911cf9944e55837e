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

/** Collect a stake's pending rewards; the stake stays. */
export async function claimRewards(client: SignerClient, params: ClaimRewardsParameters): Promise<ClaimRewardsReturnType> {
  const receipt = await sendContractWrite(client, 'Claim rewards', {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'claim',
    args: [params.tokenId],
  });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, paid: paidIn(receipt.logs, params.pool) };
}

/** Sum of RewardPaid amounts `pool` emitted in a receipt's logs. */
export function paidIn(logs: TransactionReceipt['logs'], pool: Address): bigint {
  const events = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'RewardPaid', logs });
  return events
    .filter((e) => e.address.toLowerCase() === pool.toLowerCase())
    .reduce((sum, e) => sum + e.args.amount, 0n);
}
