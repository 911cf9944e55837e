import { epochDays } from '../shared/epoch';
import { aggregateDomainDays, type DomainDayRow } from '../scoring/aggregate';
import type { Opener, Sealer } from '../keyring';
import type { VaultDb } from './db';
import { openFootprints } from './open';
import type { DayRecord } from './schema/days';

/** The aggregation rules live in src/scoring (docs/scoring.md §1); the vault only reads and opens the rows. */
export { aggregateDomainDays, type DomainDayRow } from '../scoring/aggregate';

/** What a read did, per stage (bench/vault prints it). */
export interface DomainDaysReadStats {
  /** Days whose sealed aggregate was current and opened (one box each). */
  daysFromAggregate: number;
  /** Footprint rows read and opened for the other days. */
  rowsOpened: number;
  /** Days whose aggregate was (re)built and stored by this read. */
  daysBuilt: number;
}

/**
 * Domain-days for local days first..last inclusive. A day whose sealed
 * aggregate (schema/days.ts) is current is read from it: one box, not one per
 * page view. The other days are read from their footprints (in the same read
 * transaction as the stamps, so rows and stamps agree), opened and aggregated;
 * given a `sealer`, each such day's aggregate is then sealed and stored, unless a
 * write changed that day meanwhile (its stamp moved). No WebCrypto inside a
 * transaction. The result equals aggregateDomainDays over the footprints.
 */
export async function readDomainDays(
  db: VaultDb,
  opener: Opener,
  firstDay: number,
  lastDay: number,
  opts: { sealer?: Sealer; stats?: DomainDaysReadStats } = {},
): Promise<DomainDayRow[]> {
  const { records, rows } = await db.transaction('r', db.footprints, db.days, async () => {
    const records = await db.days.where('day').between(firstDay, lastDay, true, true).toArray();
    const current = new Set(records.filter((r) => r.built?.stamp === r.stamp).map((r) => r.day));
    const rows =
      current.size === 0
        ? await db.footprints.where('day').between(firstDay, lastDay, true, true).toArray()
        : await db.footprints.where('day').anyOf(daysOf(firstDay, lastDay).filter((d) => !current.has(d))).toArray();
    return { records, rows };
  });
  const cached = records.filter((r): r is DayRecord & { built: NonNullable<DayRecord['built']> } => r.built?.stamp === r.stamp);
  const fromCache = (await Promise.all(cached.map((r) => opener.open<DomainDayRow[]>(r.built.rows)))).flat();
  const fresh = aggregateDomainDays(await openFootprints(opener, rows));
  const stats = opts.stats;
  if (stats) {
    stats.daysFromAggregate += cached.length;
    stats.rowsOpened += rows.length;
  }
  if (opts.sealer) {
    // Only days that have a stamp are kept: a day without one has no footprints left (or is being purged).
    const stale = records.filter((r) => r.built?.stamp !== r.stamp);
    const built = await Promise.all(
      stale.map(async (r) => ({ day: r.day, stamp: r.stamp, rows: await opts.sealer!.seal(fresh.filter((f) => f.day === r.day)) })),
    );
    if (built.length > 0) {
      const stored = await db.transaction('rw', db.days, async () => {
        let n = 0;
        for (const b of built) {
          const now = await db.days.get(b.day);
          if (now?.stamp !== b.stamp) continue;
          await db.days.put({ day: b.day, stamp: b.stamp, built: { stamp: b.stamp, rows: b.rows } });
          n++;
        }
        return n;
      });
      if (stats) stats.daysBuilt += stored;
    }
  }
  return [...fromCache, ...fresh].sort((a, b) => a.day - b.day || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

/** Domain-days of one weekly epoch (src/shared/epoch.ts), the input of an epoch commitment. */
export async function readEpochDomainDays(db: VaultDb, opener: Opener, epoch: number, opts: { sealer?: Sealer } = {}): Promise<DomainDayRow[]> {
  const { first, last } = epochDays(epoch);
  return readDomainDays(db, opener, first, last, opts);
}

function daysOf(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
