/**
 * src/chain/generated must match contracts/ (including the snarkjs verifiers the
 * ceremony regenerates): a stale verifier bytecode would make every real proof
 * fail as "invalid proof" for no visible reason.
 */
import { describe, expect, it } from 'vitest';
import { renderGenerated, staleGenerated } from '../../scripts/lib/chain-codegen.ts';

describe('src/chain/generated', () => {
  it('is what npm run contracts:build produces from contracts/', async () => {
    const generated = await renderGenerated();
    expect(generated.contracts.map((c) => c.name)).toEqual(expect.arrayContaining(['DataSBT', 'DataStakingPool', 'PoolFactory', 'TestToken', 'EpochVerifier8']));
    expect(await staleGenerated(generated), 'run npm run contracts:build').toEqual([]);
  });
});
