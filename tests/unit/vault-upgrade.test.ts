import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import {
  aggregateDomainDays,
  declareVaultVersions,
  deleteVaultData,
  openVault,
  purgeExpired,
  readDomainDays,
  retryFailedVaultOpen,
  upsertFootprint,
  VAULT_LATEST_VERSION,
  type FootprintSite,
} from '../../src/vault';
import type { FootprintRecordV1, FootprintRecordV3 } from '../../src/vault/schema/footprints';
import { scoreDomainDays } from '../../src/scoring/score';
import { freshIdb, makeSealing, rawIdbDump } from './helpers/world';

function v1Row(id: string, origin: string, day: number): FootprintRecordV1 {
  return { id, origin, category: 1, day, startedAt: day * 86_400_000 + 1000, tzOffset: 0, activeMs: 5000, scrollDepth: 10, clicks: 1, keys: 2, scrolls: 3, lang: 'ja' };
}

function v3Row(id: string, host: string, domain: string, over: Partial<FootprintRecordV3> = {}): FootprintRecordV3 {
  return { id, host, domain, category: 3, day: 20_000, startedAt: 20_000 * 86_400_000 + 5, tzOffset: 0, activeMs: 65_000, scrollDepth: 50, clicks: 4, keys: 9, scrolls: 7, lang: 'en', updatedAt: 5, ...over };
}

/** A v3 database (plaintext sites) holding `rows`. */
async function v3Db(name: string, idb: ReturnType<typeof freshIdb>, rows: FootprintRecordV3[]): Promise<void> {
  const old = new Dexie(name, idb);
  declareVaultVersions(old, 3);
  await old.table('footprints').bulkAdd(rows);
  expect(old.verno).toBe(3);
  old.close();
}

describe('vault schema upgrades', () => {
  it('v1 → v2: origin becomes host + registrable domain, measures kept, new indexes usable', async () => {
    const idb = freshIdb();
    const old = new Dexie('upgrade-test', idb);
    declareVaultVersions(old, 1);
    await old.table('footprints').bulkAdd([
      v1Row('a', 'https://news.yahoo.co.jp', 20_000),
      v1Row('b', 'https://app.uniswap.org', 20_001),
      v1Row('c', 'not a url', 20_001),
    ]);
    expect(old.verno).toBe(1);
    old.close();

    // Stop at v3, the last version with plaintext sites, to see what v2 wrote.
    const db = new Dexie('upgrade-test', idb);
    declareVaultVersions(db, 3);
    await db.open();
    expect(db.verno).toBe(3);
    const footprints = db.table<FootprintRecordV3 & { origin?: string }, string>('footprints');
    const a = (await footprints.get('a'))!;
    expect(a).toMatchObject({ host: 'news.yahoo.co.jp', domain: 'yahoo.co.jp', activeMs: 5000, clicks: 1, lang: 'ja', updatedAt: a.startedAt });
    expect('origin' in a).toBe(false);
    expect((await footprints.get('b'))!.domain).toBe('uniswap.org');
    // A v1 row whose origin cannot be parsed has no site: the upgrade drops it.
    expect(await footprints.get('c')).toBeUndefined();
    expect(await footprints.where('[domain+day]').equals(['uniswap.org', 20_001]).count()).toBe(1);
    expect((await footprints.orderBy('startedAt').first())!.id).toBe('a');
    db.close();
  });

  it('opening the latest version twice does not re-run the upgrade', async () => {
    const idb = freshIdb();
    const { publicKey } = await makeSealing();
    await v3Db('twice', idb, [v3Row('x', 'example.com', 'example.com', { updatedAt: 7 })]);
    let asked = 0;
    const provider = async () => {
      asked += 1;
      return publicKey;
    };
    const db = openVault({ name: 'twice', dexie: idb, vaultPublicKey: provider });
    const first = (await db.footprints.get('x'))!;
    expect(asked).toBe(1);
    db.close();
    const again = openVault({ name: 'twice', dexie: idb, vaultPublicKey: provider });
    expect(await again.footprints.get('x')).toEqual(first);
    expect(first.updatedAt).toBe(7);
    expect(asked).toBe(1);
  });
});

describe('v2 → v3 (secrets table)', () => {
  it('keeps v2 footprints untouched and adds an empty secrets table', async () => {
    const idb = freshIdb();
    const old = new Dexie('v2-to-v3', idb);
    declareVaultVersions(old, 2);
    const row = { id: 'k', domain: 'bbc.com', host: 'www.bbc.com', category: 3, day: 5, startedAt: 5, tzOffset: 0, activeMs: 9, scrollDepth: 1, clicks: 1, keys: 1, scrolls: 1, lang: '', updatedAt: 5 };
    await old.table('footprints').add(row);
    old.close();
    const db = new Dexie('v2-to-v3', idb);
    declareVaultVersions(db, 3);
    expect(await db.table('footprints').get('k')).toEqual(row);
    expect(await db.table('secrets').count()).toBe(0);
    expect(db.verno).toBe(3);
  });
});

describe('v3 → v4 (sealed sites, jobs and commitments)', () => {
  const rows = [
    v3Row('r1', 'www.bbc.com', 'bbc.com'),
    v3Row('r2', 'www.bbc.com', 'bbc.com', { activeMs: 300_000, clicks: 40 }),
    v3Row('r3', 'news.yahoo.co.jp', 'yahoo.co.jp', { day: 20_001, category: 1 }),
    v3Row('r4', 'app.uniswap.org', 'uniswap.org', { day: 20_002, category: 5, activeMs: 1_500 }),
  ];

  it('seals every site, leaves no plaintext host or domain, and opens to the same sites and points', async () => {
    const idb = freshIdb();
    await v3Db('v3-to-v4', idb, rows);
    const { publicKey, opener } = await makeSealing();
    const db = openVault({ name: 'v3-to-v4', dexie: idb, vaultPublicKey: async () => publicKey });
    await db.open();
    expect(db.verno).toBe(VAULT_LATEST_VERSION);
    expect(VAULT_LATEST_VERSION).toBe(5);

    const dump = await rawIdbDump(idb);
    expect(dump).toContain('"r1"'); // the dump really holds the rows
    for (const r of rows) {
      expect(dump).not.toContain(r.domain);
      expect(dump).not.toContain(r.host);
    }
    const stored = await db.footprints.toArray();
    expect(stored).toHaveLength(rows.length);
    for (const s of stored) {
      expect('host' in s || 'domain' in s).toBe(false);
      const original = rows.find((r) => r.id === s.id)!;
      expect(await opener.open<FootprintSite>(s.site)).toEqual({ host: original.host, domain: original.domain });
      const { host: _h, domain: _d, ...measures } = original;
      const { site: _s, ...rest } = s;
      expect(rest).toEqual(measures);
    }
    const opened = await readDomainDays(db, opener, 19_000, 21_000);
    expect(opened).toEqual(aggregateDomainDays(rows));
    expect(scoreDomainDays(opened)).toBe(scoreDomainDays(aggregateDomainDays(rows)));
    expect(scoreDomainDays(opened)).toBeGreaterThan(0);
    // The new tables exist and start empty.
    expect(await db.jobs.count()).toBe(0);
    expect(await db.commitments.count()).toBe(0);
    expect(await db.jobs.where('state').equals('queued').count()).toBe(0);
  });

  it('with rows to seal and no keyring the upgrade throws and the database stays at v3; once a keyring exists it upgrades', async () => {
    const idb = freshIdb();
    await v3Db('v3-no-key', idb, rows);
    const keyring: { publicKey?: string } = {};
    const db = openVault({ name: 'v3-no-key', dexie: idb, vaultPublicKey: async () => keyring.publicKey });
    await expect(db.open()).rejects.toThrow(/no keyring/);
    await expect(db.footprints.count()).rejects.toThrow();

    const check = new Dexie('v3-no-key', idb);
    declareVaultVersions(check, 3);
    await check.open();
    expect(check.verno).toBe(3);
    expect(await check.table('footprints').toArray()).toEqual(rows);
    check.close();

    const sealing = await makeSealing();
    keyring.publicKey = sealing.publicKey;
    retryFailedVaultOpen(db);
    expect(await db.footprints.count()).toBe(rows.length);
    expect(db.verno).toBe(VAULT_LATEST_VERSION);
    expect(await rawIdbDump(idb)).not.toContain('bbc.com');
  });

  it('an empty v3 vault upgrades without a keyring', async () => {
    const idb = freshIdb();
    await v3Db('v3-empty', idb, []);
    const db = openVault({ name: 'v3-empty', dexie: idb, vaultPublicKey: async () => undefined });
    expect(await db.footprints.count()).toBe(0);
    expect(db.verno).toBe(VAULT_LATEST_VERSION);
  });
});

describe('v4 → v5 (per-day sealed aggregates)', () => {
  it('stamps every day that holds footprints; reads build, reuse and invalidate the sealed aggregates, always equal to the footprints', async () => {
    const idb = freshIdb();
    const { publicKey, sealer, opener } = await makeSealing();
    const old = new Dexie('v4-days', idb);
    declareVaultVersions(old, 4);
    const v4Rows = [v3Row('a', 'www.bbc.com', 'bbc.com'), v3Row('b', 'bbc.com', 'bbc.com', { activeMs: 12_000 }), v3Row('c', 'nhk.or.jp', 'nhk.or.jp', { day: 20_002 })];
    await old.table('footprints').bulkAdd(
      await Promise.all(v4Rows.map(async ({ host, domain, ...rest }) => ({ ...rest, site: await sealer.seal({ host, domain }) }))),
    );
    expect(old.verno).toBe(4);
    old.close();

    const db = openVault({ name: 'v4-days', dexie: idb, vaultPublicKey: async () => publicKey });
    expect(await db.days.toArray()).toEqual([
      { day: 20_000, stamp: 1 },
      { day: 20_002, stamp: 1 },
    ]);
    expect(db.verno).toBe(5);
    expect(await db.footprints.count()).toBe(3);

    const expected = aggregateDomainDays(v4Rows);
    const stats = () => ({ daysFromAggregate: 0, rowsOpened: 0, daysBuilt: 0 });
    // First read: every footprint opened, one aggregate per stamped day built.
    const s1 = stats();
    expect(await readDomainDays(db, opener, 19_999, 20_003, { sealer, stats: s1 })).toEqual(expected);
    expect(s1).toEqual({ daysFromAggregate: 0, rowsOpened: 3, daysBuilt: 2 });
    // The aggregate is sealed: no site in the clear.
    expect(JSON.stringify(await db.days.toArray())).not.toMatch(/bbc|nhk/);
    // Second read: no footprint opened.
    const s2 = stats();
    expect(await readDomainDays(db, opener, 19_999, 20_003, { sealer, stats: s2 })).toEqual(expected);
    expect(s2).toEqual({ daysFromAggregate: 2, rowsOpened: 0, daysBuilt: 0 });

    // A write to day 20,002 makes only that day stale; the read sees it.
    await upsertFootprint(
      db,
      sealer,
      { id: '00000000-0000-4000-8000-00000000beef', origin: 'https://nhk.or.jp', startedAt: 20_002 * 86_400_000 + 100, activeMs: 30_000, scrollDepth: 1, clicks: 1, keys: 0, scrolls: 0, lang: 'ja', tzOffset: 0 },
      { host: 'nhk.or.jp', domain: 'nhk.or.jp', category: 3 },
      1,
    );
    const s3 = stats();
    const after = await readDomainDays(db, opener, 19_999, 20_003, { sealer, stats: s3 });
    expect(s3).toEqual({ daysFromAggregate: 1, rowsOpened: 2, daysBuilt: 1 });
    expect(after.find((r) => r.day === 20_002)).toMatchObject({ domain: 'nhk.or.jp', visits: 2 });
    expect(scoreDomainDays(after)).toBeGreaterThan(scoreDomainDays(expected));

    // Retention removes a day's aggregate with its footprints; delete-all removes them all.
    await purgeExpired(db, 20_002, 1);
    expect((await db.days.toArray()).map((d) => d.day)).toEqual([20_002]);
    expect(await readDomainDays(db, opener, 19_999, 20_003, { sealer })).toEqual(after.filter((r) => r.day === 20_002));
    await deleteVaultData(db);
    expect(await db.days.count()).toBe(0);
    expect(await readDomainDays(db, opener, 19_999, 20_003, { sealer })).toEqual([]);
  });

  it('an aggregate built from rows that changed meanwhile is not kept', async () => {
    const idb = freshIdb();
    const { publicKey, sealer, opener } = await makeSealing();
    const db = openVault({ name: 'v5-race', dexie: idb, vaultPublicKey: async () => publicKey });
    const snap = (n: number, activeMs: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, origin: 'https://bbc.com', startedAt: 20_000 * 86_400_000 + 100, activeMs, scrollDepth: 1, clicks: 1, keys: 0, scrolls: 0, lang: 'en', tzOffset: 0 });
    const place = { host: 'bbc.com', domain: 'bbc.com', category: 3 };
    await upsertFootprint(db, sealer, snap(1, 10_000), place, 1);
    // A snapshot lands while the read seals (after its read transaction, before its write).
    const slowSealer = { seal: async (v: unknown) => { await upsertFootprint(db, sealer, snap(2, 10_000), place, 2); return sealer.seal(v); } };
    const stats = { daysFromAggregate: 0, rowsOpened: 0, daysBuilt: 0 };
    expect(await readDomainDays(db, opener, 20_000, 20_000, { sealer: slowSealer, stats })).toMatchObject([{ visits: 1 }]);
    expect(stats.daysBuilt).toBe(0);
    expect(await readDomainDays(db, opener, 20_000, 20_000, { sealer })).toMatchObject([{ visits: 2 }]);
    expect(await readDomainDays(db, opener, 20_000, 20_000, { sealer })).toMatchObject([{ visits: 2 }]);
  });
});
