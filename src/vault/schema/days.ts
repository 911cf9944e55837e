import type { SealedBox } from '../../keyring';

/**
 * The `days` table (v5): per local day, a write stamp and, once a read has
 * built it, that day's domain-days sealed to the vault public key. Reads that
 * score (the popup, the Earn tab, a week's commitment) open one box per day
 * instead of one per page view (issue #14 §3: ~27,000 footprints at 90 days ×
 * 300 views). The aggregate holds nothing a footprint does not: it is the
 * footprints of that day grouped by site, sealed like them.
 *
 * `stamp` goes up in the same transaction as every footprint write of that
 * day (capture works while locked, so it cannot rebuild the sealed aggregate,
 * only mark it stale); `built` is valid only while `built.stamp === stamp`.
 * Retention and delete-all remove a day's record with its footprints.
 * A change to the aggregation rules (src/scoring/aggregate.ts) must come with
 * a vault version whose upgrade drops every `built`.
 */
export interface DayRecord {
  /** Local day (src/shared/epoch.ts localDay). */
  day: number;
  /** Footprint writes of this day so far (inserted or merged rows). */
  stamp: number;
  /** The day's domain-days as of `stamp`: sealed JSON of DomainDayRow[]. */
  built?: { stamp: number; rows: SealedBox };
}

export const DAYS_INDEXES = {
  /** v5: per-day sealed aggregates. */
  5: 'day',
} as const;
