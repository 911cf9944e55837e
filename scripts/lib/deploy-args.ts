/**
 * Arguments of `npm run deploy` and the rule for the TestToken: it is free money
 * for whoever owns it, so it goes only to chains known to be test networks, or to an
 * unknown chain when asked for with --test-token, and never to a known mainnet.
 */
import { z } from 'zod';
import { VERIFIER_NAMES } from './deployments.ts';

/** Chains where a TestToken is expected (local devnets and public testnets). */
export const TEST_CHAINS: Record<number, string> = {
  31337: 'local devnet (anvil)',
  1337: 'local devnet',
  11155111: 'Sepolia',
  17000: 'Holesky',
  560048: 'Hoodi',
  84532: 'Base Sepolia',
  11155420: 'OP Sepolia',
  421614: 'Arbitrum Sepolia',
  80002: 'Polygon Amoy',
};

/** Chains where real value moves: a TestToken is refused there even with --test-token. */
export const MAIN_CHAINS: Record<number, string> = {
  1: 'Ethereum', 10: 'OP Mainnet', 56: 'BNB Chain', 100: 'Gnosis', 137: 'Polygon', 8453: 'Base', 42161: 'Arbitrum One',
};

export function chainLabel(chainId: number): string {
  const name = TEST_CHAINS[chainId] ?? MAIN_CHAINS[chainId];
  return name ? `${chainId} (${name})` : String(chainId);
}

/** Whether to deploy a TestToken on `chainId`, or a reason to refuse. `flag`: --test-token true, --no-test-token false. */
export function testTokenDecision(chainId: number, flag: boolean | undefined): { deploy: boolean } | { refuse: string } {
  if (flag === false) return { deploy: false };
  if (MAIN_CHAINS[chainId]) {
    return flag ? { refuse: `--test-token on ${chainLabel(chainId)}: a mintable reward token never goes to a mainnet.` } : { deploy: false };
  }
  return { deploy: flag === true || chainId in TEST_CHAINS };
}

export const DEPLOY_KEY_ENV = 'SURF_DEPLOYER_KEY';

export const DEPLOY_USAGE = `usage: npm run deploy -- --rpc URL [--key-file FILE] [options]
  --rpc URL               the chain's JSON-RPC endpoint
  --key-file FILE         the deployer's private key (0x + 64 hex, chmod 600); else env ${DEPLOY_KEY_ENV}
  --chain-id N            stop unless the RPC serves chain N
  --verifier NAME         EpochVerifier256 (production, from public/zk/manifest.json) or EpochVerifier8
  --test-token | --no-test-token
                          TestToken (SURFT, 1,000,000 minted to the deployer): default on known testnets only
  --deploy-proxy          also deploy the CREATE2 proxy when the chain lacks it (costs 0.01 ETH)
  --deployments-dir DIR   where <chainId>.json is written (default deployments/)
  --yes                   do not ask before sending (needed without a terminal)
The key is never taken from the command line.`;

export const deployArgsSchema = z.object({
  rpc: z.url({ message: 'expected the http(s) URL of a JSON-RPC endpoint' }),
  'key-file': z.string().min(1).optional(),
  'chain-id': z.coerce.number({ message: 'expected a chain id such as 84532' }).int().positive().optional(),
  verifier: z.enum(VERIFIER_NAMES.filter((v) => v !== 'AcceptAllVerifier') as ['EpochVerifier8', 'EpochVerifier256'], {
    message: 'expected EpochVerifier256 or EpochVerifier8 (AcceptAllVerifier accepts any proof and is for tests only)',
  }).optional(),
  'test-token': z.boolean().optional(),
  'deploy-proxy': z.boolean().default(false),
  'deployments-dir': z.string().min(1).optional(),
  yes: z.boolean().default(false),
});
export type DeployArgs = z.infer<typeof deployArgsSchema>;

/** parseArgs option table for the CLI (both --test-token and --no-test-token). */
export const DEPLOY_OPTIONS = {
  rpc: { type: 'string' }, 'key-file': { type: 'string' }, 'chain-id': { type: 'string' }, verifier: { type: 'string' },
  'test-token': { type: 'boolean' }, 'no-test-token': { type: 'boolean' }, 'deploy-proxy': { type: 'boolean' },
  'deployments-dir': { type: 'string' }, yes: { type: 'boolean' }, help: { type: 'boolean' },
} as const;
