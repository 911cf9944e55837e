/**
 * The published points formula's constants. One source of truth for
 * `src/scoring`, the circuit (circuits/ include generated from these by
 * scripts/gen-circuit-constants) and the docs (docs/scoring.md).
 *
 * All arithmetic is on non-negative integers; every input is bounded so the
 * circuit can range-check it with a fixed number of bits.
 */
export const SCORING = {
  /** A domain-day with less active time than this earns nothing. */
  MIN_ACTIVE_SECONDS: 10,
  /** Tier 1: the first 10 minutes of active time earn 1 point per 10 s. */
  TIER1_SECONDS: 600,
  TIER1_SECONDS_PER_POINT: 10,
  /** Tier 2: the next 50 minutes earn 1 point per minute; beyond that, nothing. */
  TIER2_SECONDS: 3000,
  TIER2_SECONDS_PER_POINT: 60,
  /** Each page view earns 2 points, for at most 5 views of a domain a day. */
  VISIT_CAP: 5,
  POINTS_PER_VISIT: 2,
  /** Trusted interactions earn 1 point per 10, counting at most 100 a domain-day. */
  INTERACTION_CAP: 100,
  INTERACTIONS_PER_POINT: 10,
  /** Cap on the points of one domain on one day. */
  DOMAIN_DAY_CAP: 100,
  /** Cap on all points of one day (applied per category set, see scoreEpoch). */
  DAY_CAP: 600,
} as const;

/**
 * A page view with less active time than this is noise (a tab flashed past):
 * aggregation drops it before anything is counted, so it adds no visit, no
 * time and no interactions (src/scoring/aggregate.ts, docs/scoring.md §1).
 */
export const MIN_VIEW_ACTIVE_MS = 2_000;

/** Bit widths of the raw measures: inputs outside these ranges are rejected. */
export const FIELD_BITS = {
  activeSeconds: 17, // ≤ 131,071 s (> one day)
  visits: 16,
  interactions: 20,
  day: 16, // days since 1970-01-01 (until year 2149)
} as const;

/**
 * Widths of the measures as a leaf commits them (src/zk/leaf.ts). A leaf stores
 * each measure at the resolution the formula reads it, saturating far above its
 * cap, so the points are unchanged and less is committed:
 *   activeUnits      floor(activeSeconds / TIER1_SECONDS_PER_POINT), at most 4,095 (11 h 22 min; cap 1 h)
 *   visits           at most 255 (cap 5)
 *   interactionUnits floor(interactions / INTERACTIONS_PER_POINT), at most 255 (2,550 interactions; cap 100)
 */
export const LEAF_FIELD_BITS = {
  activeUnits: 12,
  visits: 8,
  interactionUnits: 8,
} as const;

export const FIELD_MAX = {
  activeSeconds: 86_400,
  visits: 2 ** FIELD_BITS.visits - 1,
  interactions: 2 ** FIELD_BITS.interactions - 1,
  day: 2 ** FIELD_BITS.day - 1,
} as const;
