import { readContract } from 'viem/actions';
import { poolFactoryAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import { readAll } from './read-many.ts';
import { POOL_INFO_CALLS, poolInfoCalls, toPoolInfo, type PoolInfo } from './read-pool.ts';
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

const poolAtCall = (params: ReadPoolAddressParameters) =>
  ({ address: params.factory, abi: poolFactoryAbi, functionName: 'poolAt', args: [params.index] }) as const;

/** The address of the factory's pool at `index` (pool id = index + 1). */
export function readPoolAddress(client: ReaderClient, params: ReadPoolAddressParameters): Promise<Address> {
  return readContract(client, poolAtCall(params));
}

/**
 * Every pool the factory created, oldest first (pool id = index + 1). Batched
 * (src/chain/read-many.ts): the count, then every pool's address in one
 * multicall, then every pool's terms in another, so the round trips stay
 * at three however many pools anyone created (pool creation is permissionless).
 */
export async function listPools(client: ReaderClient, params: ListPoolsParameters): Promise<PoolInfo[]> {
  const count = await readPoolCount(client, params);
  const indices = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
  const addresses = (await readAll(client, indices.map((index) => poolAtCall({ factory: params.factory, index })), 'List pools')) as Address[];
  const values = await readAll(client, addresses.flatMap(poolInfoCalls), 'Read pools');
  return addresses.map((address, i) => toPoolInfo(address, values.slice(i * POOL_INFO_CALLS, (i + 1) * POOL_INFO_CALLS)));
}
