import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readContract } from 'viem/actions';
import type { Address } from 'viem';
import { startDevnet, type Devnet } from '../../../scripts/devnet.ts';
import { createDemoPools, type CreatedPool } from '../../../scripts/lib/demo-pools.ts';
import { deploymentDifferences } from '../../../scripts/lib/start-chain.ts';
import { DeploymentSchema } from '../../../scripts/lib/deployments.ts';
import { dataSBTAbi } from '../../../src/chain/generated/index.ts';
import { DEVNET_RPC_URL } from '../../../src/shared/network';
import { test as base } from './fixtures';

/** What `npm start` brings up, for specs: the devnet the extension bundles, with the demo pools. */
export interface E2eDevnet {
  devnet: Devnet;
  pools: CreatedPool[];
  /** Moves chain time forward and mines a block. */
  advance(seconds: number): Promise<void>;
  tokenIdOf(holder: Address, epoch: number): Promise<bigint>;
  isLive(tokenId: bigint): Promise<boolean>;
  txCount(address: Address): Promise<number>;
}

/**
 * Specs that need the chain get a fresh devnet per spec on the port the
 * extension's bundled devnet uses (127.0.0.1:8545), with the production
 * verifier (the bundled deployment's addresses are checked, as `npm start`
 * does) and the three demo pools created with the pool CLI.
 */
export const test = base.extend<{ chain: E2eDevnet }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
  chain: async ({}, use) => {
    const port = Number(new URL(DEVNET_RPC_URL).port);
    const devnet = await startDevnet({ port, verifier: 'EpochVerifier256' });
    try {
      const bundled = DeploymentSchema.parse(JSON.parse(readFileSync(resolve('deployments/31337.json'), 'utf8')));
      const diff = deploymentDifferences(bundled, devnet.deployment);
      if (diff.length) throw new Error(`devnet differs from deployments/31337.json: ${diff.join('; ')}`);
      const pools = await createDemoPools(devnet.anvil.rpcUrl);
      const sbt = devnet.deployment.contracts.dataSbt as Address;
      await use({
        devnet,
        pools,
        advance: async (seconds) => {
          await devnet.test.increaseTime({ seconds });
          await devnet.test.mine({ blocks: 1 });
        },
        tokenIdOf: (holder, epoch) => readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'tokenIdOf', args: [holder, BigInt(epoch)] }),
        isLive: (tokenId) => readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'isLive', args: [tokenId] }),
        txCount: (address) => devnet.test.getTransactionCount({ address }),
      });
    } finally {
      await devnet.stop();
    }
  },
});

export { expect } from './fixtures';
