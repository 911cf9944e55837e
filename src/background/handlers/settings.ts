import type { UiMessage, Reply } from '../../shared/messages';
import { SITE_LIST_MAX, type Settings } from '../../shared/settings';
import { withSiteRule } from '../capture-policy';
import { fail, ok, type WorkerContext } from '../context';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/** ui/settings-get: the validated settings (defaults where storage held nothing valid). */
export const handleSettingsGet = (ctx: WorkerContext): Promise<Settings> => ctx.settings.get();

/** ui/settings-update: applies a schema-checked partial patch; replies with the settings as stored. */
export const handleSettingsUpdate = (ctx: WorkerContext, msg: Msg<'ui/settings-update'>): Promise<Settings> =>
  ctx.settings.update(msg.patch);

/** ui/set-paused: pauses or resumes all capture. */
export const handleSetPaused = (ctx: WorkerContext, msg: Msg<'ui/set-paused'>): Promise<Settings> =>
  ctx.settings.update({ paused: msg.paused });

/**
 * ui/set-site-rule: puts `domain` on the deny or allow list, or on neither,
 * removing any entry that covers it or that it covers so the site ends up
 * with exactly the rule asked for. A full list is refused, not truncated.
 */
export async function handleSetSiteRule(ctx: WorkerContext, msg: Msg<'ui/set-site-rule'>): Promise<Reply<Settings>> {
  let full = false;
  const settings = await ctx.settings.change((current) => {
    const next = withSiteRule(current, msg.domain, msg.rule);
    full = next.allowList.length > SITE_LIST_MAX || next.denyList.length > SITE_LIST_MAX;
    return full ? current : next;
  });
  return full ? fail('invalid_message', `site lists hold at most ${SITE_LIST_MAX} entries`) : ok(settings);
}
