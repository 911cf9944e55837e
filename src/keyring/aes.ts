import { fromBase64, randomBytes, toBase64, utf8 } from './encoding';

/** 96 bits: the IV size AES-GCM is specified for. */
export const IV_BYTES = 12;

export interface AesBox {
  iv: string;
  ct: string;
}

/**
 * AES-GCM of JSON with a fresh random IV per call, so no (key, IV) pair is
 * ever reused; `ad` is authenticated but not encrypted.
 */
export async function encryptJson(key: CryptoKey, value: unknown, ad?: Uint8Array<ArrayBuffer>): Promise<AesBox> {
  const iv = randomBytes(IV_BYTES);
  const params: AesGcmParams = ad ? { name: 'AES-GCM', iv, additionalData: ad } : { name: 'AES-GCM', iv };
  const ct = await globalThis.crypto.subtle.encrypt(params, key, utf8(JSON.stringify(value)));
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

/** Decrypts and parses; rejects (with WebCrypto's OperationError) when the tag does not verify. */
export async function decryptJson<T>(key: CryptoKey, box: AesBox, ad?: Uint8Array<ArrayBuffer>): Promise<T> {
  const iv = fromBase64(box.iv);
  const params: AesGcmParams = ad ? { name: 'AES-GCM', iv, additionalData: ad } : { name: 'AES-GCM', iv };
  const plain = await globalThis.crypto.subtle.decrypt(params, key, fromBase64(box.ct));
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
