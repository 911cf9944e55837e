/**
 * Deploy the whole system with viem: verifier, DataSBT, PoolFactory and (on local
 * chains) a TestToken minted to the first accounts. On a fresh anvil with the fixed
 * mnemonic the addresses are deterministic.
 */
import { getAddress, parseUnits, type Abi, type Address, type Hex } from 'viem';
import { deployContract, waitForTransactionReceipt, writeContract } from 'viem/actions';
import * as generated from '../../src/chain/generated/index.ts';
import type { SignerClient } from '../../src/chain/types.ts';
import type { Deployment, VerifierName } from './deployments.ts';

const BATCH_SIZE: Record<VerifierName, number> = { EpochVerifier8: 8, EpochVerifier256: 256, AcceptAllVerifier: 0 };

export const TEST_TOKEN_MINT = parseUnits('1000000', 18);

/** Bytecode of a generated contract, or null if it has not been compiled (e.g. the 256 verifier). */
export function generatedBytecode(name: string): Hex | null {
  const key = `${name.charAt(0).toLowerCase()}${name.slice(1)}Bytecode`;
  const value = (generated as Record<string, unknown>)[key];
  return typeof value === 'string' ? (value as Hex) : null;
}

/** The most realistic verifier compiled: production, else the 8-leaf test batch. */
export function defaultVerifier(): VerifierName {
  if (generatedBytecode('EpochVerifier256')) return 'EpochVerifier256';
  if (generatedBytecode('EpochVerifier8')) return 'EpochVerifier8';
  throw new Error('No EpochVerifier compiled yet: add contracts/generated/EpochVerifier*.sol and run npm run contracts:build.');
}

async function deploy(client: SignerClient, abi: Abi, bytecode: Hex, args: readonly unknown[]) {
  const hash = await deployContract(client, { abi, bytecode, args, account: client.account, chain: client.chain } as never);
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (!receipt.contractAddress) throw new Error(`deployment ${hash} created no contract`);
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber };
}

export interface DeployOptions {
  verifier: VerifierName;
  /** Accounts to receive TestToken (default: only the deployer). Omit the token with `false`. */
  testTokenHolders?: readonly Address[] | false;
  testTokenMint?: bigint;
}

export async function deployAll(client: SignerClient, options: DeployOptions): Promise<Deployment> {
  const bytecode = generatedBytecode(options.verifier);
  if (!bytecode) throw new Error(`${options.verifier} is not compiled: run npm run contracts:build.`);
  const verifier = await deploy(client, [], bytecode, []);
  const sbt = await deploy(client, generated.dataSBTAbi, generated.dataSBTBytecode, [verifier.address]);
  const factory = await deploy(client, generated.poolFactoryAbi, generated.poolFactoryBytecode, [sbt.address, verifier.address]);

  let testToken: Address | undefined;
  if (options.testTokenHolders !== false) {
    const token = await deploy(client, generated.testTokenAbi, generated.testTokenBytecode, ['Surf Test Reward', 'SURFT']);
    testToken = token.address;
    for (const holder of options.testTokenHolders ?? [client.account.address]) {
      const hash = await writeContract(client, {
        address: token.address, abi: generated.testTokenAbi, functionName: 'mint',
        args: [holder, options.testTokenMint ?? TEST_TOKEN_MINT], account: client.account, chain: client.chain,
      });
      await waitForTransactionReceipt(client, { hash });
    }
  }
  return {
    chainId: client.chain.id,
    deploymentBlock: Number(verifier.blockNumber),
    verifier: { contract: options.verifier, batchSize: BATCH_SIZE[options.verifier] },
    contracts: { verifier: verifier.address, dataSbt: sbt.address, poolFactory: factory.address, testToken },
  };
}
