import type { SealedBox } from '../../keyring';

/**
 * The `footprints` table: one row per page view. A row keeps its measures in
 * the clear (the popup sums them) and its site sealed to the vault public key
 * (docs/earning.md "The encrypted vault"): no host or domain is readable
 * without the vault private key. Nothing else about the page is ever stored.
 */
export interface FootprintRecord {
  /** Hex sha256(origin + "\n" + viewId) (src/vault/row-id.ts): per view and origin, reveals neither. */
  id: string;
  /** Sealed FootprintSite. */
  site: SealedBox;
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

/** What `site` seals. */
export interface FootprintSite {
  /** Origin host. */
  host: string;
  /** Registrable domain (eTLD+1), the scoring key. */
  domain: string;
}

/** A row with its site opened: what reads work on. Never stored. */
export type OpenedFootprint = Omit<FootprintRecord, 'site'> & FootprintSite;

/** The v2–v3 row shape (site in the clear, id = the view id), only for the v4 upgrade and its test. */
export type FootprintRecordV3 = OpenedFootprint;

/** Index spec per schema version. Never edit a published entry: add a version. */
export const FOOTPRINTS_INDEXES = {
  /** v1: the first shape kept the full origin and indexed by day only. */
  1: 'id, day',
  /** v2: origin split into host + registrable domain; listing by time and aggregation by domain-day. */
  2: 'id, day, startedAt, [domain+day]',
  /** v4: the site is sealed, so nothing can be indexed by it. */
  4: 'id, day, startedAt',
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
