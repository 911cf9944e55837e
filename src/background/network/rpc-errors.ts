import { BaseError, HttpRequestError, TimeoutError } from 'viem';
import { NetworkError } from './network-error';

/** True when the node could not be reached at all (refused, DNS, timeout), as opposed to answering with an error. */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof BaseError)) return err instanceof TypeError; // fetch's "Failed to fetch"
  return !!err.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError);
}

/** Anything a viem call threw, as a NetworkError with a short message that names the action. */
export function toNetworkError(action: string, rpcUrl: string, err: unknown): NetworkError {
  if (err instanceof NetworkError) return err;
  if (isUnreachable(err)) return new NetworkError('network_unavailable', `${action}: no node answers at ${rpcUrl}.`, { cause: err });
  const detail = err instanceof BaseError ? err.shortMessage : err instanceof Error ? err.message : String(err);
  return new NetworkError('chain_error', `${action}: ${detail}`, { cause: err });
}
