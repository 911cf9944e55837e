import type { Opener, Sealer } from '../keyring';
import { SNARK_SCALAR_FIELD } from '../zk/field.ts';
import type { VaultDb } from './db';
import { toVaultError } from './errors';
import type { SecretRecord } from './schema/secrets';

/** The zk layer's per-vault secrets (src/zk/commitment.ts EpochSecrets). */
export interface VaultEpochSecrets {
  nullifierSecret: bigint;
  vaultSalt: bigint;
}

/** Sealing to the vault key (src/keyring/sealing.ts): the secrets are stored only sealed. */
export interface SecretSealing {
  sealer: Sealer;
  opener: Opener;
}

const KEYS = { nullifierSecret: 'zk.nullifierSecret', vaultSalt: 'zk.vaultSalt' } as const;
type Name = keyof typeof KEYS;
const NAMES = Object.keys(KEYS) as Name[];

/**
 * A uniformly random field element: 32 random bytes with the top two bits
 * cleared (r < 2^254), rejected and redrawn while ≥ r, so there is no modulo
 * bias. `random` fills a buffer (crypto.getRandomValues in the worker).
 */
export function randomFieldElement(random: (buf: Uint8Array) => void = (b) => crypto.getRandomValues(b)): bigint {
  const buf = new Uint8Array(32);
  for (;;) {
    random(buf);
    buf[0] &= 0x3f;
    let x = 0n;
    for (const byte of buf) x = (x << 8n) | BigInt(byte);
    if (x < SNARK_SCALAR_FIELD) return x;
  }
}

const HEX = /^[0-9a-f]{1,64}$/;

function fromHex(hex: unknown, name: Name): bigint {
  if (typeof hex !== 'string' || !HEX.test(hex)) throw new Error(`the vault secret ${name} is malformed`);
  const value = BigInt(`0x${hex}`);
  if (value >= SNARK_SCALAR_FIELD) throw new Error(`the vault secret ${name} is not a field element`);
  return value;
}

/**
 * Returns the vault's epoch secrets, creating them on first use, stored sealed
 * to the vault key (they decide every commitment and nullifier, so they are
 * encrypted at rest like the footprints' sites; opening needs the unlocked vault).
 *
 * Existing records are read first. Only if one is missing are candidates drawn
 * and sealed, before the transaction (no foreign async work inside it); inside,
 * an existing record always wins, so concurrent first calls agree on one pair
 * and a secret is never replaced once a commitment may depend on it. A record
 * from before sealing (plain hex, schema v3/v4 as first shipped) is read as is
 * and then rewritten sealed, only if it is still that same record.
 */
export async function getOrCreateEpochSecrets(db: VaultDb, now: number, sealing: SecretSealing): Promise<VaultEpochSecrets> {
  try {
    const found = await db.secrets.bulkGet(NAMES.map((name) => KEYS[name]));
    const records = found.every(Boolean) ? (found as SecretRecord[]) : await createMissing(db, now, sealing);
    const secrets = {} as VaultEpochSecrets;
    for (const [i, name] of NAMES.entries()) {
      const record = records[i];
      if (record.sealed) {
        secrets[name] = fromHex(await sealing.opener.open<string>(record.sealed), name);
      } else {
        secrets[name] = fromHex(record.value, name);
        await sealLegacy(db, record, await sealing.sealer.seal(record.value));
      }
    }
    return secrets;
  } catch (cause) {
    throw toVaultError(cause, 'reading the vault secrets');
  }
}

/**
 * Forgets the epoch secrets (exit, after deleteVaultData): the next commitment
 * starts from fresh ones. Every commitment made with the old ones is then unprovable.
 */
export async function clearEpochSecrets(db: VaultDb): Promise<void> {
  await db.secrets.clear();
}

/** Adds sealed fresh values for the missing names; returns every record, in NAMES order. */
async function createMissing(db: VaultDb, now: number, sealing: SecretSealing): Promise<SecretRecord[]> {
  const fresh = await Promise.all(
    NAMES.map(async (name): Promise<SecretRecord> => ({
      key: KEYS[name],
      sealed: await sealing.sealer.seal(randomFieldElement().toString(16)),
      createdAt: now,
    })),
  );
  return db.transaction('rw', db.secrets, async () => {
    const out: SecretRecord[] = [];
    for (const record of fresh) {
      const existing = await db.secrets.get(record.key);
      if (!existing) await db.secrets.add(record);
      out.push(existing ?? record);
    }
    return out;
  });
}

/** Replaces a plain-hex record by its sealed form if nobody changed it meanwhile. */
async function sealLegacy(db: VaultDb, legacy: SecretRecord, sealed: SecretRecord['sealed']): Promise<void> {
  await db.transaction('rw', db.secrets, async () => {
    const current = await db.secrets.get(legacy.key);
    if (current && !current.sealed && current.value === legacy.value) {
      await db.secrets.put({ key: legacy.key, sealed, createdAt: legacy.createdAt });
    }
  });
}
