/**
 * The `footprints` table: one row per page view, keyed by the content
 * script's random view id. A row holds the site (registrable domain and host,
 * never a path), the category, the user's local day and the cumulative
 * measures. Nothing else about the page is ever stored.
 */
export interface FootprintRecord {
  /** Random per page view (uuid), the idempotency key. */
  id: string;
  /** Registrable domain (eTLD+1), the scoring key. */
  domain: string;
  /** Origin host, kept so a snapshot from another host can never merge into this row. */
  host: string;
  /** Category id (src/shared/categories.ts), decided at first write. */
  category: number;
  /** Local day of `startedAt` (src/shared/epoch.ts localDay). */
  day: number;
  startedAt: number;
  tzOffset: number;
  activeMs: number;
  scrollDepth: number;
  clicks: number;
  keys: number;
  scrolls: number;
  /** Page language tag or ''. */
  lang: string;
  /** When the last snapshot merged, ms. */
  updatedAt: number;
}

/** Index spec per schema version. Never edit a published entry: add a version. */
export const FOOTPRINTS_INDEXES = {
  /** v1: the first shape kept the full origin and indexed by day only. */
  1: 'id, day',
  /** v2: origin split into host + registrable domain; listing by time and aggregation by domain-day. */
  2: 'id, day, startedAt, [domain+day]',
} as const;

/** The v1 row shape, only for the upgrade and its test. */
export interface FootprintRecordV1 {
  id: string;
  origin: string;
  category: number;
  day: number;
  startedAt: number;
  tzOffset: number;
  activeMs: number;
  scrollDepth: number;
  clicks: number;
  keys: number;
  scrolls: number;
  lang: string;
}
