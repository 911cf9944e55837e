import { readContract } from 'viem/actions';
import { dataStakingPoolAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadStakeParameters {
  pool: Address;
  tokenId: bigint;
}

export interface StakeInfo {
  status: 'none' | 'staked' | 'exited';
  weight: bigint;
  pending: bigint;
}

const STATUS = ['none', 'staked', 'exited'] as const;

/** A token's stake in a pool and the rewards it could claim now. */
export async function readStake(client: ReaderClient, params: ReadStakeParameters): Promise<StakeInfo> {
  try {
    const [record, pending] = await Promise.all([
      readContract(client, { address: params.pool, abi: dataStakingPoolAbi, functionName: 'stakeOf', args: [params.tokenId] }),
      readContract(client, { address: params.pool, abi: dataStakingPoolAbi, functionName: 'pendingRewards', args: [params.tokenId] }),
    ]);
    return { status: STATUS[record.status] ?? 'none', weight: record.weight, pending };
  } catch (err) {
    throw toChainError('Read stake', err);
  }
}
