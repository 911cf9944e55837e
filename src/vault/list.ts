import { categoryKey, type CategoryKey } from '../shared/categories';
import type { Opener } from '../keyring';
import type { VaultDb } from './db';
import { openFootprints } from './open';

/** One row as the vault page shows it: the site, never a URL. */
export interface FootprintListItem {
  id: string;
  domain: string;
  category: CategoryKey;
  startedAt: number;
  day: number;
  activeMs: number;
  scrollDepth: number;
  interactions: number;
}

/** A page of footprints, newest first, and the total count; read in one transaction, opened after it. */
export async function listFootprints(
  db: VaultDb,
  opener: Opener,
  offset: number,
  limit: number,
): Promise<{ items: FootprintListItem[]; total: number }> {
  const { total, rows } = await db.transaction('r', db.footprints, async () => ({
    total: await db.footprints.count(),
    rows: await db.footprints.orderBy('startedAt').reverse().offset(offset).limit(limit).toArray(),
  }));
  const items = (await openFootprints(opener, rows)).map((r) => ({
    id: r.id,
    domain: r.domain,
    category: safeCategoryKey(r.category),
    startedAt: r.startedAt,
    day: r.day,
    activeMs: r.activeMs,
    scrollDepth: r.scrollDepth,
    interactions: r.clicks + r.keys + r.scrolls,
  }));
  return { items, total };
}

function safeCategoryKey(id: number): CategoryKey {
  try {
    return categoryKey(id);
  } catch {
    return 'other';
  }
}
