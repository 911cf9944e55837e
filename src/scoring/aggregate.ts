/**
 * From page views to domain-days: the rules that decide what the formula
 * (score.ts) is fed. Pure and deterministic; the vault reads and opens the
 * footprints, then calls `aggregateDomainDays` (docs/scoring.md §1).
 */
import { FIELD_MAX, MIN_VIEW_ACTIVE_MS } from './constants';
import type { DomainDay } from './score';

/** What aggregation reads of one page view (an opened footprint carries these and more). */
export interface PageView {
  /** Local day of the view. */
  day: number;
  /** Registrable domain, the grouping key. */
  domain: string;
  category: number;
  activeMs: number;
  clicks: number;
  keys: number;
  scrolls: number;
}

/** A DomainDay with its site: what scoring, the status view and the epoch commitment read. */
export interface DomainDayRow extends DomainDay {
  domain: string;
}

/** Whether a view counts at all: views shorter than MIN_VIEW_ACTIVE_MS add nothing (no visit, time or interactions). */
export function countsAsView(view: Pick<PageView, 'activeMs'>): boolean {
  return view.activeMs >= MIN_VIEW_ACTIVE_MS;
}

/** A view's interactions: trusted clicks + keys + scrolls, each weighing the same. */
export function viewInteractions(view: Pick<PageView, 'clicks' | 'keys' | 'scrolls'>): number {
  return view.clicks + view.keys + view.scrolls;
}

/**
 * The category of a domain-day: the one with the most active time; ties go to
 * the lower id. So a domain-day has exactly one category even if the
 * classifier changed mid-day, and the choice does not depend on input order.
 * 0 when the map is empty.
 */
export function dominantCategory(msByCategory: ReadonlyMap<number, number>): number {
  let category = 0;
  let best = -1;
  for (const [cat, ms] of [...msByCategory].sort((a, b) => a[0] - b[0])) {
    if (ms > best) [category, best] = [cat, ms];
  }
  return category;
}

/**
 * Aggregates page views into domain-days. Views that do not `countsAsView` are
 * ignored entirely. activeSeconds = floor(Σ activeMs / 1000); visits = number
 * of views; interactions = Σ viewInteractions; each clamped to the formula's
 * field bounds (FIELD_MAX). category = dominantCategory. Deterministic: output
 * is sorted by day, then domain, and independent of input order.
 */
export function aggregateDomainDays(views: readonly PageView[]): DomainDayRow[] {
  type Acc = { day: number; domain: string; ms: number; visits: number; interactions: number; byCat: Map<number, number> };
  const groups = new Map<string, Acc>();
  for (const v of views) {
    if (!countsAsView(v)) continue;
    const key = `${v.day}|${v.domain}`;
    let g = groups.get(key);
    if (!g) {
      g = { day: v.day, domain: v.domain, ms: 0, visits: 0, interactions: 0, byCat: new Map() };
      groups.set(key, g);
    }
    g.ms += v.activeMs;
    g.visits += 1;
    g.interactions += viewInteractions(v);
    g.byCat.set(v.category, (g.byCat.get(v.category) ?? 0) + v.activeMs);
  }
  const out: DomainDayRow[] = [];
  for (const g of groups.values()) {
    out.push({
      domain: g.domain,
      day: g.day,
      category: dominantCategory(g.byCat),
      activeSeconds: Math.min(Math.floor(g.ms / 1000), FIELD_MAX.activeSeconds),
      visits: Math.min(g.visits, FIELD_MAX.visits),
      interactions: Math.min(g.interactions, FIELD_MAX.interactions),
    });
  }
  return out.sort((a, b) => a.day - b.day || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}
