import { epochDays, epochOfDay, localDay } from '../../shared/epoch';
import type { WorkerContext } from '../context';
import { handleProveNow } from '../handlers/earn';
import type { AlarmsLike } from '../alarms';

/** Fires a few minutes after each local week ends: the finished week is proved and minted (if unlocked). */
export const EPOCH_END_ALARM = 'epoch-end';
const DAY_MS = 86_400_000;
/** Chain time and device time differ a little; mint after the chain's week surely ended too. */
const GRACE_MS = 10 * 60_000;

/** When the current local week ends, ms. */
export function nextEpochEnd(now: number, tzOffsetMinutes: number): number {
  const { last } = epochDays(epochOfDay(localDay(now, tzOffsetMinutes)));
  return (last + 1) * DAY_MS + tzOffsetMinutes * 60_000;
}

export async function scheduleEpochEnd(alarms: AlarmsLike & { create(name: string, info: { when: number }): unknown }, ctx: WorkerContext): Promise<void> {
  await alarms.create(EPOCH_END_ALARM, { when: nextEpochEnd(ctx.now(), ctx.tzOffset()) + GRACE_MS });
}

/**
 * The week ended: mint it when the vault is unlocked (a locked vault cannot
 * read its sites; the popup then offers "Prove and mint" after unlocking).
 * "Nothing to mint" and "locked" are normal outcomes here, not errors.
 */
export async function onEpochEnd(ctx: WorkerContext): Promise<string> {
  const state = await ctx.lock.state();
  if (!state.setUp || state.locked) return 'skipped: locked';
  const reply = await handleProveNow(ctx, { type: 'ui/prove-now' });
  return reply.ok ? `started ${reply.data.id}` : `skipped: ${reply.error.code}`;
}
