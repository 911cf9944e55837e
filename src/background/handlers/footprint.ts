import { KeyringError, type Sealer } from '../../keyring';
import { hostOf } from '../../shared/domain';
import type { ContentMessage, ContentReplyData, Reply } from '../../shared/messages';
import { upsertFootprint } from '../../vault';
import { decideSite } from '../capture-policy';
import { fail, ok, type ContentSender, type WorkerContext } from '../context';

/** A snapshot may start at most this far in the future (clock skew between renderer and worker). */
const MAX_FUTURE_MS = 60_000;

type FootprintMessage = Extract<ContentMessage, { type: 'content/footprint' }>;

/**
 * content/footprint: stores one cumulative snapshot. The footprint's origin
 * must be the sending frame's origin (a page cannot write for another site);
 * the site must be capturable now (pause, lists and excluded categories are
 * re-checked here, not trusted from the content script); and the times must
 * be physically possible; and a keyring must exist (the site is sealed to
 * the vault public key, which needs no password, so capture goes on while
 * locked). Anything else stores nothing.
 */
export async function handleFootprint(
  ctx: WorkerContext,
  msg: FootprintMessage,
  sender: ContentSender,
): Promise<Reply<ContentReplyData<'content/footprint'>>> {
  const f = msg.footprint;
  if (f.origin !== sender.origin) return fail('forbidden_sender', 'footprint origin differs from the sending page');
  const host = hostOf(f.origin);
  if (!host) return fail('invalid_message', 'footprint origin has no host');
  const now = ctx.now();
  if (f.startedAt > now + MAX_FUTURE_MS || f.activeMs > now - f.startedAt + MAX_FUTURE_MS) {
    return ok({ stored: false });
  }
  const decision = decideSite(host, await ctx.settings.get());
  if (decision.state !== 'capturing') return ok({ stored: false });
  let sealer: Sealer;
  try {
    sealer = await ctx.lock.sealer();
  } catch (e) {
    if (e instanceof KeyringError && e.code === 'not_set_up') return ok({ stored: false });
    throw e;
  }
  const { domain, categoryId } = decision.classification;
  // 'unchanged' is a retry of what the vault already holds: stored, idempotently.
  await upsertFootprint(ctx.db, sealer, f, { host, domain, category: categoryId }, now);
  return ok({ stored: true });
}
