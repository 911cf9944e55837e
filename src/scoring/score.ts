import { FIELD_MAX, SCORING } from './constants';

/** The raw measures of one domain on one day: what a leaf commits to. */
export interface DomainDay {
  /** Days since 1970-01-01 in the user's local calendar. */
  day: number;
  /** Category id (see src/shared/categories.ts). */
  category: number;
  activeSeconds: number;
  visits: number;
  interactions: number;
}

function assertBounded(name: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer in [0, ${max}], got ${value}`);
  }
}

/** Validates the measures of a domain-day; throws RangeError on anything out of range. */
export function assertDomainDay(d: DomainDay): void {
  assertBounded('day', d.day, FIELD_MAX.day);
  assertBounded('category', d.category, 31);
  assertBounded('activeSeconds', d.activeSeconds, FIELD_MAX.activeSeconds);
  assertBounded('visits', d.visits, FIELD_MAX.visits);
  assertBounded('interactions', d.interactions, FIELD_MAX.interactions);
}

/** Points from active time: two tiers, then nothing (diminishing returns). */
export function dwellPoints(activeSeconds: number): number {
  const t1 = Math.min(activeSeconds, SCORING.TIER1_SECONDS);
  const t2 = Math.min(Math.max(activeSeconds - SCORING.TIER1_SECONDS, 0), SCORING.TIER2_SECONDS);
  return (
    Math.floor(t1 / SCORING.TIER1_SECONDS_PER_POINT) +
    Math.floor(t2 / SCORING.TIER2_SECONDS_PER_POINT)
  );
}

/** Points from page views: POINTS_PER_VISIT each, counting at most VISIT_CAP views. */
export function visitPoints(visits: number): number {
  return Math.min(visits, SCORING.VISIT_CAP) * SCORING.POINTS_PER_VISIT;
}

/** Points from trusted interactions: one per INTERACTIONS_PER_POINT, counting at most INTERACTION_CAP. */
export function interactionPoints(interactions: number): number {
  return Math.floor(Math.min(interactions, SCORING.INTERACTION_CAP) / SCORING.INTERACTIONS_PER_POINT);
}

/**
 * Points of one domain-day. Pure integer arithmetic, mirrored constraint by
 * constraint in circuits/ (a test checks both agree on random inputs).
 */
export function scoreDomainDay(d: DomainDay): number {
  assertDomainDay(d);
  if (d.activeSeconds < SCORING.MIN_ACTIVE_SECONDS) return 0;
  const points = dwellPoints(d.activeSeconds) + visitPoints(d.visits) + interactionPoints(d.interactions);
  return Math.min(points, SCORING.DOMAIN_DAY_CAP);
}

/**
 * Points of a set of domain-days restricted to the categories in `mask`
 * (bit `id` set = category counted): per day, the sum of counted domain-day
 * points capped at DAY_CAP; then summed over days. Order-independent.
 */
export function scoreDomainDays(days: readonly DomainDay[], mask: bigint = ~0n): number {
  const perDay = new Map<number, number>();
  for (const d of days) {
    const pts = scoreDomainDay(d);
    if (((mask >> BigInt(d.category)) & 1n) === 0n) continue;
    perDay.set(d.day, (perDay.get(d.day) ?? 0) + pts);
  }
  let total = 0;
  for (const sum of perDay.values()) total += Math.min(sum, SCORING.DAY_CAP);
  return total;
}
