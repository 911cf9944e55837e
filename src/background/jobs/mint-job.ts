import { ALL_MASK, asAddress } from './masks';
import { MINT_SBT_ACTION, mintSbtCall } from '../../chain/mint-sbt.ts';
import { sbtTokenId } from '../../chain/token-id.ts';
import { readDataToken } from '../../chain/read-data-token.ts';
import { sendContractWriteOnce } from '../../chain/send-once.ts';
import { buildEpochCommitment, MINT_POOL_ID, ZkError } from '../../zk';
import { scoreDomainDays } from '../../scoring/score.ts';
import { assertJobKind, getOrCreateEpochSecrets, readEpochDomainDays, updateJob, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { chainEpoch, connectJob, JobError, txOptions } from './job-chain';
import { freezeCommitment, readCommitment } from './commitments';
import { parseStoredProof, proveForJob } from './proof-step';

/**
 * One step of a mint job (docs/earning.md "Prove and mint"):
 * building → freeze the epoch's rows → proving → submitting → confirming → done.
 * Each call advances one state and returns the job as stored.
 */
export async function advanceMint(ctx: WorkerContext, job: JobRecord): Promise<JobRecord> {
  const chain = await connectJob(ctx, job);
  assertJobKind(job, 'mint');
  const { epoch } = job.params;
  const sbt = asAddress(chain.network.deployment.contracts.dataSbt);
  const now = () => ctx.now();

  if (job.state === 'queued' || job.state === 'building') {
    if (job.state === 'queued') job = await updateJob(ctx.db, job.id, { state: 'building', progress: 0 }, now());
    if (epoch >= (await chainEpoch(chain))) {
      throw new JobError('nothing_to_mint', `Week ${epoch} has not finished on chain yet.`);
    }
    const { token, everMinted } = await readDataToken(chain.client, { sbt, holder: chain.address, epoch: BigInt(epoch) });
    if (token) {
      return updateJob(ctx.db, job.id, { state: 'done', progress: 100, result: { tokenId: token.tokenId.toString(), already: true } }, now());
    }
    if (everMinted) throw new JobError('nothing_to_mint', `The data token of week ${epoch} was burned; a week is minted only once.`);
    const opener = await ctx.lock.opener();
    const rows = await readEpochDomainDays(ctx.db, opener, epoch);
    const points = scoreDomainDays(rows);
    if (points < 1) throw new JobError('nothing_to_mint', `Week ${epoch} has no points to prove.`);
    const sealer = await ctx.lock.sealer();
    const secrets = await getOrCreateEpochSecrets(ctx.db, now(), { sealer, opener });
    let commitment;
    try {
      commitment = buildEpochCommitment(rows, secrets, { epoch, batchSize: chain.network.deployment.verifier.batchSize });
    } catch (err) {
      if (err instanceof ZkError && err.reason === 'too-many-leaves') throw new JobError('week_too_large', err.message, { cause: err });
      throw err;
    }
    await freezeCommitment(
      ctx,
      { chainId: chain.network.chainId, address: chain.address, epoch, root: commitment.weekRoot, points, rows: commitment.batches.flatMap((b) => b.rows) },
      sealer,
    );
    return updateJob(ctx.db, job.id, { state: 'proving', progress: 0 }, now());
  }

  if (job.state === 'proving') {
    const frozen = await readCommitment(ctx, chain.network.chainId, chain.address, epoch);
    if (!frozen) return updateJob(ctx.db, job.id, { state: 'building' }, now());
    return proveForJob(ctx, job, chain, {
      rows: frozen.rows,
      epoch,
      categoryMask: ALL_MASK,
      minPoints: 1n,
      verifyingContract: sbt,
      poolId: MINT_POOL_ID,
    });
  }

  // submitting | confirming
  const proof = parseStoredProof(job.result?.proof);
  if (!proof) return updateJob(ctx.db, job.id, { state: 'proving', tx: undefined }, now());
  await sendContractWriteOnce(
    chain.client,
    MINT_SBT_ACTION,
    mintSbtCall({ sbt, epoch: BigInt(epoch), nullifier: proof.nullifier, batches: proof.batches }),
    await txOptions(ctx, job),
  );
  // Fixed by the contract (DataSBT.tokenIdOf(msg.sender, epoch)); the sender is this holder.
  const tokenId = sbtTokenId(chain.address, BigInt(epoch));
  return updateJob(
    ctx.db,
    job.id,
    { state: 'done', progress: 100, error: undefined, result: { tokenId: tokenId.toString(), root: `0x${proof.weekRoot.toString(16)}`, points: Number(proof.points), proofs: proof.batches.length } },
    now(),
  );
}
