/**
 * The production verifier (N = 256 leaves) end to end: a real N = 256 proof
 * mints, and the same proof for another holder does not. The N = 256 artifacts
 * are committed: without them this fails, naming the ceremony that makes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { lastFinishedEpoch, revertName, setupDevnet, type Devnet } from './helpers.ts';
import { makeMintProof, requireArtifacts, sampleRows } from './real-proofs.ts';

describe('DataSBT with the production EpochVerifier256', () => {
  let devnet: Devnet;
  beforeAll(async () => {
    requireArtifacts(256);
    devnet = await setupDevnet({ verifier: 'EpochVerifier256', accounts: 3 });
  });
  afterAll(async () => devnet?.stop());

  it('mints with a real N = 256 proof and rejects it for another holder', async () => {
    const epoch = await lastFinishedEpoch(devnet);
    const sbt = devnet.deployment.contracts.dataSbt as Address;
    const p = await makeMintProof({ rows: sampleRows(epoch), epoch, chainId: devnet.anvil.chainId, sbt, holder: devnet.signers[1].account.address, batchSize: 256 });
    const args = { sbt, epoch, nullifier: p.nullifier, batches: p.batches };
    expect(await revertName(mintSbt(devnet.signers[2], args))).toBe('DataSBT__InvalidProof');
    const minted = await mintSbt(devnet.signers[1], args);
    expect(minted.gasUsed).toBeGreaterThan(200_000n);
  });
});
