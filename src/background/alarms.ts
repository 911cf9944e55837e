import { localDay } from '../shared/epoch';
import { purgeExpired } from '../vault';
import type { WorkerContext } from './context';

export const RETENTION_ALARM = 'retention-purge';
const DAY_MINUTES = 24 * 60;

/** The part of chrome.alarms we use. */
export interface AlarmsLike {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
}

/**
 * Makes sure the daily purge alarm exists. Idempotent: called on install and
 * on every worker start, because an MV3 worker has no timers of its own and
 * alarms survive restarts but not every update path.
 */
export async function ensureRetentionAlarm(alarms: AlarmsLike): Promise<void> {
  if (await alarms.get(RETENTION_ALARM)) return;
  await alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
}

/** Deletes footprints older than the retention setting. Returns rows deleted. */
export async function runRetentionPurge(ctx: WorkerContext): Promise<number> {
  const { retentionDays } = await ctx.settings.get();
  return purgeExpired(ctx.db, localDay(ctx.now(), ctx.tzOffset()), retentionDays);
}
