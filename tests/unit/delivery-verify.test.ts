import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildDeliveryPayload,
  DeliveryError,
  leafPoints,
  runningPoints,
  verifyDelivery,
  type DeliveryBatchSignals,
  type DeliveryPayload,
  type DeliveryRecord,
  type RecordsPayload,
  type TotalsPayload,
  type VerifyDeliveryParameters,
} from '../../src/delivery';
import { FIELD_MAX } from '../../src/scoring/constants';
import { scoreDomainDay } from '../../src/scoring/score';
import { categoryId, categoryMask } from '../../src/shared/categories';
import { epochDays } from '../../src/shared/epoch';
import { buildWitnessInput, computeScope, computeTotals, isSelected, leafMeasures, packDomainDay, unpackLeaf, type EpochWitness } from '../../src/zk';
import { makeWeek } from '../../bench/delivery/week';

const epoch = 2914;
const { first, last } = epochDays(epoch);
const mask = categoryMask(['news', 'tech', 'ai']);
const holder = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;
const poolA = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const secretsA = { nullifierSecret: 0x1234567n, vaultSalt: 0xabcdefn };
const secretsB = { nullifierSecret: 0x7654321n, vaultSalt: 0xfedcban };

function stake(secrets: typeof secretsA, opts: { seed?: number; batchSize?: number; domainDays?: number; pool?: `0x${string}` } = {}) {
  const rows = makeWeek({ epoch, domainDays: opts.domainDays ?? 44, categories: ['news', 'tech', 'ai', 'social', 'shopping'], seed: opts.seed ?? 3 });
  const scope = computeScope({ chainId: 31337, verifyingContract: opts.pool ?? poolA, poolId: 1, epoch, holder });
  const witness = buildWitnessInput(rows, { epoch, categoryMask: mask, minPoints: 0, scope, secrets, batchSize: opts.batchSize ?? 8 });
  const batches: DeliveryBatchSignals[] = witness.batches.map((b) => ({
    root: b.batch.root,
    scope,
    fingerprint: b.fingerprint,
    totalsCommitment: b.totalsCommitment,
    points: b.points,
  }));
  const records = buildDeliveryPayload({ tier: 'records', commitment: witness.commitment, vaultSalt: secrets.vaultSalt, categoryMask: mask }) as RecordsPayload;
  const totals = buildDeliveryPayload({
    tier: 'totals',
    commitment: witness.commitment,
    vaultSalt: secrets.vaultSalt,
    categoryMask: mask,
    totalsBlinds: witness.batches.map((b) => b.totalsBlind),
  }) as TotalsPayload;
  return { rows, witness, batches, records, totals, scope };
}

const A = stake(secretsA);
const check = (payload: DeliveryPayload, over: Partial<VerifyDeliveryParameters> = {}) =>
  verifyDelivery({ payload, tier: payload.tier, epoch, categoryMask: mask, batches: A.batches, stakedWeight: A.witness.points, ...over });

/** A deep copy of A's records payload with `edit` applied to it. */
function tampered(edit: (p: RecordsPayload) => void): RecordsPayload {
  const copy: RecordsPayload = { ...A.records, batches: A.records.batches.map((b) => ({ ...b, records: b.records.map((r) => ({ ...r })) })) };
  edit(copy);
  return copy;
}

/** The first record (batch, index) that scores points. */
function scoringRecord(p: RecordsPayload): [number, number] {
  for (const [k, b] of p.batches.entries()) {
    const i = b.records.findIndex((r) => leafPoints(unpackLeaf(r.packed, epoch)) > 0);
    if (i >= 0) return [k, i];
  }
  throw new Error('no scoring record');
}

function expectRejected(result: ReturnType<typeof verifyDelivery>, reason: string) {
  expect(result.verified ? 'verified' : result.reason, result.verified ? '' : result.message).toBe(reason);
}

describe('buildDeliveryPayload → verifyDelivery (real commitments, several batches)', () => {
  it('delivers exactly the in-category records the fingerprint covers, zero-point ones included', () => {
    expect(A.witness.batches.length).toBeGreaterThan(3);
    const result = check(A.records);
    expect(result.verified).toBe(true);
    if (!result.verified || result.tier !== 'records') return;
    const expected = A.rows.filter((r) => ((mask >> BigInt(r.category)) & 1n) === 1n);
    expect(result.records).toHaveLength(expected.length);
    expect(result.records.some((r) => r.points === 0)).toBe(true);
    const key = (x: { domain: string; day: number }) => `${x.day}|${x.domain}`;
    const byKey = new Map(result.records.map((r) => [key(r), r]));
    for (const row of expected) {
      const m = leafMeasures(row);
      expect(byKey.get(key(row))).toMatchObject({ domain: row.domain, category: m.category, activeUnits: m.activeUnits, visits: m.visits, interactionUnits: m.interactionUnits });
    }
    expect(result.records.reduce((s, r) => s + r.points, 0)).toBeGreaterThan(0);
  });

  it('verifies a production-size week (batches of 256) and its totals', () => {
    const big = stake(secretsA, { batchSize: 256, domainDays: 300, seed: 9 });
    const params = { epoch, categoryMask: mask, batches: big.batches, stakedWeight: big.witness.points };
    expect(verifyDelivery({ payload: big.records, tier: 'records', ...params }).verified).toBe(true);
    const totals = verifyDelivery({ payload: big.totals, tier: 'totals', ...params });
    expect(totals.verified).toBe(true);
    const inMask = big.witness.commitment.batches.flatMap((b) => b.leaves.filter((l) => isSelected(l, mask)));
    const t = computeTotals(inMask);
    expect(totals).toMatchObject({ totals: { activeUnits: Number(t.activeUnits), activeSeconds: Number(t.activeUnits) * 10, visits: Number(t.visits), activeDomainDays: Number(t.count) } });
  });

  it('refuses a tier `none` pool, a wrong vault salt and totals without blinds', () => {
    const build = (p: Partial<Parameters<typeof buildDeliveryPayload>[0]>) => () =>
      buildDeliveryPayload({ tier: 'records', commitment: A.witness.commitment, vaultSalt: secretsA.vaultSalt, categoryMask: mask, ...p });
    for (const bad of [build({ tier: 'none' }), build({ vaultSalt: 1n }), build({ tier: 'totals' })]) {
      expect(bad).toThrow(DeliveryError);
      try {
        bad();
      } catch (e) {
        expect((e as DeliveryError).reason).toBe('not_deliverable');
      }
    }
  });
});

describe('verifyDelivery catches each tamper with its reason', () => {
  it('wrong tier and batch count', () => {
    expectRejected(check(A.records, { tier: 'totals' }), 'wrong_tier');
    expectRejected(check(A.totals, { tier: 'records' }), 'wrong_tier');
    expectRejected(check(A.records, { tier: 'none' }), 'wrong_tier');
    expectRejected(check(tampered((p) => p.batches.pop())), 'batch_count');
  });

  it('a record outside the pool’s categories or the week', () => {
    const social = BigInt(categoryId('social'));
    const outOfCategory = tampered((p) => {
      const r = p.batches[0].records[0];
      r.packed = (r.packed & ~(31n << 3n)) | (social << 3n);
    });
    expectRejected(check(outOfCategory), 'record_out_of_category');
    const outOfWeek = tampered((p) => {
      const r = p.batches[0].records[0];
      r.packed = r.packed | 7n;
    });
    expectRejected(check(outOfWeek), 'record_out_of_epoch');
  });

  it('an altered record: its measures (named, with the committed value) or its domain', () => {
    const [k, i] = scoringRecord(A.records);
    const original = A.records.batches[k].records[i].packed;
    const moreVisits = tampered((p) => {
      p.batches[k].records[i].packed = original + (3n << 20n);
    });
    const result = check(moreVisits);
    expectRejected(result, 'altered_record');
    expect(result).toMatchObject({ batch: k, record: i });
    if (!result.verified) expect(result.message).toContain(`committed packed ${original}`);
    const renamed = tampered((p) => {
      p.batches[k].records[i].domain = 'evil.example';
    });
    expectRejected(check(renamed), 'altered_record');
    const resalted = tampered((p) => {
      p.batches[k].records[i].leafSalt += 1n;
    });
    expectRejected(check(resalted), 'altered_record');
  });

  it('a withheld record', () => {
    const [k, i] = scoringRecord(A.records);
    expectRejected(check(tampered((p) => p.batches[k].records.splice(i, 1))), 'withheld_record');
  });

  it('an invented record, and a duplicated one (both named)', () => {
    const invented: DeliveryRecord = {
      domain: 'invented.example',
      leafSalt: 123456789n,
      packed: packDomainDay({ day: first + 1, category: categoryId('ai'), activeSeconds: 600, visits: 3, interactions: 40 }, epoch),
    };
    const added = check(tampered((p) => p.batches[1].records.push(invented)));
    expectRejected(added, 'invented_record');
    expect(added).toMatchObject({ batch: 1, record: A.records.batches[1].records.length });
    const doubled = check(tampered((p) => p.batches[0].records.push({ ...p.batches[0].records[0] })));
    expectRejected(doubled, 'invented_record');
  });

  it('records of another token: its delivery as is, or relabelled with this stake’s roots', () => {
    const B = stake(secretsB, { seed: 3 });
    expect(B.records.batches.length).toBe(A.records.batches.length);
    expectRejected(check(B.records), 'foreign_record');
    const relabelled: RecordsPayload = { ...B.records, batches: B.records.batches.map((b, k) => ({ ...b, root: A.records.batches[k].root })) };
    const result = check(relabelled);
    expect(result.verified).toBe(false);
    if (!result.verified) expect(['altered_record', 'withheld_record', 'invented_record']).toContain(result.reason);
    // One of B's records slipped in among A's: not verified either.
    const spliced = tampered((p) => {
      p.batches[0].records[0] = { ...B.records.batches[0].records[0] };
    });
    expect(check(spliced).verified).toBe(false);
  });

  it('records of the same token checked against another pool’s scope (its own fingerprint) fail', () => {
    const otherPool = stake(secretsA, { pool: '0x0000000000000000000000000000000000000bad' });
    // Same commitment, another scope: the challenge and so every fingerprint differ.
    expect(otherPool.batches[0].root).toBe(A.batches[0].root);
    expect(otherPool.batches[0].fingerprint).not.toBe(A.batches[0].fingerprint);
    const signals = A.batches.map((b, k) => ({ ...b, fingerprint: otherPool.batches[k].fingerprint }));
    expect(check(A.records, { batches: signals }).verified).toBe(false);
    expect(check(A.records, { batches: otherPool.batches }).verified).toBe(true);
  });

  it('totals tampered: a value or the blind', () => {
    expect(check(A.totals).verified).toBe(true);
    const bump = (edit: (b: TotalsPayload['batches'][number]) => void): TotalsPayload => {
      const copy: TotalsPayload = { ...A.totals, batches: A.totals.batches.map((b) => ({ ...b })) };
      edit(copy.batches[copy.batches.length - 1]);
      return copy;
    };
    expectRejected(check(bump((b) => (b.visits += 1))), 'totals_mismatch');
    expectRejected(check(bump((b) => (b.count -= 1))), 'totals_mismatch');
    expectRejected(check(bump((b) => (b.totalsBlind += 1n))), 'totals_mismatch');
    expect(check(bump((b) => (b.activeUnits += 1)))).toMatchObject({ verified: false, batch: A.totals.batches.length - 1 });
  });

  it('a staked weight or a batch’s points that the records do not give', () => {
    expectRejected(check(A.records, { stakedWeight: A.witness.points + 1n }), 'weight_mismatch');
    const lastK = A.batches.length - 1;
    const wrongLast = A.batches.map((b, k) => (k === lastK ? { ...b, points: b.points + 1n } : b));
    expectRejected(check(A.records, { batches: wrongLast, stakedWeight: A.witness.points + 1n }), 'weight_mismatch');
    const wrongFirst = A.batches.map((b, k) => (k === 0 ? { ...b, points: b.points + 1n } : b));
    expectRejected(check(A.records, { batches: wrongFirst }), 'weight_mismatch');
  });
});

describe('points from delivered records', () => {
  const domainDay = fc.record({
    day: fc.integer({ min: first, max: last }),
    category: fc.integer({ min: 0, max: 31 }),
    activeSeconds: fc.integer({ min: 0, max: FIELD_MAX.activeSeconds }),
    visits: fc.integer({ min: 0, max: FIELD_MAX.visits }),
    interactions: fc.integer({ min: 0, max: FIELD_MAX.interactions }),
  });

  it('a committed leaf scores exactly its raw domain-day', () => {
    fc.assert(
      fc.property(domainDay, (d) => {
        expect(leafPoints(leafMeasures(d))).toBe(scoreDomainDay(d));
      }),
    );
  });

  it('running points equal the circuit-mirroring witness points, day cap across batches', () => {
    fc.assert(
      fc.property(fc.array(domainDay, { minLength: 1, maxLength: 40 }), fc.bigInt({ min: 0n, max: (1n << 19n) - 1n }), (days, m) => {
        const rows = days.map((d, i) => ({ ...d, domain: `d${i}.example` }));
        const witness: EpochWitness = buildWitnessInput(rows, { epoch, categoryMask: m, minPoints: 0, scope: 5n, secrets: secretsA, batchSize: 8 });
        const measures = witness.commitment.batches.map((b) => b.leaves.filter((l) => isSelected(l, m)).map((l) => unpackLeaf(l.packed, epoch)));
        expect(runningPoints(measures).map(BigInt)).toEqual(witness.batches.map((b) => b.points));
      }),
      { numRuns: 25 },
    );
  });

  it('caps a day at 600 across batches', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ domain: `heavy${i}.example`, day: first, category: categoryId('ai'), activeSeconds: 3_600, visits: 9, interactions: 200 }));
    const witness = buildWitnessInput(rows, { epoch, categoryMask: mask, minPoints: 0, scope: 5n, secrets: secretsA, batchSize: 8 });
    expect(witness.batches).toHaveLength(3);
    const measures = witness.commitment.batches.map((b) => b.leaves.filter((l) => isSelected(l, mask)).map((l) => unpackLeaf(l.packed, epoch)));
    expect(runningPoints(measures)).toEqual([600, 600, 600]);
    expect(witness.batches.map((b) => b.points)).toEqual([600n, 600n, 600n]);
  });
});
