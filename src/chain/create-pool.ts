import { parseEventLogs } from 'viem';
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
