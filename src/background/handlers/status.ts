import { hostOf } from '../../shared/domain';
import { epochDays, epochOfDay, localDay } from '../../shared/epoch';
import type { UiMessage, UiStatus } from '../../shared/messages';
import { readDomainDays } from '../../vault';
import { decideSite } from '../capture-policy';
import type { WorkerContext } from '../context';
import { computeStatus } from '../status/compute-status';

type StatusMessage = Extract<UiMessage, { type: 'ui/status' }>;

/**
 * ui/status: capture state, the current tab's site state (from its origin
 * only) and this epoch's points, recomputed from the vault on every call.
 * The points name sites, so the vault must be unlocked.
 */
export async function handleStatus(ctx: WorkerContext, msg: StatusMessage): Promise<UiStatus> {
  const opener = await ctx.lock.opener();
  const settings = await ctx.settings.get();
  const today = localDay(ctx.now(), ctx.tzOffset());
  const { first, last } = epochDays(epochOfDay(today));
  // The sealer lets the read keep each day's sealed aggregate (src/vault/schema/days.ts) for the next open.
  const rows = await readDomainDays(ctx.db, opener, first, last, { sealer: await ctx.lock.sealer() });
  const host = msg.tabOrigin ? hostOf(msg.tabOrigin) : undefined;
  let site: UiStatus['site'];
  if (host) {
    const d = decideSite(host, settings);
    site = { domain: d.classification.domain, state: d.state, rule: d.rule, category: d.classification.category };
  }
  return computeStatus(rows, today, settings.paused, site);
}
