/**
 * A devnet with many pools and one holder with many data tokens, for
 * `npm run bench:pools` and tests/anvil/pools-view.test.ts. Tokens are minted
 * on the **AcceptAllVerifier** devnet (any proof passes: real proofs take
 * seconds each and are not what the pools view reads); each token's frozen
 * rows are stored in the holder's vault as a mint would, so the worker's own
 * code (ownedTokens, readCommitment, eligibility) runs unchanged.
 */
import { createPublicClient, createWalletClient, http, maxUint256, publicActions, type Address } from 'viem';
import { ensureAllowance } from '../../src/chain/approve-token.ts';
import { createPool } from '../../src/chain/create-pool.ts';
import { mintSbt } from '../../src/chain/mint-sbt.ts';
import { encodePoolMetadata } from '../../src/chain/pool-metadata.ts';
import { readCurrentEpoch } from '../../src/chain/read-current-epoch.ts';
import { stakeIntoPool } from '../../src/chain/stake-into-pool.ts';
import { scoreForPool } from '../../src/scoring/pool-eligibility.ts';
import { categoryMask, type CategoryKey } from '../../src/shared/categories.ts';
import type { ResolvedNetwork } from '../../src/shared/network';
import { storeCommitment } from '../../src/vault';
import type { JobChain } from '../../src/background/jobs/job-chain';
import { networkChain } from '../../src/background/network/network-clients';
import { startDevnet, type Devnet } from '../../scripts/devnet.ts';
import { localChain } from '../../scripts/lib/clients.ts';
import { makeWorld, PASSWORD, type World } from '../../tests/unit/helpers/world';
import { computeWeekRoot } from '../../src/zk/index.ts';
import { sampleRows } from '../../tests/anvil/real-proofs.ts';

const DUMMY_PROOF = { a: [1n, 2n], b: [[3n, 4n], [5n, 6n]], c: [7n, 8n] } as const;
/** A one-batch week for the accept-all verifier (tests/anvil/helpers.ts dummyWeek). */
const dummyWeek = (points: bigint, nullifier: bigint, root: bigint) => ({
  nullifier,
  batches: [{ root, points, fingerprint: 1n, totalsCommitment: 1n, accOut: 1n, proof: DUMMY_PROOF }],
});
const CATEGORY_SETS: CategoryKey[][] = [['crypto'], ['finance'], ['news'], ['nft'], ['crypto', 'finance'], ['shopping']];

export interface SeedOptions {
  pools: number;
  tokens: number;
  /** Pools (among the first eligible ones) the newest token stakes in. */
  stakes: number;
}

export interface Seeded {
  devnet: Devnet;
  world: World;
  network: ResolvedNetwork;
  holder: Address;
  pools: Address[];
  verifier: string;
  /** A JobChain for the holder whose client counts HTTP requests and JSON-RPC calls. */
  chain(): { chain: JobChain; count(): Promise<{ http: number; rpc: number; methods: Record<string, number> }> };
}

export async function seedPools(options: SeedOptions): Promise<Seeded> {
  const devnet = await startDevnet({ verifier: 'AcceptAllVerifier', accounts: 1 });
  try {
    const { dataSbt, poolFactory, testToken } = devnet.deployment.contracts as Record<string, Address>;
    const world = makeWorld();
    const now = (await devnet.test.getBlock()).timestamp;
    world.clock.now = Number(now) * 1000;
    await world.lock.onboard(PASSWORD);
    const network: ResolvedNetwork = { kind: 'custom', chainId: devnet.anvil.chainId, rpcUrl: devnet.anvil.rpcUrl, deployment: devnet.deployment };
    world.ctx.network = {
      current: async () => network,
      setting: async () => ({ kind: 'devnet' }),
      settingAndCurrent: async () => ({ setting: { kind: 'devnet' }, network }),
      save: async () => network,
    } as typeof world.ctx.network;
    const account = await world.lock.account();
    const holder = account.address;
    await devnet.test.setBalance({ address: holder, value: 10n ** 20n });
    const wallet = createWalletClient({ account, chain: localChain(devnet.anvil.chainId, devnet.anvil.rpcUrl), transport: http(devnet.anvil.rpcUrl) })
      .extend(publicActions);

    // Tokens: the last `tokens` finished epochs, each with its frozen rows in the vault.
    const current = await readCurrentEpoch(devnet.test, { sbt: dataSbt });
    const sealer = await world.lock.sealer();
    const rowsOf = new Map<bigint, ReturnType<typeof sampleRows>>();
    for (let k = 1; k <= options.tokens; k++) {
      const epoch = current - BigInt(k);
      const rows = sampleRows(epoch, k);
      rowsOf.set(epoch, rows);
      await mintSbt(wallet, { sbt: dataSbt, epoch, ...dummyWeek(500n, BigInt(k), 1000n + BigInt(k)) });
      await storeCommitment(world.db, sealer, { chainId: network.chainId, address: holder, epoch: Number(epoch), root: computeWeekRoot([1000n + BigInt(k)]), points: 500, rows }, world.clock.now);
    }

    // Pools by anvil account 0: categories cycle, every 7th has a minimum no token meets,
    // every 10th ends within the hour, a third carry metadata.
    const sponsor = devnet.signers[0];
    await ensureAllowance(sponsor, { token: testToken, spender: poolFactory, amount: maxUint256 });
    const start = now + 60n;
    const pools: Address[] = [];
    const terms: { categoryMask: bigint; minPoints: bigint }[] = [];
    for (let i = 0; i < options.pools; i++) {
      const categories = CATEGORY_SETS[i % CATEGORY_SETS.length];
      const t = { categoryMask: categoryMask(categories), minPoints: i % 7 === 6 ? 10n ** 9n : 1n };
      const { pool } = await createPool(sponsor, {
        factory: poolFactory, rewardToken: testToken, budget: 10n ** 18n * BigInt(1 + (i % 5)),
        start, end: i % 10 === 9 ? start + 1_800n : start + 14n * 86_400n, ...t,
        metadataURI: i % 3 === 0 ? encodePoolMetadata({ name: `Spam pool ${i + 1}`, sponsor: 'Bench', description: 'x'.repeat(i % 50) }) : '',
      });
      pools.push(pool);
      terms.push(t);
    }
    // Start the pools, stake the newest token (the only one recent enough) in the first eligible pools.
    await devnet.test.increaseTime({ seconds: 120 });
    await devnet.test.mine({ blocks: 1 });
    const newest = current - 1n;
    let staked = 0;
    for (let i = 0; i < pools.length && staked < options.stakes; i++) {
      if (i % 10 === 9) continue;
      const { points, eligible } = scoreForPool(rowsOf.get(newest)!, terms[i]);
      if (!eligible) continue;
      await stakeIntoPool(wallet, { pool: pools[i], tokenId: (BigInt(holder) << 96n) | newest, ...dummyWeek(BigInt(points), BigInt(100 + i), 1001n) });
      staked++;
    }
    // Let the short pools end and the stakes earn a little.
    await devnet.test.increaseTime({ seconds: 3_600 });
    await devnet.test.mine({ blocks: 1 });

    const chain = () => {
      let http_ = 0;
      const bodies: Promise<string>[] = [];
      const client = createPublicClient({
        chain: networkChain(network),
        transport: http(network.rpcUrl, {
          timeout: 10_000,
          retryCount: 1,
          onFetchRequest: (request) => {
            http_++;
            bodies.push(request.clone().text());
          },
        }),
      });
      const count = async () => {
        const methods: Record<string, number> = {};
        for (const body of await Promise.all(bodies)) {
          const parsed = JSON.parse(body) as { method: string } | { method: string }[];
          for (const m of Array.isArray(parsed) ? parsed : [parsed]) methods[m.method] = (methods[m.method] ?? 0) + 1;
        }
        return { http: http_, rpc: Object.values(methods).reduce((a, b) => a + b, 0), methods };
      };
      return { chain: { network, client, address: holder } as JobChain, count };
    };
    return { devnet, world, network, holder, pools, verifier: devnet.deployment.verifier.contract, chain };
  } catch (err) {
    await devnet.stop();
    throw err;
  }
}
