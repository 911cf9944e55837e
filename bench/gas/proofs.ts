/**
 * Proof providers for the gas benchmark. The accept-all provider returns a
 * proof-shaped constant; real proofs come from src/zk (wired when the zk side
 * lands, see realProofs).
 */
import type { ProofProvider } from './measure.ts';
import type { VerifierName } from '../../scripts/lib/deployments.ts';

export const acceptAllProofs: ProofProvider = async () => ({
  proof: { a: [1n, 2n], b: [[3n, 4n], [5n, 6n]], c: [7n, 8n] },
  nullifier: 0x1234n,
  points: 500n,
  root: 0x5678n,
});

/** Real proofs for `verifier`'s batch size, or null when its proving artifacts are missing. */
export async function realProofs(_verifier: VerifierName): Promise<ProofProvider | null> {
  return null;
}
