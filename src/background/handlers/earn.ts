import type { EarnState, JobView, PoolView, StakePreview } from '../../shared/earning-messages';
import type { Reply, UiMessage } from '../../shared/messages';
import { categoriesInMask } from '../../shared/categories';
import { readPool } from '../../chain/read-pool.ts';
import { scoreForPool } from '../../scoring/pool-eligibility.ts';
import { KeyringError } from '../../keyring';
import { fail, failWith, ok, type WorkerContext } from '../context';
import { epochToMint, readEarnState } from '../earn/earn-state';
import { readPoolViews } from '../earn/pools-view';
import { JobError, ownedTokens, readCommitment, resumeOpenJobs, runJob, toJobView } from '../jobs';
import type { JobChain } from '../jobs/job-chain';
import { asAddress } from '../jobs/masks';
import { assertFactoryPool } from '../jobs/stake-job';
import { buildStakeDelivery } from '../jobs/delivery';
import { decodePoolMetadata } from '../../chain/pool-metadata.ts';
import { createNetworkPublicClient } from '../network';
import { getJob, openJob, type JobKind, type JobParamsInput } from '../../vault';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/** The chain and holder every earning handler works with; the vault must be unlocked. */
async function connect(ctx: WorkerContext): Promise<JobChain> {
  const state = await ctx.lock.state();
  if (!state.setUp) throw new KeyringError('not_set_up');
  if (state.locked || !state.address) throw new KeyringError('locked');
  const network = await ctx.network.current();
  return { network, client: createNetworkPublicClient(network), address: asAddress(state.address) };
}

/** Whatever an earning handler throws is answered through the one mapping (failWith). */
async function guard<T>(what: UiMessage['type'], work: () => Promise<T>): Promise<Reply<T>> {
  try {
    return ok(await work());
  } catch (err) {
    return failWith(err, what);
  }
}

/** What a job-starting handler asks for: one job per kind and key while it is open; params typed per kind (chain and holder are added). */
type JobIntent = {
  [K in JobKind]: { kind: K; key: string; params: Omit<JobParamsInput<K>, 'chainId' | 'address'> };
}[JobKind];

/** A handler that may open a job; the tag lets the worker derive which messages do (handlers/index.ts). */
export interface JobStartingHandler<M> {
  (ctx: WorkerContext, msg: M): Promise<Reply<JobView>>;
  readonly startsJob: true;
}

/** Whether a registered handler was built by jobStarter, i.e. may open a job. */
export const startsJob = (handler: unknown): boolean =>
  typeof handler === 'function' && (handler as { startsJob?: unknown }).startsJob === true;

/**
 * Builds a job-starting handler: `plan` checks the request and names the
 * intent; the job for it is opened (or found) and started without waiting
 * (the popup polls ui/job). This is the only place a handler opens a job
 * (tests/unit/job-starting.test.ts), so every such handler carries the tag.
 */
function jobStarter<M>(
  what: UiMessage['type'],
  plan: (ctx: WorkerContext, chain: JobChain, msg: M) => Promise<JobIntent>,
): JobStartingHandler<M> {
  const handler = (ctx: WorkerContext, msg: M): Promise<Reply<JobView>> =>
    guard(what, async () => {
      const chain = await connect(ctx);
      const { kind, key, params } = await plan(ctx, chain, msg);
      const { job } = await openJob(ctx.db, kind, key, { ...params, chainId: chain.network.chainId, address: chain.address }, ctx.now());
      void runJob(ctx, job.id);
      return toJobView(job);
    });
  return Object.assign(handler, { startsJob: true as const });
}

export const handleEarnState = (ctx: WorkerContext): Promise<Reply<EarnState>> =>
  guard('ui/earn-state', async () => {
    const chain = await connect(ctx);
    void resumeOpenJobs(ctx);
    return readEarnState(ctx, chain);
  });

export const handleProveNow = jobStarter<Msg<'ui/prove-now'>>('ui/prove-now', async (ctx, chain, msg) => {
  const state = await readEarnState(ctx, chain);
  const epoch = msg.epoch ?? epochToMint(state);
  const target = state.epochs.find((e) => e.epoch === epoch);
  if (epoch === undefined || !target || !target.finished || target.minted || target.points === 0) {
    throw new JobError('nothing_to_mint', epoch === undefined ? 'no finished week with points' : `week ${epoch} cannot be minted now`);
  }
  return { kind: 'mint', key: `${chain.network.chainId}:${chain.address}:${epoch}`, params: { epoch } };
});

export const handlePools = (ctx: WorkerContext): Promise<Reply<PoolView[]>> =>
  guard('ui/pools', async () => readPoolViews(ctx, await connect(ctx)));

/** Exactly what a stake makes public: the address, the token (epoch, root: public since mint) and the pool weight. */
/**
 * The intent key of a stake, unstake or claim: chain, pool and token. With
 * CREATE2 the same pool address exists on every chain, so the chain id keeps a
 * job on one network from being handed back for the same pool on another.
 */
export const poolJobKey = (chain: Pick<JobChain, 'network'>, msg: { pool: string; tokenId: string }): string =>
  `${chain.network.chainId}:${msg.pool.toLowerCase()}:${msg.tokenId}`;

export const handleStakePreview = (ctx: WorkerContext, msg: Msg<'ui/stake-preview'>): Promise<Reply<StakePreview>> =>
  guard('ui/stake-preview', async () => {
    const chain = await connect(ctx);
    const tokenId = BigInt(msg.tokenId);
    const token = (await ownedTokens(ctx, chain)).find((t) => t.tokenId === tokenId);
    if (!token) throw new JobError('not_eligible', 'this vault holds no live data token with that id');
    const pool = await readPool(chain.client, { pool: asAddress(msg.pool) });
    const frozen = await readCommitment(ctx, chain.network.chainId, chain.address, token.epoch);
    if (!frozen) throw new JobError('not_eligible', 'no commitment for that token in this vault');
    const { points, eligible } = scoreForPool(frozen.rows, pool);
    if (!eligible) throw new JobError('not_eligible', 'not enough points in this pool\'s categories');
    const delivery = await buildStakeDelivery(ctx, chain, pool, frozen.rows, token.epoch);
    const terms = delivery ? (decodePoolMetadata(pool.metadataURI)?.terms ?? '') : '';
    return {
      ...(delivery && pool.deliveryTier !== 'none'
        ? {
            delivery: {
              tier: pool.deliveryTier,
              sponsor: pool.sponsor,
              key: pool.deliveryKey,
              reviewSeconds: pool.reviewPeriod,
              terms,
              rows: delivery.description.rows,
              ...(delivery.description.totals ? { totals: delivery.description.totals } : {}),
              envelopeBytes: delivery.description.envelopeBytes,
              digest: delivery.digest,
            },
          }
        : {}),
      address: chain.address,
      pool: pool.address,
      tokenId: msg.tokenId,
      epoch: token.epoch,
      root: frozen.record.root,
      categories: categoriesInMask(pool.categoryMask),
      points,
    };
  });

export const handleStake = jobStarter<Msg<'ui/stake'>>('ui/stake', async (ctx, chain, msg) => {
  const tokenId = BigInt(msg.tokenId);
  if (!(await ownedTokens(ctx, chain)).some((t) => t.tokenId === tokenId)) {
    throw new JobError('not_eligible', 'this vault holds no live data token with that id');
  }
  await assertFactoryPool(chain, asAddress(msg.pool));
  const pool = await readPool(chain.client, { pool: asAddress(msg.pool) });
  if (pool.deliveryTier !== 'none' && !msg.consent) {
    throw new JobError('consent_required', 'this pool receives data: the stake needs the digest of the delivery the user confirmed');
  }
  return {
    kind: 'stake',
    key: poolJobKey(chain, msg),
    params: { pool: msg.pool, tokenId: msg.tokenId, ...(pool.deliveryTier !== 'none' ? { deliveryDigest: msg.consent } : {}) },
  };
});

const poolCall = (kind: 'unstake' | 'claim') =>
  jobStarter<Msg<'ui/unstake'> | Msg<'ui/claim'>>(`ui/${kind}`, async (_ctx, chain, msg) => ({
    kind,
    key: poolJobKey(chain, msg),
    params: { pool: msg.pool, tokenId: msg.tokenId },
  }));

export const handleUnstake = poolCall('unstake');
export const handleClaim = poolCall('claim');

export const handleExit = jobStarter<Msg<'ui/exit'>>('ui/exit', async (_ctx, chain) => ({
  kind: 'exit',
  key: `${chain.network.chainId}:${chain.address}`,
  params: {},
}));

export const handleJob = async (ctx: WorkerContext, msg: Msg<'ui/job'>): Promise<Reply<JobView>> => {
  const job = await getJob(ctx.db, msg.id);
  if (!job) return fail('job_not_found', `no job ${msg.id}`);
  void resumeOpenJobs(ctx);
  return ok(toJobView(job));
};
