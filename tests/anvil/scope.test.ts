/**
 * The proof scope is defined twice — contracts/lib/ProofScope.sol and
 * computeScope() in src/zk/scope.ts — and must agree for every holder, epoch,
 * pool and chain, or no proof would ever verify (or, worse, one would verify
 * where it should not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getAddress, type Address } from 'viem';
import { readContract } from 'viem/actions';
import { computeScope, MINT_POOL_ID } from '../../src/zk/scope.ts';
import { dataSBTAbi, dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { SNARK_SCALAR_FIELD } from '../../src/zk/field.ts';
import { createTestPool, setupDevnet, type Devnet } from './helpers.ts';

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(`0x${Buffer.from(b).toString('hex')}`));
const epoch = fc.bigInt({ min: 0n, max: 2n ** 16n - 1n });

describe.each([31337, 1337])('scope on chain %i: Solidity == TypeScript', (chainId) => {
  let devnet: Devnet;
  let sbt: Address;
  const pools: Address[] = [];
  beforeAll(async () => {
    devnet = await setupDevnet({ verifier: 'AcceptAllVerifier', chainId, accounts: 1 });
    sbt = devnet.deployment.contracts.dataSbt as Address;
    for (let i = 0; i < 2; i++) pools.push((await createTestPool(devnet)).pool);
  });
  afterAll(async () => devnet?.stop());

  it('mint scope (pool id 0) agrees and is below the field', async () => {
    await fc.assert(
      fc.asyncProperty(address, epoch, async (holder, e) => {
        const onChain = await readContract(devnet.test, { address: sbt, abi: dataSBTAbi, functionName: 'mintScope', args: [holder, e] });
        expect(onChain).toBe(computeScope({ chainId, verifyingContract: sbt, poolId: MINT_POOL_ID, epoch: e, holder }));
        expect(onChain).toBeLessThan(SNARK_SCALAR_FIELD);
      }),
      { numRuns: 25 },
    );
  });

  it('stake scope agrees for each pool and differs between pools', async () => {
    await fc.assert(
      fc.asyncProperty(address, epoch, async (holder, e) => {
        const scopes = [];
        for (const [i, pool] of pools.entries()) {
          const onChain = await readContract(devnet.test, { address: pool, abi: dataStakingPoolAbi, functionName: 'stakeScope', args: [holder, e] });
          expect(onChain).toBe(computeScope({ chainId, verifyingContract: pool, poolId: BigInt(i + 1), epoch: e, holder }));
          scopes.push(onChain);
        }
        expect(scopes[0]).not.toBe(scopes[1]);
      }),
      { numRuns: 15 },
    );
  });
});
