import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELD_MAX, LEAF_FIELD_BITS } from '../../src/scoring/constants';
import { scoreDomainDay } from '../../src/scoring/score';
import { epochDays } from '../../src/shared/epoch';
import { LEAF_LAYOUT, leafMeasures, packDomainDay, paddingLeaf, unpackLeaf } from '../../src/zk/leaf';
import { MAX_BATCHES, buildEpochCommitment, computeWeekRoot } from '../../src/zk/commitment';
import { computeEpochRoot, computeTreeRoot } from '../../src/zk/tree';
import { ZkError } from '../../src/zk/errors';

const epoch = 2914;
const { first, last } = epochDays(epoch);
const domainDay = fc.record({
  day: fc.integer({ min: first, max: last }),
  category: fc.integer({ min: 0, max: 31 }),
  activeSeconds: fc.integer({ min: 0, max: FIELD_MAX.activeSeconds }),
  visits: fc.integer({ min: 0, max: FIELD_MAX.visits }),
  interactions: fc.integer({ min: 0, max: FIELD_MAX.interactions }),
});
const secrets = { nullifierSecret: 11n, vaultSalt: 13n };

describe('leaf encoding', () => {
  it('packs the committed measures of every in-range domain-day and unpacks them', () => {
    fc.assert(
      fc.property(domainDay, (d) => {
        const packed = packDomainDay(d, epoch);
        expect(packed < 1n << BigInt(LEAF_LAYOUT.totalBits)).toBe(true);
        expect(unpackLeaf(packed, epoch)).toEqual(leafMeasures(d));
      }),
    );
  });

  it('commits each measure at the formula’s resolution, saturated above its cap', () => {
    expect(leafMeasures({ day: first, category: 2, activeSeconds: 3_609, visits: 7, interactions: 109 })).toEqual({
      day: first, category: 2, activeUnits: 360, visits: 7, interactionUnits: 10,
    });
    expect(leafMeasures({ day: first, category: 2, activeSeconds: 86_400, visits: 65_535, interactions: 1_048_575 })).toEqual({
      day: first, category: 2, activeUnits: 4_095, visits: 255, interactionUnits: 255,
    });
    // Quantising and saturating never changes the points: the smallest raw domain-day
    // with the same committed measures scores alike.
    fc.assert(
      fc.property(domainDay, (a) => {
        const m = leafMeasures(a);
        const back = { day: a.day, category: a.category, activeSeconds: m.activeUnits * 10, visits: m.visits, interactions: m.interactionUnits * 10 };
        expect(scoreDomainDay(back)).toBe(scoreDomainDay(a));
      }),
    );
  });

  it('uses the LEAF_FIELD_BITS widths at fixed offsets (3-bit day offset first)', () => {
    expect(LEAF_LAYOUT).toMatchObject({ dayOffsetBits: 3, day: 0, category: 3, activeUnits: 8 });
    expect(LEAF_LAYOUT.visits).toBe(8 + LEAF_FIELD_BITS.activeUnits);
    expect(LEAF_LAYOUT.totalBits).toBe(3 + 5 + LEAF_FIELD_BITS.activeUnits + LEAF_FIELD_BITS.visits + LEAF_FIELD_BITS.interactionUnits);
    expect(LEAF_LAYOUT.totalBits).toBe(36);
    const packed = packDomainDay({ day: first + 2, category: 1, activeSeconds: 19, visits: 3, interactions: 25 }, epoch);
    expect(packed).toBe(2n | (1n << 3n) | (1n << 8n) | (3n << 20n) | (2n << 28n));
  });

  it('rejects values out of range and days outside the epoch', () => {
    const ok = { day: first, category: 1, activeSeconds: 60, visits: 1, interactions: 1 };
    const bad = (d: object, reason: string) => {
      try {
        packDomainDay({ ...ok, ...d }, epoch);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ZkError);
        expect((e as ZkError).reason).toBe(reason);
      }
    };
    bad({ activeSeconds: FIELD_MAX.activeSeconds + 1 }, 'out-of-range');
    bad({ visits: FIELD_MAX.visits + 1 }, 'out-of-range');
    bad({ interactions: -1 }, 'out-of-range');
    bad({ category: 32 }, 'out-of-range');
    bad({ day: first - 1 }, 'wrong-epoch');
    bad({ day: last + 1 }, 'wrong-epoch');
  });

  it('pads with zero-scoring leaves on the epoch’s last day', () => {
    expect(unpackLeaf(paddingLeaf(epoch).packed, epoch)).toEqual({
      day: last, category: 0, activeUnits: 0, visits: 0, interactionUnits: 0,
    });
  });
});

describe('buildEpochCommitment', () => {
  const rows = [
    { domain: 'b.example', day: first + 3, category: 1, activeSeconds: 100, visits: 1, interactions: 0 },
    { domain: 'a.example', day: first, category: 2, activeSeconds: 100, visits: 1, interactions: 0 },
    { domain: 'c.example', day: first + 3, category: 3, activeSeconds: 100, visits: 1, interactions: 0 },
  ];

  it('sorts by day, pads to the batch and is independent of row order', () => {
    const c1 = buildEpochCommitment(rows, secrets, { epoch, batchSize: 8 });
    const c2 = buildEpochCommitment([...rows].reverse(), secrets, { epoch, batchSize: 8 });
    expect(c1.batches).toHaveLength(1);
    const [b1] = c1.batches;
    expect(b1.leaves).toHaveLength(8);
    expect(b1.rows.map((r) => r.day)).toEqual([first, first + 3, first + 3]);
    expect(b1.root).toBe(c2.batches[0].root);
    expect(c1.weekRoot).toBe(c2.weekRoot);
    expect(b1.treeRoot).toBe(computeTreeRoot(b1.leaves));
    expect(c1.weekRoot).toBe(computeWeekRoot([b1.root]));
  });

  it('binds the root to the salt and to the nullifier secret', () => {
    const base = buildEpochCommitment(rows, secrets, { epoch, batchSize: 8 }).weekRoot;
    expect(buildEpochCommitment(rows, { ...secrets, vaultSalt: 14n }, { epoch, batchSize: 8 }).weekRoot).not.toBe(base);
    expect(buildEpochCommitment(rows, { ...secrets, nullifierSecret: 12n }, { epoch, batchSize: 8 }).weekRoot).not.toBe(base);
  });

  it('binds the root to its week, and salts each leaf per week', () => {
    const a = buildEpochCommitment(rows, secrets, { epoch, batchSize: 8 }).batches[0];
    // The same tree under another epoch is another root: a commitment cannot be replayed for another week.
    expect(computeEpochRoot(a.treeRoot, secrets.nullifierSecret, epoch + 1)).not.toBe(a.root);
    expect(computeEpochRoot(a.treeRoot, secrets.nullifierSecret, epoch)).toBe(a.root);
    // The same domain in another week has another salted value (a delivered salt opens one week only).
    const shifted = rows.map((r) => ({ ...r, day: r.day + 7 }));
    const b = buildEpochCommitment(shifted, secrets, { epoch: epoch + 1, batchSize: 8 }).batches[0];
    const salted = (c: typeof a) => new Set(c.leaves.filter((l) => l.saltedDomain !== 0n).map((l) => l.saltedDomain));
    expect([...salted(a)].filter((x) => salted(b).has(x))).toEqual([]);
  });

  it('cuts a heavy week into batches in day order, every row in exactly one', () => {
    const many = Array.from({ length: 19 }, (_, i) => ({ ...rows[0], day: first + (i % 7), domain: `d${i}.example` }));
    const c = buildEpochCommitment(many, secrets, { epoch, batchSize: 8 });
    expect(c.batches.map((b) => b.rows.length)).toEqual([8, 8, 3]);
    const days = c.batches.flatMap((b) => b.rows.map((r) => r.day));
    expect(days).toEqual([...days].sort((x, y) => x - y));
    expect(new Set(c.batches.flatMap((b) => b.rows.map((r) => r.domain))).size).toBe(19);
    expect(c.weekRoot).toBe(computeWeekRoot(c.roots));
  });

  it('refuses a week beyond MAX_BATCHES batches', () => {
    const many = Array.from({ length: 8 * MAX_BATCHES + 1 }, (_, i) => ({ ...rows[0], domain: `d${i}.example` }));
    expect(() => buildEpochCommitment(many, secrets, { epoch, batchSize: 8 })).toThrow(/more than 16 batches/);
  });
});
