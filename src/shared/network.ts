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

/** The network resolved: what every chain call uses. */
export interface ResolvedNetwork {
  kind: NetworkSetting['kind'];
  chainId: number;
  rpcUrl: string;
  deployment: Deployment;
}

/** Resolves a setting against the bundled devnet deployment (undefined when the build has none). */
export function resolveNetwork(setting: NetworkSetting, bundledDevnet: Deployment | undefined): ResolvedNetwork | undefined {
  if (setting.kind === 'custom') {
    return { kind: 'custom', chainId: setting.deployment.chainId, rpcUrl: setting.rpcUrl, deployment: setting.deployment };
  }
  if (!bundledDevnet) return undefined;
  return { kind: 'devnet', chainId: bundledDevnet.chainId, rpcUrl: DEVNET_RPC_URL, deployment: bundledDevnet };
}
