import { parseEventLogs, type TransactionReceipt } from 'viem';
import { dataStakingPoolAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface LeavePoolParameters {
  pool: Address;
  tokenId: bigint;
}

export interface LeavePoolReturnType extends TxResult {
  /** Rewards the stake had earned and gave up (they stay in the pool, allocated to nobody). */
  forfeited: bigint;
}

/** The name a failed leave's error starts with, whether `leavePool` or the exit job sent it. */
export const LEAVE_POOL_ACTION = 'Leave pool';

/** The leave as one contract call: `leavePool` sends it, the exit job sends it once. */
export function leavePoolCall(params: LeavePoolParameters) {
  return { address: params.pool, abi: dataStakingPoolAbi, functionName: 'leave', args: [params.tokenId] } as const;
}

/**
 * Leave a pool WITHOUT any call to its reward token, forfeiting what the stake
 * earned: the way out of a pool whose token's transfers revert (unstake and
 * claim would revert forever). The token cannot stake in this pool again.
 */
export async function leavePool(client: SignerClient, params: LeavePoolParameters): Promise<LeavePoolReturnType> {
  const receipt = await sendContractWrite(client, LEAVE_POOL_ACTION, leavePoolCall(params));
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, forfeited: forfeitedIn(receipt.logs, params.pool) };
}

/** Sum of the `Left` events' forfeited amounts `pool` emitted in a receipt's logs. */
export function forfeitedIn(logs: TransactionReceipt['logs'], pool: Address): bigint {
  return parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Left', logs })
    .filter((e) => e.address.toLowerCase() === pool.toLowerCase())
    .reduce((sum, e) => sum + e.args.forfeited, 0n);
}
