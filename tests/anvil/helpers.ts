/**
 * Shared setup for contract tests: a devnet on a free port, plus shortcuts that
 * go through the same src/chain actions the extension and CLI use.
 */
import { parseUnits, type Address } from 'viem';
import { deployContract, readContract, waitForTransactionReceipt, writeContract } from 'viem/actions';
import { startDevnet, type Devnet, type DevnetOptions } from '../../scripts/devnet.ts';
import { createPool, type DeliveryTerms } from '../../src/chain/create-pool.ts';
import { dataSBTAbi, revertingTokenAbi, revertingTokenBytecode } from '../../src/chain/generated/index.ts';
import { categoryMask, type CategoryKey } from '../../src/shared/categories.ts';

export type { Devnet };
export type Signer = Devnet['signers'][number];

export async function setupDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  return startDevnet({ accounts: 5, ...options });
}

export async function latestTimestamp(devnet: Devnet): Promise<bigint> {
  return (await devnet.test.getBlock()).timestamp;
}

/** The last finished epoch at the chain's current time (what a mint may use). */
export async function lastFinishedEpoch(devnet: Devnet): Promise<bigint> {
  const current = await readContract(devnet.test, {
    address: devnet.deployment.contracts.dataSbt as Address,
    abi: dataSBTAbi,
    functionName: 'currentEpoch',
  });
  return current - 1n;
}

export interface TestPoolOptions {
  budget?: bigint;
  start?: bigint;
  end?: bigint;
  categories?: CategoryKey[];
  minPoints?: bigint;
  /** Default: the devnet's TestToken (account 0 holds it). */
  rewardToken?: Address;
  /** Default: no delivery (points only). */
  delivery?: DeliveryTerms;
}

/** A pool created by account 0 with TestToken rewards, starting now unless told. */
export async function createTestPool(devnet: Devnet, options: TestPoolOptions = {}) {
  const now = await latestTimestamp(devnet);
  const start = options.start ?? now + 10n;
  return createPool(devnet.signers[0], {
    factory: devnet.deployment.contracts.poolFactory as Address,
    rewardToken: options.rewardToken ?? (devnet.deployment.contracts.testToken as Address),
    budget: options.budget ?? parseUnits('1000', 18),
    start,
    end: options.end ?? start + 7n * 86_400n,
    categoryMask: categoryMask(options.categories ?? ['crypto', 'finance']),
    minPoints: options.minPoints ?? 1n,
    metadataURI: 'data:application/json;base64,e30=',
    delivery: options.delivery,
  });
}

/** A proof-shaped value for the accept-all verifier (never valid for the real one). */
export const DUMMY_PROOF = {
  a: [1n, 2n],
  b: [
    [3n, 4n],
    [5n, 6n],
  ],
  c: [7n, 8n],
} as const;

/**
 * A one-batch week for the accept-all verifier: its outputs say `points` and `root`, the proof is
 * DUMMY_PROOF. Minting and staking with the same `root` match the token's week root.
 */
export function dummyWeek(points: bigint, nullifier = 1n, root = 1234n) {
  return { nullifier, batches: [{ root, points, fingerprint: 1n, totalsCommitment: 1n, accOut: 1n, proof: DUMMY_PROOF }] };
}

/** Mint `points` on the accept-all devnet (any proof passes there). */
export async function mintUnchecked(devnet: Devnet, who: number, points: bigint, epoch?: bigint) {
  const { mintSbt } = await import('../../src/chain/mint-sbt.ts');
  return mintSbt(devnet.signers[who], {
    sbt: devnet.deployment.contracts.dataSbt as Address,
    epoch: epoch ?? (await lastFinishedEpoch(devnet)),
    ...dummyWeek(points, BigInt(who)),
  });
}

/** Jump the chain clock by `seconds` and mine a block (evm_increaseTime + evm_mine). */
export async function advance(devnet: Devnet, seconds: bigint | number): Promise<void> {
  await devnet.test.increaseTime({ seconds: Number(seconds) });
  await devnet.test.mine({ blocks: 1 });
}

/** Resolves to the custom error name a failing action reported. */
export async function revertName(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return (err as { revertName?: string }).revertName ?? `untyped: ${(err as Error).message}`;
  }
  return undefined;
}

/** A RevertingToken owned by account 0, with `amount` minted to account 0. */
export async function deployRevertingToken(d: Devnet, amount: bigint): Promise<Address> {
  const signer = d.signers[0];
  const hash = await deployContract(signer, { abi: revertingTokenAbi, bytecode: revertingTokenBytecode, args: [signer.account.address], account: signer.account, chain: signer.chain });
  const address = (await waitForTransactionReceipt(signer, { hash })).contractAddress as Address;
  await waitForTransactionReceipt(signer, { hash: await writeContract(signer, { address, abi: revertingTokenAbi, functionName: 'mint', args: [signer.account.address, amount], account: signer.account, chain: signer.chain }) });
  return address;
}

/** Switch every transfer of a RevertingToken to revert (or back). */
export async function setReverting(d: Devnet, token: Address, on: boolean): Promise<void> {
  const signer = d.signers[0];
  await waitForTransactionReceipt(signer, { hash: await writeContract(signer, { address: token, abi: revertingTokenAbi, functionName: 'setReverting', args: [on], account: signer.account, chain: signer.chain }) });
}

