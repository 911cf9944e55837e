/**
 * src/chain/generated must match contracts/ (including the snarkjs verifiers the
 * ceremony regenerates): a stale verifier bytecode would make every real proof
 * fail as "invalid proof" for no visible reason.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderGenerated, staleGenerated } from '../../scripts/lib/chain-codegen.ts';
import { renderVerifierFor, verifierPath } from '../../scripts/gen-verifier.mjs';

describe('src/chain/generated', () => {
  it('is what npm run contracts:build produces from contracts/', async () => {
    const generated = await renderGenerated();
    expect(generated.contracts.map((c) => c.name)).toEqual(expect.arrayContaining(['DataSBT', 'DataStakingPool', 'PoolFactory', 'TestToken', 'EpochVerifier8']));
    expect(await staleGenerated(generated), 'run npm run contracts:build').toEqual([]);
  });

  it('has verifiers that scripts/gen-verifier.mjs renders from the committed vkeys', () => {
    for (const batch of [8, 256]) {
      expect(readFileSync(verifierPath(batch), 'utf8'), `run node scripts/gen-verifier.mjs --batch ${batch}`).toBe(renderVerifierFor(batch));
    }
  });
});
