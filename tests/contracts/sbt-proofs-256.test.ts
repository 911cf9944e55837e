/**
 * The production verifier (N = 256 leaves) end to end: a real N = 256 proof
 * mints, and the same proof for another holder does not. Skipped while the
 * N = 256 ceremony artifacts are absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { generatedBytecode } from '../../scripts/lib/deploy.ts';
import { lastFinishedEpoch, revertName, setupDevnet, type Devnet } from './helpers.ts';
import { hasArtifacts, makeMintProof, sampleRows } from './real-proofs.ts';

const ready = hasArtifacts(256) && generatedBytecode('EpochVerifier256') !== null;

describe.skipIf(!ready)('DataSBT with the production EpochVerifier256', () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await setupDevnet({ verifier: 'EpochVerifier256', accounts: 3 });
  });
  afterAll(async () => devnet?.stop());

  it('mints with a real N = 256 proof and rejects it for another holder', async () => {
    const epoch = await lastFinishedEpoch(devnet);
    const sbt = devnet.deployment.contracts.dataSbt as Address;
    const p = await makeMintProof({ rows: sampleRows(epoch), epoch, chainId: devnet.anvil.chainId, sbt, holder: devnet.signers[1].account.address, batchSize: 256 });
    const args = { sbt, epoch, points: p.points, nullifier: p.nullifier, root: p.root, proof: p.proof };
    expect(await revertName(mintSbt(devnet.signers[2], args))).toBe('DataSBT__InvalidProof');
    const minted = await mintSbt(devnet.signers[1], args);
    expect(minted.gasUsed).toBeGreaterThan(200_000n);
  });
});
