import { BURN_DATA_TOKEN_ACTION, burnDataTokenCall } from '../../chain/burn-data-token.ts';
import { listPools } from '../../chain/list-pools.ts';
import { readStake } from '../../chain/read-rewards.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import { UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall } from '../../chain/unstake-from-pool.ts';
import { assertJobKind, clearEpochSecrets, deleteVaultData, parseExitPlan, updateJob, type ExitAction, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { ownedTokens } from './commitments';
import { connectJob, txOptions, type JobChain } from './job-chain';
import { asAddress } from './masks';


/**
 * The exit flow (docs/earning.md "Exit"): the plan is computed once at
 * building and kept on the job; each step is one transaction (sent once) or
 * the final wipe of the vault. Unstaking pays out what each stake earned.
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
  if (action.do === 'unstake') {
    await sendContractWriteOnce(chain.client, UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall({ pool: action.pool, tokenId: BigInt(action.tokenId) }), options);
  } else {
    const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
    await sendContractWriteOnce(chain.client, BURN_DATA_TOKEN_ACTION, burnDataTokenCall({ sbt, tokenId: BigInt(action.tokenId) }), options);
  }
  return updateJob(ctx.db, job.id, { state: 'submitting', step: job.step + 1, tx: undefined, progress }, ctx.now());
}

async function planExit(ctx: WorkerContext, chain: JobChain): Promise<ExitAction[]> {
  const live = (await ownedTokens(ctx, chain)).map((t) => t.tokenId);
  const unstakes: ExitAction[] = [];
  for (const pool of await listPools(chain.client, { factory: asAddress(chain.network.deployment.contracts.poolFactory) })) {
    for (const tokenId of live) {
      const stake = await readStake(chain.client, { pool: pool.address, tokenId });
      if (stake.status === 'staked') unstakes.push({ do: 'unstake', pool: pool.address, tokenId: tokenId.toString() });
    }
  }
  return [...unstakes, ...live.map((t): ExitAction => ({ do: 'burn', tokenId: t.toString() })), { do: 'wipe' }];
}
