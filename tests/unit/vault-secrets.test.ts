import { describe, expect, it } from 'vitest';
import { exportVault, getOrCreateEpochSecrets, openVault, randomFieldElement } from '../../src/vault';
import { SNARK_SCALAR_FIELD } from '../../src/zk/field.ts';
import { freshIdb, makeSealing, makeWorld, NOW } from './helpers/world';

const noKeyring = async () => undefined;

describe('vault epoch secrets', () => {
  it('creates two field elements once and returns the same ones after a reopen', async () => {
    const idb = freshIdb();
    const sealing = await makeSealing();
    const db = openVault({ name: 'secrets', dexie: idb, vaultPublicKey: noKeyring });
    const a = await getOrCreateEpochSecrets(db, NOW, sealing);
    expect(a.nullifierSecret).not.toBe(a.vaultSalt);
    for (const v of Object.values(a)) {
      expect(v).toBeGreaterThan(0n);
      expect(v).toBeLessThan(SNARK_SCALAR_FIELD);
    }
    db.close();
    const again = openVault({ name: 'secrets', dexie: idb, vaultPublicKey: noKeyring });
    expect(await getOrCreateEpochSecrets(again, NOW + 1, sealing)).toEqual(a);
  });

  it('stores them only sealed to the vault key: no plain value at rest, and another key cannot open them', async () => {
    const { db } = makeWorld();
    const sealing = await makeSealing();
    const s = await getOrCreateEpochSecrets(db, NOW, sealing);
    const stored = JSON.stringify(await db.secrets.toArray());
    expect(stored).not.toContain(s.vaultSalt.toString(16));
    expect(stored).not.toContain(s.nullifierSecret.toString(16));
    for (const record of await db.secrets.toArray()) {
      expect(record.value).toBeUndefined();
      expect(record.sealed?.ct).toBeTruthy();
    }
    const other = await makeSealing();
    await expect(getOrCreateEpochSecrets(db, NOW, { sealer: other.sealer, opener: other.opener })).rejects.toThrow();
    // The failed read changed nothing: the right key still opens the same pair.
    expect(await getOrCreateEpochSecrets(db, NOW, sealing)).toEqual(s);
  });

  it('reads a plain record written before sealing, keeps its value and rewrites it sealed', async () => {
    const { db } = makeWorld();
    const sealing = await makeSealing();
    await db.secrets.bulkAdd([
      { key: 'zk.nullifierSecret', value: 'abc123', createdAt: NOW - 5 },
      { key: 'zk.vaultSalt', value: '5a17', createdAt: NOW - 5 },
    ]);
    const s = await getOrCreateEpochSecrets(db, NOW, sealing);
    expect(s).toEqual({ nullifierSecret: 0xabc123n, vaultSalt: 0x5a17n });
    const records = await db.secrets.toArray();
    expect(records.every((r) => r.value === undefined && r.sealed && r.createdAt === NOW - 5)).toBe(true);
    expect(await getOrCreateEpochSecrets(db, NOW + 1, sealing)).toEqual(s);
  });

  it('refuses a malformed stored value instead of proving with it', async () => {
    const { db } = makeWorld();
    const sealing = await makeSealing();
    await db.secrets.bulkAdd([
      { key: 'zk.nullifierSecret', sealed: await sealing.sealer.seal('not hex'), createdAt: NOW },
      { key: 'zk.vaultSalt', sealed: await sealing.sealer.seal('01'), createdAt: NOW },
    ]);
    await expect(getOrCreateEpochSecrets(db, NOW, sealing)).rejects.toThrow(/vault secrets/);
  });

  it('concurrent first calls agree on one pair', async () => {
    const { db } = makeWorld();
    const sealing = await makeSealing();
    const all = await Promise.all([1, 2, 3, 4].map(() => getOrCreateEpochSecrets(db, NOW, sealing)));
    for (const s of all) expect(s).toEqual(all[0]);
    expect(await db.secrets.count()).toBe(2);
  });

  it('draws without modulo bias: values ≥ r are redrawn, not reduced', () => {
    let call = 0;
    const x = randomFieldElement((buf) => {
      call += 1;
      buf.fill(call === 1 ? 0xff : 0x01); // first draw is 2^254 - 1 > r after masking: must be rejected
    });
    expect(call).toBe(2);
    expect(x).toBe(BigInt(`0x${'01'.repeat(32)}`));
  });

  it('never exports the secrets', async () => {
    const { db } = makeWorld();
    const sealing = await makeSealing();
    const s = await getOrCreateEpochSecrets(db, NOW, sealing);
    const json = await exportVault(db, sealing.opener, { settings: {}, exportedAt: NOW });
    expect(json).not.toContain(s.vaultSalt.toString(16));
    expect(json).not.toContain(s.nullifierSecret.toString(16));
  });
});
