import type { SealedBox } from '../../keyring';

/**
 * The `secrets` table: a few named random values that must survive as long as
 * the vault (the zk layer's nullifier secret and domain salt). Each value is a
 * lower-case hex string sealed to the vault public key (`sealed`), so it is
 * encrypted at rest and opens only while the vault is unlocked. Records written
 * before sealing hold the plain hex in `value`; the first read rewrites them
 * sealed (src/vault/secrets.ts). They never leave the device and are never
 * shown to a content script.
 */
export interface SecretRecord {
  key: string;
  /** Sealed lower-case hex without 0x. */
  sealed?: SealedBox;
  /** Legacy only: the plain lower-case hex, replaced by `sealed` on first read. */
  value?: string;
  createdAt: number;
}

export const SECRETS_INDEXES = {
  /** v3: added with the epoch commitment (src/zk/commitment.ts EpochSecrets). */
  3: 'key',
} as const;
