import { erc20Abi, getAddress, type Address } from 'viem';
import { getBalance, readContract } from 'viem/actions';
import { dataStakingPoolAbi, poolFactoryAbi } from '../../chain/generated';
import { readTokenMetadata } from '../../chain/read-token-metadata';
import type { ReaderClient } from '../../chain/types';
import type { Deployment } from '../../shared/deployment';
import type { Balances } from '../../shared/earning-messages';

/** The popup shows balances for at most this many pools' reward tokens (the newest). */
export const MAX_POOLS_SCANNED = 200;

/** Distinct reward tokens of the factory's pools, newest pools first. */
export async function readRewardTokens(client: ReaderClient, factory: Address): Promise<Address[]> {
  const count = await readContract(client, { address: factory, abi: poolFactoryAbi, functionName: 'poolCount' });
  const first = count > BigInt(MAX_POOLS_SCANNED) ? count - BigInt(MAX_POOLS_SCANNED) : 0n;
  const indexes: bigint[] = [];
  for (let i = count - 1n; i >= first; i--) indexes.push(i);
  const tokens = await Promise.all(
    indexes.map(async (i) => {
      const pool = await readContract(client, { address: factory, abi: poolFactoryAbi, functionName: 'poolAt', args: [i] });
      return readContract(client, { address: pool, abi: dataStakingPoolAbi, functionName: 'rewardToken' });
    }),
  );
  return dedupe(tokens);
}

/** Order kept, compared case-insensitively, checksummed. */
export function dedupe(addresses: readonly string[]): Address[] {
  const seen = new Set<string>();
  const out: Address[] = [];
  for (const a of addresses) {
    const key = a.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(getAddress(a));
  }
  return out;
}

async function readToken(client: ReaderClient, token: Address, holder: Address) {
  const [{ symbol, decimals }, balance] = await Promise.all([
    readTokenMetadata(client, { token }),
    readContract(client, { address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] }),
  ]);
  return { address: token, symbol, decimals, balance: balance.toString() };
}

/**
 * ETH, the deployment's TestToken (first, when it has one) and every pool reward
 * token held by `address`. A token that does not answer like an ERC-20 is left
 * out rather than failing the whole list; the ETH and pool reads must succeed.
 */
export async function readBalances(client: ReaderClient, params: { address: Address; deployment: Deployment }): Promise<Balances> {
  const { contracts } = params.deployment;
  const [eth, rewardTokens] = await Promise.all([
    getBalance(client, { address: params.address }),
    readRewardTokens(client, contracts.poolFactory as Address),
  ]);
  const tokens = dedupe([...(contracts.testToken ? [contracts.testToken] : []), ...rewardTokens]);
  const settled = await Promise.allSettled(tokens.map((t) => readToken(client, t, params.address)));
  return {
    address: getAddress(params.address),
    eth: eth.toString(),
    tokens: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
  };
}
