import { SurfError } from '../../shared/errors';
import { ZkError } from '../../zk/errors.ts';
import type { OffscreenErrorCode } from '../../offscreen/messages.ts';

/**
 * A proof that failed for a reason outside the zk layer: the artifacts could
 * not be loaded, or a bug (an offscreen page that does not answer is an
 * OffscreenTransportError, src/background/prover/offscreen-path.ts). Zk reasons
 * (out-of-range, witness-failed, prove-failed) are thrown as ZkError instead,
 * so callers map one error type for "these footprints cannot be proven".
 */
export type ProverErrorCode = 'artifact_unavailable' | 'internal';

/** Both codes answer as `internal`: the user can only retry (SurfError#replyCode). */
export class ProverError extends SurfError<ProverErrorCode> {
  override name = 'ProverError';
}

/** The error a typed ProveReply failure becomes. */
export function replyError(code: OffscreenErrorCode, message: string): Error {
  if (code === 'out-of-range' || code === 'witness-failed' || code === 'prove-failed') return new ZkError(code, message);
  if (code === 'artifact_unavailable') return new ProverError('artifact_unavailable', message);
  return new ProverError('internal', `${code}: ${message}`);
}
