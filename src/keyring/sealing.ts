import type { Opener, SealedBox, Sealer } from './sealed-box';
import { decryptJson, encryptJson } from './aes';
import { KeyringError } from './errors';
import { fromBase64, toBase64, utf8 } from './encoding';
import { ECDH_P256, importVaultPrivateKey, importVaultPublicKey } from './vault-keys';

const INFO = utf8('surf-to-earn/seal/v1');

/**
 * The box key: HKDF-SHA256 over the ECDH shared secret, salted with the
 * ephemeral public key, so every ephemeral key gives an unrelated AES key.
 */
async function boxKey(shared: ArrayBuffer, epkRaw: Uint8Array<ArrayBuffer>, usage: KeyUsage): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: INFO }, ikm, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/**
 * A sealer to the vault public key: one ephemeral ECDH key pair for the
 * sealer's life (the worker's), one derived AES-GCM key, and a fresh IV per
 * box. Needs no secret, so capture works while the vault is locked.
 */
export async function createSealer(vaultPublicKey: string): Promise<Sealer> {
  const subtle = globalThis.crypto.subtle;
  const recipient = await importVaultPublicKey(vaultPublicKey);
  const eph = await subtle.generateKey(ECDH_P256, false, ['deriveBits']);
  const epkRaw = new Uint8Array(await subtle.exportKey('raw', eph.publicKey));
  const shared = await subtle.deriveBits({ name: 'ECDH', public: recipient }, eph.privateKey, 256);
  const key = await boxKey(shared, epkRaw, 'encrypt');
  const epk = toBase64(epkRaw);
  return {
    async seal(value: unknown): Promise<SealedBox> {
      return { epk, ...(await encryptJson(key, value)) };
    },
  };
}

/**
 * An opener with the vault private key. Derived keys are cached per
 * ephemeral key, so opening a table of rows costs one ECDH per worker
 * lifetime that sealed them, not one per row.
 */
export async function createOpener(vaultPrivateKey: string): Promise<Opener> {
  const subtle = globalThis.crypto.subtle;
  const privateKey = await importVaultPrivateKey(vaultPrivateKey);
  const keys = new Map<string, Promise<CryptoKey>>();
  const keyFor = (epk: string): Promise<CryptoKey> => {
    let k = keys.get(epk);
    if (!k) {
      k = (async () => {
        const epkRaw = fromBase64(epk);
        const pub = await subtle.importKey('raw', epkRaw, ECDH_P256, false, []);
        return boxKey(await subtle.deriveBits({ name: 'ECDH', public: pub }, privateKey, 256), epkRaw, 'decrypt');
      })();
      keys.set(epk, k);
      k.catch(() => keys.delete(epk));
    }
    return k;
  };
  return {
    async open<T>(box: SealedBox): Promise<T> {
      try {
        return await decryptJson<T>(await keyFor(box.epk), box);
      } catch (cause) {
        throw new KeyringError('corrupt', { cause });
      }
    },
  };
}
