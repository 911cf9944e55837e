/**
 * The sealing contract, as types: what the vault stores (a SealedBox) and the
 * two capabilities over it. They live in the keyring, which implements them
 * (sealing.ts), so the vault and the worker both depend downward on it
 * (docs/earning.md "The encrypted vault").
 */

/** A sealed identifying field set (docs/earning.md "The encrypted vault"). */
export interface SealedBox {
  /** Ephemeral ECDH P-256 public key, raw, base64. */
  epk: string;
  /** AES-GCM IV, base64 (fresh per box). */
  iv: string;
  /** AES-GCM ciphertext with tag, base64. */
  ct: string;
}

export interface Sealer {
  seal(value: unknown): Promise<SealedBox>;
}

export interface Opener {
  /** Throws KeyringError('corrupt') when the box does not open. */
  open<T>(box: SealedBox): Promise<T>;
}
