import { readContract } from 'viem/actions';
import { poolFactoryAbi } from './generated/index.ts';
import { toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';

export interface IsFactoryPoolParameters {
  factory: Address;
  pool: Address;
}

/**
 * Whether `factory` created `pool` (`PoolFactory.isPool`). Only such pools are
 * funded as recorded and let a stake leave without the reward token; the
 * extension stakes into nothing else.
 */
export async function isFactoryPool(client: ReaderClient, params: IsFactoryPoolParameters): Promise<boolean> {
  try {
    return await readContract(client, { address: params.factory, abi: poolFactoryAbi, functionName: 'isPool', args: [params.pool] });
  } catch (err) {
    throw toChainError('Check pool', err);
  }
}
