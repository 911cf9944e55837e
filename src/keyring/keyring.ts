import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { decryptJson, encryptJson } from './aes';
import { KeyringError } from './errors';
import { deriveKek, importKek, newSalt, PBKDF2_ITERATIONS } from './kdf';
import { keyringRecordSchema, keyringSecretsSchema, recordAdditionalData, type KeyringRecord, type KeyringSecrets } from './record';
import { generateVaultKeyPair } from './vault-keys';

export interface CreateKeyringOptions {
  now: number;
  /** PBKDF2 rounds; tests pass fewer, production keeps the default. */
  iterations?: number;
}

/** A record plus the kek that opens it (what an unlocked session keeps). */
export interface UnlockedKeyring {
  record: KeyringRecord;
  kek: Uint8Array<ArrayBuffer>;
}

/**
 * Creates the account key and the vault key pair and seals both under the
 * password's kek. The returned record is what storage keeps; the keys exist
 * in plaintext only inside this call.
 */
export async function createKeyring(password: string, opts: CreateKeyringOptions): Promise<UnlockedKeyring> {
  const salt = newSalt();
  const iterations = opts.iterations ?? PBKDF2_ITERATIONS;
  const accountKey = generatePrivateKey();
  const vault = await generateVaultKeyPair();
  const kek = await deriveKek(password, salt, iterations);
  const record = await sealRecord(kek, {
    version: 1,
    kdf: { name: 'PBKDF2-SHA256', iterations, salt },
    address: privateKeyToAccount(accountKey).address,
    vaultPublicKey: vault.publicKey,
    createdAt: opts.now,
  }, { accountKey, vaultPrivateKey: vault.privateKey });
  return { record, kek };
}

/** Validates what storage holds; anything malformed is `corrupt`. */
export function parseKeyringRecord(raw: unknown): KeyringRecord {
  const parsed = keyringRecordSchema.safeParse(raw);
  if (!parsed.success) throw new KeyringError('corrupt', { cause: parsed.error });
  return parsed.data;
}

/**
 * Re-derives the kek from a password and proves it by opening the record.
 * Any failure to open is `wrong_password`: one generic error, whatever was
 * wrong (a bad password and a tampered ciphertext look the same to AES-GCM).
 */
export async function unlockKeyring(record: KeyringRecord, password: string): Promise<UnlockedKeyring & { secrets: KeyringSecrets }> {
  const kek = await deriveKek(password, record.kdf.salt, record.kdf.iterations);
  try {
    return { record, kek, secrets: await openKeyring(record, kek) };
  } catch (cause) {
    throw new KeyringError('wrong_password', { cause });
  }
}

/**
 * Opens the record with a kek already proven at unlock; a failure now means
 * the stored record changed underneath (`corrupt`). The secrets must also
 * match the record's public fields.
 */
export async function openKeyring(record: KeyringRecord, kek: Uint8Array<ArrayBuffer>): Promise<KeyringSecrets> {
  let secrets: KeyringSecrets;
  try {
    const raw = await decryptJson<unknown>(await importKek(kek), record.sealed, recordAdditionalData(record));
    secrets = keyringSecretsSchema.parse(raw) as KeyringSecrets;
  } catch (cause) {
    throw new KeyringError('corrupt', { cause });
  }
  if (privateKeyToAccount(secrets.accountKey).address !== record.address) throw new KeyringError('corrupt');
  return secrets;
}

/** The same keyring with another account key (import); the vault key pair, salt and kek stay. */
export async function replaceAccountKey(unlocked: UnlockedKeyring & { secrets: KeyringSecrets }, accountKey: `0x${string}`): Promise<KeyringRecord> {
  const key = accountKey.toLowerCase() as `0x${string}`;
  const { sealed: _old, ...fixed } = unlocked.record;
  return sealRecord(unlocked.kek, { ...fixed, address: privateKeyToAccount(key).address }, { ...unlocked.secrets, accountKey: key });
}

async function sealRecord(kek: Uint8Array<ArrayBuffer>, fixed: Omit<KeyringRecord, 'sealed'>, secrets: KeyringSecrets): Promise<KeyringRecord> {
  const sealed = await encryptJson(await importKek(kek), secrets, recordAdditionalData(fixed));
  return { ...fixed, sealed };
}
