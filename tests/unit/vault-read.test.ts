import { describe, expect, it } from 'vitest';
import { aggregateDomainDays, deleteAllFootprints, exportVault, listFootprints, MIN_VIEW_ACTIVE_MS, purgeExpired, readDomainDays, upsertFootprint, type FootprintRecord } from '../../src/vault';
import { ensureRetentionAlarm, RETENTION_ALARM, runRetentionPurge } from '../../src/background/alarms';
import { localDay } from '../../src/shared/epoch';
import { makeWorld, NOW, snapshot } from './helpers/world';

const DAY = 86_400_000;

function row(over: Partial<FootprintRecord>): FootprintRecord {
  return { id: Math.random().toString(36), domain: 'example.com', host: 'example.com', category: 3, day: 100, startedAt: 100 * DAY, tzOffset: 0, activeMs: 10_000, scrollDepth: 0, clicks: 1, keys: 1, scrolls: 1, lang: '', updatedAt: 0, ...over };
}

describe('domain-day aggregation', () => {
  it('sums views per domain and day, ignoring views below the minimum', () => {
    const out = aggregateDomainDays([
      row({ activeMs: 12_500 }),
      row({ activeMs: 7_600, clicks: 10 }),
      row({ activeMs: MIN_VIEW_ACTIVE_MS - 1, clicks: 999 }),
      row({ day: 101, activeMs: 4000 }),
      row({ domain: 'a.com', activeMs: 3000 }),
    ]);
    expect(out).toEqual([
      { domain: 'a.com', day: 100, category: 3, activeSeconds: 3, visits: 1, interactions: 3 },
      { domain: 'example.com', day: 100, category: 3, activeSeconds: 20, visits: 2, interactions: 15 },
      { domain: 'example.com', day: 101, category: 3, activeSeconds: 4, visits: 1, interactions: 3 },
    ]);
  });

  it('gives a domain-day the category with the most active time, independent of order', () => {
    const rows = [row({ category: 1, activeMs: 5000 }), row({ category: 2, activeMs: 9000 }), row({ category: 1, activeMs: 3000 })];
    expect(aggregateDomainDays(rows)[0].category).toBe(2);
    expect(aggregateDomainDays([...rows].reverse())).toEqual(aggregateDomainDays(rows));
  });

  it('clamps to the formula field bounds', () => {
    const out = aggregateDomainDays([row({ activeMs: 86_400_000, clicks: 1_000_000, keys: 1_000_000 }), row({ activeMs: 86_400_000 })]);
    expect(out[0].activeSeconds).toBe(86_400);
    expect(out[0].interactions).toBe(2 ** 20 - 1);
  });

  it('reads a day range from the vault', async () => {
    const { db } = makeWorld();
    await upsertFootprint(db, snapshot('https://www.bbc.com'), { host: 'www.bbc.com', domain: 'bbc.com', category: 3 }, NOW);
    await upsertFootprint(db, snapshot('https://www.bbc.com', { startedAt: NOW - 10 * DAY }), { host: 'www.bbc.com', domain: 'bbc.com', category: 3 }, NOW);
    const today = localDay(NOW, 0);
    expect(await readDomainDays(db, today, today)).toHaveLength(1);
    expect(await readDomainDays(db, today - 10, today)).toHaveLength(2);
  });
});

describe('retention', () => {
  it('keeps exactly retentionDays local days, today included, across chunk boundaries', async () => {
    const { db } = makeWorld();
    const rows = Array.from({ length: 2500 }, (_, i) => row({ id: `r${i}`, day: 1000 - (i % 50) }));
    await db.footprints.bulkAdd(rows);
    const deleted = await purgeExpired(db, 1000, 30);
    expect(deleted).toBe(rows.filter((r) => r.day < 971).length);
    expect(await db.footprints.where('day').below(971).count()).toBe(0);
    expect(await db.footprints.where('day').equals(971).count()).toBe(50);
  });

  it('the alarm purge uses the retention setting, and the alarm is created once', async () => {
    const { ctx, db } = makeWorld();
    const today = localDay(NOW, 0);
    await db.footprints.bulkAdd([row({ id: 'old', day: today - 8 }), row({ id: 'new', day: today - 6 })]);
    await ctx.settings.update({ retentionDays: 7 });
    expect(await runRetentionPurge(ctx)).toBe(1);
    expect(await db.footprints.get('new')).toBeDefined();

    const created: string[] = [];
    const alarms = {
      store: new Map<string, { name: string; periodInMinutes?: number }>(),
      async get(name: string) { return this.store.get(name); },
      create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }) {
        created.push(name);
        this.store.set(name, { name, periodInMinutes: info.periodInMinutes });
      },
    };
    await ensureRetentionAlarm(alarms);
    await ensureRetentionAlarm(alarms);
    expect(created).toEqual([RETENTION_ALARM]);
    expect(alarms.store.get(RETENTION_ALARM)!.periodInMinutes).toBe(1440);
  });
});

describe('list, export, delete', () => {
  it('lists newest first with a total, exports everything as JSON, deletes all', async () => {
    const { db } = makeWorld();
    await db.footprints.bulkAdd(Array.from({ length: 1205 }, (_, i) => row({ id: `id-${String(i).padStart(5, '0')}`, startedAt: i })));
    const page = await listFootprints(db, 10, 5);
    expect(page.total).toBe(1205);
    expect(page.items.map((i) => i.startedAt)).toEqual([1194, 1193, 1192, 1191, 1190]);
    expect(page.items[0]).toEqual({ id: 'id-01194', domain: 'example.com', category: 'news', startedAt: 1194, day: 100, activeMs: 10_000, scrollDepth: 0, interactions: 3 });

    const json = JSON.parse(await exportVault(db, { settings: { paused: false }, exportedAt: NOW }));
    expect(json.format).toBe('surf-to-earn/vault-export');
    expect(json.footprints).toHaveLength(1205);
    expect(new Set(json.footprints.map((f: FootprintRecord) => f.id)).size).toBe(1205);
    expect(json.settings).toEqual({ paused: false });

    expect(await deleteAllFootprints(db)).toBe(1205);
    expect(await db.footprints.count()).toBe(0);
  });
});
