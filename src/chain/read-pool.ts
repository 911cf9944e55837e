import type { Hex } from 'viem';
import { readContract } from 'viem/actions';
import { DELIVERY_TIERS, type DeliveryTierName } from './create-pool.ts';
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
  /** What a stake delivers to the sponsor (docs/delivery.md). */
  deliveryTier: DeliveryTierName;
  /** The sponsor's X25519 public key (zero for `none`). */
  deliveryKey: Hex;
  /** Seconds after a stake during which the sponsor may reject its delivery. */
  reviewPeriod: number;
}

const FIELDS = [
  'poolId', 'sponsor', 'rewardToken', 'start', 'end', 'categoryMask', 'minPoints', 'minEpoch',
  'metadataURI', 'funded', 'allocated', 'totalWeight', 'deliveryTier', 'deliveryKey', 'reviewPeriod',
] as const;

/** How many calls read one pool (`poolInfoCalls`). */
export const POOL_INFO_CALLS = FIELDS.length;

/** The view calls that read a pool's terms and accounting, in the order `toPoolInfo` expects. */
export function poolInfoCalls(pool: Address) {
  return FIELDS.map((functionName) => ({ address: pool, abi: dataStakingPoolAbi, functionName }) as const);
}

/** A pool's info from the values of its `poolInfoCalls`, in order. */
export function toPoolInfo(pool: Address, values: readonly unknown[]): PoolInfo {
  const info = Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as Omit<PoolInfo, 'address' | 'deliveryTier'> & { deliveryTier: number };
  return { address: pool, ...info, deliveryTier: DELIVERY_TIERS[info.deliveryTier] ?? 'none' };
}

/** A pool's terms and current accounting, read in parallel (many pools at once: `listPools`). */
export async function readPool(client: ReaderClient, params: ReadPoolParameters): Promise<PoolInfo> {
  try {
    const values = await Promise.all(poolInfoCalls(params.pool).map((call) => readContract(client, call)));
    return toPoolInfo(params.pool, values);
  } catch (err) {
    throw toChainError(`Read pool ${params.pool}`, err);
  }
}
