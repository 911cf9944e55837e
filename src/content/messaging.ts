import type { FootprintSnapshot } from '../shared/footprint';
import type { ContentMessageType } from '../shared/message-types';
import { extensionRuntime } from './runtime';

/**
 * The content script's only channel: runtime.sendMessage (src/content/runtime.ts)
 * with plain objects (no zod, no polyfill: the bundle stays tiny; the worker validates).
 * Errors become values: a closed worker or a reloaded extension answers
 * `null`, and the caller stops capturing rather than retrying forever.
 */
async function send(message: { type: ContentMessageType } & Record<string, unknown>): Promise<unknown> {
  try {
    const runtime = extensionRuntime();
    return runtime ? await runtime.sendMessage(message) : null;
  } catch {
    return null;
  }
}

function dataOf(reply: unknown): Record<string, unknown> | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as { ok?: unknown; data?: unknown };
  return r.ok === true && typeof r.data === 'object' && r.data !== null ? (r.data as Record<string, unknown>) : null;
}

/** Asks the worker whether this page's origin may be captured; anything but an explicit yes is no. */
export async function queryCapture(): Promise<boolean> {
  return dataOf(await send({ type: 'content/capture-query' }))?.capture === true;
}

/** Sends one cumulative snapshot; resolves false when the extension is gone (context invalidated). */
export async function sendFootprint(footprint: FootprintSnapshot): Promise<boolean> {
  if (!extensionRuntime()?.id) return false;
  await send({ type: 'content/footprint', footprint });
  return true;
}
