import { erc20Abi } from 'viem';
import { readContract } from 'viem/actions';
import { toChainError } from './errors.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadTokenMetadataParameters {
  token: Address;
}

export interface TokenMetadata {
  symbol: string;
  decimals: number;
}

/** An ERC-20's symbol and decimals (a pool's reward token), read in parallel. */
export async function readTokenMetadata(client: ReaderClient, params: ReadTokenMetadataParameters): Promise<TokenMetadata> {
  try {
    const [symbol, decimals] = await Promise.all([
      readContract(client, { address: params.token, abi: erc20Abi, functionName: 'symbol' }),
      readContract(client, { address: params.token, abi: erc20Abi, functionName: 'decimals' }),
    ]);
    return { symbol, decimals };
  } catch (err) {
    throw toChainError(`Read token ${params.token}`, err);
  }
}
