import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/background/status/compute-status';
import { explainCaps } from '../../src/background/status/explain-caps';
import { scoreDomainDays } from '../../src/scoring/score';
import { SCORING } from '../../src/scoring/constants';
import { epochDays, epochOfDay, localDay } from '../../src/shared/epoch';
import type { DomainDayRow } from '../../src/vault';
import { createRouter } from '../../src/background/router';
import { contentScript, extensionPage, makeOnboardedWorld, NOW, RUNTIME_ID, snapshot } from './helpers/world';

const today = localDay(NOW, 0);
const dd = (over: Partial<DomainDayRow>): DomainDayRow => ({ domain: 'example.com', day: today, category: 3, activeSeconds: 300, visits: 2, interactions: 20, ...over });

describe('status', () => {
  it('takes today and epoch points from the published formula', () => {
    const { first } = epochDays(epochOfDay(today));
    const rows = [dd({}), dd({ domain: 'x.com', category: 5 }), dd({ day: first === today ? today : first, domain: 'old.com' }), dd({ day: first - 1, domain: 'prev-epoch.com' })];
    const s = computeStatus(rows, today, false);
    expect(s.today).toEqual({ day: today, points: scoreDomainDays(rows.filter((r) => r.day === today)), cap: SCORING.DAY_CAP });
    expect(s.epoch.points).toBe(scoreDomainDays(rows.filter((r) => r.day >= first)));
    expect(s.sites.map((x) => x.domain)).not.toContain('prev-epoch.com');
    expect(s.categories.find((c) => c.category === 'social')!.points).toBeGreaterThan(0);
  });

  it('explains each cap with the points it took', () => {
    const caps = explainCaps([
      dd({ domain: 'a.com', visits: 9 }),
      dd({ domain: 'b.com', interactions: 500 }),
      dd({ domain: 'c.com', activeSeconds: 5, visits: 3 }),
      dd({ domain: 'd.com', activeSeconds: 4000, visits: 5, interactions: 100 }),
    ]);
    const lost = (kind: string, domain?: string) => caps.find((c) => c.kind === kind && c.domain === domain)?.lost;
    expect(lost('visit_cap', 'a.com')).toBe(8);
    expect(lost('interaction_cap', 'b.com')).toBe(40);
    expect(lost('min_active', 'c.com')).toBe(6 + 2);
    expect(lost('dwell_tier', 'd.com')).toBe(Math.floor((4000 - 3600) / 60));
    // d.com: 60 + 50 dwell + 10 visits + 10 interactions = 130 → capped at 100.
    expect(lost('domain_day_cap', 'd.com')).toBe(30);
    expect(lost('day_cap')).toBeUndefined();
    expect(caps.map((c) => c.lost)).toEqual([...caps.map((c) => c.lost)].sort((a, b) => b - a));
  });

  it('reports the day cap when a day sums over it', () => {
    const rows = Array.from({ length: 8 }, (_, i) => dd({ domain: `s${i}.com`, activeSeconds: 3600, visits: 5, interactions: 100 }));
    const caps = explainCaps(rows);
    expect(caps.find((c) => c.kind === 'day_cap')!.lost).toBe(8 * 100 - SCORING.DAY_CAP);
  });

  it('ui/status end to end: the current site state and earned points', async () => {
    const { ctx } = await makeOnboardedWorld();
    const route = createRouter(ctx, RUNTIME_ID);
    const origin = 'https://www.asahi.com';
    await route({ type: 'content/footprint', footprint: snapshot(origin, { activeMs: 120_000, startedAt: NOW - 200_000 }) }, contentScript(origin));
    const reply = (await route({ type: 'ui/status', tabOrigin: origin }, extensionPage)) as { ok: true; data: ReturnType<typeof computeStatus> };
    expect(reply.ok).toBe(true);
    expect(reply.data.site).toEqual({ domain: 'asahi.com', state: 'capturing', rule: 'none', category: 'news' });
    // 120 s → 12 dwell points, 1 visit → 2, 20 interactions → 2.
    expect(reply.data.today.points).toBe(16);
    expect(reply.data.sites).toEqual([{ domain: 'asahi.com', category: 'news', points: 16, visits: 1, activeSeconds: 120 }]);
    const bank = (await route({ type: 'ui/status', tabOrigin: 'https://www.mufg.jp' }, extensionPage)) as { ok: true; data: ReturnType<typeof computeStatus> };
    expect(bank.data.site!.state).toBe('sensitive_category');
  });
});
