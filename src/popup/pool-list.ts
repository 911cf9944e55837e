import type { PoolView } from '../ui/api';
import { poolEligibility } from './pool-eligibility';

/** How many of the other pools (neither staked nor open to the user) show at first, and per "Show more". */
export const POOLS_PAGE = 10;

export interface ArrangedPools {
  /** Pools the user can act on: with a stake first, then open to stake (now or when they start). Always shown. */
  actionable: PoolView[];
  /** The first `limit` of the other pools, in the worker's order (oldest first). */
  others: PoolView[];
  /** How many other pools are behind "Show more". */
  more: number;
  /** Pools the user hid (shown only on request); a hidden pool is in no other list. */
  hidden: PoolView[];
}

/**
 * The Earn tab's pool list (docs/earning.md "Pools view"): pool creation is
 * permissionless, so spam must not bury the pools that matter. Hidden pools
 * (by lower-case address, for the current network) go to their own list;
 * pools with a stake, then pools the user can join, come first; the rest are
 * paged by `limit`.
 */
export function arrangePools(pools: readonly PoolView[], hidden: ReadonlySet<string>, nowMs: number, limit: number): ArrangedPools {
  const staked: PoolView[] = [];
  const open: PoolView[] = [];
  const rest: PoolView[] = [];
  const hiddenPools: PoolView[] = [];
  for (const pool of pools) {
    if (hidden.has(pool.address.toLowerCase())) hiddenPools.push(pool);
    else if (pool.stakes.length > 0) staked.push(pool);
    else if (isOpen(pool, nowMs)) open.push(pool);
    else rest.push(pool);
  }
  const shown = Math.max(0, limit);
  return { actionable: [...staked, ...open], others: rest.slice(0, shown), more: Math.max(0, rest.length - shown), hidden: hiddenPools };
}

/** The user can stake now, or once the pool starts. */
function isOpen(pool: PoolView, nowMs: number): boolean {
  const { ok, reason } = poolEligibility(pool, nowMs);
  return ok || reason === 'upcoming';
}
