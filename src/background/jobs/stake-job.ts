import { dataStakingPoolAbi } from '../../chain/generated/index.ts';
import { readPool } from '../../chain/read-pool.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import type { JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { readCommitment } from './commitments';
import { chainTime, connectJob, JobError, txOptions } from './job-chain';
import { updateJob } from './job-store';
import { parseStoredProof, proveForJob } from './proof-step';

/**
 * One step of a stake job: building (the pool's terms, the frozen rows of the
 * token's epoch) → proving (the pool's mask and minimum, scope of this pool) →
 * submitting → confirming → done. Token id = holder << 96 | epoch.
 */
export async function advanceStake(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  const chain = await connectJob(ctx, job);
  const pool = String(job.params.pool) as `0x${string}`;
  const tokenId = BigInt(String(job.params.tokenId));
  const epoch = Number(tokenId & ((1n << 96n) - 1n));
  const now = () => ctx.now();

  if (job.state === 'queued' || job.state === 'building') {
    const info = await readPool(chain.client, { pool });
    if ((await chainTime(chain)) >= info.end) throw new JobError('not_eligible', 'This pool has ended.');
    return updateJob(
      ctx.db,
      job.id,
      {
        state: 'proving',
        progress: 0,
        params: { ...job.params, categoryMask: info.categoryMask.toString(), minPoints: info.minPoints.toString(), poolId: info.poolId.toString() },
      },
      now(),
    );
  }

  if (job.state === 'proving') {
    const frozen = await readCommitment(ctx, chain.network.chainId, chain.address, epoch);
    if (!frozen) throw new JobError('not_eligible', `This vault has no commitment for week ${epoch}: mint it from this vault first.`);
    return proveForJob(ctx, job, chain, {
      rows: frozen.rows,
      epoch,
      categoryMask: BigInt(String(job.params.categoryMask)),
      minPoints: BigInt(String(job.params.minPoints)),
      verifyingContract: pool,
      poolId: BigInt(String(job.params.poolId)),
    });
  }

  const proof = parseStoredProof(job.result?.proof);
  if (!proof) return updateJob(ctx.db, job.id, { state: 'proving', tx: undefined }, now());
  await sendContractWriteOnce(
    chain.client,
    'Stake',
    { address: pool, abi: dataStakingPoolAbi, functionName: 'stake', args: [tokenId, proof.nullifier, proof.points, proof.proof] },
    await txOptions(ctx, job),
  );
  return updateJob(ctx.db, job.id, { state: 'done', progress: 100, error: undefined, result: { weight: proof.points.toString() } }, now());
}

/** unstake or claim: one transaction, no proof. */
export async function advancePoolCall(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  const chain = await connectJob(ctx, job);
  const pool = String(job.params.pool) as `0x${string}`;
  const tokenId = BigInt(String(job.params.tokenId));
  const functionName = job.kind === 'unstake' ? 'unstake' : 'claim';
  if (job.state === 'queued' || job.state === 'building' || job.state === 'proving') {
    job = await updateJob(ctx.db, job.id, { state: 'submitting', progress: 0 }, ctx.now());
  }
  await sendContractWriteOnce(
    chain.client,
    functionName === 'unstake' ? 'Unstake' : 'Claim rewards',
    { address: pool, abi: dataStakingPoolAbi, functionName, args: [tokenId] },
    await txOptions(ctx, job),
  );
  return updateJob(ctx.db, job.id, { state: 'done', progress: 100, error: undefined }, ctx.now());
}
