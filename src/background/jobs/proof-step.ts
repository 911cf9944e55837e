import { computeScope, toSolidityBatch, buildWitnessInput, type DomainDayRow } from '../../zk';
import { ZkError } from '../../zk/errors.ts';
import type { BatchProofArgs } from '../../chain/types.ts';
import { getOrCreateEpochSecrets, updateJob, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { JobError, type JobChain } from './job-chain';

/** A week's proofs ready for a contract call, as persisted in `job.result.proof` between proving and submitting. */
export interface StoredProof {
  nullifier: bigint;
  /** The week's points (the last batch's). */
  points: bigint;
  /** The SBT's week root over the batch roots. */
  weekRoot: bigint;
  batches: BatchProofArgs[];
}

export interface ProofTarget {
  rows: readonly DomainDayRow[];
  epoch: number;
  categoryMask: bigint;
  minPoints: bigint;
  verifyingContract: `0x${string}`;
  poolId: bigint;
}

/** Progress is written at most this often while proving (the popup polls the job). */
const PROGRESS_EVERY_MS = 400;

/**
 * Builds the week's batch witnesses for `target` bound to this holder, chain and
 * contract, proves each (offscreen or in the worker) and persists the proofs on
 * the job; returns the job as stored (now submitting).
 *
 * A heavy week has several batches: each proof is stored on the job as soon as it
 * is made (`result.batches`), so a worker that dies between proofs resumes with the
 * next one. The witnesses are deterministic (sorted rows, blinds derived from the
 * vault's secret), so a stored proof is reused only while its public signals still
 * match what the rows give. `progress` spans all of the week's proofs;
 * `result.proofsDone` / `result.proofsTotal` say which one is running.
 */
export async function proveForJob(ctx: WorkerContext, job: JobRecord, chain: JobChain, target: ProofTarget): Promise<JobRecord> {
  const secrets = await getOrCreateEpochSecrets(ctx.db, ctx.now(), { sealer: await ctx.lock.sealer(), opener: await ctx.lock.opener() });
  const scope = computeScope({
    chainId: chain.network.chainId,
    verifyingContract: target.verifyingContract,
    poolId: target.poolId,
    epoch: target.epoch,
    holder: chain.address,
  });
  const batchSize = chain.network.deployment.verifier.batchSize;
  let witness;
  try {
    witness = buildWitnessInput(target.rows, {
      epoch: target.epoch,
      categoryMask: target.categoryMask,
      minPoints: target.minPoints,
      scope,
      secrets,
      batchSize,
    });
  } catch (err) {
    if (err instanceof ZkError && err.reason === 'not-enough-points') {
      throw new JobError(job.kind === 'mint' ? 'nothing_to_mint' : 'not_eligible', err.message, { cause: err });
    }
    throw err;
  }
  const total = witness.batches.length;
  const proven = (parseBatches(job.result?.batches) ?? []).slice(0, total);
  // Keep the stored prefix that still matches these witnesses (same roots, points and chain).
  let kept = 0;
  while (kept < proven.length && sameBatch(proven[kept], witness.batches[kept])) kept++;
  proven.length = kept;

  for (const batch of witness.batches.slice(kept)) {
    const i = batch.index;
    job = await updateJob(
      ctx.db,
      job.id,
      { progress: Math.floor((i / total) * 100), result: { ...job.result, proofsDone: i, proofsTotal: total } },
      ctx.now(),
    );
    let last = 0;
    const result = await ctx.prover.prove(batch.input, batchSize, (p) => {
      const now = ctx.now();
      if (p.stage !== 'proving' || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      const overall = ((i + Math.min(99, p.percent) / 100) / total) * 100;
      void updateJob(ctx.db, job.id, { progress: Math.min(99, Math.round(overall)) }, now).catch(() => undefined);
    });
    proven.push(toSolidityBatch(batch, result.proof));
    job = await updateJob(
      ctx.db,
      job.id,
      { result: { ...job.result, batches: serializeProof(proven), proofsDone: i + 1, proofsTotal: total } },
      ctx.now(),
    );
  }

  const stored: StoredProof = {
    nullifier: witness.nullifier,
    points: witness.points,
    weekRoot: witness.commitment.weekRoot,
    batches: proven,
  };
  const { batches: _proven, ...rest } = job.result ?? {};
  return updateJob(ctx.db, job.id, { state: 'submitting', progress: 0, result: { ...rest, proof: serializeProof(stored) } }, ctx.now());
}

function sameBatch(stored: BatchProofArgs, w: { batch: { root: bigint }; points: bigint; accOut: bigint; fingerprint: bigint; totalsCommitment: bigint }): boolean {
  return (
    stored.root === w.batch.root &&
    stored.points === w.points &&
    stored.accOut === w.accOut &&
    stored.fingerprint === w.fingerprint &&
    stored.totalsCommitment === w.totalsCommitment
  );
}

function serializeProof(p: unknown): string {
  return JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

function parseBigJson(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
}

function parseBatches(text: unknown): BatchProofArgs[] | undefined {
  if (typeof text !== 'string') return undefined;
  const value = parseBigJson(text);
  return Array.isArray(value) ? (value as BatchProofArgs[]) : undefined;
}

export function parseStoredProof(text: unknown): StoredProof | undefined {
  if (typeof text !== 'string') return undefined;
  const value = parseBigJson(text) as Partial<StoredProof>;
  // A proof stored by a version before week batches has no `batches`: prove again.
  if (!Array.isArray(value.batches) || typeof value.nullifier !== 'bigint') return undefined;
  return value as StoredProof;
}
