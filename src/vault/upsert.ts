import type { Sealer } from '../keyring';
import type { FootprintSnapshot } from '../shared/footprint';
import { localDay } from '../shared/epoch';
import type { VaultDb } from './db';
import { toVaultError } from './errors';
import { footprintRowId } from './row-id';
import type { FootprintRecord } from './schema/footprints';

/** Where a snapshot belongs, decided by the worker (never by the content script). */
export interface FootprintPlacement {
  host: string;
  domain: string;
  category: number;
}

export type UpsertOutcome = 'inserted' | 'merged' | 'unchanged';

const MEASURES = ['activeMs', 'scrollDepth', 'clicks', 'keys', 'scrolls'] as const;

/** The row a first snapshot creates, given its row id and sealed site. Pure. */
export function recordFromSnapshot(
  s: FootprintSnapshot,
  p: FootprintPlacement,
  sealed: Pick<FootprintRecord, 'id' | 'site'>,
  now: number,
): FootprintRecord {
  return {
    id: sealed.id,
    site: sealed.site,
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
 * Stores one snapshot idempotently in a single read-write transaction. The
 * row id (per origin and view) and the sealed site are computed first: no
 * WebCrypto inside the transaction. Throws VaultError.
 */
export async function upsertFootprint(
  db: VaultDb,
  sealer: Sealer,
  s: FootprintSnapshot,
  p: FootprintPlacement,
  now: number,
): Promise<UpsertOutcome> {
  const id = await footprintRowId(s.origin, s.id);
  const fresh = recordFromSnapshot(s, p, { id, site: await sealer.seal({ host: p.host, domain: p.domain }) }, now);
  try {
    return await db.transaction('rw', db.footprints, db.days, async (): Promise<UpsertOutcome> => {
      const existing = await db.footprints.get(id);
      if (!existing) {
        await db.footprints.add(fresh);
        await markDayChanged(db, fresh.day);
        return 'inserted';
      }
      const merged = mergeSnapshot(existing, s, now);
      if (!merged) return 'unchanged';
      await db.footprints.put(merged);
      await markDayChanged(db, merged.day);
      return 'merged';
    });
  } catch (cause) {
    throw toVaultError(cause, 'saving a footprint');
  }
}

/**
 * A footprint of `day` changed: its stamp goes up and its sealed aggregate
 * (schema/days.ts), now stale, is dropped. Call inside the writing transaction.
 */
async function markDayChanged(db: VaultDb, day: number): Promise<void> {
  const rec = await db.days.get(day);
  await db.days.put({ day, stamp: (rec?.stamp ?? 0) + 1 });
}
