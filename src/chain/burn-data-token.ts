import { dataSBTAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, TxResult } from './types.ts';

export interface BurnDataTokenParameters {
  sbt: Address;
  tokenId: bigint;
}

/**
 * The holder exits: the token is destroyed and its epoch can never be minted
 * again. Stakes of a burned token can be evicted by anyone (rewards still go to
 * the holder), so unstake first to collect them yourself.
 */
export async function burnDataToken(client: SignerClient, params: BurnDataTokenParameters): Promise<TxResult> {
  const receipt = await sendContractWrite(client, 'Burn data token', {
    address: params.sbt,
    abi: dataSBTAbi,
    functionName: 'burn',
    args: [params.tokenId],
  });
  return { hash: receipt.transactionHash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
