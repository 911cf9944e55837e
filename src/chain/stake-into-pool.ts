import { dataStakingPoolAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, SolidityProof, TxResult } from './types.ts';

export interface StakeIntoPoolParameters {
  pool: Address;
  tokenId: bigint;
  nullifier: bigint;
  points: bigint;
  proof: SolidityProof;
}

export type StakeIntoPoolReturnType = TxResult;

/** The name a failed stake's error starts with, whether `stakeIntoPool` or the stake job sent it. */
export const STAKE_INTO_POOL_ACTION = 'Stake';

/** The stake as one contract call, the only place its arguments are laid out: `stakeIntoPool` sends it, the stake job sends it once. */
export function stakeIntoPoolCall(params: StakeIntoPoolParameters) {
  return {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'stake',
    args: [params.tokenId, params.nullifier, params.points, params.proof],
  } as const;
}

/**
 * Stake a data token with a proof of its points in the pool's categories. The
 * proof must use the token's root and epoch, the pool's mask and minimum and the
 * scope DataStakingPool.stakeScope(signer, epoch). Each token stakes once per pool.
 */
export async function stakeIntoPool(client: SignerClient, params: StakeIntoPoolParameters): Promise<StakeIntoPoolReturnType> {
  const receipt = await sendContractWrite(client, STAKE_INTO_POOL_ACTION, stakeIntoPoolCall(params));
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
