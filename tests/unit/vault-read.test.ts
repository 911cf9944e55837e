import { describe, expect, it } from 'vitest';
import { aggregateDomainDays, deleteVaultData, exportVault, listFootprints, MIN_VIEW_ACTIVE_MS, purgeExpired, readDomainDays, upsertFootprint, type FootprintRecord, type OpenedFootprint } from '../../src/vault';
import { ensureRetentionAlarm, RETENTION_ALARM, runRetentionPurge } from '../../src/background/alarms';
import { localDay } from '../../src/shared/epoch';
import { makeSealing, makeWorld, NOW, snapshot } from './helpers/world';

const DAY = 86_400_000;
const { sealer, opener } = await makeSealing();

function row(over: Partial<OpenedFootprint>): OpenedFootprint {
  return { id: Math.random().toString(36), domain: 'example.com', host: 'example.com', category: 3, day: 100, startedAt: 100 * DAY, tzOffset: 0, activeMs: 10_000, scrollDepth: 0, clicks: 1, keys: 1, scrolls: 1, lang: '', updatedAt: 0, ...over };
}

/** The row as the vault stores it: the site sealed. */
async function stored(over: Partial<OpenedFootprint>): Promise<FootprintRecord> {
  const { host, domain, ...rest } = row(over);
  return { ...rest, site: await sealer.seal({ host, domain }) };
}
const storedAll = (overs: Partial<OpenedFootprint>[]) => Promise.all(overs.map(stored));

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
    await upsertFootprint(db, sealer, snapshot('https://www.bbc.com'), { host: 'www.bbc.com', domain: 'bbc.com', category: 3 }, NOW);
    await upsertFootprint(db, sealer, snapshot('https://www.bbc.com', { startedAt: NOW - 10 * DAY }), { host: 'www.bbc.com', domain: 'bbc.com', category: 3 }, NOW);
    const today = localDay(NOW, 0);
    expect(await readDomainDays(db, opener, today, today)).toHaveLength(1);
    const both = await readDomainDays(db, opener, today - 10, today);
    expect(both).toHaveLength(2);
    expect(both.map((d) => d.domain)).toEqual(['bbc.com', 'bbc.com']);
  });
});

describe('retention', () => {
  it('keeps exactly retentionDays local days, today included, across chunk boundaries', async () => {
    const { db } = makeWorld();
    const rows = await storedAll(Array.from({ length: 2500 }, (_, i) => ({ id: `r${i}`, day: 1000 - (i % 50) })));
    await db.footprints.bulkAdd(rows);
    const deleted = await purgeExpired(db, 1000, 30);
    expect(deleted).toBe(rows.filter((r) => r.day < 971).length);
    expect(await db.footprints.where('day').below(971).count()).toBe(0);
    expect(await db.footprints.where('day').equals(971).count()).toBe(50);
  });

  it('the alarm purge uses the retention setting, and the alarm is created once', async () => {
    const { ctx, db } = makeWorld();
    const today = localDay(NOW, 0);
    await db.footprints.bulkAdd(await storedAll([{ id: 'old', day: today - 8 }, { id: 'new', day: today - 6 }]));
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
    await db.footprints.bulkAdd(await storedAll(Array.from({ length: 1205 }, (_, i) => ({ id: `id-${String(i).padStart(5, '0')}`, startedAt: i }))));
    const page = await listFootprints(db, opener, 10, 5);
    expect(page.total).toBe(1205);
    expect(page.items.map((i) => i.startedAt)).toEqual([1194, 1193, 1192, 1191, 1190]);
    expect(page.items[0]).toEqual({ id: 'id-01194', domain: 'example.com', category: 'news', startedAt: 1194, day: 100, activeMs: 10_000, scrollDepth: 0, interactions: 3 });

    const json = JSON.parse(await exportVault(db, opener, { settings: { paused: false }, exportedAt: NOW }));
    expect(json.format).toBe('surf-to-earn/vault-export');
    expect(json.footprints).toHaveLength(1205);
    expect(new Set(json.footprints.map((f: OpenedFootprint) => f.id)).size).toBe(1205);
    // The export is for the user: sites opened, no sealed boxes.
    expect(json.footprints[0]).toMatchObject({ domain: 'example.com', host: 'example.com' });
    expect('site' in json.footprints[0]).toBe(false);
    expect(json.settings).toEqual({ paused: false });

    expect(await deleteVaultData(db)).toEqual({ footprints: 1205, commitments: 0, jobs: 0 });
    expect(await db.footprints.count()).toBe(0);
  });
});

describe('deleteVaultData', () => {
  it('clears footprints, commitments and jobs except the one to keep; secrets stay', async () => {
    const { db } = makeWorld();
    await db.footprints.bulkAdd(await storedAll([{ id: 'a' }, { id: 'b' }]));
    await db.commitments.add({ id: '31337:0xabc:7', chainId: 31337, address: '0xabc', epoch: 7, root: '0x01', points: 5, rows: await sealer.seal([]), createdAt: NOW });
    const job = (id: string) => ({ id, kind: 'mint' as const, state: 'done' as const, progress: 100, params: { key: id, epoch: 7, address: '0x000000000000000000000000000000000000abcd' as const }, step: 0, createdAt: NOW, updatedAt: NOW });
    await db.jobs.bulkAdd([job('j1'), job('exit'), job('j2')]);
    await db.secrets.add({ key: 'zk.vaultSalt', value: '01', createdAt: NOW });
    expect(await deleteVaultData(db, { keepJobId: 'exit' })).toEqual({ footprints: 2, commitments: 1, jobs: 2 });
    expect(await db.footprints.count()).toBe(0);
    expect(await db.commitments.count()).toBe(0);
    expect((await db.jobs.toArray()).map((j) => j.id)).toEqual(['exit']);
    expect(await db.secrets.count()).toBe(1);
  });
});
