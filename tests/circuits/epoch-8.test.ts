/**
 * EpochProof(8) against the committed N=8 ceremony artifacts: honest witnesses
 * give the TS public signals, random rows score exactly like scoreDomainDays,
 * and every way to cheat we know of fails: in the witness calculator (which
 * checks every constraint) or at verification.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELD_MAX, SCORING } from '../../src/scoring/constants';
import { scoreDomainDays } from '../../src/scoring/score';
import {
  SNARK_SCALAR_FIELD,
  ZkError,
  buildWitnessInput,
  computeEpochRoot,
  computeFingerprint,
  computeTreeRoot,
  isSelected,
  LEAF_LAYOUT,
  poseidon,
  prove,
  verify,
  type BatchWitness,
  type CircuitInput,
  type EpochProofResult,
  type EpochWitness,
} from '../../src/zk/index';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EPOCH, FIRST_DAY, ROOT, SCOPE, SECRETS, artifacts, circuitPublicSignals, farmRows, sampleRows } from './helpers';

const N = 8;
const ALL = 0xffffffffn;
const art = artifacts(N);
const week = (rows = sampleRows(), mask = ALL, minPoints = 0n): EpochWitness =>
  buildWitnessInput(rows, { epoch: EPOCH, categoryMask: mask, minPoints, scope: SCOPE, secrets: SECRETS, batchSize: N });
/** The one batch of a week of at most N rows. */
const witness = (rows = sampleRows(), mask = ALL, minPoints = 0n): BatchWitness => {
  const w = week(rows, mask, minPoints);
  expect(w.batches).toHaveLength(1);
  return w.batches[0];
};
const rootOf = (leaves: { saltedDomain: bigint; packed: bigint }[], epoch = EPOCH) =>
  computeEpochRoot(computeTreeRoot(leaves), SECRETS.nullifierSecret, epoch);

/**
 * Expects the witness calculator to stop at the constraint of `file` (a template
 * `template`) on the line containing `where`, so each test fails for the reason it names.
 */
async function expectWitnessFails(
  input: CircuitInput,
  where: string,
  { file = 'circuits/epoch.circom', template = 'EpochProof' } = {},
): Promise<void> {
  const line = readFileSync(path.join(ROOT, file), 'utf8').split('\n').findIndex((l) => l.includes(where)) + 1;
  expect(line).toBeGreaterThan(0);
  const err = await circuitPublicSignals(input, art.wasm).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZkError);
  expect((err as ZkError).reason).toBe('witness-failed');
  expect(String((err as ZkError).cause)).toMatch(new RegExp(`${template}_\\d+ line: ${line}\\b`));
}

/** Replaces leaf `i`'s packed value and re-derives the root so only the leaf itself is wrong. */
function withLeaf(w: BatchWitness, i: number, packed: bigint): CircuitInput {
  const leaves = w.batch.leaves.map((l, j) => (j === i ? { ...l, packed } : l));
  return { ...w.input, packed: leaves.map((l) => l.packed.toString()), root: rootOf(leaves).toString() };
}

describe('EpochProof(8): honest witnesses', () => {
  it('computes the public signals the TS side predicts', async () => {
    const w = witness(sampleRows(), 0b1001010n, 10n);
    expect(await circuitPublicSignals(w.input, art.wasm)).toEqual(w.publicSignals);
    expect(w.points).toBe(BigInt(scoreDomainDays(sampleRows(), 0b1001010n)));
    // The fingerprint covers exactly the counted real leaves (the idle leaf of category 3 is counted though it scores 0).
    const selected = w.batch.leaves.filter((l) => isSelected(l, 0b1001010n));
    expect(selected).toHaveLength(4);
    expect(w.fingerprint).toBe(computeFingerprint(selected, w.batch.root, SCOPE));
    expect(w.totals.count).toBe(4n);
  });

  it('scores an empty epoch (padding only) as zero', async () => {
    const w = witness([]);
    const signals = await circuitPublicSignals(w.input, art.wasm);
    expect(signals[1]).toBe(0n);
    expect(signals[2]).toBe(1n); // empty product
    expect(signals).toEqual(w.publicSignals);
  });

  it('scores leaves in any order alike (days are routed, not sorted)', async () => {
    const w = witness(sampleRows(), ALL);
    const leaves = [...w.batch.leaves].reverse();
    const root = rootOf(leaves);
    const input = { ...w.input, saltedDomain: leaves.map((l) => l.saltedDomain.toString()), packed: leaves.map((l) => l.packed.toString()), root: root.toString() };
    const signals = await circuitPublicSignals(input, art.wasm);
    expect(signals[1]).toBe(w.points);
    // The fingerprint is a product: the order of the leaves does not change it (for the same root).
    expect(signals[2]).toBe(computeFingerprint(leaves.filter((l) => isSelected(l, ALL)), root, SCOPE));
    expect(w.points).toBeGreaterThan(0n);
  });

  it('caps a day at DAY_CAP however many capped domains it has', async () => {
    const w = witness(farmRows(8));
    expect(w.points).toBe(BigInt(SCORING.DAY_CAP));
    expect((await circuitPublicSignals(w.input, art.wasm))[1]).toBe(BigInt(SCORING.DAY_CAP));
  });

  it('equals scoreDomainDays on random rows and masks', async () => {
    const row = fc.record({
      domain: fc.stringMatching(/^[a-z]{1,8}\.example$/),
      day: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 6 }),
      category: fc.integer({ min: 0, max: 31 }),
      activeSeconds: fc.oneof(fc.integer({ min: 0, max: 4_000 }), fc.integer({ min: 0, max: FIELD_MAX.activeSeconds })),
      visits: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: FIELD_MAX.visits })),
      interactions: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: FIELD_MAX.interactions })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: N }),
        fc.bigInt({ min: 0n, max: ALL }),
        async (rows, mask) => {
          const w = witness(rows, mask);
          const signals = await circuitPublicSignals(w.input, art.wasm);
          expect(w.publicSignals).toHaveLength(11);
          expect(signals[1]).toBe(BigInt(scoreDomainDays(rows, mask)));
          expect(signals).toEqual(w.publicSignals);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never counts a padding leaf (saltedDomain 0), whatever measures it claims', async () => {
    const w = witness(sampleRows(), ALL);
    // Slot 7 is padding; give it a counted category and capped measures.
    const loud = (1n << BigInt(LEAF_LAYOUT.category)) | (4095n << BigInt(LEAF_LAYOUT.activeUnits)) | (255n << BigInt(LEAF_LAYOUT.visits));
    expect(w.batch.leaves[7].saltedDomain).toBe(0n);
    const input = withLeaf(w, 7, w.batch.leaves[7].packed | loud);
    const signals = await circuitPublicSignals(input, art.wasm);
    expect(signals[1]).toBe(w.points);
    expect(signals[3]).toBe(w.totalsCommitment);
  });
});

describe('EpochProof(8): a week of several batches', () => {
  it('chains the day sums so the day cap holds across batches', async () => {
    // 12 capped domains on one day: 1,200 uncapped points in two batches; the day still earns 600.
    const rows = [...farmRows(12, FIRST_DAY + 1, 9), ...sampleRows()];
    const w = week(rows, ALL, 1n);
    expect(w.batches).toHaveLength(2);
    expect(w.points).toBe(BigInt(scoreDomainDays(rows, ALL)));
    for (const b of w.batches) expect(await circuitPublicSignals(b.input, art.wasm)).toEqual(b.publicSignals);
    expect(w.batches[0].accIn).toBe(0n);
    expect(w.batches[1].accIn).toBe(w.batches[0].accOut);
    for (const b of w.batches) expect(b.input.minPoints).toBe('0'); // the contracts check the minimum on the final points
  });

  it('equals scoreDomainDays for weeks of 1 to 4 batches', async () => {
    for (const count of [3, 9, 17, 30]) {
      const rows = Array.from({ length: count }, (_, i) => ({
        domain: `s${i}.example`, day: FIRST_DAY + (i % 7), category: i % 5, activeSeconds: 200 + i * 97, visits: i % 7, interactions: i * 3,
      }));
      const w = week(rows, 0b10110n);
      expect(w.batches).toHaveLength(Math.ceil(count / N));
      expect(w.points).toBe(BigInt(scoreDomainDays(rows, 0b10110n)));
      const last = w.batches.at(-1)!;
      expect(await circuitPublicSignals(last.input, art.wasm)).toEqual(last.publicSignals);
    }
  });
});

describe('EpochProof(8): the witness calculator rejects', () => {
  const w = witness(sampleRows(), ALL, 1n);

  it('a packed leaf with a bit above its last field (a field out of range)', async () => {
    const tooWide = w.batch.leaves[0].packed | (1n << BigInt(LEAF_LAYOUT.totalBits));
    await expectWitnessFails(withLeaf(w, 0, tooWide), 'leaf[i].in <== packed[i]');
  });

  it('a day offset of 7 (a day outside the epoch), even on a leaf that scores 0', async () => {
    const daySplit = { file: 'circuits/lib/day-split.circom', template: 'DaySplit' };
    await expectWitnessFails(withLeaf(w, 0, w.batch.leaves[0].packed | 7n), 'low2 * bits[2] === 0', daySplit);
    await expectWitnessFails(withLeaf(w, 7, w.batch.leaves[7].packed | 7n), 'low2 * bits[2] === 0', daySplit);
  });

  it('a leaf that does not match the committed root', async () => {
    const more = w.batch.leaves[1].packed + (1n << BigInt(LEAF_LAYOUT.activeUnits)); // 10 s more, old root kept
    await expectWitnessFails({ ...w.input, packed: w.input.packed.map((p, i) => (i === 1 ? more.toString() : p)) }, 'root === commitment.out');
  });

  it('a root made with another nullifier secret', async () => {
    await expectWitnessFails({ ...w.input, nullifierSecret: (SECRETS.nullifierSecret + 1n).toString() }, 'root === commitment.out');
  });

  it('minPoints above the points', async () => {
    await expectWitnessFails({ ...w.input, minPoints: (w.points + 1n).toString() }, 'enough.in <==');
  });

  it('minPoints that would wrap points - minPoints around the field', async () => {
    await expectWitnessFails({ ...w.input, minPoints: (SNARK_SCALAR_FIELD - 1n).toString() }, 'minPointsRange.in <==');
  });

  it('the same leaves under another epoch (a root is bound to its week)', async () => {
    await expectWitnessFails({ ...w.input, epoch: String(EPOCH + 1) }, 'root === commitment.out');
  });

  it('a later batch that opens accIn to other day sums (escaping the day cap)', async () => {
    const heavy = week([...farmRows(12, FIRST_DAY + 1, 9)], ALL);
    const second = heavy.batches[1];
    const dayCapFile = { file: 'circuits/lib/day-accumulator.circom', template: 'DayAccumulator' };
    // Claim nothing came before: the opening no longer hashes to accIn.
    await expectWitnessFails({ ...second.input, prevDaySum: Array(7).fill('0') }, '(accIn - opened.out) * (1 - first.out) === 0', dayCapFile);
    // Or pretend to be a first batch: accIn 0 forces the earlier sums to 0...
    await expectWitnessFails({ ...second.input, accIn: '0' }, 'prevDaySum[d] * first.out === 0', dayCapFile);
    // ...so a negative earlier sum (to cancel this batch's points) cannot be slipped in either.
    const negative = Array(7).fill('0');
    negative[1] = (SNARK_SCALAR_FIELD - 600n).toString();
    await expectWitnessFails({ ...w.input, prevDaySum: negative }, 'prevDaySum[d] * first.out === 0', dayCapFile);
  });

  it('a day sum beyond DAY_SUM_BITS, even with a valid opening', async () => {
    const big = [(1n << 24n) - 1n, 0n, 0n, 0n, 0n, 0n, 0n]; // day 0 also scores in this batch
    const accIn = poseidon([...big, 5n]);
    const input = { ...w.input, accIn: accIn.toString(), prevDaySum: big.map(String), prevBlind: '5' };
    await expectWitnessFails(input, 'sumBits[d].in <==', { file: 'circuits/lib/day-accumulator.circom', template: 'DayAccumulator' });
  });

  it('a category mask or epoch beyond its width', async () => {
    await expectWitnessFails({ ...w.input, categoryMask: (1n << 32n).toString() }, 'mask.in <== categoryMask');
    await expectWitnessFails({ ...w.input, epoch: (1n << 16n).toString() }, 'epochRange.in <== epoch');
  });

  it('a value equal to or above the field modulus (before the calculator could alias it)', async () => {
    for (const bad of [SNARK_SCALAR_FIELD, SNARK_SCALAR_FIELD + w.batch.leaves[0].packed]) {
      const input = { ...w.input, packed: w.input.packed.map((p, i) => (i === 0 ? bad.toString() : p)) };
      await expect(circuitPublicSignals(input, art.wasm)).rejects.toMatchObject({ reason: 'out-of-range' });
    }
    expect(() =>
      buildWitnessInput(sampleRows(), {
        epoch: EPOCH, categoryMask: ALL, minPoints: 0n, scope: SCOPE + SNARK_SCALAR_FIELD, secrets: SECRETS, batchSize: N,
      }),
    ).toThrow(ZkError);
  });
});

describe('EpochProof(8): proofs', () => {
  let honest: EpochProofResult;
  let farmed: EpochProofResult;
  const farm = [...farmRows(4, FIRST_DAY + 1, 9), ...farmRows(4, FIRST_DAY + 1, 16)];
  const farmMask = 1n << 9n; // category 16 is outside the mask

  beforeAll(async () => {
    honest = await prove(witness(sampleRows(), ALL, 1n).input, art, { singleThread: true });
    farmed = await prove(witness(farm, farmMask).input, art, { singleThread: true });
  });

  it('verifies in snarkjs with the predicted public signals', async () => {
    expect(honest.publicSignals).toEqual(witness(sampleRows(), ALL, 1n).publicSignals);
    expect(await verify(art.vkey, honest.publicSignals, honest.proof)).toBe(true);
  });

  it('fails when any public signal is altered', async () => {
    for (let i = 0; i < 11; i++) {
      const altered = honest.publicSignals.map((s, j) => (j === i ? s + 1n : s));
      expect(await verify(art.vkey, altered, honest.proof)).toBe(false);
    }
  });

  it('fails for a public signal aliased by adding the field modulus', async () => {
    const aliased = honest.publicSignals.map((s, j) => (j === 6 ? s + SNARK_SCALAR_FIELD : s));
    expect(await verify(art.vkey, aliased, honest.proof)).toBe(false);
  });

  it('cannot claim points above a cap or from a category outside the mask', async () => {
    const claimed = farmed.publicSignals[1];
    expect(claimed).toBe(400n); // 4 counted leaves x DOMAIN_DAY_CAP
    const claim = (points: bigint) => farmed.publicSignals.map((s, j) => (j === 1 ? points : s));
    expect(await verify(art.vkey, claim(claimed), farmed.proof)).toBe(true);
    expect(await verify(art.vkey, claim(800n), farmed.proof)).toBe(false); // category 16 counted too
    expect(await verify(art.vkey, claim(600n), farmed.proof)).toBe(false); // the day cap, not the leaves, as the limit
  });

  it('cannot reuse a proof under another mask', async () => {
    const other = farmed.publicSignals.map((s, j) => (j === 7 ? ALL : s));
    expect(await verify(art.vkey, other, farmed.proof)).toBe(false);
  });
});
