import type { Address, Client, Hex } from 'viem';
import { estimateGas } from 'viem/actions';

/**
 * Headroom over the node's estimate, in percent. A stake or claim moves the
 * reward stream to the block's timestamp, so the same call costs more when it
 * lands a second after the estimate (a first allocation writes storage the
 * estimate skipped): without headroom it can run out of gas on chain after a
 * clean simulation. 25 % covers the stream update with room; unused gas is not
 * paid.
 */
export const GAS_HEADROOM_PERCENT = 25n;

/** The gas limit to sign with: the node's estimate for this exact call plus GAS_HEADROOM_PERCENT. */
export async function gasLimitFor(client: Client, request: { account: Address; to: Address; data: Hex }): Promise<bigint> {
  const estimate = await estimateGas(client, request);
  return (estimate * (100n + GAS_HEADROOM_PERCENT)) / 100n;
}
