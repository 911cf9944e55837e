import { dataSBTAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import { sbtTokenId } from './token-id.ts';
import type { Address, SignerClient, TxResult, WeekProofArgs } from './types.ts';

export interface MintSbtParameters extends WeekProofArgs {
  sbt: Address;
  epoch: bigint;
}

export interface MintSbtReturnType extends TxResult {
  tokenId: bigint;
}

/** The name a failed mint's error starts with, whether `mintSbt` or the mint job sent it. */
export const MINT_SBT_ACTION = 'Mint data token';

/** The mint as one contract call, the only place its arguments are laid out: `mintSbt` sends it, the mint job sends it once. */
export function mintSbtCall(params: MintSbtParameters) {
  return {
    address: params.sbt,
    abi: dataSBTAbi,
    functionName: 'mint',
    args: [params.epoch, params.nullifier, params.batches],
  } as const;
}

/**
 * Mint the signer's data token for a finished epoch. The proof must be made for
 * the scope DataSBT.mintScope(signer, epoch); any other account, chain or
 * contract makes the contract revert with DataSBT__InvalidProof.
 */
export async function mintSbt(client: SignerClient, params: MintSbtParameters): Promise<MintSbtReturnType> {
  const receipt = await sendContractWrite(client, MINT_SBT_ACTION, mintSbtCall(params));
  return {
    hash: receipt.transactionHash,
    gasUsed: receipt.gasUsed,
    blockNumber: receipt.blockNumber,
    tokenId: sbtTokenId(client.account.address, params.epoch),
  };
}
