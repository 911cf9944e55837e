/**
 * Off-chain verification with snarkjs, for tests, the CLI and a sanity check
 * before sending a transaction. snarkjs rejects public signals >= r itself; we
 * reject them first so the reason is explicit.
 */
import * as snarkjs from 'snarkjs';
import { SNARK_SCALAR_FIELD } from './field.ts';
import type { Groth16Proof } from './prove.ts';

/** The verification key JSON written by scripts/ceremony.mjs (public/zk/epoch-N.vkey.json). */
export type VerificationKey = Record<string, unknown>;

/** True iff `proof` is valid for `publicSignals` under `vkey`; false on any malformed input. */
export async function verify(
  vkey: VerificationKey,
  publicSignals: readonly bigint[],
  proof: Groth16Proof,
): Promise<boolean> {
  if (publicSignals.some((s) => s < 0n || s >= SNARK_SCALAR_FIELD)) return false;
  try {
    return await snarkjs.groth16.verify(vkey, publicSignals.map(String), proof);
  } catch {
    return false;
  }
}
