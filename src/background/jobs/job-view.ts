import type { JobView } from '../../shared/earning-messages';
import type { JobRecord } from '../../vault';
import { readForfeits } from './exit-job';

/** Which of a heavy week's proofs runs now (only when the week has more than one). */
function proofsOf(job: JobRecord): { current: number; total: number } | undefined {
  const total = job.result?.proofsTotal;
  const done = job.result?.proofsDone;
  if (typeof total !== 'number' || typeof done !== 'number' || total < 2) return undefined;
  return { current: Math.min(total, done + 1), total };
}

/** What the popup sees of a job: no signed bytes, no proof. */
export function toJobView(job: JobRecord): JobView {
  const p = job.params;
  const proofs = job.state === 'proving' ? proofsOf(job) : undefined;
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    ...('epoch' in p ? { epoch: p.epoch } : {}),
    ...('pool' in p ? { pool: p.pool, tokenId: p.tokenId } : {}),
    ...(job.tx ? { txHash: job.tx.hash } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.kind === 'exit' && readForfeits(job).length > 0 ? { forfeits: readForfeits(job) } : {}),
    ...(proofs ? { proofs } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
