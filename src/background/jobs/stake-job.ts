import { CLAIM_REWARDS_ACTION, claimRewardsCall } from '../../chain/claim-rewards.ts';
import { STAKE_INTO_POOL_ACTION, stakeIntoPoolCall } from '../../chain/stake-into-pool.ts';
import { epochOfTokenId } from '../../chain/token-id.ts';
import { UNSTAKE_FROM_POOL_ACTION, unstakeFromPoolCall } from '../../chain/unstake-from-pool.ts';
import { readPool } from '../../chain/read-pool.ts';
import { isFactoryPool } from '../../chain/is-factory-pool.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import { assertJobKind, getJob, updateJob, type JobRecord } from '../../vault';
import { buildStakeDelivery, sealConsentedDelivery } from './delivery';
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
  const envelope = await deliveryEnvelope(ctx, job, chain, tokenId, epoch);
  if (envelope === undefined) return getJob(ctx.db, job.id).then((j) => j ?? job);
  await sendContractWriteOnce(
    chain.client,
    STAKE_INTO_POOL_ACTION,
    stakeIntoPoolCall({ pool, tokenId, nullifier: proof.nullifier, batches: proof.batches, envelope }),
    await txOptions(ctx, job),
  );
  return updateJob(ctx.db, job.id, { state: 'done', progress: 100, error: undefined, result: { weight: proof.points.toString() } }, now());
}

/**
 * The stake's envelope: '0x' for a pool without delivery. For a delivery pool it
 * is sealed once, after the proofs and before anything is signed, and stored on
 * the job (`result.envelope`), so a resumed job sends identical bytes (sealing
 * again would make a second, different delivery). Returns undefined right after
 * storing it: the next step sends it.
 */
async function deliveryEnvelope(ctx: WorkerContext, job: Extract<JobRecord, { kind: 'stake' }>, chain: JobChain, tokenId: bigint, epoch: number): Promise<`0x${string}` | undefined> {
  const stored = job.result?.envelope;
  if (typeof stored === 'string' && stored.startsWith('0x')) return stored as `0x${string}`;
  if (job.tx) return '0x'; // signed by a version before deliveries: its bytes are what they are
  const pool = job.params.pool;
  const info = await readPool(chain.client, { pool });
  if (info.deliveryTier === 'none') return '0x';
  const frozen = await readCommitment(ctx, chain.network.chainId, chain.address, epoch);
  if (!frozen) throw new JobError('not_eligible', `This vault has no commitment for week ${epoch}: mint it from this vault first.`);
  const delivery = await buildStakeDelivery(ctx, chain, info, frozen.rows, epoch);
  const envelope = await sealConsentedDelivery(delivery!, job.params.deliveryDigest, {
    chainId: chain.network.chainId, pool, tokenId, epoch, holder: chain.address, deliveryKey: info.deliveryKey,
  });
  await updateJob(ctx.db, job.id, { result: { ...job.result, envelope } }, ctx.now());
  return undefined;
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
