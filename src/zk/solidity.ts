/**
 * Packing a snarkjs proof for the generated Solidity verifier. The one place this
 * lives: the verifier takes pB with each G2 coordinate's two limbs swapped
 * (snarkjs stores Fp2 elements as [c0, c1], the EVM pairing precompile wants
 * [c1, c0]).
 */
import type { Groth16Proof } from './prove.ts';
import type { BatchWitness } from './witness.ts';

export interface SolidityProof {
  a: readonly [bigint, bigint];
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]];
  c: readonly [bigint, bigint];
}

/** {a, b, c} in the order `verifyProof(_pA, _pB, _pC, _pubSignals)` expects. */
export function toSolidityProof(proof: Groth16Proof): SolidityProof {
  const n = (x: string): bigint => BigInt(x);
  return {
    a: [n(proof.pi_a[0]), n(proof.pi_a[1])],
    b: [
      [n(proof.pi_b[0][1]), n(proof.pi_b[0][0])],
      [n(proof.pi_b[1][1]), n(proof.pi_b[1][0])],
    ],
    c: [n(proof.pi_c[0]), n(proof.pi_c[1])],
  };
}

/** The eleven public signals as the verifier's uint[11] (order: PUBLIC_SIGNAL_NAMES). */
export type SolidityPublicSignals = readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];

export function toSolidityPublicSignals(publicSignals: readonly bigint[]): SolidityPublicSignals {
  if (publicSignals.length !== 11) throw new RangeError(`expected 11 public signals, got ${publicSignals.length}`);
  return publicSignals as unknown as SolidityPublicSignals;
}

/** A proven batch in the contracts' BatchProof layout: its outputs and the packed proof. */
export function toSolidityBatch(batch: Pick<BatchWitness, 'points' | 'fingerprint' | 'totalsCommitment' | 'accOut'> & { batch: { root: bigint } }, proof: Groth16Proof) {
  return {
    root: batch.batch.root,
    points: batch.points,
    fingerprint: batch.fingerprint,
    totalsCommitment: batch.totalsCommitment,
    accOut: batch.accOut,
    proof: toSolidityProof(proof),
  };
}
