import type { JobView } from '../../shared/earning-messages';
import type { JobRecord } from '../../vault';
import { readForfeits } from './exit-job';

/** What the popup sees of a job: no signed bytes, no proof. */
export function toJobView(job: JobRecord): JobView {
  const p = job.params;
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
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
