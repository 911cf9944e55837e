import { listPools } from '../../chain/list-pools.ts';
import { decodePoolMetadata } from '../../chain/pool-metadata.ts';
import type { PoolInfo } from '../../chain/read-pool.ts';
import { readStakes, type StakeInfo } from '../../chain/read-rewards.ts';
import { readTokenMetadatas, type TokenMetadata } from '../../chain/read-token-metadata.ts';
import { scoreForPool } from '../../scoring/pool-eligibility.ts';
import { categoriesInMask } from '../../shared/categories';
import type { EligibilityReason, PoolView } from '../../shared/earning-messages';
import type { DomainDayRow } from '../../vault';
import type { WorkerContext } from '../context';
import { chainTime, ownedTokens, readCommitment, type OwnedToken } from '../jobs';
import { asAddress } from '../jobs/masks';
import type { JobChain } from '../jobs/job-chain';

/** A token's frozen rows (undefined when this vault never committed its epoch). */
type FrozenRows = (token: OwnedToken) => Promise<readonly DomainDayRow[] | undefined>;

/** A reward token that does not answer like an ERC-20 is shown as "?" rather than hiding the pool. */
const UNKNOWN_TOKEN: TokenMetadata = { symbol: '?', decimals: 18 };

/**
 * Every pool of the factory as the popup shows it, with eligibility decided
 * from local data: the best live token (most points in the pool's categories)
 * that is not staked there yet, recent enough, and meets the minimum.
 *
 * Pool creation is permissionless, so the reads are batched (deployless
 * multicall, src/chain/read-many.ts): all pools' terms, all reward tokens'
 * metadata and every (pool, token) stake record and pending reward take a
 * handful of round trips whatever the number of pools (`npm run bench:pools`).
 */
export async function readPoolViews(ctx: WorkerContext, chain: JobChain): Promise<PoolView[]> {
  const [pools, tokens, now] = await Promise.all([
    listPools(chain.client, { factory: asAddress(chain.network.deployment.contracts.poolFactory) }),
    ownedTokens(ctx, chain),
    chainTime(chain),
  ]);
  const rewardTokens = [...new Map(pools.map((p) => [p.rewardToken.toLowerCase(), p.rewardToken])).values()];
  const [metas, stakes] = await Promise.all([
    readTokenMetadatas(chain.client, { tokens: rewardTokens }),
    readStakes(chain.client, { stakes: pools.flatMap((p) => tokens.map((t) => ({ pool: p.address, tokenId: t.tokenId }))) }),
  ]);
  const symbols = new Map(rewardTokens.map((t, i) => [t.toLowerCase(), metas[i] ?? UNKNOWN_TOKEN]));
  // Each token's frozen rows are opened once (when first needed), not once per pool.
  const frozen = new Map<number, Promise<readonly DomainDayRow[] | undefined>>();
  const frozenRows: FrozenRows = (t) => {
    let rows = frozen.get(t.epoch);
    if (!rows) frozen.set(t.epoch, (rows = readCommitment(ctx, chain.network.chainId, chain.address, t.epoch).then((c) => c?.rows)));
    return rows;
  };
  const views: PoolView[] = [];
  for (const [i, pool] of pools.entries()) {
    const own = stakes.slice(i * tokens.length, (i + 1) * tokens.length);
    views.push(await poolView(pool, tokens, own, frozenRows, now, symbols.get(pool.rewardToken.toLowerCase()) ?? UNKNOWN_TOKEN));
  }
  return views;
}

async function poolView(
  pool: PoolInfo,
  tokens: readonly OwnedToken[],
  /** The stake of each of `tokens` in this pool, in the same order. */
  stakesOf: readonly StakeInfo[],
  frozenRows: FrozenRows,
  now: bigint,
  token: TokenMetadata,
): Promise<PoolView> {
  const meta = decodePoolMetadata(pool.metadataURI);
  const stakes: PoolView['stakes'] = [];
  let best: { token: OwnedToken; points: number } | undefined;
  let reason: EligibilityReason | undefined = tokens.length === 0 ? 'no_token' : undefined;
  for (const [k, t] of tokens.entries()) {
    const stake = stakesOf[k];
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
