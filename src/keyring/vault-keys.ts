import { fromBase64, toBase64 } from './encoding';

/** The vault's and every ephemeral key's algorithm: ECDH on P-256. */
export const ECDH_P256: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };

/** A fresh vault key pair (ECDH P-256): public raw and private pkcs8, both base64. */
export async function generateVaultKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey(ECDH_P256, true, ['deriveBits']);
  return {
    publicKey: toBase64(await subtle.exportKey('raw', pair.publicKey)),
    privateKey: toBase64(await subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

export function importVaultPublicKey(publicKey: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', fromBase64(publicKey), ECDH_P256, true, []);
}

/** Non-extractable: once imported, the private key cannot leave WebCrypto again. */
export function importVaultPrivateKey(privateKey: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', fromBase64(privateKey), ECDH_P256, false, ['deriveBits']);
}
