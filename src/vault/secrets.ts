import { SNARK_SCALAR_FIELD } from '../zk/field.ts';
import type { VaultDb } from './db';
import { toVaultError } from './errors';

/** The zk layer's per-vault secrets (src/zk/commitment.ts EpochSecrets). */
export interface VaultEpochSecrets {
  nullifierSecret: bigint;
  vaultSalt: bigint;
}

const KEYS = { nullifierSecret: 'zk.nullifierSecret', vaultSalt: 'zk.vaultSalt' } as const;

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

/**
 * Returns the vault's epoch secrets, creating them on first use. Candidates
 * are drawn before the transaction (no foreign async work inside it); inside,
 * an existing value always wins, so concurrent first calls agree on one pair
 * and a secret is never replaced once a commitment may depend on it.
 */
export async function getOrCreateEpochSecrets(db: VaultDb, now: number): Promise<VaultEpochSecrets> {
  const candidate = { nullifierSecret: randomFieldElement(), vaultSalt: randomFieldElement() };
  try {
    return await db.transaction('rw', db.secrets, async () => {
      const out = {} as VaultEpochSecrets;
      for (const name of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
        const existing = await db.secrets.get(KEYS[name]);
        if (existing) {
          out[name] = BigInt(`0x${existing.value}`);
        } else {
          await db.secrets.add({ key: KEYS[name], value: candidate[name].toString(16), createdAt: now });
          out[name] = candidate[name];
        }
      }
      return out;
    });
  } catch (cause) {
    throw toVaultError(cause, 'reading the vault secrets');
  }
}
