import { parseEventLogs, type TransactionReceipt } from 'viem';
import { getContractEvents } from 'viem/actions';
import { dataStakingPoolAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, ReaderClient, SignerClient, TxResult } from './types.ts';

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

/**
 * What a stake forfeited when it left `pool`, from the pool's `Left` event for
 * the token since `fromBlock` (a token leaves a pool at most once): for a
 * leave whose receipt is not at hand, such as one another wallet with the same
 * key sent. Undefined when there is no such event (the stake did not leave).
 */
export async function forfeitedOnChain(client: ReaderClient, params: LeavePoolParameters & { fromBlock: bigint }): Promise<bigint | undefined> {
  const events = await getContractEvents(client, {
    address: params.pool, abi: dataStakingPoolAbi, eventName: 'Left', args: { tokenId: params.tokenId }, fromBlock: params.fromBlock, toBlock: 'latest', strict: true,
  });
  return events.length === 0 ? undefined : events.reduce((sum, e) => sum + e.args.forfeited, 0n);
}
