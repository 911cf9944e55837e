import { readContract } from 'viem/actions';
import { poolFactoryAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import { readPool, type PoolInfo } from './read-pool.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ListPoolsParameters {
  factory: Address;
}

export interface ReadPoolAddressParameters {
  factory: Address;
  /** 0-based: pool id − 1. */
  index: bigint;
}

/** How many pools the factory created (pool ids run 1..count). */
export async function readPoolCount(client: ReaderClient, params: ListPoolsParameters): Promise<bigint> {
  try {
    return await readContract(client, { address: params.factory, abi: poolFactoryAbi, functionName: 'poolCount' });
  } catch (err) {
    throw toChainError('List pools', err);
  }
}

/** The address of the factory's pool at `index` (pool id = index + 1). */
export function readPoolAddress(client: ReaderClient, params: ReadPoolAddressParameters): Promise<Address> {
  return readContract(client, { address: params.factory, abi: poolFactoryAbi, functionName: 'poolAt', args: [params.index] });
}

/** Every pool the factory created, oldest first (pool id = index + 1). */
export async function listPools(client: ReaderClient, params: ListPoolsParameters): Promise<PoolInfo[]> {
  const count = await readPoolCount(client, params);
  const pools: PoolInfo[] = [];
  for (let i = 0n; i < count; i++) {
    const address = await readPoolAddress(client, { factory: params.factory, index: i });
    pools.push(await readPool(client, { pool: address }));
  }
  return pools;
}
