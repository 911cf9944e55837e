/**
 * The sealed delivery that travels in the stake transaction (its keccak256 is
 * emitted on chain). HPKE base mode with the suite of suite.ts:
 *
 *   envelope = magic "S2ED" (4) ‖ version 0x01 (1) ‖ enc (32) ‖ ciphertext (plaintext + 16-byte tag)
 *
 * `info` is the canonical context (context.ts): the envelope opens only for the
 * stake it was made for. `aad` is the 5 header bytes, so the header is
 * authenticated too. The plaintext is the encoded payload (payload-codec.ts)
 * followed by zeros, so that the whole envelope is exactly one of
 * DELIVERY_BUCKETS: an observer of the chain learns the bucket, not the number
 * of records.
 */
import { concatBytes, keccak256, type Hex } from 'viem';
import { encodeDeliveryContext, type DeliveryContext } from './context.ts';
import { DeliveryError } from './errors.ts';
import { importDeliveryPrivateKey, importDeliveryPublicKey, type DeliveryKeyInput } from './keys.ts';
import { decodeDeliveryPayload, encodeDeliveryPayload } from './payload-codec.ts';
import type { DeliveryPayload } from './payload.ts';
import { deliverySuite } from './suite.ts';

export const ENVELOPE_MAGIC = new Uint8Array([0x53, 0x32, 0x45, 0x44]); // "S2ED"
export const ENVELOPE_VERSION = 1;
const HEADER = concatBytes([ENVELOPE_MAGIC, new Uint8Array([ENVELOPE_VERSION])]);
const ENC_BYTES = 32;
const TAG_BYTES = 16;
/** Bytes of an envelope that are not plaintext: header, enc and the AEAD tag (53). */
export const ENVELOPE_OVERHEAD = HEADER.length + ENC_BYTES + TAG_BYTES;

const KiB = 1024;
/**
 * The sizes an envelope may have, in bytes: 256 and 512 bytes, then 1, 2, 4, 8,
 * 12, 16, 24, 32, 48 and 64 KiB. The two small ones hold a totals delivery (and
 * a records delivery of a few sites) at a sixteenth of the calldata gas of 1 KiB. Powers of two with a step of 1.5 between them from 8 KiB, so padding
 * never costs more than half again and a length says only "about this many
 * records" (16 KiB: ~160–320 records). A common week of one pool's categories
 * (≤ ~320 typical records) fits 16 KiB. The last bucket is the pool contract's
 * `DataStakingPool.MAX_ENVELOPE` (65,536 bytes, checked by a test): a records
 * delivery of more than ~1,290 typical records cannot travel in a stake and is
 * refused here rather than reverted on chain.
 */
export const DELIVERY_BUCKETS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64].map((k) => k * KiB);
/** The largest envelope: DataStakingPool.MAX_ENVELOPE. */
export const MAX_ENVELOPE_BYTES = DELIVERY_BUCKETS[DELIVERY_BUCKETS.length - 1];

/** The envelope size for a plaintext payload of `payloadBytes`: the smallest bucket it fits. Throws DeliveryError('not_deliverable') past the last. */
export function envelopeSizeFor(payloadBytes: number): number {
  const size = DELIVERY_BUCKETS.find((b) => b - ENVELOPE_OVERHEAD >= payloadBytes);
  if (size === undefined) {
    throw new DeliveryError('not_deliverable', `A delivery of ${payloadBytes} bytes is larger than the largest envelope (${MAX_ENVELOPE_BYTES} bytes)`);
  }
  return size;
}

export interface SealDeliveryParameters {
  /** The pool owner's X25519 public key (32 raw bytes or the contract's bytes32 hex). */
  recipientPublicKey: DeliveryKeyInput;
  context: DeliveryContext;
  payload: DeliveryPayload;
}

/** Seals `payload` for the pool owner, bound to `context`; the result is exactly one bucket long. */
export async function sealDelivery({ recipientPublicKey, context, payload }: SealDeliveryParameters): Promise<Uint8Array> {
  const encoded = encodeDeliveryPayload(payload);
  const plaintext = new Uint8Array(envelopeSizeFor(encoded.length) - ENVELOPE_OVERHEAD);
  plaintext.set(encoded);
  const info = encodeDeliveryContext(context);
  const recipient = await importDeliveryPublicKey(recipientPublicKey);
  let sealed: { ct: ArrayBuffer; enc: ArrayBuffer };
  try {
    sealed = await deliverySuite().seal({ recipientPublicKey: recipient, info }, plaintext, HEADER);
  } catch (cause) {
    // A low-order public key makes the DH output zero: X25519 refuses it here.
    throw new DeliveryError('bad_key', 'The pool’s delivery key cannot be used to seal', { cause });
  }
  return concatBytes([HEADER, new Uint8Array(sealed.enc), new Uint8Array(sealed.ct)]);
}

export interface OpenDeliveryParameters {
  recipientPrivateKey: DeliveryKeyInput;
  context: DeliveryContext;
  envelope: Uint8Array;
}

/**
 * Opens an envelope for the stake `context`. Throws DeliveryError: `garbage` when it
 * is not a v1 envelope of a bucket size, `undecryptable` when HPKE refuses it (a wrong
 * key, another context or an altered byte: indistinguishable by design), `bad_payload`
 * when it decrypts to something that is not a valid payload, `bad_key` for a key that
 * is not 32 bytes. The payload is still to be checked against the proof (verify.ts).
 */
export async function openDelivery({ recipientPrivateKey, context, envelope }: OpenDeliveryParameters): Promise<DeliveryPayload> {
  if (envelope.length < ENVELOPE_OVERHEAD || !HEADER.every((b, i) => envelope[i] === b)) {
    throw new DeliveryError('garbage', 'This is not a Surf to Earn delivery envelope');
  }
  if (!DELIVERY_BUCKETS.includes(envelope.length)) {
    throw new DeliveryError('garbage', `A delivery envelope is one of the padding sizes; this one is ${envelope.length} bytes`);
  }
  const key = await importDeliveryPrivateKey(recipientPrivateKey);
  const enc = envelope.slice(HEADER.length, HEADER.length + ENC_BYTES);
  const ct = envelope.slice(HEADER.length + ENC_BYTES);
  let plaintext: Uint8Array;
  try {
    plaintext = new Uint8Array(await deliverySuite().open({ recipientKey: key, enc, info: encodeDeliveryContext(context) }, ct, HEADER));
  } catch (cause) {
    throw new DeliveryError(
      'undecryptable',
      'The delivery cannot be decrypted: it was sealed to another key or for another stake (chain, pool, token, epoch or holder), or it was altered. HPKE cannot tell these apart.',
      { cause },
    );
  }
  return decodeDeliveryPayload(plaintext);
}

/** keccak256 of the envelope bytes: the hash the stake emits on chain. */
export function deliveryHash(envelope: Uint8Array): Hex {
  return keccak256(envelope);
}
