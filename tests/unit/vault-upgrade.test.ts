import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { declareVaultVersions, openVault, VAULT_LATEST_VERSION } from '../../src/vault';
import type { FootprintRecordV1 } from '../../src/vault/schema/footprints';
import { freshIdb } from './helpers/world';

function v1Row(id: string, origin: string, day: number): FootprintRecordV1 {
  return { id, origin, category: 1, day, startedAt: day * 86_400_000 + 1000, tzOffset: 0, activeMs: 5000, scrollDepth: 10, clicks: 1, keys: 2, scrolls: 3, lang: 'ja' };
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

    const db = openVault('upgrade-test', idb);
    await db.open();
    expect(db.verno).toBe(VAULT_LATEST_VERSION);
    const a = (await db.footprints.get('a'))!;
    expect(a).toMatchObject({ host: 'news.yahoo.co.jp', domain: 'yahoo.co.jp', activeMs: 5000, clicks: 1, lang: 'ja', updatedAt: a.startedAt });
    expect('origin' in a).toBe(false);
    expect((await db.footprints.get('b'))!.domain).toBe('uniswap.org');
    // A v1 row whose origin cannot be parsed has no site: the upgrade drops it.
    expect(await db.footprints.get('c')).toBeUndefined();
    expect(await db.footprints.where('[domain+day]').equals(['uniswap.org', 20_001]).count()).toBe(1);
    expect((await db.footprints.orderBy('startedAt').first())!.id).toBe('a');
    db.close();
  });

  it('opening the latest version twice does not re-run the upgrade', async () => {
    const idb = freshIdb();
    const db = openVault('twice', idb);
    await db.footprints.add({ id: 'x', domain: 'example.com', host: 'example.com', category: 0, day: 1, startedAt: 1, tzOffset: 0, activeMs: 1, scrollDepth: 0, clicks: 0, keys: 0, scrolls: 0, lang: '', updatedAt: 7 });
    db.close();
    const again = openVault('twice', idb);
    expect((await again.footprints.get('x'))!.updatedAt).toBe(7);
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
    const db = openVault('v2-to-v3', idb);
    expect(await db.footprints.get('k')).toEqual(row);
    expect(await db.secrets.count()).toBe(0);
    expect(db.verno).toBe(3);
  });
});
