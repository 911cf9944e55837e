import { dataSBTAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface BurnDataTokenParameters {
  sbt: Address;
  tokenId: bigint;
}

/** The name a failed burn's error starts with, whether `burnDataToken` or the exit job sent it. */
export const BURN_DATA_TOKEN_ACTION = 'Burn data token';

/** The burn as one contract call: `burnDataToken` sends it, the exit job sends it once. */
export function burnDataTokenCall(params: BurnDataTokenParameters) {
  return { address: params.sbt, abi: dataSBTAbi, functionName: 'burn', args: [params.tokenId] } as const;
}

/**
 * The holder exits: the token is destroyed and its epoch can never be minted
 * again. The burn reverts `DataSBT__StillStaked` while the token is staked in any
 * factory pool: unstake (or `leavePool`) everywhere first.
 */
export async function burnDataToken(client: SignerClient, params: BurnDataTokenParameters): Promise<TxResult> {
  const receipt = await sendContractWrite(client, BURN_DATA_TOKEN_ACTION, burnDataTokenCall(params));
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
