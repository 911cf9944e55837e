import { erc20Abi } from 'viem';
import { readContract } from 'viem/actions';
import { toChainError } from './errors.ts';
import { readMany } from './read-many.ts';
import type { Address, ReaderClient } from './types.ts';

export interface ReadTokenMetadataParameters {
  token: Address;
}

export interface TokenMetadata {
  symbol: string;
  decimals: number;
}

export interface ReadTokenMetadatasParameters {
  tokens: readonly Address[];
}

const symbolCall = (token: Address) => ({ address: token, abi: erc20Abi, functionName: 'symbol' }) as const;
const decimalsCall = (token: Address) => ({ address: token, abi: erc20Abi, functionName: 'decimals' }) as const;

/** An ERC-20's symbol and decimals (a pool's reward token), read in parallel (many tokens: `readTokenMetadatas`). */
export async function readTokenMetadata(client: ReaderClient, params: ReadTokenMetadataParameters): Promise<TokenMetadata> {
  try {
    const [symbol, decimals] = await Promise.all([readContract(client, symbolCall(params.token)), readContract(client, decimalsCall(params.token))]);
    return { symbol, decimals };
  } catch (err) {
    throw toChainError(`Read token ${params.token}`, err);
  }
}

/**
 * Many tokens' metadata in one batched read (src/chain/read-many.ts), in
 * order; null for a token that does not answer like an ERC-20 (either call
 * fails), where `readTokenMetadata` would throw. A token whose calls burn
 * all their gas is null alone: the tokens read with it are unaffected.
 */
export async function readTokenMetadatas(client: ReaderClient, params: ReadTokenMetadatasParameters): Promise<(TokenMetadata | null)[]> {
  // Reward tokens are anyone's code: a token that burns its gas must fail only itself (ReadManyOptions.untrusted).
  const outcomes = await readMany(client, params.tokens.flatMap((t) => [symbolCall(t), decimalsCall(t)]), { untrusted: true });
  return params.tokens.map((_, i) => {
    const [symbol, decimals] = [outcomes[2 * i], outcomes[2 * i + 1]];
    return symbol.ok && decimals.ok ? { symbol: symbol.value as string, decimals: decimals.value as number } : null;
  });
}
