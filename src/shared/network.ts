import { z } from 'zod';
import { deploymentSchema, type Deployment } from './deployment';

/**
 * Which EVM network the extension talks to. The local devnet is the default
 * (its deployment is bundled at build time from deployments/31337.json);
 * `custom` takes an RPC URL and a deployments file so the same build works on
 * a public testnet or an L2. Validated with zod wherever it is read or set.
 */
export const DEVNET_CHAIN_ID = 31337;
export const DEVNET_RPC_URL = 'http://127.0.0.1:8545';

const rpcUrlSchema = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

export const networkSettingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('devnet') }).strict(),
  z.object({ kind: z.literal('custom'), rpcUrl: rpcUrlSchema, deployment: deploymentSchema }).strict(),
]);
export type NetworkSetting = z.infer<typeof networkSettingSchema>;

/**
 * Public testnets the options page offers by name. The chain id is what the
 * deployments file and the node must both say; the RPC URL is only a
 * suggestion (a public endpoint the user may replace with their own). No
 * deployments file is bundled for them: `npm run deploy` writes one.
 */
export const KNOWN_NETWORKS = [
  { id: 'base-sepolia', name: 'Base Sepolia', chainId: 84532, rpcUrl: 'https://sepolia.base.org' },
  { id: 'op-sepolia', name: 'OP Sepolia', chainId: 11155420, rpcUrl: 'https://sepolia.optimism.io' },
  { id: 'arbitrum-sepolia', name: 'Arbitrum Sepolia', chainId: 421614, rpcUrl: 'https://sepolia-rollup.arbitrum.io/rpc' },
  { id: 'sepolia', name: 'Sepolia', chainId: 11155111, rpcUrl: 'https://ethereum-sepolia-rpc.publicnode.com' },
] as const;
export type KnownNetwork = (typeof KNOWN_NETWORKS)[number];

/** The built-in testnet with this chain id, if any (its name is what the popup's warning shows). */
export function knownNetworkByChainId(chainId: number): KnownNetwork | undefined {
  return KNOWN_NETWORKS.find((n) => n.chainId === chainId);
}

/**
 * The host-permission match pattern for an RPC URL's origin (`https://rpc.example.org/*`,
 * the port kept): what the options page asks for and gives back, so access is granted
 * for that one node and nothing else. Throws on a URL that does not parse.
 */
export function rpcOriginPattern(rpcUrl: string): string {
  return `${new URL(rpcUrl).origin}/*`;
}

/** The network resolved: what every chain call uses. */
export interface ResolvedNetwork {
  kind: NetworkSetting['kind'];
  chainId: number;
  rpcUrl: string;
  deployment: Deployment;
  /** Blocks a transaction needs (its own included) before a job counts it done; default confirmationsFor(chainId). */
  confirmations?: number;
}

/**
 * How many blocks a job waits for before a transaction counts (docs/earning.md
 * "Chain faults"): 1 on the devnet (one node, no reorganisations), 2 elsewhere,
 * so a block dropped by a shallow reorganisation is noticed and the same
 * signed bytes are sent again.
 */
export function confirmationsFor(network: Pick<ResolvedNetwork, 'chainId' | 'confirmations'>): number {
  return network.confirmations ?? (network.chainId === DEVNET_CHAIN_ID ? 1 : 2);
}

/** Resolves a setting against the bundled devnet deployment (undefined when the build has none). */
export function resolveNetwork(setting: NetworkSetting, bundledDevnet: Deployment | undefined): ResolvedNetwork | undefined {
  if (setting.kind === 'custom') {
    return { kind: 'custom', chainId: setting.deployment.chainId, rpcUrl: setting.rpcUrl, deployment: setting.deployment };
  }
  if (!bundledDevnet) return undefined;
  return { kind: 'devnet', chainId: bundledDevnet.chainId, rpcUrl: DEVNET_RPC_URL, deployment: bundledDevnet };
}
