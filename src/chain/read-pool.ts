import { readContract } from 'viem/actions';
import { dataStakingPoolAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadPoolParameters {
  pool: Address;
}

export interface PoolInfo {
  address: Address;
  poolId: bigint;
  sponsor: Address;
  rewardToken: Address;
  start: bigint;
  end: bigint;
  categoryMask: bigint;
  minPoints: bigint;
  minEpoch: bigint;
  metadataURI: string;
  funded: bigint;
  allocated: bigint;
  totalWeight: bigint;
}

const FIELDS = [
  'poolId', 'sponsor', 'rewardToken', 'start', 'end', 'categoryMask', 'minPoints', 'minEpoch',
  'metadataURI', 'funded', 'allocated', 'totalWeight',
] as const;

/** A pool's terms and current accounting, read in parallel. */
export async function readPool(client: ReaderClient, params: ReadPoolParameters): Promise<PoolInfo> {
  try {
    const values = await Promise.all(
      FIELDS.map((functionName) => readContract(client, { address: params.pool, abi: dataStakingPoolAbi, functionName })),
    );
    const info = Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as Omit<PoolInfo, 'address'>;
    return { address: params.pool, ...info };
  } catch (err) {
    throw toChainError(`Read pool ${params.pool}`, err);
  }
}
