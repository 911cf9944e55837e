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

/**
 * Stake a data token with a proof of its points in the pool's categories. The
 * proof must use the token's root and epoch, the pool's mask and minimum and the
 * scope DataStakingPool.stakeScope(signer, epoch). Each token stakes once per pool.
 */
export async function stakeIntoPool(client: SignerClient, params: StakeIntoPoolParameters): Promise<StakeIntoPoolReturnType> {
  const receipt = await sendContractWrite(client, 'Stake', {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'stake',
    args: [params.tokenId, params.nullifier, params.points, params.proof],
  });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
