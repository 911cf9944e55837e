import { readContract } from 'viem/actions';
import { poolFactoryAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import { readPool, type PoolInfo } from './read-pool.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ListPoolsParameters {
  factory: Address;
}

/** Every pool the factory created, oldest first (pool id = index + 1). */
export async function listPools(client: ReaderClient, params: ListPoolsParameters): Promise<PoolInfo[]> {
  let count: bigint;
  try {
    count = await readContract(client, { address: params.factory, abi: poolFactoryAbi, functionName: 'poolCount' });
  } catch (err) {
    throw toChainError('List pools', err);
  }
  const pools: PoolInfo[] = [];
  for (let i = 0n; i < count; i++) {
    const address = await readContract(client, { address: params.factory, abi: poolFactoryAbi, functionName: 'poolAt', args: [i] });
    pools.push(await readPool(client, { pool: address }));
  }
  return pools;
}
