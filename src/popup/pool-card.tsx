import { useState } from 'preact/hooks';
import { claim, unstake, type JobView, type PoolView } from '../ui/api';
import { daysLeft, formatBigInt, formatTokenAmount, sharePercent, toBigInt } from '../ui/amounts';
import { JobProgress } from '../ui/components/job-progress';
import { formatDateRange, formatNumber, shortTokenId } from '../ui/format';
import { categoryLabel, t, uiLanguage } from '../ui/i18n';
import { isOpenJob } from '../ui/jobs';
import type { Result } from '../ui/messaging';
import { useAction } from '../ui/use-action';
import { poolEligibility } from './pool-eligibility';
import { usePopup } from './popup-context';
import { StakeDialog } from './stake-dialog';

function formatShare(percent: number): string {
  return new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(percent);
}

/**
 * One pool: what it is (name, sponsor, description, categories), what it pays
 * (budget, period, total weight, the user's estimate), whether the user can
 * join, and the user's stakes with Claim and Unstake. Every action is a job
 * shown in the card until it finishes.
 */
export function PoolCard({ pool, now, onHide }: { pool: PoolView; now: number; onHide?: () => void }) {
  const { jobs, track, announce } = usePopup();
  const [dialog, setDialog] = useState(false);
  const { busy, error, run } = useAction();
  const lang = uiLanguage();
  const token = pool.rewardToken;
  const amount = (v: string) => t('token_amount', [formatTokenAmount(v, token.decimals, lang), token.symbol]);
  const points = (n: number) => t('points_count', formatNumber(n));
  const eligibility = poolEligibility(pool, now);
  const poolJobs = jobs.filter((j) => j.pool?.toLowerCase() === pool.address.toLowerCase());
  const staking = poolJobs.some((j) => j.kind === 'stake' && isOpenJob(j));
  const left = daysLeft(pool.end, now);
  const headingId = `pool-${pool.address}`;

  const act = (call: () => Promise<Result<JobView>>, done: string) =>
    run(call, (job) => {
      track(job);
      announce(done);
    });

  return (
    <article class="card pool" aria-labelledby={headingId} data-testid="pool-card" data-pool={pool.address} data-name={pool.name}
      data-eligible={eligibility.ok} data-reason={eligibility.reason}>
      <div class="row-between pool-head">
        <h3 id={headingId}>{pool.name}</h3>
        <span class="badge" data-tone={eligibility.ok ? 'ok' : eligibility.reason === 'staked' ? 'info' : undefined}
          data-testid="pool-eligibility">
          {eligibility.ok ? t('pool_badge_eligible') : eligibility.reason === 'staked' ? t('pool_badge_staked') : t('pool_badge_not_eligible')}
        </span>
      </div>
      <div class="row-between">
        <p class="small muted">{t('pool_by', pool.sponsor)}</p>
        {onHide && (
          <button type="button" class="btn-link small" aria-label={t('pool_hide_label', pool.name)} onClick={onHide} data-testid="pool-hide">
            {t('pool_hide')}
          </button>
        )}
      </div>
      {pool.description && <p class="pool-description">{pool.description}</p>}
      <ul class="chips" aria-label={t('pool_categories')}>
        {pool.categories.map((c) => <li key={c} class="tag">{categoryLabel(c)}</li>)}
      </ul>
      <dl class="facts facts-grid">
        <div>
          <dt>{t('pool_budget')}</dt>
          <dd data-testid="pool-budget">{amount(pool.funded)}</dd>
        </div>
        <div>
          <dt>{t('pool_total_weight')}</dt>
          <dd class="num" data-testid="pool-total-weight">{formatBigInt(pool.totalWeight, lang)}</dd>
        </div>
        <div class="span-2">
          <dt>{t('pool_period')}</dt>
          <dd>
            {formatDateRange(pool.start * 1000, pool.end * 1000)}
            <span class="muted"> · {left > 0 ? t('pool_days_left', formatNumber(left)) : t('pool_period_over')}</span>
          </dd>
        </div>
        {eligibility.ok && (
          <div class="span-2">
            <dt>{t('pool_estimate')}</dt>
            <dd data-testid="pool-estimate" data-estimate={pool.estimate}>
              <strong>{t('pool_estimate_value', amount(pool.estimate))}</strong>
              <span class="muted"> · {t('pool_share', formatShare(sharePercent(pool.eligible.points.toString(), toBigInt(pool.totalWeight) + BigInt(pool.eligible.points))))}</span>
            </dd>
          </div>
        )}
      </dl>
      <p class="small" data-testid="pool-eligibility-text">
        {eligibility.text}
        {eligibility.ok && <span class="muted"> {t('pool_points_have', [points(pool.eligible.points), points(pool.minPoints)])}</span>}
        {(eligibility.reason === 'points' || eligibility.reason === 'no_token') && (
          <span class="muted"> {t('pool_points_min', points(pool.minPoints))}</span>
        )}
      </p>
      {pool.stakes.length > 0 && (
        <ul class="stakes" aria-label={t('pool_your_stakes')}>
          {pool.stakes.map((s) => {
            const claimable = toBigInt(s.claimable) > 0n;
            return (
              <li key={s.tokenId} data-testid="stake-row" data-token-id={s.tokenId} data-weight={s.weight} data-claimable={s.claimable}>
                <div class="row-between">
                  <span title={s.tokenId}>{t('stake_token', shortTokenId(s.tokenId))}</span>
                  <span class="small muted">{t('stake_weight', formatBigInt(s.weight, lang))}</span>
                </div>
                <div class="row-between">
                  <span>{t('stake_claimable')} <strong>{amount(s.claimable)}</strong></span>
                  <span class="row">
                    <button type="button" class="btn btn-small btn-primary" disabled={!claimable} aria-disabled={busy}
                      onClick={() => void act(() => claim(pool.address, s.tokenId), t('announce_claim_started'))} data-testid="stake-claim">
                      {t('action_claim')}
                    </button>
                    <button type="button" class="btn btn-small" aria-disabled={busy}
                      onClick={() => void act(() => unstake(pool.address, s.tokenId), t('announce_unstake_started'))} data-testid="stake-unstake">
                      {t('action_unstake')}
                    </button>
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {eligibility.ok && !staking && (
        <button type="button" class="btn btn-primary btn-block" onClick={() => setDialog(true)} data-testid="pool-stake">
          {t('action_stake')}
        </button>
      )}
      {error && <p class="field-error" role="alert" data-testid="pool-error">{error}</p>}
      {poolJobs.map((job) => <JobProgress key={job.id} job={job} poolName={pool.name} onRetried={track} />)}
      {pool.eligible.tokenId && (
        <StakeDialog open={dialog} pool={pool} tokenId={pool.eligible.tokenId} onClose={() => setDialog(false)}
          onStarted={(job) => {
            setDialog(false);
            track(job);
            announce(t('announce_stake_started', pool.name));
          }} />
      )}
    </article>
  );
}
