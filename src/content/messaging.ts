import type { FootprintSnapshot } from '../shared/footprint';
import type { ContentMessageType } from '../shared/message-types';
import { extensionRuntime } from './runtime';

/**
 * The content script's only channel: runtime.sendMessage (src/content/runtime.ts)
 * with plain objects (no zod, no polyfill: the bundle stays tiny; the worker validates).
 * Errors become values: `undefined` when the message did not get through (the
 * worker was stopped while it handled it, or no receiver yet), `null` when the
 * extension is gone (reloaded or removed) and the caller stops capturing.
 */
async function send(message: { type: ContentMessageType } & Record<string, unknown>): Promise<unknown> {
  const runtime = extensionRuntime();
  if (!runtime?.id) return null;
  try {
    return await runtime.sendMessage(message);
  } catch {
    return extensionRuntime()?.id ? undefined : null;
  }
}

function dataOf(reply: unknown): Record<string, unknown> | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as { ok?: unknown; data?: unknown };
  return r.ok === true && typeof r.data === 'object' && r.data !== null ? (r.data as Record<string, unknown>) : null;
}

/**
 * What became of one footprint: `stored`; `refused` (the worker answered
 * but did not store it: this site is not captured now, so stop measuring
 * it); `lost` (no reply: the worker died with it; the same snapshot may be
 * sent again, a row only ever grows); `gone` (the extension was reloaded or
 * removed: stop capturing).
 */
export type Delivery = 'stored' | 'refused' | 'lost' | 'gone';

export async function sendFootprint(footprint: FootprintSnapshot): Promise<Delivery> {
  const reply = await send({ type: 'content/footprint', footprint });
  if (reply === null) return 'gone';
  if (reply === undefined) return 'lost';
  return dataOf(reply)?.stored === true ? 'stored' : 'refused';
}

/** Delays before sending a lost footprint again (ms): a stopped worker is started again by the next message. */
export const RESEND_MS = [250, 1_000, 4_000] as const;

/**
 * Sends a snapshot and, while it is lost, again after each RESEND_MS delay;
 * calls `onStop` when the worker refused it or the extension is gone
 * (the page may be gone by then: a footprint lost while the page is left stays lost, and
 * the next heartbeat of a living page carries a newer snapshot anyway).
 * Resending is safe: the row id is the view's id, and the worker keeps the
 * larger of each measure (src/vault/upsert).
 */
export function deliverFootprint(
  footprint: FootprintSnapshot,
  onStop: () => void,
  later: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms),
  attempt = 0,
): Promise<Delivery> {
  return sendFootprint(footprint).then((outcome) => {
    if (outcome === 'gone' || outcome === 'refused') onStop();
    else if (outcome === 'lost' && attempt < RESEND_MS.length) {
      later(() => void deliverFootprint(footprint, onStop, later, attempt + 1), RESEND_MS[attempt]);
    }
    return outcome;
  });
}
