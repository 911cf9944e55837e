/**
 * Packing a snarkjs proof for the generated Solidity verifier. The one place this
 * lives: the verifier takes pB with each G2 coordinate's two limbs swapped
 * (snarkjs stores Fp2 elements as [c0, c1], the EVM pairing precompile wants
 * [c1, c0]).
 */
import type { Groth16Proof } from './prove.ts';

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

/** The seven public signals as the verifier's uint[7]. */
export function toSolidityPublicSignals(
  publicSignals: readonly bigint[],
): readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint] {
  if (publicSignals.length !== 7) throw new RangeError(`expected 7 public signals, got ${publicSignals.length}`);
  const [a, b, c, d, e, f, g] = publicSignals;
  return [a, b, c, d, e, f, g];
}
