/**
 * The deterministic deployment as a plan, then its execution: every contract is
 * created through the CREATE2 proxy, so its address follows from the build and the
 * constructor arguments alone. Constructor arguments that are addresses (SBT ←
 * verifier, factory ← SBT + verifier) are themselves predicted, so the whole set is
 * the same on every chain. Planning only reads: a contract already at its address
 * with the expected runtime code is reused, an empty address is deployed, any other
 * code there is a conflict and stops everything before a transaction is sent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getAddress, type Abi, type Address, type Hex } from 'viem';
import { call, estimateGas, getCode, sendTransaction, waitForTransactionReceipt, writeContract } from 'viem/actions';
import * as generated from '../../src/chain/generated/index.ts';
import type { ReaderClient, SignerClient } from '../../src/chain/types.ts';
import { BATCH_SIZES } from '../../src/zk/artifacts.ts';
import { CREATE2_PROXY, CREATE2_PROXY_RUNTIME, create2Address, create2Calldata, initCodeOf } from './create2.ts';
import { VERIFIER_NAMES, type Deployment, type VerifierName } from './deployments.ts';

export type ContractKey = keyof Deployment['contracts'];

export interface ContractSpec {
  key: ContractKey;
  /** Solidity contract name. */
  name: string;
  initCode: Hex;
  address: Address;
}

export const TEST_TOKEN_NAME = ['Surf Test Reward', 'SURFT'] as const;

/** Gas assumed for one TestToken mint (it cannot be estimated before the token exists); a fresh balance slot is ~50k. */
export const MINT_GAS_ESTIMATE = 70_000n;

const MANIFEST = path.resolve(import.meta.dirname, '../../public/zk/manifest.json');

/** Leaves per batch of each verifier, from the circuit manifest (AcceptAllVerifier: 0, it checks nothing). */
export function verifierBatchSize(verifier: VerifierName): number {
  if (verifier === 'AcceptAllVerifier') return 0;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { circuits: Record<string, { batchSize: number; verifierContract: string }> };
  const circuit = Object.values(manifest.circuits).find((c) => c.verifierContract === verifier);
  if (!circuit) throw new Error(`${verifier} is not in public/zk/manifest.json.`);
  return circuit.batchSize;
}

/** The verifier of the production circuit as the manifest names it (the batch size the extension proves). */
export function productionVerifier(): VerifierName {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { circuits: Record<string, { batchSize: number; verifierContract: string }> };
  const circuit = Object.values(manifest.circuits).find((c) => c.batchSize === BATCH_SIZES.production);
  const name = circuit?.verifierContract;
  if (!name || !(VERIFIER_NAMES as readonly string[]).includes(name)) {
    throw new Error(`public/zk/manifest.json names no verifier for the ${BATCH_SIZES.production}-leaf production circuit.`);
  }
  return name as VerifierName;
}

function spec(key: ContractKey, name: string, abi: Abi, bytecode: Hex | null, args: readonly unknown[]): ContractSpec {
  if (!bytecode) throw new Error(`${name} is not compiled: run npm run contracts:build.`);
  const initCode = initCodeOf(abi, bytecode, args);
  return { key, name, initCode, address: create2Address(initCode) };
}

export interface SpecOptions {
  verifier: VerifierName;
  /** Owner (minter) of the TestToken; omit for no TestToken. Its address depends on this owner. */
  testTokenOwner?: Address;
}

/** The contracts in deployment order, each with its init code and predicted address. */
export function contractSpecs(options: SpecOptions): ContractSpec[] {
  const key = `${options.verifier.charAt(0).toLowerCase()}${options.verifier.slice(1)}Bytecode`;
  const verifierBytecode = (generated as Record<string, unknown>)[key];
  const verifier = spec('verifier', options.verifier, [], typeof verifierBytecode === 'string' ? (verifierBytecode as Hex) : null, []);
  const sbt = spec('dataSbt', 'DataSBT', generated.dataSBTAbi, generated.dataSBTBytecode, [verifier.address]);
  const factory = spec('poolFactory', 'PoolFactory', generated.poolFactoryAbi, generated.poolFactoryBytecode, [sbt.address, verifier.address]);
  const specs = [verifier, sbt, factory];
  if (options.testTokenOwner) {
    specs.push(spec('testToken', 'TestToken', generated.testTokenAbi, generated.testTokenBytecode, [...TEST_TOKEN_NAME, options.testTokenOwner]));
  }
  return specs;
}

export interface PlannedContract extends ContractSpec {
  action: 'reuse' | 'deploy';
  /** Runtime code the contract has (reuse) or will have (deploy). */
  runtime: Hex;
  /** Estimated gas of its deployment (0 when reused). */
  gas: bigint;
}

export interface DeploymentPlan {
  contracts: PlannedContract[];
  /** TestToken mints that follow a fresh TestToken deployment. */
  mints: { to: Address; amount: bigint }[];
  /** Total estimated gas (deployments + mints). */
  gas: bigint;
}

/**
 * Dry-run stand-in for the proxy (put at its address by a state override): calldata is
 * salt ‖ initCode like the proxy's, but it returns the created contract's runtime code.
 * So the dry run creates each contract at its real address, which matters for a contract
 * whose code depends on its own address (DataSBT's immutable `poolFactory` is the CREATE2
 * address of PoolFactory(this SBT, verifier)).
 *   len = calldatasize - 32; calldatacopy(0, 32, len); a = create2(0, 0, len, calldataload(0));
 *   n = extcodesize(a); extcodecopy(a, 0, 0, n); return(0, n)
 */
const CREATE2_DRY_RUN_RUNTIME: Hex = '0x602036038060206000376000359060006000f580803b80600080853c6000f3';

/** Code at the CREATE2 proxy's address is the proxy itself? (false: absent, or something else there). */
export async function hasCreate2Proxy(client: ReaderClient): Promise<boolean> {
  const code = await getCode(client, { address: CREATE2_PROXY });
  return code !== undefined && code !== '0x';
}

/** Some address holds code other than what this build would put there: nothing was sent. */
export class DeploymentConflictError extends Error {
  override name = 'DeploymentConflictError';
}

/**
 * Reads the chain and decides, per contract, reuse or deploy, with the gas of each
 * deployment estimated as if the earlier ones were already there (state overrides).
 * Sends nothing. Throws DeploymentConflictError when an address holds other code.
 */
export async function planDeployment(
  client: ReaderClient,
  params: {
    specs: ContractSpec[];
    from: Address;
    mintTo?: readonly Address[];
    mintAmount?: bigint;
    /** Estimate as if the proxy were there (it is deployed first, in the same run). */
    assumeProxy?: boolean;
  },
): Promise<DeploymentPlan> {
  const planned: PlannedContract[] = [];
  const overrides: { address: Address; code: Hex }[] = params.assumeProxy ? [{ address: CREATE2_PROXY, code: CREATE2_PROXY_RUNTIME }] : [];
  for (const s of params.specs) {
    const stateOverride = overrides.length > 0 ? [...overrides] : undefined;
    // The dry run creates at the real address: cleared there first, so an existing contract does not collide.
    const dryRun = [
      ...overrides.filter((o) => o.address !== CREATE2_PROXY),
      { address: CREATE2_PROXY, code: CREATE2_DRY_RUN_RUNTIME },
      { address: s.address, code: '0x' as Hex, nonce: 0, state: [] },
    ];
    const created = await call(client, { to: CREATE2_PROXY, data: create2Calldata(s.initCode), stateOverride: dryRun });
    const runtime = created.data ?? '0x';
    if (runtime === '0x') throw new Error(`${s.name}'s constructor returned no code in a dry run.`);
    const onChain = (await getCode(client, { address: s.address })) ?? '0x';
    if (onChain !== '0x' && onChain.toLowerCase() !== runtime.toLowerCase()) {
      throw new DeploymentConflictError(
        `${s.address} (where this build puts ${s.name}) already holds different code. ` +
          'Nothing was sent. Check that the contracts are built from this commit (npm run contracts:build -- --check).',
      );
    }
    if (onChain !== '0x') {
      planned.push({ ...s, action: 'reuse', runtime, gas: 0n });
      continue;
    }
    const gas = await estimateGas(client, { account: params.from, to: CREATE2_PROXY, data: create2Calldata(s.initCode), stateOverride });
    planned.push({ ...s, action: 'deploy', runtime, gas });
    overrides.push({ address: s.address, code: runtime });
  }
  const freshToken = planned.find((c) => c.key === 'testToken' && c.action === 'deploy');
  const mints = freshToken && params.mintAmount ? (params.mintTo ?? []).map((to) => ({ to, amount: params.mintAmount as bigint })) : [];
  const gas = planned.reduce((sum, c) => sum + c.gas, 0n) + BigInt(mints.length) * MINT_GAS_ESTIMATE;
  return { contracts: planned, mints, gas };
}

export interface ExecutedPlan {
  addresses: Partial<Record<ContractKey, Address>>;
  /** Block of the first transaction sent, or null when everything was reused. */
  firstBlock: bigint | null;
  transactions: Hex[];
}

/** Sends the plan's deployments (through the proxy) and mints in order, checking each contract's code after. */
export async function executePlan(client: SignerClient, plan: DeploymentPlan, log: (line: string) => void = () => {}): Promise<ExecutedPlan> {
  let firstBlock: bigint | null = null;
  const transactions: Hex[] = [];
  const addresses: Partial<Record<ContractKey, Address>> = {};
  for (const c of plan.contracts) {
    addresses[c.key] = getAddress(c.address);
    if (c.action === 'reuse') continue;
    const hash = await sendTransaction(client, { account: client.account, chain: client.chain, to: CREATE2_PROXY, data: create2Calldata(c.initCode), gas: (c.gas * 12n) / 10n });
    transactions.push(hash);
    const receipt = await waitForTransactionReceipt(client, { hash });
    if (receipt.status !== 'success') throw new Error(`Deploying ${c.name} failed (tx ${hash}).`);
    firstBlock ??= receipt.blockNumber;
    const code = (await getCode(client, { address: c.address })) ?? '0x';
    if (code.toLowerCase() !== c.runtime.toLowerCase()) throw new Error(`${c.name} is not at ${c.address} after tx ${hash}.`);
    log(`  deployed ${c.name.padEnd(17)} ${getAddress(c.address)} (tx ${hash})`);
  }
  for (const m of plan.mints) {
    const hash = await writeContract(client, {
      address: addresses.testToken as Address, abi: generated.testTokenAbi, functionName: 'mint', args: [m.to, m.amount],
      account: client.account, chain: client.chain,
    });
    transactions.push(hash);
    const receipt = await waitForTransactionReceipt(client, { hash });
    if (receipt.status !== 'success') throw new Error(`Minting TestToken to ${m.to} failed (tx ${hash}).`);
    firstBlock ??= receipt.blockNumber;
  }
  return { addresses, firstBlock, transactions };
}

/** The deployments/<chainId>.json record for an executed plan. */
export function deploymentRecord(chainId: number, verifier: VerifierName, executed: ExecutedPlan, deploymentBlock: number): Deployment {
  const a = executed.addresses;
  return {
    chainId,
    deploymentBlock,
    verifier: { contract: verifier, batchSize: verifierBatchSize(verifier) },
    contracts: { verifier: a.verifier as Address, dataSbt: a.dataSbt as Address, poolFactory: a.poolFactory as Address, testToken: a.testToken },
  };
}
