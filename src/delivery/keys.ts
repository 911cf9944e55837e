/**
 * A pool owner's delivery key: an X25519 key pair (RFC 7748) used as the HPKE
 * recipient key. The public key is 32 raw bytes, which is what the pool
 * contract stores as `bytes32`; the private key is 32 raw bytes the owner keeps.
 */
import { bytesToHex, hexToBytes, isHex, type Hex } from 'viem';
import { DeliveryError } from './errors.ts';
import { deliverySuite } from './suite.ts';

export const DELIVERY_KEY_BYTES = 32;

export interface DeliveryKeyPair {
  /** 32 raw bytes (the contract's bytes32). */
  publicKey: Uint8Array;
  /** 32 raw bytes; never leaves the pool owner. */
  privateKey: Uint8Array;
}

/** A key as raw bytes or 0x-prefixed hex of 32 bytes. */
export type DeliveryKeyInput = Uint8Array | Hex;

/** A fresh key pair from the platform's CSPRNG (WebCrypto in the worker and in Node). */
export async function generateDeliveryKeyPair(): Promise<DeliveryKeyPair> {
  const { kem } = deliverySuite();
  const pair = await kem.generateKeyPair();
  return {
    publicKey: new Uint8Array(await kem.serializePublicKey(pair.publicKey)),
    privateKey: new Uint8Array(await kem.serializePrivateKey(pair.privateKey)),
  };
}

/** A key pair derived from `seed` (HPKE DeriveKeyPair, at least 32 bytes of entropy): same seed, same pair. */
export async function deriveDeliveryKeyPair(seed: Uint8Array): Promise<DeliveryKeyPair> {
  const { kem } = deliverySuite();
  if (seed.length < DELIVERY_KEY_BYTES) throw new DeliveryError('bad_key', 'A delivery key seed needs at least 32 bytes');
  const pair = await kem.deriveKeyPair(seed);
  return {
    publicKey: new Uint8Array(await kem.serializePublicKey(pair.publicKey)),
    privateKey: new Uint8Array(await kem.serializePrivateKey(pair.privateKey)),
  };
}

/** 0x + 64 hex digits: the form the pool contract's bytes32 takes. */
export function deliveryKeyToHex(key: Uint8Array): Hex {
  if (key.length !== DELIVERY_KEY_BYTES) throw new DeliveryError('bad_key', 'A delivery key is 32 bytes');
  return bytesToHex(key);
}

/** The 32 raw bytes of a key given as bytes or hex. Throws DeliveryError('bad_key') otherwise. */
export function deliveryKeyBytes(key: DeliveryKeyInput): Uint8Array {
  const bytes = typeof key === 'string' ? (isHex(key, { strict: true }) ? hexToBytes(key) : undefined) : key;
  if (!bytes || bytes.length !== DELIVERY_KEY_BYTES) throw new DeliveryError('bad_key', 'A delivery key is 32 bytes (0x + 64 hex digits)');
  return bytes;
}

/** Imports a recipient public key (raw or hex) for sealing. */
export async function importDeliveryPublicKey(key: DeliveryKeyInput): Promise<CryptoKey> {
  try {
    return await deliverySuite().kem.deserializePublicKey(deliveryKeyBytes(key));
  } catch (cause) {
    if (cause instanceof DeliveryError) throw cause;
    throw new DeliveryError('bad_key', 'The delivery public key is not a valid X25519 key', { cause });
  }
}

/** Imports a recipient private key (raw or hex) for opening. */
export async function importDeliveryPrivateKey(key: DeliveryKeyInput): Promise<CryptoKey> {
  try {
    return await deliverySuite().kem.deserializePrivateKey(deliveryKeyBytes(key));
  } catch (cause) {
    if (cause instanceof DeliveryError) throw cause;
    throw new DeliveryError('bad_key', 'The delivery private key is not a valid X25519 key', { cause });
  }
}
