import { z } from 'zod';
import { addressSchema } from '../shared/deployment';
import { utf8 } from './encoding';

/**
 * The keyring record kept in chrome.storage.local under `keyring`
 * (docs/earning.md "Accounts and keys"). Everything but `sealed` is public
 * and bound to the ciphertext as AES-GCM additional data, so swapping the
 * address, the vault public key or the KDF parameters breaks the tag.
 */
const base64 = z.string().max(4096).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

export const keyringRecordSchema = z
  .object({
    version: z.literal(1),
    kdf: z
      .object({
        name: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(1).max(10_000_000),
        salt: base64.min(16),
      })
      .strict(),
    address: addressSchema,
    /** The vault's ECDH P-256 public key, raw (uncompressed point), base64. */
    vaultPublicKey: base64.min(80),
    sealed: z.object({ iv: base64.length(16), ct: base64.min(24) }).strict(),
    createdAt: z.number().int().min(0),
  })
  .strict();
export type KeyringRecord = z.infer<typeof keyringRecordSchema>;

/** What `sealed` holds once opened. */
export const keyringSecretsSchema = z
  .object({
    accountKey: z.string().regex(/^0x[0-9a-f]{64}$/),
    /** The vault's ECDH private key, pkcs8, base64. */
    vaultPrivateKey: base64,
  })
  .strict();
export type KeyringSecrets = { accountKey: `0x${string}`; vaultPrivateKey: string };

/** The record's fixed fields in a fixed order: the AES-GCM additional data. */
export function recordAdditionalData(r: Omit<KeyringRecord, 'sealed'>): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['surf-to-earn/keyring', r.version, r.kdf.name, r.kdf.iterations, r.kdf.salt, r.address, r.vaultPublicKey, r.createdAt]));
}
