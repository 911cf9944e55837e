import type { EarnState, JobView, PoolView, StakePreview } from '../../shared/earning-messages';
import type { Reply, UiMessage } from '../../shared/messages';
import { categoriesInMask } from '../../shared/categories';
import { readPool } from '../../chain/read-pool.ts';
import { scoreDomainDays } from '../../scoring/score.ts';
import { KeyringError } from '../../keyring';
import { fail, ok, type WorkerContext } from '../context';
import { epochToMint, readEarnState } from '../earn/earn-state';
import { readPoolViews } from '../earn/pools-view';
import { JobError, openJob, ownedTokens, readCommitment, resumeOpenJobs, runJob, toJobView } from '../jobs';
import type { JobChain } from '../jobs/job-chain';
import { asAddress } from '../jobs/masks';
import { createNetworkPublicClient, NetworkError } from '../network';
import { ChainError } from '../../chain/errors.ts';
import { BaseError as ViemBaseError } from 'viem';
import type { JobKind, JobRecord } from '../../vault';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/** The chain and holder every earning handler works with; the vault must be unlocked. */
async function connect(ctx: WorkerContext): Promise<JobChain> {
  const state = await ctx.lock.state();
  if (!state.setUp) throw new KeyringError('not_set_up');
  if (state.locked || !state.address) throw new KeyringError('locked');
  const network = await ctx.network.current();
  return { network, client: createNetworkPublicClient(network), address: asAddress(state.address) };
}

/** Errors a handler answers with (typed codes the UI localises); anything else propagates to the router. */
async function guard<T>(work: () => Promise<T>): Promise<Reply<T>> {
  try {
    return ok(await work());
  } catch (err) {
    if (err instanceof JobError) return fail(err.code as never, err.message);
    if (err instanceof NetworkError) return fail(err.code, err.message);
    if (err instanceof ChainError) return fail('network_unavailable', err.message);
    // A viem error that is not a decoded revert: the node did not answer as expected.
    if (err instanceof ViemBaseError) return fail('network_unavailable', err.shortMessage);
    throw err;
  }
}

/** Opens (or finds) the job for an intent and starts it without waiting: the popup polls ui/job. */
async function startJob(ctx: WorkerContext, chain: JobChain, kind: JobKind, key: string, params: JobRecord['params']): Promise<JobView> {
  const { job } = await openJob(ctx.db, kind, key, { ...params, chainId: chain.network.chainId, address: chain.address }, ctx.now());
  void runJob(ctx, job.id);
  return toJobView(job);
}

export const handleEarnState = (ctx: WorkerContext): Promise<Reply<EarnState>> =>
  guard(async () => {
    const chain = await connect(ctx);
    void resumeOpenJobs(ctx);
    return readEarnState(ctx, chain);
  });

export const handleProveNow = (ctx: WorkerContext, msg: Msg<'ui/prove-now'>): Promise<Reply<JobView>> =>
  guard(async () => {
    const chain = await connect(ctx);
    const state = await readEarnState(ctx, chain);
    const epoch = msg.epoch ?? epochToMint(state);
    const target = state.epochs.find((e) => e.epoch === epoch);
    if (epoch === undefined || !target || !target.finished || target.minted || target.points === 0) {
      throw new JobError('nothing_to_mint', epoch === undefined ? 'no finished week with points' : `week ${epoch} cannot be minted now`);
    }
    return startJob(ctx, chain, 'mint', `${chain.network.chainId}:${chain.address}:${epoch}`, { epoch });
  });

export const handlePools = (ctx: WorkerContext): Promise<Reply<PoolView[]>> =>
  guard(async () => readPoolViews(ctx, await connect(ctx)));

/** Exactly what a stake makes public: the address, the token (epoch, root: public since mint) and the pool weight. */
export const handleStakePreview = (ctx: WorkerContext, msg: Msg<'ui/stake-preview'>): Promise<Reply<StakePreview>> =>
  guard(async () => {
    const chain = await connect(ctx);
    const tokenId = BigInt(msg.tokenId);
    const token = (await ownedTokens(ctx, chain)).find((t) => t.tokenId === tokenId);
    if (!token) throw new JobError('not_eligible', 'this vault holds no live data token with that id');
    const pool = await readPool(chain.client, { pool: asAddress(msg.pool) });
    const frozen = await readCommitment(ctx, chain.network.chainId, chain.address, token.epoch);
    if (!frozen) throw new JobError('not_eligible', 'no commitment for that token in this vault');
    const points = scoreDomainDays(frozen.rows, pool.categoryMask);
    if (points < Number(pool.minPoints) || points === 0) throw new JobError('not_eligible', 'not enough points in this pool\'s categories');
    return {
      address: chain.address,
      pool: pool.address,
      tokenId: msg.tokenId,
      epoch: token.epoch,
      root: frozen.record.root,
      categories: categoriesInMask(pool.categoryMask),
      points,
    };
  });

export const handleStake = (ctx: WorkerContext, msg: Msg<'ui/stake'>): Promise<Reply<JobView>> =>
  guard(async () => {
    const chain = await connect(ctx);
    const tokenId = BigInt(msg.tokenId);
    if (!(await ownedTokens(ctx, chain)).some((t) => t.tokenId === tokenId)) {
      throw new JobError('not_eligible', 'this vault holds no live data token with that id');
    }
    return startJob(ctx, chain, 'stake', `${msg.pool.toLowerCase()}:${msg.tokenId}`, { pool: msg.pool, tokenId: msg.tokenId });
  });

const poolCall = (kind: 'unstake' | 'claim') => (ctx: WorkerContext, msg: Msg<'ui/unstake'> | Msg<'ui/claim'>) =>
  guard(async () => {
    const chain = await connect(ctx);
    return startJob(ctx, chain, kind, `${msg.pool.toLowerCase()}:${msg.tokenId}`, { pool: msg.pool, tokenId: msg.tokenId });
  });

export const handleUnstake = poolCall('unstake');
export const handleClaim = poolCall('claim');

export const handleExit = (ctx: WorkerContext): Promise<Reply<JobView>> =>
  guard(async () => {
    const chain = await connect(ctx);
    return startJob(ctx, chain, 'exit', `${chain.network.chainId}:${chain.address}`, {});
  });

export const handleJob = async (ctx: WorkerContext, msg: Msg<'ui/job'>): Promise<Reply<JobView>> => {
  const job = await ctx.db.jobs.get(msg.id);
  if (!job) return fail('job_not_found', `no job ${msg.id}`);
  void resumeOpenJobs(ctx);
  return ok(toJobView(job));
};
