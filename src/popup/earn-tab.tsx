import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getEarnState, getHiddenPools, getPools, hidePool, type PoolView } from '../ui/api';
import { ErrorView, Loading } from '../ui/components/state-views';
import { t } from '../ui/i18n';
import { useResult } from '../ui/use-result';
import { EpochList } from './epoch-list';
import { NetworkWarning } from './network-warning';
import { PoolCard } from './pool-card';
import { arrangePools, POOLS_PAGE } from './pool-list';
import { useLockWatch, usePopup } from './popup-context';

/**
 * The Earn tab: the user's weeks (prove and mint) and the pools (stake,
 * claim, unstake). Both are re-read whenever a job finishes, since that is
 * when what they show changes.
 */
export function EarnTab() {
  const { track, jobsSettled, announce } = usePopup();
  const [earn, reloadEarn] = useResult(getEarnState);
  const [pools, reloadPools] = useResult(getPools);
  const [hiddenLoaded] = useResult(getHiddenPools);
  const [hiddenList, setHiddenList] = useState<string[] | null>(null);
  const [limit, setLimit] = useState(POOLS_PAGE);
  const [showHidden, setShowHidden] = useState(false);
  const [hideError, setHideError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [now, setNow] = useState(() => Date.now());
  useLockWatch(earn);
  useLockWatch(pools);

  // Hidden pools are a setting; if they cannot be read the list shows every pool.
  const hidden = useMemo(
    () => new Set(hiddenList ?? (hiddenLoaded.state === 'ready' ? hiddenLoaded.data.pools : [])),
    [hiddenList, hiddenLoaded],
  );
  const arranged = useMemo(
    () => (pools.state === 'ready' ? arrangePools(pools.data, hidden, now, limit) : null),
    [pools, hidden, now, limit],
  );
  const setHidden = async (pool: PoolView, hide: boolean) => {
    const result = await hidePool(pool.address, hide);
    if (!result.ok) {
      setHideError(result.error.message);
      return;
    }
    setHideError(null);
    setHiddenList(result.data.pools);
    announce(t(hide ? 'announce_pool_hidden' : 'announce_pool_shown', pool.name));
    // The button that was pressed is gone: keep keyboard focus in the list.
    headingRef.current?.focus();
  };

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
      <NetworkWarning variant="banner" />
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
          <h2 id="pools-heading" ref={headingRef} tabIndex={-1}>{t('earn_pools_title')}</h2>
          {pools.state === 'ready' && <span class="tag">{t('earn_pools_count', pools.data.length)}</span>}
        </div>
        {pools.state === 'loading' && <Loading testId="pools-loading" />}
        {pools.state === 'error' && <ErrorView error={pools.error} onRetry={() => void reloadPools()} testId="pools-error" />}
        {pools.state === 'ready' && pools.data.length === 0 && (
          <p class="card muted" data-testid="pools-empty">{t('earn_pools_empty')}</p>
        )}
        {hideError && <p class="field-error" role="alert" data-testid="pools-hide-error">{hideError}</p>}
        {arranged && [...arranged.actionable, ...arranged.others].map((pool) => (
          <PoolCard key={pool.address} pool={pool} now={now} onHide={() => void setHidden(pool, true)} />
        ))}
        {arranged && arranged.more > 0 && (
          <button type="button" class="btn btn-block" onClick={() => setLimit((n) => n + POOLS_PAGE)} data-testid="pools-more">
            {t('pools_show_more', Math.min(POOLS_PAGE, arranged.more))}
          </button>
        )}
        {arranged && arranged.hidden.length > 0 && (
          <div class="stack" data-testid="pools-hidden">
            <button type="button" class="btn-link" aria-expanded={showHidden} aria-controls="pools-hidden-list"
              onClick={() => setShowHidden((v) => !v)} data-testid="pools-hidden-toggle">
              {t(showHidden ? 'pools_hidden_collapse' : 'pools_hidden_show', arranged.hidden.length)}
            </button>
            {showHidden && (
              <ul id="pools-hidden-list" class="card stack" aria-label={t('pools_hidden_list')}>
                {arranged.hidden.map((pool) => (
                  <li key={pool.address} class="row-between" data-testid="hidden-pool" data-pool={pool.address}>
                    <span>{pool.name}</span>
                    <button type="button" class="btn btn-small" aria-label={t('pool_unhide_label', pool.name)}
                      onClick={() => void setHidden(pool, false)} data-testid="pool-unhide">
                      {t('pool_unhide')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
