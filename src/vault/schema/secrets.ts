/**
 * The `secrets` table: a few named random values that must survive as long as
 * the vault (the zk layer's nullifier secret and domain salt). Values are hex
 * strings, not bigints, so every IndexedDB implementation stores them alike.
 * They never leave the device and are never shown to a content script.
 */
export interface SecretRecord {
  key: string;
  /** Lower-case hex without 0x. */
  value: string;
  createdAt: number;
}

export const SECRETS_INDEXES = {
  /** v3: added with the epoch commitment (src/zk/commitment.ts EpochSecrets). */
  3: 'key',
} as const;
