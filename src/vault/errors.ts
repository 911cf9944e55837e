import { isQuotaExceeded, SurfError } from '../shared/errors';

/**
 * Vault errors as values: a short message for the UI and the cause for logs.
 * Quota errors arrive as an AbortError/QuotaExceededError on the transaction
 * promise (dexie #840), so callers await the transaction and map it here.
 */
export class VaultError extends SurfError<'storage_full' | 'internal'> {
  override name = 'VaultError';
  constructor(code: 'storage_full' | 'internal', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Maps any failure of a vault operation to a VaultError, recognising quota exhaustion. */
export function toVaultError(cause: unknown, what: string): VaultError {
  if (cause instanceof VaultError) return cause;
  return isQuotaExceeded(cause)
    ? new VaultError('storage_full', `${what}: the browser's storage is full`, { cause })
    : new VaultError('internal', `${what} failed`, { cause });
}
