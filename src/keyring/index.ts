export { KeyringError, type KeyringErrorCode } from './errors';
export { PBKDF2_ITERATIONS, deriveKek } from './kdf';
export { encryptJson, decryptJson, IV_BYTES, type AesBox } from './aes';
export { keyringRecordSchema, type KeyringRecord, type KeyringSecrets } from './record';
export { createKeyring, parseKeyringRecord, unlockKeyring, openKeyring, replaceAccountKey, type UnlockedKeyring } from './keyring';
export { generateVaultKeyPair } from './vault-keys';
export { createSealer, createOpener } from './sealing';
export type { SealedBox, Sealer, Opener } from './sealed-box';
export { toBase64, fromBase64, sha256Hex } from './encoding';
