import { SurfError } from '../shared/errors';

/**
 * One error type for the zk layer: a short message a person can read, and the
 * original cause for the log. Thrown only for misuse (bad inputs, missing
 * artifacts, a proof that fails); never swallowed.
 */
export class ZkError extends SurfError<ZkErrorReason> {
  override name = 'ZkError';

  /** Machine-readable reason (the code), stable for tests and UI mapping; a reply carries `internal`. */
  get reason(): ZkErrorReason {
    return this.code;
  }
}

export type ZkErrorReason =
  | 'out-of-range'
  | 'wrong-epoch'
  | 'too-many-leaves'
  | 'not-enough-points'
  | 'witness-failed'
  | 'prove-failed'
  | 'bad-proof';
