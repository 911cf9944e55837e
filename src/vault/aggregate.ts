import { FIELD_MAX } from '../scoring/constants';
import { epochDays } from '../shared/epoch';
import type { DomainDay } from '../scoring/score';
import type { Opener } from '../background/services';
import type { VaultDb } from './db';
import { MIN_VIEW_ACTIVE_MS } from './constants';
import { openFootprints } from './open';
import type { OpenedFootprint } from './schema/footprints';

/** A DomainDay with its site: what scoring, the status view and the epoch commitment read. */
export interface DomainDayRow extends DomainDay {
  domain: string;
}

/**
 * Aggregates page views into domain-days. Views shorter than
 * MIN_VIEW_ACTIVE_MS are ignored entirely. activeSeconds = floor(Σ activeMs / 1000);
 * visits = number of views; interactions = Σ (clicks + keys + scrolls); each
 * clamped to the formula's field bounds. A domain-day's category is the one
 * with the most active time (ties: lower id), so one domain-day has one
 * category even if the classifier changed mid-day. Deterministic: output is
 * sorted by day, then domain, and independent of input order.
 */
export function aggregateDomainDays(rows: readonly OpenedFootprint[]): DomainDayRow[] {
  type Acc = { day: number; domain: string; ms: number; visits: number; interactions: number; byCat: Map<number, number> };
  const groups = new Map<string, Acc>();
  for (const r of rows) {
    if (r.activeMs < MIN_VIEW_ACTIVE_MS) continue;
    const key = `${r.day}|${r.domain}`;
    let g = groups.get(key);
    if (!g) {
      g = { day: r.day, domain: r.domain, ms: 0, visits: 0, interactions: 0, byCat: new Map() };
      groups.set(key, g);
    }
    g.ms += r.activeMs;
    g.visits += 1;
    g.interactions += r.clicks + r.keys + r.scrolls;
    g.byCat.set(r.category, (g.byCat.get(r.category) ?? 0) + r.activeMs);
  }
  const out: DomainDayRow[] = [];
  for (const g of groups.values()) {
    let category = 0;
    let best = -1;
    for (const [cat, ms] of [...g.byCat].sort((a, b) => a[0] - b[0])) {
      if (ms > best) [category, best] = [cat, ms];
    }
    out.push({
      domain: g.domain,
      day: g.day,
      category,
      activeSeconds: Math.min(Math.floor(g.ms / 1000), FIELD_MAX.activeSeconds),
      visits: Math.min(g.visits, FIELD_MAX.visits),
      interactions: Math.min(g.interactions, FIELD_MAX.interactions),
    });
  }
  return out.sort((a, b) => a.day - b.day || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

/** Domain-days for local days first..last inclusive: rows read in one query, then opened. */
export async function readDomainDays(db: VaultDb, opener: Opener, firstDay: number, lastDay: number): Promise<DomainDayRow[]> {
  const rows = await db.footprints.where('day').between(firstDay, lastDay, true, true).toArray();
  return aggregateDomainDays(await openFootprints(opener, rows));
}

/** Domain-days of one weekly epoch (src/shared/epoch.ts), the input of an epoch commitment. */
export async function readEpochDomainDays(db: VaultDb, opener: Opener, epoch: number): Promise<DomainDayRow[]> {
  const { first, last } = epochDays(epoch);
  return readDomainDays(db, opener, first, last);
}
