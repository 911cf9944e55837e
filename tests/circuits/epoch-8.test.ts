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
  computeTreeRoot,
  LEAF_LAYOUT,
  prove,
  verify,
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
const witness = (rows = sampleRows(), mask = ALL, minPoints = 0n): EpochWitness =>
  buildWitnessInput(rows, { epoch: EPOCH, categoryMask: mask, minPoints, scope: SCOPE, secrets: SECRETS, batchSize: N });

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
function withLeaf(w: EpochWitness, i: number, packed: bigint): CircuitInput {
  const leaves = w.commitment.leaves.map((l, j) => (j === i ? { ...l, packed } : l));
  const root = computeEpochRoot(computeTreeRoot(leaves), SECRETS.nullifierSecret);
  return { ...w.input, packed: leaves.map((l) => l.packed.toString()), root: root.toString() };
}

describe('EpochProof(8): honest witnesses', () => {
  it('computes the public signals the TS side predicts', async () => {
    const w = witness(sampleRows(), 0b1001010n, 10n);
    expect(await circuitPublicSignals(w.input, art.wasm)).toEqual(w.publicSignals);
    expect(w.points).toBe(BigInt(scoreDomainDays(sampleRows(), 0b1001010n)));
  });

  it('scores an empty epoch (padding only) as zero', async () => {
    const w = witness([]);
    expect((await circuitPublicSignals(w.input, art.wasm))[1]).toBe(0n);
  });

  it('scores leaves in any order alike (days are routed, not sorted)', async () => {
    const w = witness(sampleRows(), ALL);
    const leaves = [...w.commitment.leaves].reverse();
    const root = computeEpochRoot(computeTreeRoot(leaves), SECRETS.nullifierSecret);
    const input = { ...w.input, saltedDomain: leaves.map((l) => l.saltedDomain.toString()), packed: leaves.map((l) => l.packed.toString()), root: root.toString() };
    const signals = await circuitPublicSignals(input, art.wasm);
    expect(signals[1]).toBe(w.points);
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
          expect(signals[1]).toBe(BigInt(scoreDomainDays(rows, mask)));
          expect(signals).toEqual(w.publicSignals);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('EpochProof(8): the witness calculator rejects', () => {
  const w = witness(sampleRows(), ALL, 1n);

  it('a packed leaf with a bit above its last field (a field out of range)', async () => {
    const tooWide = w.commitment.leaves[0].packed | (1n << BigInt(LEAF_LAYOUT.totalBits));
    await expectWitnessFails(withLeaf(w, 0, tooWide), 'leaf[i].in <== packed[i]');
  });

  it('a day offset of 7 (a day outside the epoch), even on a leaf that scores 0', async () => {
    const daySplit = { file: 'circuits/lib/day-split.circom', template: 'DaySplit' };
    await expectWitnessFails(withLeaf(w, 0, w.commitment.leaves[0].packed | 7n), 'low2 * bits[2] === 0', daySplit);
    await expectWitnessFails(withLeaf(w, 7, w.commitment.leaves[7].packed | 7n), 'low2 * bits[2] === 0', daySplit);
  });

  it('a leaf that does not match the committed root', async () => {
    const more = w.commitment.leaves[1].packed + (1n << BigInt(LEAF_LAYOUT.activeUnits)); // 10 s more, old root kept
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

  it('a category mask or epoch beyond its width', async () => {
    await expectWitnessFails({ ...w.input, categoryMask: (1n << 32n).toString() }, 'mask.in <== categoryMask');
    await expectWitnessFails({ ...w.input, epoch: (1n << 16n).toString() }, 'epochRange.in <== epoch');
  });

  it('a value equal to or above the field modulus (before the calculator could alias it)', async () => {
    for (const bad of [SNARK_SCALAR_FIELD, SNARK_SCALAR_FIELD + w.commitment.leaves[0].packed]) {
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
    for (let i = 0; i < 7; i++) {
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
    const other = farmed.publicSignals.map((s, j) => (j === 4 ? ALL : s));
    expect(await verify(art.vkey, other, farmed.proof)).toBe(false);
  });
});
