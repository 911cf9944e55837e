import { dataStakingPoolAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Hex } from 'viem';
import type { Address, SignerClient, TxResult, WeekProofArgs } from './types.ts';

export interface StakeIntoPoolParameters extends WeekProofArgs {
  pool: Address;
  tokenId: bigint;
  /** The delivery sealed to the pool's key (src/delivery); '0x' (the default) for a pool without delivery. */
  envelope?: Hex;
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
    args: [params.tokenId, params.nullifier, params.batches, params.envelope ?? '0x'],
  } as const;
}

/**
 * Stake a data token with the week's proofs of its points in the pool's categories.
 * The batches must be the token's (their roots hash to its week root), made for the
 * pool's mask and the scope DataStakingPool.stakeScope(signer, epoch); the pool checks
 * the final points against its minimum. Each token stakes once per pool.
 */
export async function stakeIntoPool(client: SignerClient, params: StakeIntoPoolParameters): Promise<StakeIntoPoolReturnType> {
  const receipt = await sendContractWrite(client, STAKE_INTO_POOL_ACTION, stakeIntoPoolCall(params));
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
