import { fromBase64, randomBytes, toBase64 } from './encoding';

/** OWASP's figure for PBKDF2-HMAC-SHA256, and what MetaMask's extension uses. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const KEK_BITS = 256;

export const newSalt = (): string => toBase64(randomBytes(SALT_BYTES));

/**
 * kek = PBKDF2-SHA256(password, salt, iterations), 32 raw bytes. Raw because
 * the unlocked session keeps it (chrome.storage.session), never the password
 * and never the keys it protects.
 */
export async function deriveKek(password: string, salt: string, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, base, KEK_BITS);
  return new Uint8Array(bits);
}

/** The kek as a non-extractable AES-GCM-256 key. */
export function importKek(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
