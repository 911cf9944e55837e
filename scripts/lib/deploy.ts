/**
 * Deploy the whole system with viem: verifier, DataSBT, PoolFactory and (on local
 * chains) a TestToken minted to the first accounts. Everything goes through the
 * CREATE2 proxy (scripts/lib/deploy-plan.ts), so the addresses follow from the build
 * alone (the TestToken's also from its owner, the deployer) and equal those
 * `npm run deploy` gives on any other chain.
 */
import { parseUnits, type Address, type Hex } from 'viem';
import * as generated from '../../src/chain/generated/index.ts';
import type { SignerClient } from '../../src/chain/types.ts';
import type { Deployment, VerifierName } from './deployments.ts';
import { contractSpecs, deploymentRecord, executePlan, planDeployment } from './deploy-plan.ts';

export const TEST_TOKEN_MINT = parseUnits('1000000', 18);

/** Bytecode of a generated contract, or null when src/chain/generated has no contract of that name. */
export function generatedBytecode(name: string): Hex | null {
  const key = `${name.charAt(0).toLowerCase()}${name.slice(1)}Bytecode`;
  const value = (generated as Record<string, unknown>)[key];
  return typeof value === 'string' ? (value as Hex) : null;
}

/** The production verifier: the devnet runs what the extension proves for (deploying it throws if it is not compiled). */
export function defaultVerifier(): VerifierName {
  return 'EpochVerifier256';
}

export interface DeployOptions {
  verifier: VerifierName;
  /** Accounts to receive TestToken (default: only the deployer). Omit the token with `false`. */
  testTokenHolders?: readonly Address[] | false;
  testTokenMint?: bigint;
}

export async function deployAll(client: SignerClient, options: DeployOptions): Promise<Deployment> {
  const deployer = client.account.address;
  const withToken = options.testTokenHolders !== false;
  const specs = contractSpecs({ verifier: options.verifier, testTokenOwner: withToken ? deployer : undefined });
  const plan = await planDeployment(client, {
    specs,
    from: deployer,
    mintTo: withToken ? (options.testTokenHolders || [deployer]) : [],
    mintAmount: options.testTokenMint ?? TEST_TOKEN_MINT,
  });
  const executed = await executePlan(client, plan);
  return deploymentRecord(client.chain.id, options.verifier, executed, Number(executed.firstBlock ?? 0n));
}
