import { BaseError as ViemBaseError } from 'viem';
import type { ReplyError } from './error-codes';
import { isQuotaExceeded, SurfError } from './errors';

/**
 * The one mapping from anything thrown to the error of a reply. Every place
 * that answers with an error (router, handlers, job runner) goes through it,
 * so one failure always gets one code:
 * - a SurfError answers its reply code and short message (never `details`);
 * - a viem error that no chain action wrapped: the node did not answer as
 *   expected → `network_unavailable` with viem's short message;
 * - IndexedDB out of quota (a QuotaExceededError, also as a Dexie error's
 *   `inner`, dexie #840) → `storage_full`;
 * - anything else is a bug → `internal`, `"<what> failed"`: its own message
 *   may hold anything, so it goes to the log, not into the reply.
 */
export function toReplyError(err: unknown, what = 'request'): ReplyError {
  if (err instanceof SurfError) return { code: err.replyCode, message: err.shortMessage };
  if (err instanceof ViemBaseError) return { code: 'network_unavailable', message: err.shortMessage };
  if (isQuotaExceeded(err)) return { code: 'storage_full', message: `${what}: the browser's storage is full` };
  return { code: 'internal', message: `${what} failed` };
}

