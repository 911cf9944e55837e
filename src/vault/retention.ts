import type { VaultDb } from './db';
import { VAULT_CHUNK } from './constants';
import { toVaultError } from './errors';

/**
 * Deletes every footprint from a local day before `today - retentionDays + 1`,
 * so exactly `retentionDays` days (today included) remain. Chunked, one
 * transaction per chunk, so a huge purge never holds one long transaction.
 * Returns the number of rows deleted.
 */
export async function purgeExpired(db: VaultDb, today: number, retentionDays: number): Promise<number> {
  const firstKept = today - retentionDays + 1;
  let deleted = 0;
  try {
    for (;;) {
      const n = await db.transaction('rw', db.footprints, db.days, async () => {
        const keys = await db.footprints.where('day').below(firstKept).limit(VAULT_CHUNK).primaryKeys();
        await db.footprints.bulkDelete(keys);
        // The expired days' aggregates go with their footprints, in the same transaction.
        await db.days.where('day').below(firstKept).delete();
        return keys.length;
      });
      deleted += n;
      if (n < VAULT_CHUNK) return deleted;
    }
  } catch (cause) {
    throw toVaultError(cause, 'purging old footprints');
  }
}
