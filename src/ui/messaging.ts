import { browser } from '../platform/browser';
import type { ErrorCode } from '../shared/error-codes';

/**
 * The transport under src/shared/send.ts for extension pages. Failures of
 * the channel itself become error replies with codes the UI localises like
 * any other: `unreachable` (no worker, no reply) and `timeout`. They are
 * UI-only codes, never sent by the worker, so they are not in ErrorCode.
 */
/** Codes the transport itself answers with (never sent by the worker). */
export type TransportErrorCode = 'unreachable' | 'timeout';
export type UiErrorCode = ErrorCode | TransportErrorCode;
export type UiError = { code: UiErrorCode; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: UiError };

export const TIMEOUT_MS = 10_000;

const failure = (code: TransportErrorCode, message: string) => ({ ok: false, error: { code, message } });

/** Sends one message to the worker; resolves to its reply or to an error reply, never rejects. */
export async function transport(message: unknown): Promise<unknown> {
  const type = (message as { type?: string }).type ?? '?';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<unknown>((resolve) => {
    timer = setTimeout(() => resolve(failure('timeout', `${type}: no reply in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  const send = browser.runtime.sendMessage(message).then(
    (reply: unknown) => reply ?? failure('unreachable', `${type}: no reply`),
    (cause: unknown) => failure('unreachable', `${type}: ${String(cause)}`),
  );
  try {
    return await Promise.race([send, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
