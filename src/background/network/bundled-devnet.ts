import devnetJson from '../../../deployments/31337.json';
import { deploymentSchema, type Deployment } from '../../shared/deployment';
import { DEVNET_CHAIN_ID } from '../../shared/network';

/**
 * Validates the devnet deployment the build bundles (deployments/31337.json,
 * written by `npm run devnet` and checked by `npm start`). A file that fails the
 * schema or names another chain gives `undefined`: the devnet setting then
 * resolves to nothing and chain calls fail with 'network_unavailable' instead of
 * talking to wrong addresses.
 */
export function parseBundledDevnet(raw: unknown): Deployment | undefined {
  const parsed = deploymentSchema.safeParse(raw);
  if (!parsed.success || parsed.data.chainId !== DEVNET_CHAIN_ID) {
    console.error('[surf-to-earn] the bundled devnet deployment is invalid; rebuild after `npm run devnet`');
    return undefined;
  }
  return parsed.data;
}

/** The devnet deployment bundled at build time. */
export const BUNDLED_DEVNET: Deployment | undefined = parseBundledDevnet(devnetJson);
