import { useEffect } from 'preact/hooks';
import type { JobView } from '../api';
import { shortenHex } from '../amounts';
import { errorMessage, t } from '../i18n';
import { jobPercent, jobSteps, reissueJob, type JobState } from '../jobs';
import { useAction } from '../use-action';
import { BusyButton } from './busy-button';

/** Localised name of a job state (literal keys, so the i18n test sees every one). */
function jobStateLabel(state: JobState, progress: number, proofs?: JobView['proofs']): string {
  switch (state) {
    case 'queued':
      return t('job_state_queued');
    case 'building':
      return t('job_state_building');
    case 'proving':
      return proofs
        ? t('job_state_proving_batches', [Math.min(100, Math.max(0, progress)), proofs.current, proofs.total])
        : t('job_state_proving', Math.min(100, Math.max(0, progress)));
    case 'submitting':
      return t('job_state_submitting');
    case 'confirming':
      return t('job_state_confirming');
    case 'done':
      return t('job_state_done');
    case 'failed':
      return t('job_state_failed');
  }
}

function stepName(state: JobState): string {
  return state === 'proving' ? t('job_step_proving') : jobStateLabel(state, 0);
}

/** What the job is doing, in one line: "Minting week 12", "Staking in Crypto readers". */
function jobTitle(job: JobView, poolName?: string): string {
  const pool = poolName ?? (job.pool ? shortenHex(job.pool) : '');
  switch (job.kind) {
    case 'mint':
      return job.epoch === undefined ? t('job_title_mint_latest') : t('job_title_mint', job.epoch);
    case 'stake':
      return t('job_title_stake', pool);
    case 'unstake':
      return t('job_title_unstake', pool);
    case 'claim':
      return t('job_title_claim', pool);
    case 'exit':
      return t('job_title_exit');
  }
}

/**
 * One job's progress: the steps it goes through, the current one with its
 * percentage, and the outcome. The state name sits in a polite live region
 * (announced at each step, not at every percent); a failure is an alert with
 * the localised error and a Retry that issues the same intent again.
 */
export function JobProgress(props: { job: JobView; poolName?: string; onRetried: (job: JobView) => void }) {
  const { job } = props;
  const { busy: retrying, error: retryError, run } = useAction();
  useEffect(() => {
    if (job.error) console.warn(`[surf-to-earn] job ${job.id} ${job.error.code}: ${job.error.message}`);
  }, [job.id, job.error]);
  const steps = jobSteps(job.kind, job.state);
  const current = steps.indexOf(job.state);
  const percent = jobPercent(job);
  const titleId = `job-${job.id}-title`;

  const retry = () => run(() => reissueJob(job), props.onRetried);

  return (
    <section class="job" aria-labelledby={titleId} data-testid="job" data-job-id={job.id} data-kind={job.kind}
      data-state={job.state} data-progress={percent} data-proofs-total={job.proofs?.total}>
      <div class="row-between">
        <h3 id={titleId} class="job-title">{jobTitle(job, props.poolName)}</h3>
        <span class="badge" data-tone={job.state === 'done' ? 'ok' : job.state === 'failed' ? 'danger' : 'info'}
          role="status" aria-live="polite" data-testid="job-state">
          {jobStateLabel(job.state, job.progress, job.proofs)}
        </span>
      </div>
      {job.state !== 'failed' && (
        <div class="bar" role="progressbar" aria-labelledby={titleId} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div class="bar-fill" data-tone={job.state === 'done' ? 'ok' : undefined} style={{ width: `${Math.max(3, percent)}%` }} />
        </div>
      )}
      {job.state !== 'done' && job.state !== 'failed' && (
        <ol class="job-steps" aria-label={t('job_steps_label')}>
          {steps.map((step, i) => (
            <li key={step} data-step={i < current ? 'done' : i === current ? 'current' : 'pending'}
              aria-current={i === current ? 'step' : undefined}>
              {stepName(step)}
            </li>
          ))}
        </ol>
      )}
      {job.txHash && (
        <p class="small muted">
          {t('job_tx')} <code title={job.txHash} data-testid="job-tx">{shortenHex(job.txHash, 10, 8)}</code>
        </p>
      )}
      {job.state === 'failed' && (
        <div class="notice" data-tone="danger" role="alert" data-testid="job-error" data-error-code={job.error?.code ?? 'internal'}>
          <p>{errorMessage(job.error?.code ?? 'internal')}</p>
          {retryError && <p data-testid="job-retry-error">{retryError}</p>}
          <div>
            <BusyButton type="button" class="btn" busy={retrying} onClick={() => void retry()} data-testid="job-retry">
              {t('action_retry')}
            </BusyButton>
          </div>
        </div>
      )}
    </section>
  );
}
