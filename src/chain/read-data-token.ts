import { readContract } from 'viem/actions';
import { dataSBTAbi } from './generated/index.ts';
import { sbtTokenId } from './token-id.ts';
import { toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadDataTokenParameters {
  sbt: Address;
  holder: Address;
  epoch: bigint;
}

export interface DataToken {
  tokenId: bigint;
  epoch: bigint;
  root: bigint;
  points: bigint;
}

/**
 * `holder`'s data token for `epoch`, or null when none is live (never minted or
 * burned). `everMinted` distinguishes the two for the UI: a burned epoch cannot
 * be minted again.
 */
export async function readDataToken(
  client: ReaderClient,
  params: ReadDataTokenParameters,
): Promise<{ token: DataToken | null; everMinted: boolean }> {
  const tokenId = sbtTokenId(params.holder, params.epoch);
  try {
    const [live, everMinted] = await Promise.all([
      readContract(client, { address: params.sbt, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] }),
      readContract(client, { address: params.sbt, abi: dataSBTAbi, functionName: 'everMinted', args: [tokenId] }),
    ]);
    if (!live) return { token: null, everMinted };
    const [, epoch, root, points] = await readContract(client, { address: params.sbt, abi: dataSBTAbi, functionName: 'tokenData', args: [tokenId] });
    return { token: { tokenId, epoch, root, points }, everMinted };
  } catch (err) {
    throw toChainError('Read data token', err);
  }
}
