import { dataSBTAbi } from './generated/index.ts';
import { sendContractWrite } from './send.ts';
import type { Address, SignerClient, SolidityProof, TxResult } from './types.ts';

export interface MintSbtParameters {
  sbt: Address;
  epoch: bigint;
  points: bigint;
  nullifier: bigint;
  root: bigint;
  proof: SolidityProof;
}

export interface MintSbtReturnType extends TxResult {
  tokenId: bigint;
}

/** Token id of `holder`'s data token for `epoch`: holder << 96 | epoch (mirrors DataSBT.tokenIdOf). */
export function sbtTokenId(holder: Address, epoch: bigint): bigint {
  return (BigInt(holder) << 96n) | epoch;
}

/**
 * Mint the signer's data token for a finished epoch. The proof must be made for
 * the scope DataSBT.mintScope(signer, epoch); any other account, chain or
 * contract makes the contract revert with DataSBT__InvalidProof.
 */
export async function mintSbt(client: SignerClient, params: MintSbtParameters): Promise<MintSbtReturnType> {
  const receipt = await sendContractWrite(client, 'Mint data token', {
    address: params.sbt,
    abi: dataSBTAbi,
    functionName: 'mint',
    args: [params.epoch, params.points, params.nullifier, params.root, params.proof],
  });
  return {
    hash: receipt.transactionHash,
    gasUsed: receipt.gasUsed,
    blockNumber: receipt.blockNumber,
    tokenId: sbtTokenId(client.account.address, params.epoch),
  };
}
