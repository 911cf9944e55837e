import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { footprintRowId, upsertFootprint, type FootprintRecord, type FootprintSite } from '../../src/vault';
import { localDay } from '../../src/shared/epoch';
import type { FootprintSnapshot } from '../../src/shared/footprint';
import { makeSealing, makeWorld, NOW, snapshot } from './helpers/world';

const place = { host: 'www.example.com', domain: 'example.com', category: 3 };
const { sealer, opener } = await makeSealing();
const rowOf = async (db: ReturnType<typeof makeWorld>['db'], s: FootprintSnapshot) => db.footprints.get(await footprintRowId(s.origin, s.id));

describe('vault upsert', () => {
  it('stores only the sealed site, category, day and measures — no origin, URL, path or plaintext site', async () => {
    const { db } = makeWorld();
    const s = snapshot('https://www.example.com');
    expect(await upsertFootprint(db, sealer, s, place, NOW)).toBe('inserted');
    const row = (await rowOf(db, s))!;
    expect(Object.keys(row).sort()).toEqual(
      ['activeMs', 'category', 'clicks', 'day', 'id', 'keys', 'lang', 'scrollDepth', 'scrolls', 'site', 'startedAt', 'tzOffset', 'updatedAt'].sort(),
    );
    expect(row).toMatchObject({ category: 3, day: localDay(s.startedAt, 0) });
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id).not.toContain(s.id);
    expect(await opener.open<FootprintSite>(row.site)).toEqual({ host: 'www.example.com', domain: 'example.com' });
    expect(JSON.stringify(await db.footprints.toArray())).not.toMatch(/example/);
  });

  it('keeps the max of each measure, whatever the order and however often snapshots arrive', async () => {
    const measure = fc.record({
      activeMs: fc.integer({ min: 0, max: 86_400_000 }),
      scrollDepth: fc.integer({ min: 0, max: 100 }),
      clicks: fc.integer({ min: 0, max: 1000 }),
      keys: fc.integer({ min: 0, max: 1000 }),
      scrolls: fc.integer({ min: 0, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(measure, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.double({ noNaN: true }), { minLength: 16, maxLength: 16 }), async (snaps, dupIdx, order) => {
        const base = snapshot('https://www.example.com');
        const all: FootprintSnapshot[] = snaps.map((m) => ({ ...base, ...m }));
        // Replay some snapshots again (retries), in a random order (reordering).
        const replay = [...all, ...dupIdx.map((i) => all[i % all.length])]
          .map((s, i) => ({ s, k: order[i] }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.s);
        const a = makeWorld().db;
        const b = makeWorld().db;
        for (const s of all) await upsertFootprint(a, sealer, s, place, NOW);
        for (const s of replay) await upsertFootprint(b, sealer, s, place, NOW);
        const ra = (await rowOf(a, base))!;
        const rb = (await rowOf(b, base))!;
        for (const k of ['activeMs', 'scrollDepth', 'clicks', 'keys', 'scrolls'] as const) {
          const max = Math.max(...all.map((s) => s[k]));
          expect(ra[k]).toBe(max);
          expect(rb[k]).toBe(max);
        }
        expect(await b.footprints.count()).toBe(1);
      }),
      { numRuns: 40 },
    );
  });

  it('reports unchanged for an exact retry and merged for progress', async () => {
    const { db } = makeWorld();
    const s = snapshot('https://www.example.com');
    await upsertFootprint(db, sealer, s, place, NOW);
    expect(await upsertFootprint(db, sealer, s, place, NOW + 1)).toBe('unchanged');
    expect(await upsertFootprint(db, sealer, { ...s, activeMs: s.activeMs - 1 }, place, NOW + 1)).toBe('unchanged');
    expect(await upsertFootprint(db, sealer, { ...s, clicks: s.clicks + 1 }, place, NOW + 2)).toBe('merged');
    expect((await rowOf(db, s))!.updatedAt).toBe(NOW + 2);
  });

  it('keeps identity fields from the first write (a later snapshot cannot move a view to another day or category)', async () => {
    const { db } = makeWorld();
    const s = snapshot('https://www.example.com');
    await upsertFootprint(db, sealer, s, place, NOW);
    await upsertFootprint(db, sealer, { ...s, startedAt: s.startedAt - 5 * 86_400_000, activeMs: s.activeMs + 1 }, { ...place, category: 9 }, NOW);
    const row = (await rowOf(db, s)) as FootprintRecord;
    expect(row.startedAt).toBe(s.startedAt);
    expect(row.category).toBe(3);
    expect(row.activeMs).toBe(s.activeMs + 1);
    expect(await opener.open<FootprintSite>(row.site)).toEqual({ host: place.host, domain: place.domain });
  });

  it('a snapshot reusing a view id from another origin lands on its own row and leaves this one alone', async () => {
    const { db } = makeWorld();
    const s = snapshot('https://www.example.com');
    await upsertFootprint(db, sealer, s, place, NOW);
    const other = { host: 'evil.test', domain: 'evil.test', category: 0 };
    const evil = { ...s, origin: 'https://evil.test', activeMs: 9e6 };
    expect(await upsertFootprint(db, sealer, evil, other, NOW)).toBe('inserted');
    const mine = (await rowOf(db, s))!;
    expect(mine.activeMs).toBe(s.activeMs);
    expect(await opener.open<FootprintSite>(mine.site)).toEqual({ host: place.host, domain: place.domain });
    expect(await opener.open<FootprintSite>((await rowOf(db, evil))!.site)).toEqual({ host: 'evil.test', domain: 'evil.test' });
    expect(await db.footprints.count()).toBe(2);
  });
});
