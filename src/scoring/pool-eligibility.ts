import { scoreDomainDays, type DomainDay } from './score';

/** The terms of a pool that decide whether a token may stake (as DataStakingPool stores them). */
export interface PoolTerms {
  categoryMask: bigint;
  minPoints: bigint;
}

export interface PoolScore {
  /** The token's points counted in the pool's categories (scoreDomainDays with the pool's mask). */
  points: number;
  /** points ≥ the pool's minimum and points > 0: the proof can be made and the stake has weight. */
  eligible: boolean;
}

/**
 * Whether `points` let a token stake in a pool: at least the pool's minimum
 * (the circuit proves points ≥ minPoints) and never zero (a stake of weight 0
 * would earn nothing, even in a pool whose minimum is 0).
 */
export function meetsPoolMinimum(points: number, minPoints: bigint): boolean {
  return !(points < Number(minPoints) || points === 0);
}

/**
 * A token's points in a pool from its frozen domain-days, and whether they
 * are enough to stake. The one eligibility rule: the popup's pool list and
 * the stake preview both ask this.
 */
export function scoreForPool(days: readonly DomainDay[], pool: PoolTerms): PoolScore {
  const points = scoreDomainDays(days, pool.categoryMask);
  return { points, eligible: meetsPoolMinimum(points, pool.minPoints) };
}
