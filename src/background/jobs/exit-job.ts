import { BURN_DATA_TOKEN_ACTION, burnDataTokenCall } from '../../chain/burn-data-token.ts';
import { ChainError } from '../../chain/errors.ts';
import { forfeitedIn, forfeitedOnChain, LEAVE_POOL_ACTION, leavePoolCall } from '../../chain/leave-pool.ts';
import { listPools } from '../../chain/list-pools.ts';
import { readPool } from '../../chain/read-pool.ts';
import { readStake, readStakes } from '../../chain/read-rewards.ts';
import { readTokenMetadata } from '../../chain/read-token-metadata.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import { UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall } from '../../chain/unstake-from-pool.ts';
import { getBlockNumber } from 'viem/actions';
import { z } from 'zod';
import { exitForfeitSchema, type ExitForfeit } from '../../shared/earning-messages';
import { assertJobKind, clearEpochSecrets, deleteVaultData, parseExitPlan, updateJob, type ExitAction, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { ownedTokens } from './commitments';
import { connectJob, txOptions, type JobChain } from './job-chain';
import { asAddress } from './masks';


/**
 * The exit flow (docs/earning.md "Exit"): the plan is computed once at
 * building and kept on the job; each step is one transaction (sent once) or
 * the final wipe of the vault. Unstaking pays out what each stake earned.
 *
 * A pool whose reward token reverts cannot trap the exit: when an unstake is
 * refused by the chain (a revert, not a network error), the step becomes a
 * `leave` (exits without the token, forfeiting the rewards); if even that is
 * refused, the exit goes on. Both are recorded on the job (`result.forfeits`)
 * so the user is told which pool kept what.
 */
export async function advanceExit(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  assertJobKind(job, 'exit');
  const chain = await connectJob(ctx, job);
  if (job.state === 'queued' || job.state === 'building') {
    const plan = await planExit(ctx, chain);
    return updateJob(ctx.db, job.id, { state: 'submitting', step: 0, progress: 0, params: { ...job.params, plan: JSON.stringify(plan) } }, ctx.now());
  }
  const plan = parseExitPlan(job.params.plan);
  const action = plan[job.step];
  const progress = Math.round((100 * job.step) / plan.length);
  if (!action || action.do === 'wipe') {
    await deleteVaultData(ctx.db, { keepJobId: job.id });
    await clearEpochSecrets(ctx.db);
    return updateJob(ctx.db, job.id, { state: 'done', progress: 100, tx: undefined, error: undefined }, ctx.now());
  }
  const options = await txOptions(ctx, job);
  const next = { state: 'submitting' as const, step: job.step + 1, tx: undefined, progress };
  if (action.do === 'unstake') {
    try {
      await sendContractWriteOnce(chain.client, UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall({ pool: action.pool, tokenId: BigInt(action.tokenId) }), options);
    } catch (err) {
      // Already out of this pool (a resumed step): nothing to leave.
      if (isRefused(err) && (err as ChainError).revertName === 'DataStakingPool__NotStaked') return updateJob(ctx.db, job.id, next, ctx.now());
      if (!isTokenFailure(err)) throw err;
      // The pool could not pay because its reward token reverts: this step becomes a leave. What the stake
      // earned and the block are kept on the plan now, before anything is signed (see leaveForfeit).
      const [owed, fromBlock] = await Promise.all([readStake(chain.client, { pool: action.pool, tokenId: BigInt(action.tokenId) }), getBlockNumber(chain.client)]);
      const leave: ExitAction = { do: 'leave', pool: action.pool, tokenId: action.tokenId, owed: owed.pending.toString(), fromBlock: fromBlock.toString() };
      const fallback = plan.map((a, i): ExitAction => (i === job.step ? leave : a));
      return updateJob(ctx.db, job.id, { state: 'submitting', tx: undefined, params: { ...job.params, plan: JSON.stringify(fallback) } }, ctx.now());
    }
  } else if (action.do === 'leave') {
    const tokenId = BigInt(action.tokenId);
    const owed = await readStake(chain.client, { pool: action.pool, tokenId });
    let forfeit: ExitForfeit;
    try {
      const receipt = await sendContractWriteOnce(chain.client, LEAVE_POOL_ACTION, leavePoolCall({ pool: action.pool, tokenId }), options);
      // No receipt: the leave was found already on chain (send-once's dead-transaction rule), perhaps sent by
      // another wallet with this key while the worker was stopped: what it forfeited is read from the chain.
      const amount = receipt ? forfeitedIn(receipt.logs, action.pool) : await leaveForfeit(chain, action, owed.pending);
      forfeit = { pool: action.pool, tokenId: action.tokenId, left: true, amount: amount.toString() };
    } catch (err) {
      if (!isRefused(err)) throw err;
      if (owed.status !== 'staked' || (await readStake(chain.client, { pool: action.pool, tokenId })).status !== 'staked') {
        // Out of the pool already (a leave that landed while the worker was stopped, or any exit): go on,
        // reporting a forfeit when the pool's records show a leave.
        const left = await leftEvent(chain, action);
        if (left === undefined) return updateJob(ctx.db, job.id, next, ctx.now());
        forfeit = { pool: action.pool, tokenId: action.tokenId, left: true, amount: left.toString() };
      } else {
        forfeit = { pool: action.pool, tokenId: action.tokenId, left: false, amount: owed.pending.toString() };
      }
    }
    const forfeits = [...readForfeits(job), { ...forfeit, ...(await tokenOf(chain, action.pool)) }];
    return updateJob(ctx.db, job.id, { ...next, result: { ...job.result, forfeits: JSON.stringify(forfeits) } }, ctx.now());
  } else {
    const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
    await sendContractWriteOnce(chain.client, BURN_DATA_TOKEN_ACTION, burnDataTokenCall({ sbt, tokenId: BigInt(action.tokenId) }), options);
  }
  return updateJob(ctx.db, job.id, next, ctx.now());
}

/**
 * What a leave that landed without its receipt at hand forfeited: the pool's
 * `Left` event (exact); else what the stake owed when the unstake was refused
 * (kept on the plan, read before the leave was signed); else what it owes now.
 */
async function leaveForfeit(chain: JobChain, action: LeaveAction, owedNow: bigint): Promise<bigint> {
  const left = await leftEvent(chain, action);
  if (left !== undefined) return left;
  return action.owed !== undefined ? BigInt(action.owed) : owedNow;
}

type LeaveAction = Extract<ExitAction, { do: 'leave' }>;
/** What the pool's `Left` event for this stake says it forfeited, searched from the block kept on the plan; undefined without one. */
const leftEvent = (chain: JobChain, action: LeaveAction): Promise<bigint | undefined> =>
  action.fromBlock === undefined
    ? Promise.resolve(undefined)
    : forfeitedOnChain(chain.client, { pool: action.pool, tokenId: BigInt(action.tokenId), fromBlock: BigInt(action.fromBlock) });

/** The chain refused (a revert, decoded or not), as opposed to a node that did not answer (the job pauses). */
const isRefused = (err: unknown): boolean => err instanceof ChainError && err.isRevert;

/**
 * The unstake reverted in the reward token, not in our contracts: SafeERC20's
 * error or one no contract of ours defines (a token's own error, or no data).
 * Only then may the exit forfeit through `leave`; our own refusals (not the
 * holder, …) fail the job instead of silently giving rewards up.
 */
const isTokenFailure = (err: unknown): boolean =>
  isRefused(err) && !/^(DataStakingPool|DataSBT|PoolFactory)__/.test((err as ChainError).revertName ?? '');

/** What the exit recorded about pools that kept rewards (JSON on the job's result), validated. */
export function readForfeits(job: Pick<JobRecord, 'result'>): ExitForfeit[] {
  const text = job.result?.forfeits;
  if (typeof text !== 'string') return [];
  try {
    const parsed = z.array(exitForfeitSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // not JSON: written by a bug; the exit itself is unaffected
  }
}

/** The pool's reward token and, when it answers, its symbol and decimals (for the popup's text). */
async function tokenOf(chain: JobChain, pool: `0x${string}`): Promise<Pick<ExitForfeit, 'token' | 'symbol' | 'decimals'>> {
  try {
    const { rewardToken } = await readPool(chain.client, { pool });
    try {
      const { symbol, decimals } = await readTokenMetadata(chain.client, { token: rewardToken });
      return { token: rewardToken, symbol, decimals };
    } catch {
      return { token: rewardToken };
    }
  } catch {
    return {};
  }
}

async function planExit(ctx: WorkerContext, chain: JobChain): Promise<ExitAction[]> {
  const live = (await ownedTokens(ctx, chain)).map((t) => t.tokenId);
  // Batched reads (src/chain/read-many.ts): every pool, then every (pool, token) stake, in a few round trips.
  const pools = await listPools(chain.client, { factory: asAddress(chain.network.deployment.contracts.poolFactory) });
  const pairs = pools.flatMap((pool) => live.map((tokenId) => ({ pool: pool.address, tokenId })));
  const stakes = await readStakes(chain.client, { stakes: pairs });
  const unstakes = pairs.flatMap((p, i): ExitAction[] =>
    stakes[i].status === 'staked' ? [{ do: 'unstake', pool: p.pool, tokenId: p.tokenId.toString() }] : []);
  return [...unstakes, ...live.map((t): ExitAction => ({ do: 'burn', tokenId: t.toString() })), { do: 'wipe' }];
}
