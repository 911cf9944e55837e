/**
 * Proof providers for the gas benchmark. The accept-all provider returns a
 * proof-shaped constant; real proofs come from src/zk through the contract
 * tests' helper (tests/anvil/real-proofs.ts), so both measure the same thing.
 */
import type { ProofProvider } from './measure.ts';
import type { VerifierName } from '../../scripts/lib/deployments.ts';
import { hasArtifacts, makeProof, sampleRows, type BatchSize } from '../../tests/anvil/real-proofs.ts';

export const acceptAllProofs: ProofProvider = async () => ({
  nullifier: 0x1234n,
  points: 500n,
  batches: [
    { root: 0x5678n, points: 500n, fingerprint: 0x9an, totalsCommitment: 0xbcn, accOut: 0xden, proof: { a: [1n, 2n], b: [[3n, 4n], [5n, 6n]], c: [7n, 8n] } },
  ],
});

const BATCH: Partial<Record<VerifierName, BatchSize>> = { EpochVerifier8: 8, EpochVerifier256: 256 };

/** Real proofs for `verifier`'s batch size, or null when its proving artifacts are missing. */
export async function realProofs(verifier: VerifierName): Promise<ProofProvider | null> {
  const batchSize = BATCH[verifier];
  if (!batchSize || !hasArtifacts(batchSize)) return null;
  return async (devnet, request) => {
    return makeProof({
      rows: sampleRows(request.epoch),
      epoch: request.epoch,
      categoryMask: request.categoryMask,
      minPoints: request.minPoints,
      batchSize,
      scope: { chainId: devnet.anvil.chainId, verifyingContract: request.target, poolId: request.poolId, holder: request.holder },
    });
  };
}
