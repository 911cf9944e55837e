/** Why a network call could not be made; `code` is an ErrorCode the UI localises. */
export type NetworkErrorCode = 'network_unavailable' | 'not_devnet' | 'chain_error';

export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(
    readonly code: NetworkErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }
}
