import { SCORING } from '../../scoring/constants';
import { dwellPoints, interactionPoints, scoreDomainDay, visitPoints } from '../../scoring/score';
import type { CapHit } from '../../shared/messages';
import type { DomainDayRow } from '../../vault';

/**
 * Explains every cap that cut points, so no user has to ask why a score is
 * lower than expected (Gitcoin Passport #1188, #1614). `lost` is what each
 * cap took on its own, in points, summed per (kind, domain) over the rows
 * given; the published formula itself lives in src/scoring and is not
 * re-implemented here, only its caps are measured against it. Sorted by
 * `lost`, largest first. Pure.
 */
export function explainCaps(rows: readonly DomainDayRow[]): CapHit[] {
  const hits = new Map<string, CapHit>();
  const add = (kind: CapHit['kind'], lost: number, domain?: string) => {
    if (lost <= 0) return;
    const key = `${kind}|${domain ?? ''}`;
    const hit = hits.get(key) ?? (domain ? { kind, domain, lost: 0 } : { kind, lost: 0 });
    hit.lost += lost;
    hits.set(key, hit);
  };
  const perDay = new Map<number, number>();
  for (const r of rows) {
    const visitPts = visitPoints(r.visits);
    const interactionPts = interactionPoints(r.interactions);
    if (r.activeSeconds < SCORING.MIN_ACTIVE_SECONDS) {
      add('min_active', visitPts + interactionPts, r.domain);
      continue;
    }
    // What each cap took: the uncapped rule minus the formula's capped one.
    add('visit_cap', r.visits * SCORING.POINTS_PER_VISIT - visitPts, r.domain);
    add('interaction_cap', Math.floor(r.interactions / SCORING.INTERACTIONS_PER_POINT) - interactionPts, r.domain);
    const beyondTiers = r.activeSeconds - SCORING.TIER1_SECONDS - SCORING.TIER2_SECONDS;
    add('dwell_tier', Math.floor(Math.max(beyondTiers, 0) / SCORING.TIER2_SECONDS_PER_POINT), r.domain);
    const uncapped = dwellPoints(r.activeSeconds) + visitPts + interactionPts;
    const points = scoreDomainDay(r);
    add('domain_day_cap', uncapped - points, r.domain);
    perDay.set(r.day, (perDay.get(r.day) ?? 0) + points);
  }
  for (const sum of perDay.values()) add('day_cap', sum - SCORING.DAY_CAP);
  return [...hits.values()].sort((a, b) => b.lost - a.lost || a.kind.localeCompare(b.kind));
}
