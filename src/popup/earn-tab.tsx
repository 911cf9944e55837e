import { useEffect, useState } from 'preact/hooks';
import { getEarnState, getPools } from '../ui/api';
import { ErrorView, Loading } from '../ui/components/state-views';
import { t } from '../ui/i18n';
import { useResult } from '../ui/use-result';
import { EpochList } from './epoch-list';
import { PoolCard } from './pool-card';
import { useLockWatch, usePopup } from './popup-context';

/**
 * The Earn tab: the user's weeks (prove and mint) and the pools (stake,
 * claim, unstake). Both are re-read whenever a job finishes, since that is
 * when what they show changes.
 */
export function EarnTab() {
  const { track, jobsSettled } = usePopup();
  const [earn, reloadEarn] = useResult(getEarnState);
  const [pools, reloadPools] = useResult(getPools);
  const [now, setNow] = useState(() => Date.now());
  useLockWatch(earn);
  useLockWatch(pools);

  useEffect(() => {
    if (earn.state === 'ready') earn.data.jobs.filter((j) => j.state !== 'done').forEach(track);
  }, [earn, track]);
  useEffect(() => {
    if (jobsSettled === 0) return;
    setNow(Date.now());
    void reloadEarn();
    void reloadPools();
  }, [jobsSettled, reloadEarn, reloadPools]);

  return (
    <div class="stack" data-testid="earn-tab">
      {earn.state !== 'ready' && (
        <section class="card stack" aria-labelledby="epochs-heading">
          <h2 id="epochs-heading">{t('earn_epochs_title')}</h2>
          {earn.state === 'loading' && <Loading testId="earn-loading" />}
          {earn.state === 'error' && <ErrorView error={earn.error} onRetry={() => void reloadEarn()} testId="earn-error" />}
        </section>
      )}
      {earn.state === 'ready' && <EpochList earn={earn.data} />}
      <section class="stack" aria-labelledby="pools-heading" data-testid="pools">
        <div class="row-between section-head">
          <h2 id="pools-heading">{t('earn_pools_title')}</h2>
          {pools.state === 'ready' && <span class="tag">{t('earn_pools_count', pools.data.length)}</span>}
        </div>
        {pools.state === 'loading' && <Loading testId="pools-loading" />}
        {pools.state === 'error' && <ErrorView error={pools.error} onRetry={() => void reloadPools()} testId="pools-error" />}
        {pools.state === 'ready' && pools.data.length === 0 && (
          <p class="card muted" data-testid="pools-empty">{t('earn_pools_empty')}</p>
        )}
        {pools.state === 'ready' && pools.data.map((pool) => <PoolCard key={pool.address} pool={pool} now={now} />)}
      </section>
    </div>
  );
}
