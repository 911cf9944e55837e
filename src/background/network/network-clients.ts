import { createPublicClient, defineChain, http, type Chain } from 'viem';
import { DEVNET_CHAIN_ID, type ResolvedNetwork } from '../../shared/network';

/** A viem chain for the resolved network: its id and RPC URL, ETH as the native currency. */
export function networkChain(network: Pick<ResolvedNetwork, 'chainId' | 'rpcUrl'>): Chain {
  return defineChain({
    id: network.chainId,
    name: network.chainId === DEVNET_CHAIN_ID ? 'Surf to Earn devnet' : `chain ${network.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [network.rpcUrl] } },
  });
}

/** Reads over HTTP; short timeouts and one retry so an absent node fails fast in the popup. */
export function createNetworkPublicClient(network: Pick<ResolvedNetwork, 'chainId' | 'rpcUrl'>) {
  return createPublicClient({ chain: networkChain(network), transport: http(network.rpcUrl, { timeout: 10_000, retryCount: 1 }) });
}

export type NetworkPublicClient = ReturnType<typeof createNetworkPublicClient>;
