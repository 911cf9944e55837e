import { buildWitnessInput, type BatchWitness, type DomainDayRow } from '../../src/zk/index.ts';

export const BENCH_EPOCH = 2914;

/** A full week, the input of bench/prove and bench/extension-prove: `batch` domain-days over the 7 days, varied measures, every category (one batch). */
export function fullWeekWitness(batch: number): BatchWitness {
  const rows: DomainDayRow[] = Array.from({ length: batch }, (_, i) => ({
    domain: `site${i}.example`,
    day: BENCH_EPOCH * 7 + (i % 7),
    category: i % 19,
    activeSeconds: (i * 137) % 4_000,
    visits: i % 9,
    interactions: (i * 7) % 150,
  }));
  const w = buildWitnessInput(rows, {
    epoch: BENCH_EPOCH,
    categoryMask: 0xffffffffn,
    minPoints: 0n,
    scope: 12345n,
    secrets: { nullifierSecret: 1n, vaultSalt: 2n },
    batchSize: batch,
  });
  return w.batches[0];
}
