/**
 * The batched pools view (src/background/earn/pools-view.ts: deployless
 * multicall) returns exactly what the old one-call-at-a-time view returned
 * (bench/pools/baseline-view.ts), on a real anvil with pools of every kind
 * (eligible, staked, ended, minimum not met, too old for older tokens, with
 * and without metadata) and several tokens of one holder, in far fewer requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPoolViews } from '../../src/background/earn/pools-view';
import { listPools } from '../../src/chain/list-pools.ts';
import { readStake, readStakes } from '../../src/chain/read-rewards.ts';
import { readDataToken, readDataTokens } from '../../src/chain/read-data-token.ts';
import { readMany } from '../../src/chain/read-many.ts';
import { readTokenMetadatas } from '../../src/chain/read-token-metadata.ts';
import { dataStakingPoolAbi } from '../../src/chain/generated/index.ts';
import { listPoolsOneByOne, readPoolViewsOneByOne } from '../../bench/pools/baseline-view.ts';
import { seedPools, type Seeded } from '../../bench/pools/seed.ts';
import type { Address } from 'viem';

let seeded: Seeded;

beforeAll(async () => {
  seeded = await seedPools({ pools: 12, tokens: 3, stakes: 2 });
}, 120_000);

afterAll(async () => {
  await seeded?.devnet.stop();
});

describe('batched pools view', () => {
  it('returns exactly the views of the one-call-at-a-time path, in a handful of requests', async () => {
    const batched = seeded.chain();
    const views = await readPoolViews(seeded.world.ctx, batched.chain);
    const old = seeded.chain();
    const expected = await readPoolViewsOneByOne(seeded.world.ctx, old.chain);
    expect(views).toEqual(expected);
    // The fixture covers every case the view distinguishes.
    expect(views).toHaveLength(12);
    expect(views.filter((v) => v.stakes.length > 0)).toHaveLength(2);
    const reasons = new Set(views.map((v) => (v.eligible.ok ? 'ok' : v.eligible.reason)));
    for (const r of ['ok', 'too_old', 'ended']) expect(reasons).toContain(r);
    expect(views.some((v) => v.name.startsWith('Spam pool'))).toBe(true);
    expect(views.some((v) => v.name.startsWith('Pool '))).toBe(true);
    expect(views.find((v) => v.stakes.length > 0)!.stakes[0].claimable).not.toBe('0');
    const [b, o] = [await batched.count(), await old.count()];
    expect(b.http).toBeLessThanOrEqual(10);
    expect(o.http).toBeGreaterThan(12 * 3 * 2);
  });

  it('each batched read equals its single read', async () => {
    const { client } = seeded.chain().chain;
    const factory = seeded.devnet.deployment.contracts.poolFactory as Address;
    const pools = await listPools(client, { factory });
    expect(pools).toEqual(await listPoolsOneByOne(client, factory));
    const tokenIds = [1n, 2n, 3n].map((k) => (BigInt(seeded.holder) << 96n) | (pools[0].minEpoch + 1n - k));
    const pairs = pools.flatMap((p) => tokenIds.map((tokenId) => ({ pool: p.address, tokenId })));
    expect(await readStakes(client, { stakes: pairs })).toEqual(await Promise.all(pairs.map((p) => readStake(client, p))));
    const sbt = seeded.devnet.deployment.contracts.dataSbt as Address;
    const epochs = [pools[0].minEpoch, pools[0].minEpoch - 1n, 5n];
    expect(await readDataTokens(client, { sbt, holder: seeded.holder, epochs }))
      .toEqual(await Promise.all(epochs.map((epoch) => readDataToken(client, { sbt, holder: seeded.holder, epoch }))));
    // A contract that is not an ERC-20 reads as null (the view shows "?"), not an error.
    expect(await readTokenMetadatas(client, { tokens: [seeded.devnet.deployment.contracts.testToken as Address, pools[0].address] }))
      .toEqual([{ symbol: expect.any(String), decimals: 18 }, null]);
  });

  it('a reward token that burns all its gas fails alone, not the tokens read with it', async () => {
    const counted = seeded.chain();
    const { client } = counted.chain;
    // Two "tokens" whose every call loops until its gas is gone (JUMPDEST; PUSH1 0; JUMP). Multicall3 forwards
    // 63/64 of what is left to each call, so after two of them the calls behind get ~7k gas: not enough for symbol().
    const burners = ['0x00000000000000000000000000000000000b0001', '0x00000000000000000000000000000000000b0002'] as const;
    for (const address of burners) await seeded.devnet.test.setCode({ address, bytecode: '0x5b600056' });
    const honest = seeded.devnet.deployment.contracts.testToken as Address;
    const before = (await counted.count()).http;
    const metas = await readTokenMetadatas(client, { tokens: [...burners, honest, honest, honest] });
    expect(metas).toEqual([null, null, ...Array(3).fill({ symbol: expect.any(String), decimals: 18 })]);
    // Bounded: each of the 4 failed calls costs at most its lone read (retried once by the transport, as in the
    // extension) and one read of the rest.
    expect((await counted.count()).http - before).toBeLessThanOrEqual(1 + 3 * 4);
  });

  it('a chunk whose results exceed the deployless size limit is split, not lost', async () => {
    const { client } = seeded.chain().chain;
    // 300 metadata reads: far over the 24 kB a deployless multicall may return in one chunk if estimated wrong.
    const calls = Array.from({ length: 300 }, (_, i) => ({ address: seeded.pools[i % seeded.pools.length], abi: dataStakingPoolAbi, functionName: 'metadataURI' }) as const);
    const outcomes = await readMany(client, calls);
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });
});
