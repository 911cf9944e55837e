import { epochDays } from '../shared/epoch';
import { aggregateDomainDays, type DomainDayRow } from '../scoring/aggregate';
import type { Opener } from '../keyring';
import type { VaultDb } from './db';
import { openFootprints } from './open';

/** The aggregation rules live in src/scoring (docs/scoring.md §1); the vault only reads and opens the rows. */
export { aggregateDomainDays, type DomainDayRow } from '../scoring/aggregate';

/** Domain-days for local days first..last inclusive: rows read in one query, then opened. */
export async function readDomainDays(db: VaultDb, opener: Opener, firstDay: number, lastDay: number): Promise<DomainDayRow[]> {
  const rows = await db.footprints.where('day').between(firstDay, lastDay, true, true).toArray();
  return aggregateDomainDays(await openFootprints(opener, rows));
}

/** Domain-days of one weekly epoch (src/shared/epoch.ts), the input of an epoch commitment. */
export async function readEpochDomainDays(db: VaultDb, opener: Opener, epoch: number): Promise<DomainDayRow[]> {
  const { first, last } = epochDays(epoch);
  return readDomainDays(db, opener, first, last);
}
