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

/** Leave a pool with the rewards earned so far; the token cannot stake in this pool again. */
export async function unstakeFromPool(client: SignerClient, params: UnstakeFromPoolParameters): Promise<UnstakeFromPoolReturnType> {
  const receipt = await sendContractWrite(client, 'Unstake', {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'unstake',
    args: [params.tokenId],
  });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, paid: paidIn(receipt.logs, params.pool) };
}
