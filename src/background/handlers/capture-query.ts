import { hostOf } from '../../shared/domain';
import type { ContentReplyData } from '../../shared/messages';
import { decideSite } from '../capture-policy';
import type { ContentSender, WorkerContext } from '../context';

/**
 * content/capture-query: may the sending page be measured? Decided from the
 * sender's verified origin, never from anything the page says. Answers only
 * a boolean: a content script learns nothing else about the vault, the lock
 * or the settings. Before onboarding nothing is captured (there is no key to
 * seal to); locked or not makes no difference.
 */
export async function handleCaptureQuery(
  ctx: WorkerContext,
  sender: ContentSender,
): Promise<ContentReplyData<'content/capture-query'>> {
  const host = hostOf(sender.origin);
  if (!host) return { capture: false };
  if ((await ctx.lock.vaultPublicKey()) === undefined) return { capture: false };
  const decision = decideSite(host, await ctx.settings.get());
  return { capture: decision.state === 'capturing' };
}
