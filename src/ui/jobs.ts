import { claim, exitAll, proveNow, stake, unstake, type JobView } from './api';
import type { Result } from './messaging';

/**
 * What the UI knows about jobs (docs/earning.md "Jobs"): which states are
 * still moving, the steps each kind goes through, and how a failed job's
 * intent is issued again. The worker returns the open job when asked twice,
 * so a retry never starts a second transaction for the same intent.
 */
export type JobState = JobView['state'];
type JobKind = JobView['kind'];

export const JOB_POLL_MS = 800;

export function isOpenJob(job: Pick<JobView, 'state'>): boolean {
  return job.state !== 'done' && job.state !== 'failed';
}

const PROOF_STEPS: readonly JobState[] = ['queued', 'building', 'proving', 'submitting', 'confirming'];
const TX_STEPS: readonly JobState[] = ['queued', 'submitting', 'confirming'];

/** The steps shown for a job, in order; a state the worker reports outside them shows every step. */
export function jobSteps(kind: JobKind, state: JobState): readonly JobState[] {
  const steps = kind === 'mint' || kind === 'stake' ? PROOF_STEPS : TX_STEPS;
  return state === 'done' || state === 'failed' || steps.includes(state) ? steps : PROOF_STEPS;
}

/** Overall progress 0–100: finished steps plus the fraction of the current one. */
export function jobPercent(job: Pick<JobView, 'kind' | 'state' | 'progress'>): number {
  if (job.state === 'done') return 100;
  const steps = jobSteps(job.kind, job.state);
  const index = steps.indexOf(job.state);
  if (index < 0) return 0;
  const within = Math.max(0, Math.min(100, job.progress)) / 100;
  return Math.round(((index + within) / steps.length) * 100);
}

/** Issues the intent of `job` again (Retry after a failure); answers the new (or still open) job. */
export function reissueJob(job: JobView): Promise<Result<JobView>> {
  switch (job.kind) {
    case 'mint':
      return proveNow(job.epoch);
    case 'exit':
      return exitAll();
    case 'stake':
    case 'unstake':
    case 'claim': {
      if (!job.pool || !job.tokenId) {
        return Promise.resolve({ ok: false, error: { code: 'job_not_found', message: `${job.kind} job without pool or token` } });
      }
      const run = job.kind === 'stake' ? stake : job.kind === 'unstake' ? unstake : claim;
      return run(job.pool, job.tokenId);
    }
  }
}
