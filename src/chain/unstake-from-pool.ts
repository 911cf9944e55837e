import { dataStakingPoolAbi } from './generated/index.ts';
import { paidIn } from './claim-rewards.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface UnstakeFromPoolParameters {
  pool: Address;
  tokenId: bigint;
}

export interface UnstakeFromPoolReturnType extends TxResult {
  paid: bigint;
}

/** The name a failed unstake's error starts with, whether `unstakeFromPool` or a job sent it. */
export const UNSTAKE_FROM_POOL_ACTION = 'Unstake';

/** The unstake as one contract call: `unstakeFromPool` sends it, the unstake and exit jobs send it once. */
export function unstakeFromPoolCall(params: UnstakeFromPoolParameters) {
  return { address: params.pool, abi: dataStakingPoolAbi, functionName: 'unstake', args: [params.tokenId] } as const;
}

/** Leave a pool with the rewards earned so far; the token cannot stake in this pool again. */
export async function unstakeFromPool(client: SignerClient, params: UnstakeFromPoolParameters): Promise<UnstakeFromPoolReturnType> {
  const receipt = await sendContractWrite(client, UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall(params));
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, paid: paidIn(receipt.logs, params.pool) };
}
