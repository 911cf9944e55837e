/**
 * The production batch, EpochProof(256), with its committed ceremony artifacts:
 * a full week of 256 domain-days (every day capped, categories masked) proves,
 * carries the public signals the TS side computes, and verifies in snarkjs.
 */
import { describe, expect, it } from 'vitest';
import { SCORING } from '../../src/scoring/constants';
import { scoreDomainDays } from '../../src/scoring/score';
import { buildWitnessInput, prove, verify, type DomainDayRow } from '../../src/zk/index';
import { EPOCH, FIRST_DAY, SCOPE, SECRETS, artifacts, circuitPublicSignals } from './helpers';

const N = 256;

/** 256 domain-days over the 7 days of the epoch, measures varied, many over every cap. */
function fullWeek(): DomainDayRow[] {
  return Array.from({ length: N }, (_, i) => ({
    domain: `site${i}.example`,
    day: FIRST_DAY + (i % 7),
    category: i % 19,
    activeSeconds: (i * 397) % 7_000,
    visits: i % 11,
    interactions: (i * 13) % 180,
  }));
}

describe('EpochProof(256)', () => {
  const art = artifacts(N);
  const mask = 0b1010_1010_1010_1010_101n;
  const rows = fullWeek();
  const week = buildWitnessInput(rows, { epoch: EPOCH, categoryMask: mask, minPoints: 100n, scope: SCOPE, secrets: SECRETS, batchSize: N });
  const w = week.batches[0];

  it('computes the TS public signals for a full week, in one batch', async () => {
    expect(week.batches).toHaveLength(1);
    expect(w.points).toBe(BigInt(scoreDomainDays(rows, mask)));
    expect(w.points).toBeLessThanOrEqual(BigInt(7 * SCORING.DAY_CAP));
    expect(await circuitPublicSignals(w.input, art.wasm)).toEqual(w.publicSignals);
  });

  it('proves and verifies in snarkjs; an altered points signal fails', async () => {
    const { proof, publicSignals } = await prove(w.input, art, { singleThread: true });
    expect(publicSignals).toEqual(w.publicSignals);
    expect(await verify(art.vkey, publicSignals, proof)).toBe(true);
    expect(await verify(art.vkey, publicSignals.map((s, i) => (i === 1 ? s + 1n : s)), proof)).toBe(false);
  }, 180_000);
});
