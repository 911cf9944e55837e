/**
 * The BN254 scalar field the circuits work in. Every public or private input
 * handed to the prover must be an integer in [0, SNARK_SCALAR_FIELD): the
 * witness calculator would silently reduce larger values, so we reject them.
 */
import { ZkError } from './errors.ts';

export const SNARK_SCALAR_FIELD =
  21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** Reduces a (possibly negative) integer into [0, r). */
export function mod(x: bigint): bigint {
  const m = x % SNARK_SCALAR_FIELD;
  return m < 0n ? m + SNARK_SCALAR_FIELD : m;
}

/** Throws ZkError('out-of-range') unless 0 <= x < r. */
export function assertFieldElement(name: string, x: bigint): bigint {
  if (x < 0n || x >= SNARK_SCALAR_FIELD) {
    throw new ZkError('out-of-range', `${name} is not a field element`);
  }
  return x;
}

/** Throws ZkError('out-of-range') unless 0 <= x < 2^bits. */
export function assertBits(name: string, x: bigint, bits: number): bigint {
  if (x < 0n || x >= 1n << BigInt(bits)) {
    throw new ZkError('out-of-range', `${name} must fit ${bits} bits`);
  }
  return x;
}
