import type { HiddenPools } from '../../shared/earning-messages';
import type { Reply, UiMessage } from '../../shared/messages';
import { HIDDEN_POOLS_MAX, hiddenPoolKey, type Settings } from '../../shared/settings';
import { fail, failWith, ok, type WorkerContext } from '../context';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/** The hidden pools of `chainId` out of the setting (keys `chainId:address`). */
function hiddenOn(settings: Settings, chainId: number): HiddenPools {
  const prefix = `${chainId}:`;
  return { chainId, pools: settings.hiddenPools.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)) };
}

/** ui/hidden-pools: the pools the user hid on the current network (no chain read; works while locked). */
export async function handleHiddenPools(ctx: WorkerContext): Promise<Reply<HiddenPools>> {
  try {
    const { chainId } = await ctx.network.current();
    return ok(hiddenOn(await ctx.settings.get(), chainId));
  } catch (err) {
    return failWith(err, 'ui/hidden-pools');
  }
}

/**
 * ui/hide-pool: hides a pool of the current network from the Earn tab, or
 * shows it again. Only what the popup lists changes: the pool is still read
 * (the exit plan unstakes from it). A full list is refused, not truncated.
 */
export async function handleHidePool(ctx: WorkerContext, msg: Msg<'ui/hide-pool'>): Promise<Reply<HiddenPools>> {
  try {
    const { chainId } = await ctx.network.current();
    const key = hiddenPoolKey(chainId, msg.pool);
    let full = false;
    const settings = await ctx.settings.change((current) => {
      const rest = current.hiddenPools.filter((k) => k !== key);
      const hiddenPools = msg.hidden ? [...rest, key].sort() : rest;
      full = hiddenPools.length > HIDDEN_POOLS_MAX;
      return full ? current : { ...current, hiddenPools };
    });
    return full ? fail('invalid_message', `at most ${HIDDEN_POOLS_MAX} pools can be hidden`) : ok(hiddenOn(settings, chainId));
  } catch (err) {
    return failWith(err, 'ui/hide-pool');
  }
}
