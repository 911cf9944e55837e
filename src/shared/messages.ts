import { z } from 'zod';
import { footprintSnapshotSchema } from './footprint';

/**
 * The one message contract. Each message has a zod schema; types are inferred.
 * Names say their direction: `content/…` come from content scripts (the only
 * ones a content script may send), `ui/…` from extension pages.
 * The service worker parses every message before any handler runs.
 */

/** content → worker: may this page be captured? Answer: { capture: boolean } only. */
export const captureQuerySchema = z.object({ type: z.literal('content/capture-query') }).strict();

/** content → worker: a cumulative snapshot of one page view. Answer: { ok: true }. */
export const footprintRecordSchema = z
  .object({ type: z.literal('content/footprint'), footprint: footprintSnapshotSchema })
  .strict();

export const contentMessageSchema = z.discriminatedUnion('type', [captureQuerySchema, footprintRecordSchema]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

export const CONTENT_MESSAGE_TYPES = ['content/capture-query', 'content/footprint'] as const;

/** Every error the worker answers with. `code` is stable; `message` is for logs, the UI localises `code`. */
export const errorCodeSchema = z.enum([
  'invalid_message',
  'forbidden_sender',
  'capture_disabled',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string };
}
