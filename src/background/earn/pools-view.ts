import { erc20Abi } from 'viem';
import { readContract } from 'viem/actions';
import { listPools } from '../../chain/list-pools.ts';
import { decodePoolMetadata } from '../../chain/pool-metadata.ts';
import type { PoolInfo } from '../../chain/read-pool.ts';
import { readStake } from '../../chain/read-rewards.ts';
import { readDataToken } from '../../chain/read-data-token.ts';
import { scoreDomainDays } from '../../scoring/score.ts';
import { categoriesInMask } from '../../shared/categories';
import type { PoolView } from '../../shared/earning-messages';
import type { WorkerContext } from '../context';
import { chainTime, listCommitments, readCommitment } from '../jobs';
import { asAddress } from '../jobs/masks';
import type { JobChain } from '../jobs/job-chain';

/** A minted, live data token of this vault, with its frozen rows' epoch. */
export interface OwnedToken {
  tokenId: bigint;
  epoch: number;
}

/** Live tokens of this holder whose epochs this vault committed (only those can stake: their rows are here). */
export async function ownedTokens(ctx: WorkerContext, chain: JobChain): Promise<OwnedToken[]> {
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const out: OwnedToken[] = [];
  for (const c of await listCommitments(ctx, chain.network.chainId, chain.address)) {
    const { token } = await readDataToken(chain.client, { sbt, holder: chain.address, epoch: BigInt(c.epoch) });
    if (token) out.push({ tokenId: token.tokenId, epoch: c.epoch });
  }
  return out;
}

/** Points of a token's frozen rows in a category mask (what a stake in that pool would weigh). */
export async function pointsInMask(ctx: WorkerContext, chain: JobChain, token: OwnedToken, mask: bigint): Promise<number> {
  const frozen = await readCommitment(ctx, chain.network.chainId, chain.address, token.epoch);
  return frozen ? scoreDomainDays(frozen.rows, mask) : 0;
}

/**
 * Every pool of the factory as the popup shows it, with eligibility decided
 * from local data: the best live token (most points in the pool's categories)
 * that is not staked there yet, recent enough, and meets the minimum.
 */
export async function readPoolViews(ctx: WorkerContext, chain: JobChain): Promise<PoolView[]> {
  const [pools, tokens, now] = await Promise.all([
    listPools(chain.client, { factory: asAddress(chain.network.deployment.contracts.poolFactory) }),
    ownedTokens(ctx, chain),
    chainTime(chain),
  ]);
  const symbols = new Map<string, { symbol: string; decimals: number }>();
  const views: PoolView[] = [];
  for (const pool of pools) {
    const key = pool.rewardToken.toLowerCase();
    if (!symbols.has(key)) symbols.set(key, await tokenMeta(chain, pool.rewardToken));
    views.push(await poolView(ctx, chain, pool, tokens, now, symbols.get(key)!));
  }
  return views;
}

async function poolView(
  ctx: WorkerContext,
  chain: JobChain,
  pool: PoolInfo,
  tokens: readonly OwnedToken[],
  now: bigint,
  token: { symbol: string; decimals: number },
): Promise<PoolView> {
  const meta = decodePoolMetadata(pool.metadataURI);
  const stakes: PoolView['stakes'] = [];
  let best: { token: OwnedToken; points: number } | undefined;
  let reason: string | undefined = tokens.length === 0 ? 'no_token' : undefined;
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
    const points = await pointsInMask(ctx, chain, t, pool.categoryMask);
    if (points < Number(pool.minPoints) || points === 0) {
      if (reason !== 'already_staked') reason = 'not_enough_points';
      continue;
    }
    if (!best || points > best.points) best = { token: t, points };
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

async function tokenMeta(chain: JobChain, address: `0x${string}`): Promise<{ symbol: string; decimals: number }> {
  try {
    const [symbol, decimals] = await Promise.all([
      readContract(chain.client, { address, abi: erc20Abi, functionName: 'symbol' }),
      readContract(chain.client, { address, abi: erc20Abi, functionName: 'decimals' }),
    ]);
    return { symbol, decimals };
  } catch {
    return { symbol: '?', decimals: 18 };
  }
}
