import type { VaultDb } from './db';
import { toVaultError } from './errors';

export interface DeletedVaultData {
  footprints: number;
  commitments: number;
  jobs: number;
}

/**
 * Erases the user's data in one transaction: every footprint and its per-day
 * aggregates, every frozen commitment and every job except `keepJobId` (the
 * exit job that is running this deletion keeps its own record). The zk secrets and the keyring stay.
 */
export async function deleteVaultData(db: VaultDb, opts: { keepJobId?: string } = {}): Promise<DeletedVaultData> {
  try {
    return await db.transaction('rw', [db.footprints, db.days, db.commitments, db.jobs], async () => {
      const footprints = await db.footprints.count();
      const commitments = await db.commitments.count();
      await db.footprints.clear();
      await db.days.clear();
      await db.commitments.clear();
      const jobs = await db.jobs.filter((j) => j.id !== opts.keepJobId).primaryKeys();
      await db.jobs.bulkDelete(jobs);
      return { footprints, commitments, jobs: jobs.length };
    });
  } catch (cause) {
    throw toVaultError(cause, 'deleting the vault');
  }
}
