import {
  CONTENT_MESSAGE_TYPES,
  contentMessageSchema,
  UI_MESSAGE_TYPES,
  uiMessageSchema,
  type ContentMessage,
  type Reply,
  type UiMessage,
} from '../shared/messages';
import { fail, failWith, type WorkerContext } from './context';
import { CONTENT_HANDLERS, UI_HANDLERS } from './handlers';
import { classifySender, type SenderLike } from './sender';

export type Route = (message: unknown, sender: SenderLike) => Promise<Reply<unknown>>;

const contentTypes: ReadonlySet<string> = new Set(CONTENT_MESSAGE_TYPES);
const uiTypes: ReadonlySet<string> = new Set(UI_MESSAGE_TYPES);

function typeOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const t = (message as { type?: unknown }).type;
  return typeof t === 'string' ? t : undefined;
}

/**
 * The one path every message takes: sender trust → allowlist for that kind
 * of sender → zod parse → handler. A message that fails any step is answered
 * with a typed ErrorReply and reaches no handler, so it cannot write. Nothing
 * thrown escapes: what a handler throws becomes its reply error through
 * toReplyError (our errors their code, quota `storage_full`, the rest `internal`).
 */
export function createRouter(ctx: WorkerContext, runtimeId: string, extensionOrigin?: string): Route {
  return async (message, sender) => {
    try {
      const trust = classifySender(sender, runtimeId, extensionOrigin);
      if (trust.kind === 'rejected') return fail('forbidden_sender', `sender rejected: ${trust.reason}`);
      const type = typeOf(message);
      if (trust.kind === 'content-script') {
        if (type === undefined || !contentTypes.has(type)) {
          return fail(uiTypes.has(type ?? '') ? 'forbidden_sender' : 'invalid_message', 'not a content message');
        }
        const parsed = contentMessageSchema.safeParse(message);
        if (!parsed.success) return fail('invalid_message', summarise(parsed.error.issues));
        const msg: ContentMessage = parsed.data;
        const handler = CONTENT_HANDLERS[msg.type] as (c: WorkerContext, m: ContentMessage, s: typeof trust) => Promise<Reply<unknown>>;
        return await handler(ctx, msg, trust);
      }
      if (type === undefined || !uiTypes.has(type)) {
        return fail(contentTypes.has(type ?? '') ? 'forbidden_sender' : 'invalid_message', 'not a ui message');
      }
      const parsed = uiMessageSchema.safeParse(message);
      if (!parsed.success) return fail('invalid_message', summarise(parsed.error.issues));
      const msg: UiMessage = parsed.data;
      // UI activity keeps an unlocked vault open (content messages never do).
      await ctx.lock.touch().catch((cause: unknown) => console.error('[surf-to-earn] auto-lock touch failed', cause));
      const handler = UI_HANDLERS[msg.type] as (c: WorkerContext, m: UiMessage) => Promise<Reply<unknown>>;
      return await handler(ctx, msg);
    } catch (cause) {
      return failWith(cause, typeOf(message) ?? 'message');
    }
  };
}

/** A short, path-qualified list of what failed validation (for logs; the UI shows the code). */
function summarise(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 300);
}
