import { CLAIM_REWARDS_ACTION, claimRewardsCall } from '../../chain/claim-rewards.ts';
import { STAKE_INTO_POOL_ACTION, stakeIntoPoolCall } from '../../chain/stake-into-pool.ts';
import { epochOfTokenId } from '../../chain/token-id.ts';
import { UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall } from '../../chain/unstake-from-pool.ts';
import { readPool } from '../../chain/read-pool.ts';
import { isFactoryPool } from '../../chain/is-factory-pool.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import { assertJobKind, updateJob, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { readCommitment } from './commitments';
import { chainTime, connectJob, JobError, txOptions, type JobChain } from './job-chain';
import { parseStoredProof, proveForJob } from './proof-step';
import { asAddress } from './masks';

/**
 * Refuses a pool the network's factory did not create (`PoolFactory.isPool`):
 * its funding, terms and exit are not ours to vouch for. The stake handler and
 * the stake job both check, so a job opened by an older version is refused too.
 */
export async function assertFactoryPool(chain: Pick<JobChain, 'client' | 'network'>, pool: `0x${string}`): Promise<void> {
  const factory = asAddress(chain.network.deployment.contracts.poolFactory);
  if (!(await isFactoryPool(chain.client, { factory, pool }))) {
    throw new JobError('unknown_pool', `The pool ${pool} was not created by this network's pool factory; it is refused.`);
  }
}

/**
 * One step of a stake job: building (the pool's terms, the frozen rows of the
 * token's epoch) → proving (the pool's mask and minimum, scope of this pool) →
 * submitting → confirming → done. The epoch is read from the token id.
 */
export async function advanceStake(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  assertJobKind(job, 'stake');
  const chain = await connectJob(ctx, job);
  const { pool } = job.params;
  const tokenId = BigInt(job.params.tokenId);
  const epoch = Number(epochOfTokenId(tokenId));
  const now = () => ctx.now();

  if (job.state === 'queued' || job.state === 'building') {
    await assertFactoryPool(chain, pool);
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
      categoryMask: BigInt(job.params.categoryMask ?? missingTerm('categoryMask')),
      minPoints: BigInt(job.params.minPoints ?? missingTerm('minPoints')),
      verifyingContract: pool,
      poolId: BigInt(job.params.poolId ?? missingTerm('poolId')),
    });
  }

  const proof = parseStoredProof(job.result?.proof);
  if (!proof) return updateJob(ctx.db, job.id, { state: 'proving', tx: undefined }, now());
  await sendContractWriteOnce(
    chain.client,
    STAKE_INTO_POOL_ACTION,
    stakeIntoPoolCall({ pool, tokenId, nullifier: proof.nullifier, batches: proof.batches }),
    await txOptions(ctx, job),
  );
  return updateJob(ctx.db, job.id, { state: 'done', progress: 100, error: undefined, result: { weight: proof.points.toString() } }, now());
}

/** unstake or claim: one transaction, no proof. */
export async function advancePoolCall(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  assertJobKind(job, 'unstake', 'claim');
  const chain = await connectJob(ctx, job);
  const { pool } = job.params;
  const tokenId = BigInt(job.params.tokenId);
  if (job.state === 'queued' || job.state === 'building' || job.state === 'proving') {
    job = await updateJob(ctx.db, job.id, { state: 'submitting', progress: 0 }, ctx.now());
  }
  const options = await txOptions(ctx, job);
  if (job.kind === 'unstake') await sendContractWriteOnce(chain.client, UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall({ pool, tokenId }), options);
  else await sendContractWriteOnce(chain.client, CLAIM_REWARDS_ACTION, claimRewardsCall({ pool, tokenId }), options);
  return updateJob(ctx.db, job.id, { state: 'done', progress: 100, error: undefined }, ctx.now());
}

/** The pool's terms are stored when building; a proving job without them was written by a bug. */
function missingTerm(name: string): never {
  throw new JobError('internal', `This stake job lost the pool's ${name}; start the stake again.`);
}
