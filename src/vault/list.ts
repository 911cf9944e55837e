import { categoryKey, type CategoryKey } from '../shared/categories';
import type { VaultDb } from './db';

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

/** A page of footprints, newest first, and the total count. */
export async function listFootprints(
  db: VaultDb,
  offset: number,
  limit: number,
): Promise<{ items: FootprintListItem[]; total: number }> {
  return db.transaction('r', db.footprints, async () => {
    const total = await db.footprints.count();
    const rows = await db.footprints.orderBy('startedAt').reverse().offset(offset).limit(limit).toArray();
    const items = rows.map((r) => ({
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
  });
}

function safeCategoryKey(id: number): CategoryKey {
  try {
    return categoryKey(id);
  } catch {
    return 'other';
  }
}
