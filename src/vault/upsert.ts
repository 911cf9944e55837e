import type { FootprintSnapshot } from '../shared/footprint';
import { localDay } from '../shared/epoch';
import type { VaultDb } from './db';
import { toVaultError } from './errors';
import type { FootprintRecord } from './schema/footprints';

/** Where a snapshot belongs, decided by the worker (never by the content script). */
export interface FootprintPlacement {
  host: string;
  domain: string;
  category: number;
}

export type UpsertOutcome = 'inserted' | 'merged' | 'unchanged' | 'host_mismatch';

const MEASURES = ['activeMs', 'scrollDepth', 'clicks', 'keys', 'scrolls'] as const;

/** The row a first snapshot creates. Pure. */
export function recordFromSnapshot(s: FootprintSnapshot, p: FootprintPlacement, now: number): FootprintRecord {
  return {
    id: s.id,
    domain: p.domain,
    host: p.host,
    category: p.category,
    day: localDay(s.startedAt, s.tzOffset),
    startedAt: s.startedAt,
    tzOffset: s.tzOffset,
    activeMs: s.activeMs,
    scrollDepth: s.scrollDepth,
    clicks: s.clicks,
    keys: s.keys,
    scrolls: s.scrolls,
    lang: s.lang,
    updatedAt: now,
  };
}

/**
 * Merges a later (or retried, or reordered) snapshot into a row. Snapshots
 * are cumulative, so the row keeps the max of each measure: applying the same
 * snapshots in any order, any number of times, gives the same row. Identity
 * fields (site, category, day, start) stay as first written. Pure.
 */
export function mergeSnapshot(row: FootprintRecord, s: FootprintSnapshot, now: number): FootprintRecord | undefined {
  let changed = false;
  const next = { ...row };
  for (const m of MEASURES) {
    if (s[m] > row[m]) {
      next[m] = s[m];
      changed = true;
    }
  }
  if (!changed) return undefined;
  next.updatedAt = now;
  return next;
}

/**
 * Stores one snapshot idempotently in a single read-write transaction.
 * A snapshot whose id already belongs to another host is refused (a page
 * cannot add to another site's view). Throws VaultError.
 */
export async function upsertFootprint(
  db: VaultDb,
  s: FootprintSnapshot,
  p: FootprintPlacement,
  now: number,
): Promise<UpsertOutcome> {
  // Everything computed before the transaction: no foreign async work inside it.
  const fresh = recordFromSnapshot(s, p, now);
  try {
    return await db.transaction('rw', db.footprints, async (): Promise<UpsertOutcome> => {
      const existing = await db.footprints.get(s.id);
      if (!existing) {
        await db.footprints.add(fresh);
        return 'inserted';
      }
      if (existing.host !== p.host) return 'host_mismatch';
      const merged = mergeSnapshot(existing, s, now);
      if (!merged) return 'unchanged';
      await db.footprints.put(merged);
      return 'merged';
    });
  } catch (cause) {
    throw toVaultError(cause, 'saving a footprint');
  }
}
