import type { Reply, UiMessage, UiReplyData } from './messages';

/**
 * A typed `ui/…` call for extension pages. The transport is passed in
 * (`browser.runtime.sendMessage` in the pages, a fake in tests) because shared
 * code never touches the browser APIs. Never rejects: a missing or malformed reply
 * becomes an `internal` ErrorReply. Content scripts do not use this: they
 * import nothing that pulls zod or the UI contract.
 */
export type Transport = (message: unknown) => Promise<unknown>;

export async function sendUiMessage<M extends UiMessage>(
  transport: Transport,
  message: M,
): Promise<Reply<UiReplyData<M['type']>>> {
  try {
    const reply = await transport(message);
    if (isReply(reply)) return reply as Reply<UiReplyData<M['type']>>;
    return { ok: false, error: { code: 'internal', message: `${message.type}: malformed or missing reply` } };
  } catch (cause) {
    return { ok: false, error: { code: 'internal', message: `${message.type}: ${String(cause)}` } };
  }
}

function isReply(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true || (v.ok === false && typeof v.error?.code === 'string');
}
