import { describe, expect, it } from 'vitest';
import { exportVault, getOrCreateEpochSecrets, openVault, randomFieldElement } from '../../src/vault';
import { SNARK_SCALAR_FIELD } from '../../src/zk/field.ts';
import { freshIdb, makeSealing, makeWorld, NOW } from './helpers/world';

const noKeyring = async () => undefined;

describe('vault epoch secrets', () => {
  it('creates two field elements once and returns the same ones after a reopen', async () => {
    const idb = freshIdb();
    const db = openVault({ name: 'secrets', dexie: idb, vaultPublicKey: noKeyring });
    const a = await getOrCreateEpochSecrets(db, NOW);
    expect(a.nullifierSecret).not.toBe(a.vaultSalt);
    for (const v of Object.values(a)) {
      expect(v).toBeGreaterThan(0n);
      expect(v).toBeLessThan(SNARK_SCALAR_FIELD);
    }
    db.close();
    const again = openVault({ name: 'secrets', dexie: idb, vaultPublicKey: noKeyring });
    expect(await getOrCreateEpochSecrets(again, NOW + 1)).toEqual(a);
  });

  it('concurrent first calls agree on one pair', async () => {
    const { db } = makeWorld();
    const all = await Promise.all([1, 2, 3, 4].map(() => getOrCreateEpochSecrets(db, NOW)));
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
    const s = await getOrCreateEpochSecrets(db, NOW);
    const json = await exportVault(db, (await makeSealing()).opener, { settings: {}, exportedAt: NOW });
    expect(json).not.toContain(s.vaultSalt.toString(16));
    expect(json).not.toContain(s.nullifierSecret.toString(16));
  });
});
