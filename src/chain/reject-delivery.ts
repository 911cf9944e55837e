import { parseEventLogs, stringToHex, type Hex } from 'viem';
import { dataStakingPoolAbi } from './generated/index.ts';
import { ChainError } from './errors.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface RejectDeliveryParameters {
  pool: Address;
  tokenId: bigint;
  /** A short reason code (≤ 31 ASCII bytes), e.g. a verification reason from src/delivery. */
  reason: string;
}

export interface RejectDeliveryReturnType extends TxResult {
  /** What the stake had earned and lost (allocated to nobody, never to the sponsor). */
  forfeited: bigint;
}

/** The `bytes32` a reason code travels as (right-padded ASCII). */
export function reasonCode(reason: string): Hex {
  if (!/^[\x20-\x7e]{1,31}$/.test(reason)) throw new ChainError(`Reject delivery: the reason must be 1 to 31 ASCII characters, not "${reason}".`);
  return stringToHex(reason, { size: 32 });
}

/**
 * The sponsor rejects a stake whose delivery failed verification, within the
 * pool's review period: the stake earns nothing, its weight stays (its share
 * goes to nobody) and its token is unlocked (docs/delivery.md).
 */
export async function rejectDelivery(client: SignerClient, params: RejectDeliveryParameters): Promise<RejectDeliveryReturnType> {
  const receipt = await sendContractWrite(client, 'Reject delivery', {
    address: params.pool,
    abi: dataStakingPoolAbi,
    functionName: 'reject',
    args: [params.tokenId, reasonCode(params.reason)],
  });
  const [rejected] = parseEventLogs({ abi: dataStakingPoolAbi, eventName: 'Rejected', logs: receipt.logs });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, forfeited: rejected?.args.forfeited ?? 0n };
}
