/**
 * What an envelope is bound to: the stake it travels in. The encoding is HPKE's
 * `info`, so an envelope sealed for one (chain, pool, token, epoch, holder)
 * opens under no other, and an envelope copied from another stake transaction
 * fails to decrypt.
 *
 *   info = utf8("surf-to-earn/delivery/v1") ‖ 0x00 ‖
 *          abi.encode(uint256 chainId, address pool, uint256 tokenId, uint256 epoch, address holder)
 *
 * Fixed-width ABI words make it canonical (addresses compare case-insensitively;
 * no field can run into the next), and the label separates it from any other
 * use of the same keys.
 */
import { concatBytes, encodeAbiParameters, hexToBytes, isAddress, type Address } from 'viem';
import { DeliveryError } from './errors.ts';

export const DELIVERY_INFO_LABEL = 'surf-to-earn/delivery/v1';

export interface DeliveryContext {
  chainId: bigint | number;
  /** The pool contract the stake goes into. */
  pool: Address;
  /** The week's SBT. */
  tokenId: bigint;
  epoch: bigint | number;
  /** The address that stakes (the SBT's holder). */
  holder: Address;
}

/** The canonical bytes of a context (HPKE `info`). Throws DeliveryError('not_deliverable') for a malformed one. */
export function encodeDeliveryContext(c: DeliveryContext): Uint8Array {
  if (!isAddress(c.pool, { strict: false }) || !isAddress(c.holder, { strict: false })) {
    throw new DeliveryError('not_deliverable', 'A delivery context needs the pool and holder addresses');
  }
  const words = encodeAbiParameters(
    [{ type: 'uint256' }, { type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'address' }],
    [BigInt(c.chainId), c.pool, c.tokenId, BigInt(c.epoch), c.holder],
  );
  return concatBytes([new TextEncoder().encode(DELIVERY_INFO_LABEL), new Uint8Array([0]), hexToBytes(words)]);
}
