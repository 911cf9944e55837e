import { SurfError } from '../../shared/errors';

/** Why a network call could not be made; `code` is an ErrorCode the UI localises. */
export type NetworkErrorCode = 'network_unavailable' | 'not_devnet' | 'chain_error' | 'host_permission_missing';

export class NetworkError extends SurfError<NetworkErrorCode> {
  override name = 'NetworkError';
}
