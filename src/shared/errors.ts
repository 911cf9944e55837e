import { isErrorCode, type ErrorCode } from './error-codes';

/**
 * The one error base, modelled on viem's BaseError: a typed `code`, a short
 * message a person can read (never a key, password or sealed data), optional
 * `details` for the log only, and the `cause` it wraps. Every error class of
 * the extension extends it; src/shared/reply-error.ts turns any of them (or
 * anything else thrown) into the `{ code, message }` of a reply.
 *
 * `TCode` is the class's own closed set of codes. Most are reply codes
 * (ErrorCode); a library may keep finer ones (a keyring's `corrupt`, a zk
 * reason) that answer as `internal` unless the class says otherwise.
 */
export interface SurfErrorOptions {
  cause?: unknown;
  /** For the log: what failed and where. Never a secret. */
  details?: string;
}

export class SurfError<TCode extends string = ErrorCode> extends Error {
  override name = 'SurfError';
  readonly code: TCode;
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(code: TCode, shortMessage: string, options: SurfErrorOptions = {}) {
    super(shortMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.shortMessage = shortMessage;
    this.details = options.details;
  }

  /** The code a reply carries: `code` when it is a reply code, `internal` otherwise. */
  get replyCode(): ErrorCode {
    return isErrorCode(this.code) ? this.code : 'internal';
  }

  /** See walkErrors: this error and its causes, innermost last. */
  walk(fn?: (err: unknown) => boolean): unknown {
    return walkErrors(this, fn);
  }
}

/**
 * Follows `cause` from `err` inward (as viem's BaseError#walk): the first error
 * `fn` accepts (undefined when none does), or without `fn` the innermost cause.
 * Stops after 20 links so a cyclic chain cannot hang the caller.
 */
export function walkErrors(err: unknown, fn?: (err: unknown) => boolean): unknown {
  let current: unknown = err;
  for (let depth = 0; depth < 20; depth++) {
    if (fn?.(current)) return current;
    const next = typeof current === 'object' && current !== null ? (current as { cause?: unknown }).cause : undefined;
    if (next === undefined) return fn ? undefined : current;
    current = next;
  }
  return fn ? undefined : current;
}

/** Whether `err` (or an error it wraps, also as a Dexie error's `inner`, dexie #840) is the browser's storage quota running out. */
export function isQuotaExceeded(err: unknown): boolean {
  const named = (e: unknown) => (e as { name?: unknown } | null)?.name === 'QuotaExceededError';
  const wrapped = (e: unknown) => named(e) || named((e as { inner?: unknown } | null)?.inner);
  return walkErrors(err, wrapped) !== undefined || String(err).includes('QuotaExceeded');
}
