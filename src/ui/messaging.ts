/**
 * The UI's only channel to the service worker. Every call resolves (never
 * rejects) to the worker's `{ok, data}` / `{ok: false, error}` reply, so a
 * component handles exactly two cases. Transport failures become error codes
 * the UI localises like any other: `unreachable` (no worker, no reply) and
 * `timeout`.
 */
export type UiError = { code: string; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: UiError };

const TIMEOUT_MS = 10_000;

function isReply(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown } };
  if (v.ok === true) return true;
  return v.ok === false && typeof v.error?.code === 'string';
}

/** Sends one `ui/…` message and normalises the reply. The caller owns the data's type. */
export async function sendUi<T>(message: { type: `ui/${string}` } & Record<string, unknown>): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: { code: 'timeout', message: `${message.type}: no reply in ${TIMEOUT_MS} ms` } }),
      TIMEOUT_MS,
    );
  });
  const call = (async (): Promise<Result<T>> => {
    try {
      const reply: unknown = await chrome.runtime.sendMessage(message);
      if (isReply(reply)) return reply as Result<T>;
      return { ok: false, error: { code: 'unreachable', message: `${message.type}: malformed or missing reply` } };
    } catch (cause) {
      return { ok: false, error: { code: 'unreachable', message: `${message.type}: ${String(cause)}` } };
    }
  })();
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
