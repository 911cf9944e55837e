import { SCORING } from '../../scoring/constants';
import { scoreDomainDay, scoreDomainDays } from '../../scoring/score';
import { categoryKey, type CategoryKey } from '../../shared/categories';
import { epochDays, epochOfDay } from '../../shared/epoch';
import type { SiteEarnings, UiStatus } from '../../shared/messages';
import type { DomainDayRow } from '../../vault';
import { explainCaps } from './explain-caps';

/** How many sites the popup lists at most (the rest are in the vault page). */
export const STATUS_SITES_MAX = 50;

/**
 * The numbers the popup shows, from this epoch's domain-days. Points come from
 * src/scoring only: today = scoreDomainDays(today's rows) (day cap applied),
 * epoch = scoreDomainDays(all rows). Per-category and per-site figures are
 * sums of per-domain-day points before the day cap, so they can add up to more
 * than the capped totals; `caps` says by how much and why. Pure.
 */
export function computeStatus(
  rows: readonly DomainDayRow[],
  today: number,
  paused: boolean,
  site?: UiStatus['site'],
): UiStatus {
  const epoch = epochOfDay(today);
  const { first, last } = epochDays(epoch);
  const inEpoch = rows.filter((r) => r.day >= first && r.day <= last);
  const todays = inEpoch.filter((r) => r.day === today);

  const byCategory = new Map<CategoryKey, number>();
  const bySite = new Map<string, SiteEarnings & { lastDay: number }>();
  for (const r of inEpoch) {
    const pts = scoreDomainDay(r);
    const cat = safeKey(r.category);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + pts);
    const s = bySite.get(r.domain) ?? { domain: r.domain, category: cat, points: 0, visits: 0, activeSeconds: 0, lastDay: -1 };
    s.points += pts;
    s.visits += r.visits;
    s.activeSeconds += r.activeSeconds;
    if (r.day >= s.lastDay) [s.category, s.lastDay] = [cat, r.day];
    bySite.set(r.domain, s);
  }
  const sites = [...bySite.values()]
    .sort((a, b) => b.points - a.points || b.activeSeconds - a.activeSeconds || a.domain.localeCompare(b.domain))
    .slice(0, STATUS_SITES_MAX)
    .map(({ lastDay: _lastDay, ...s }) => s);

  return {
    paused,
    ...(site ? { site } : {}),
    today: { day: today, points: scoreDomainDays(todays), cap: SCORING.DAY_CAP },
    epoch: { number: epoch, points: scoreDomainDays(inEpoch), firstDay: first, lastDay: last },
    categories: [...byCategory]
      .filter(([, points]) => points > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([category, points]) => ({ category, points })),
    sites,
    caps: explainCaps(inEpoch),
  };
}

function safeKey(id: number): CategoryKey {
  try {
    return categoryKey(id);
  } catch {
    return 'other';
  }
}
