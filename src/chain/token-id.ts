import type { Address } from './types.ts';

/** The low 96 bits of a token id hold the epoch; the holder sits above them. */
const EPOCH_BITS = 96n;
const EPOCH_MASK = (1n << EPOCH_BITS) - 1n;

/** Token id of `holder`'s data token for `epoch`: holder << 96 | epoch (mirrors DataSBT.tokenIdOf). */
export function sbtTokenId(holder: Address, epoch: bigint): bigint {
  return (BigInt(holder) << EPOCH_BITS) | epoch;
}

/** The epoch a data token was minted for: the inverse of `sbtTokenId` for its low 96 bits. */
export function epochOfTokenId(tokenId: bigint): bigint {
  return tokenId & EPOCH_MASK;
}
