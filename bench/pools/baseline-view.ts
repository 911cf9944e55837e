/**
 * The Earn tab's pools view as it was before batching (issue #10 §3): every
 * pool, stake and token read one call at a time (pools × tokens calls). Kept
 * only as the baseline of `npm run bench:pools` and of the equality test
 * (tests/anvil/pools-view.test.ts); the worker uses src/background/earn/pools-view.ts.
 * Same logic as the worker's view, read path unbatched.
 */
import { readPoolAddress, readPoolCount } from '../../src/chain/list-pools.ts';
import { decodePoolMetadata } from '../../src/chain/pool-metadata.ts';
import { readDataToken } from '../../src/chain/read-data-token.ts';
import { readPool, type PoolInfo } from '../../src/chain/read-pool.ts';
import { readStake } from '../../src/chain/read-rewards.ts';
import { readTokenMetadata, type TokenMetadata } from '../../src/chain/read-token-metadata.ts';
import type { Address, ReaderClient } from '../../src/chain/types.ts';
import { scoreForPool } from '../../src/scoring/pool-eligibility.ts';
import { categoriesInMask } from '../../src/shared/categories';
import type { EligibilityReason, PoolView } from '../../src/shared/earning-messages';
import { listCommitments, type DomainDayRow } from '../../src/vault';
import type { WorkerContext } from '../../src/background/context';
import { chainTime, readCommitment, type OwnedToken } from '../../src/background/jobs';
import { asAddress } from '../../src/background/jobs/masks';
import type { JobChain } from '../../src/background/jobs/job-chain';

type FrozenRows = (token: OwnedToken) => Promise<readonly DomainDayRow[] | undefined>;

/** listPools before batching: the count, then each pool's address and its 12 fields, pool after pool. */
export async function listPoolsOneByOne(client: ReaderClient, factory: Address): Promise<PoolInfo[]> {
  const count = await readPoolCount(client, { factory });
  const pools: PoolInfo[] = [];
  for (let i = 0n; i < count; i++) {
    const address = await readPoolAddress(client, { factory, index: i });
    pools.push(await readPool(client, { pool: address }));
  }
  return pools;
}

/** ownedTokens before batching: one readDataToken per committed epoch. */
export async function ownedTokensOneByOne(ctx: WorkerContext, chain: JobChain): Promise<OwnedToken[]> {
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const out: OwnedToken[] = [];
  for (const c of await listCommitments(ctx.db, chain.network.chainId, chain.address)) {
    const { token } = await readDataToken(chain.client, { sbt, holder: chain.address, epoch: BigInt(c.epoch) });
    if (token) out.push({ tokenId: token.tokenId, epoch: c.epoch });
  }
  return out;
}

export async function readPoolViewsOneByOne(ctx: WorkerContext, chain: JobChain): Promise<PoolView[]> {
  const [pools, tokens, now] = await Promise.all([
    listPoolsOneByOne(chain.client, asAddress(chain.network.deployment.contracts.poolFactory)),
    ownedTokensOneByOne(ctx, chain),
    chainTime(chain),
  ]);
  const frozen = new Map<number, Promise<readonly DomainDayRow[] | undefined>>();
  const frozenRows: FrozenRows = (t) => {
    let rows = frozen.get(t.epoch);
    if (!rows) frozen.set(t.epoch, (rows = readCommitment(ctx, chain.network.chainId, chain.address, t.epoch).then((c) => c?.rows)));
    return rows;
  };
  const symbols = new Map<string, TokenMetadata>();
  const views: PoolView[] = [];
  for (const pool of pools) {
    const key = pool.rewardToken.toLowerCase();
    if (!symbols.has(key)) symbols.set(key, await tokenMeta(chain, pool.rewardToken));
    views.push(await poolView(chain, pool, tokens, frozenRows, now, symbols.get(key)!));
  }
  return views;
}

async function poolView(
  chain: JobChain,
  pool: PoolInfo,
  tokens: readonly OwnedToken[],
  frozenRows: FrozenRows,
  now: bigint,
  token: TokenMetadata,
): Promise<PoolView> {
  const meta = decodePoolMetadata(pool.metadataURI);
  const stakes: PoolView['stakes'] = [];
  let best: { token: OwnedToken; points: number } | undefined;
  let reason: EligibilityReason | undefined = tokens.length === 0 ? 'no_token' : undefined;
  for (const t of tokens) {
    const stake = await readStake(chain.client, { pool: pool.address, tokenId: t.tokenId });
    if (stake.status === 'staked') {
      stakes.push({ tokenId: t.tokenId.toString(), weight: stake.weight.toString(), claimable: stake.pending.toString() });
      reason ??= 'already_staked';
      continue;
    }
    if (stake.status === 'exited') continue;
    if (BigInt(t.epoch) < pool.minEpoch) {
      reason ??= 'too_old';
      continue;
    }
    const score = scoreForPool((await frozenRows(t)) ?? [], pool);
    if (!score.eligible) {
      if (reason !== 'already_staked') reason = 'not_enough_points';
      continue;
    }
    if (!best || score.points > best.points) best = { token: t, points: score.points };
  }
  const ended = now >= pool.end;
  const eligible: PoolView['eligible'] = best && !ended
    ? { ok: true, tokenId: best.token.tokenId.toString(), points: best.points }
    : { ok: false, points: 0, reason: ended ? 'ended' : (reason ?? 'no_token') };
  const unallocated = pool.funded > pool.allocated ? pool.funded - pool.allocated : 0n;
  const mine = BigInt(eligible.points);
  const estimate = mine > 0n ? (unallocated * mine) / (pool.totalWeight + mine) : 0n;
  return {
    address: pool.address,
    poolId: pool.poolId.toString(),
    name: meta?.name ?? `Pool ${pool.poolId}`,
    sponsor: meta?.sponsor ?? pool.sponsor,
    description: meta?.description ?? '',
    categories: categoriesInMask(pool.categoryMask),
    rewardToken: { address: pool.rewardToken, ...token },
    start: Number(pool.start),
    end: Number(pool.end),
    funded: pool.funded.toString(),
    totalWeight: pool.totalWeight.toString(),
    minPoints: Number(pool.minPoints),
    eligible,
    stakes,
    estimate: estimate.toString(),
  };
}

async function tokenMeta(chain: JobChain, token: `0x${string}`): Promise<TokenMetadata> {
  try {
    return await readTokenMetadata(chain.client, { token });
  } catch {
    return { symbol: '?', decimals: 18 };
  }
}
