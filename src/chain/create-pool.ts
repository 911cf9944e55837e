import { parseEventLogs, type Hex } from 'viem';
import { poolFactoryAbi } from './generated/index.ts';
import { ensureAllowance } from './approve-token.ts';
import { ChainError } from './errors.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface CreatePoolParameters {
  factory: Address;
  rewardToken: Address;
  /** In the token's smallest unit; pulled from the signer at creation. */
  budget: bigint;
  /** Unix seconds. */
  start: bigint;
  end: bigint;
  categoryMask: bigint;
  minPoints: bigint;
  metadataURI: string;
  /** What each stake delivers to the sponsor (docs/delivery.md); 'none' (the default) for points only. */
  delivery?: DeliveryTerms;
}

/** A pool's delivery terms: the tier, the sponsor's X25519 public key, and the review period in seconds. */
export type DeliveryTerms =
  | { tier: 'none' }
  | { tier: 'records' | 'totals'; key: Hex; reviewPeriod: number };

/** The contract's DeliveryTier enum. */
export const DELIVERY_TIERS = ['none', 'records', 'totals'] as const;
export type DeliveryTierName = (typeof DELIVERY_TIERS)[number];

/** The three delivery arguments of PoolFactory.createPool. */
export function deliveryArgs(terms: DeliveryTerms | undefined): { deliveryTier: number; deliveryKey: Hex; reviewPeriod: number } {
  if (!terms || terms.tier === 'none') return { deliveryTier: 0, deliveryKey: `0x${'0'.repeat(64)}`, reviewPeriod: 0 };
  return { deliveryTier: DELIVERY_TIERS.indexOf(terms.tier), deliveryKey: terms.key, reviewPeriod: terms.reviewPeriod };
}

export interface CreatePoolReturnType extends TxResult {
  poolId: bigint;
  pool: Address;
}

/** Approve the factory for the budget (if needed) and create a funded pool. */
export async function createPool(client: SignerClient, params: CreatePoolParameters): Promise<CreatePoolReturnType> {
  await ensureAllowance(client, { token: params.rewardToken, spender: params.factory, amount: params.budget });
  const receipt = await sendContractWrite(client, 'Create pool', {
    address: params.factory,
    abi: poolFactoryAbi,
    functionName: 'createPool',
    args: [
      {
        rewardToken: params.rewardToken,
        budget: params.budget,
        start: params.start,
        end: params.end,
        categoryMask: params.categoryMask,
        minPoints: params.minPoints,
        metadataURI: params.metadataURI,
        ...deliveryArgs(params.delivery),
      },
    ],
  });
  const [created] = parseEventLogs({ abi: poolFactoryAbi, eventName: 'PoolCreated', logs: receipt.logs });
  if (!created) throw new ChainError('Create pool: no PoolCreated event in the receipt.');
  return {
    hash: receipt.transactionHash,
    gasUsed: receipt.gasUsed,
    blockNumber: receipt.blockNumber,
    poolId: created.args.poolId,
    pool: created.args.pool,
  };
}
