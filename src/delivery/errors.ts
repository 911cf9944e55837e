import { SurfError } from '../shared/errors.ts';

/**
 * Why a delivery could not be sealed, opened or built. Verification never
 * throws: `verifyDelivery` answers a `DeliveryRejection` value instead.
 *
 * - `garbage`: not an envelope (too short, wrong magic, unknown version, a
 *   length that is not one of the padding buckets).
 * - `undecryptable`: HPKE refused it. A wrong private key, an envelope sealed
 *   for another context (chain, pool, token, epoch or holder) and an altered
 *   ciphertext all fail the same AEAD tag check: HPKE cannot tell them apart,
 *   and neither can we.
 * - `bad_payload`: it decrypts, but the plaintext is not a valid v1 payload.
 * - `bad_key`: a key that is not 32 bytes or that X25519 refuses.
 * - `not_deliverable`: the payload cannot be built or sealed (tier `none`,
 *   secrets that do not match the commitment, a payload above the largest bucket).
 */
export type DeliveryErrorReason = 'garbage' | 'undecryptable' | 'bad_payload' | 'bad_key' | 'not_deliverable';

export class DeliveryError extends SurfError<DeliveryErrorReason> {
  override name = 'DeliveryError';

  /** Machine-readable reason (the code), stable for tests and UI mapping. */
  get reason(): DeliveryErrorReason {
    return this.code;
  }
}
