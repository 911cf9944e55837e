import { dataSBTAbi, dataStakingPoolAbi } from '../../chain/generated/index.ts';
import { listPools } from '../../chain/list-pools.ts';
import { readStake } from '../../chain/read-rewards.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import { deleteVaultData, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { ownedTokens } from './commitments';
import { connectJob, txOptions, type JobChain } from './job-chain';
import { asAddress } from './masks';
import { updateJob } from './job-store';

/** One action of the exit plan, in order: every unstake, then every burn, then the wipe. */
type ExitAction = { do: 'unstake'; pool: `0x${string}`; tokenId: string } | { do: 'burn'; tokenId: string } | { do: 'wipe' };

/**
 * The exit flow (docs/earning.md "Exit"): the plan is computed once at
 * building and kept on the job; each step is one transaction (sent once) or
 * the final wipe of the vault. Unstaking pays out what each stake earned.
 */
export async function advanceExit(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  const chain = await connectJob(ctx, job);
  if (job.state === 'queued' || job.state === 'building') {
    const plan = await planExit(ctx, chain);
    return updateJob(ctx.db, job.id, { state: 'submitting', step: 0, progress: 0, params: { ...job.params, plan: JSON.stringify(plan) } }, ctx.now());
  }
  const plan = JSON.parse(String(job.params.plan)) as ExitAction[];
  const action = plan[job.step];
  const progress = Math.round((100 * job.step) / plan.length);
  if (!action || action.do === 'wipe') {
    await deleteVaultData(ctx.db, { keepJobId: job.id });
    await ctx.db.secrets.clear();
    return updateJob(ctx.db, job.id, { state: 'done', progress: 100, tx: undefined, error: undefined }, ctx.now());
  }
  const options = await txOptions(ctx, job);
  if (action.do === 'unstake') {
    await sendContractWriteOnce(
      chain.client,
      'Unstake',
      { address: action.pool, abi: dataStakingPoolAbi, functionName: 'unstake', args: [BigInt(action.tokenId)] },
      options,
    );
  } else {
    await sendContractWriteOnce(
      chain.client,
      'Burn data token',
      { address: asAddress(chain.network.deployment.contracts.dataSbt), abi: dataSBTAbi, functionName: 'burn', args: [BigInt(action.tokenId)] },
      options,
    );
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
