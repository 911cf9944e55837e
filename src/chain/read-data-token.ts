import { readContract } from 'viem/actions';
import { dataSBTAbi } from './generated/index.ts';
import { sbtTokenId } from './token-id.ts';
import { toChainError } from './errors.ts';
import { readMany } from './read-many.ts';
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

export interface ReadDataTokensParameters {
  sbt: Address;
  holder: Address;
  epochs: readonly bigint[];
}

const sbtCall = <F extends 'isLive' | 'everMinted' | 'tokenData'>(sbt: Address, functionName: F, tokenId: bigint) =>
  ({ address: sbt, abi: dataSBTAbi, functionName, args: [tokenId] }) as const;

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
      readContract(client, sbtCall(params.sbt, 'isLive', tokenId)),
      readContract(client, sbtCall(params.sbt, 'everMinted', tokenId)),
    ]);
    if (!live) return { token: null, everMinted };
    const [, epoch, root, points] = await readContract(client, sbtCall(params.sbt, 'tokenData', tokenId));
    return { token: { tokenId, epoch, root, points }, everMinted };
  } catch (err) {
    throw toChainError('Read data token', err);
  }
}

/**
 * `readDataToken` for many epochs of one holder in one batched read
 * (src/chain/read-many.ts), in order. `tokenData` reverts for a token that is
 * not live, so its failure counts only when `isLive` said yes.
 */
export async function readDataTokens(
  client: ReaderClient,
  params: ReadDataTokensParameters,
): Promise<{ token: DataToken | null; everMinted: boolean }[]> {
  const ids = params.epochs.map((epoch) => sbtTokenId(params.holder, epoch));
  const outcomes = await readMany(
    client,
    ids.flatMap((id) => [sbtCall(params.sbt, 'isLive', id), sbtCall(params.sbt, 'everMinted', id), sbtCall(params.sbt, 'tokenData', id)]),
  );
  return ids.map((tokenId, i) => {
    const [live, ever, data] = outcomes.slice(3 * i, 3 * i + 3);
    if (!live.ok) throw toChainError('Read data token', live.error);
    if (!ever.ok) throw toChainError('Read data token', ever.error);
    if (!live.value) return { token: null, everMinted: ever.value as boolean };
    if (!data.ok) throw toChainError('Read data token', data.error);
    const [, epoch, root, points] = data.value as readonly [Address, bigint, bigint, bigint];
    return { token: { tokenId, epoch, root, points }, everMinted: ever.value as boolean };
  });
}
