/**
 * One error type for the zk layer: a short message a person can read, and the
 * original cause for the log. Thrown only for misuse (bad inputs, missing
 * artifacts, a proof that fails); never swallowed.
 */
export class ZkError extends Error {
  override readonly name = 'ZkError';
  /** Machine-readable reason, stable for tests and UI mapping. */
  readonly reason: ZkErrorReason;

  constructor(reason: ZkErrorReason, shortMessage: string, options: { cause?: unknown } = {}) {
    super(shortMessage, { cause: options.cause });
    this.reason = reason;
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
