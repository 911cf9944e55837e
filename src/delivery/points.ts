/**
 * The staked weight from delivered records, exactly as the circuit computes it
 * (circuits/epoch.circom with lib/domain-day-points.circom and
 * lib/day-accumulator.circom): each counted leaf scores `scoreDomainDay` at the
 * resolution the leaf commits (src/zk/leaf.ts: quantising and saturating never
 * change the points), its points go to its day, and after each batch the
 * week's points are Σ_d min(DAY_CAP, running day sum) over every batch so far.
 * There is one formula (src/scoring/score.ts); this only feeds it committed units.
 */
import { SCORING } from '../scoring/constants.ts';
import { scoreDomainDay } from '../scoring/score.ts';
import type { LeafMeasures } from '../zk/leaf.ts';

/** The points of one committed leaf (the circuit's DomainDayPoints). */
export function leafPoints(m: LeafMeasures): number {
  return scoreDomainDay({
    day: m.day,
    category: m.category,
    activeSeconds: m.activeUnits * SCORING.TIER1_SECONDS_PER_POINT,
    visits: m.visits,
    interactions: m.interactionUnits * SCORING.INTERACTIONS_PER_POINT,
  });
}

/**
 * The public `points` after each batch, from the counted leaves of each batch
 * (the caller keeps only leaves in the pool's categories): the day cap applies
 * across batches, so batch k's value covers batches 0..k. The last is the weight.
 */
export function runningPoints(batches: readonly (readonly LeafMeasures[])[]): number[] {
  const daySum = new Map<number, number>();
  return batches.map((leaves) => {
    for (const m of leaves) daySum.set(m.day, (daySum.get(m.day) ?? 0) + leafPoints(m));
    let total = 0;
    for (const sum of daySum.values()) total += Math.min(sum, SCORING.DAY_CAP);
    return total;
  });
}
