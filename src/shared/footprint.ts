import { z } from 'zod';

/** Upper bounds that keep every stored number small, finite and integral. */
export const FOOTPRINT_LIMITS = {
  activeMs: 86_400_000,
  count: 1_000_000,
  scrollDepth: 100,
} as const;

const count = z.number().int().min(0).max(FOOTPRINT_LIMITS.count);

/**
 * An http(s) origin: scheme, host and optional port, nothing else. Anything
 * carrying a path, query, fragment or credentials is rejected, so a URL can
 * never reach the vault by accident.
 */
export const originSchema = z
  .string()
  .max(300)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'must be an http(s) origin without path, query or fragment');

/**
 * One page view as measured by a content script. The content script sends
 * cumulative snapshots under the same `id` (heartbeats and the final flush);
 * the vault keeps the largest value of each measure, so a retried or
 * reordered snapshot never counts twice.
 */
export const footprintSnapshotSchema = z
  .object({
    /** Random per page view (crypto.randomUUID), the idempotency key. */
    id: z.uuid(),
    origin: originSchema,
    /** When the page view started, ms since the Unix epoch. */
    startedAt: z.number().int().min(1_500_000_000_000).max(4_102_444_800_000),
    activeMs: z.number().int().min(0).max(FOOTPRINT_LIMITS.activeMs),
    /** Deepest scroll position reached, percent of the scrollable height. */
    scrollDepth: z.number().int().min(0).max(FOOTPRINT_LIMITS.scrollDepth),
    clicks: count,
    keys: count,
    scrolls: count,
    /** Page language (BCP 47 tag from <html lang>), or '' when unknown. */
    lang: z.string().max(35).regex(/^[A-Za-z0-9-]*$/),
    /** Date#getTimezoneOffset() at start, to place the view on the user's local day. */
    tzOffset: z.number().int().min(-840).max(840),
  })
  .strict();

export type FootprintSnapshot = z.infer<typeof footprintSnapshotSchema>;
