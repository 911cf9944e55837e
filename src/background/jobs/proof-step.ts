import { computeScope, toSolidityProof, buildWitnessInput, type DomainDayRow, type SolidityProof } from '../../zk';
import { ZkError } from '../../zk/errors.ts';
import { getOrCreateEpochSecrets, updateJob, type JobRecord } from '../../vault';
import type { WorkerContext } from '../context';
import { JobError, type JobChain } from './job-chain';

/** A proof ready for a contract call, as persisted in `job.result.proof` between proving and submitting. */
export interface StoredProof {
  proof: SolidityProof;
  nullifier: bigint;
  points: bigint;
  root: bigint;
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
 * Builds the witness for `target` bound to this holder, chain and contract,
 * proves it (offscreen or in the worker) and persists the proof on the job;
 * returns the job as stored (now submitting).
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
  let witness;
  try {
    witness = buildWitnessInput(target.rows, {
      epoch: target.epoch,
      categoryMask: target.categoryMask,
      minPoints: target.minPoints,
      scope,
      secrets,
      batchSize: chain.network.deployment.verifier.batchSize,
    });
  } catch (err) {
    if (err instanceof ZkError && err.reason === 'not-enough-points') {
      throw new JobError(job.kind === 'mint' ? 'nothing_to_mint' : 'not_eligible', err.message, { cause: err });
    }
    throw err;
  }
  let last = 0;
  const result = await ctx.prover.prove(witness.input, chain.network.deployment.verifier.batchSize, (p) => {
    const now = ctx.now();
    if (p.stage !== 'proving' || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    void updateJob(ctx.db, job.id, { progress: Math.min(99, Math.round(p.percent)) }, now).catch(() => undefined);
  });
  const stored: StoredProof = {
    proof: toSolidityProof(result.proof),
    nullifier: witness.nullifier,
    points: witness.points,
    root: witness.commitment.root,
  };
  return updateJob(ctx.db, job.id, { state: 'submitting', progress: 0, result: { ...job.result, proof: serializeProof(stored) } }, ctx.now());
}

function serializeProof(p: StoredProof): string {
  return JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

export function parseStoredProof(text: unknown): StoredProof | undefined {
  if (typeof text !== 'string') return undefined;
  return JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v)) as StoredProof;
}
