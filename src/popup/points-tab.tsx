import { useCallback, useState } from 'preact/hooks';
import { getStatus, setPaused, setSiteRule, type UiStatus } from '../ui/api';
import { activeTabOrigin } from '../ui/active-tab';
import { CategoryBars } from '../ui/components/category-bars';
import { ErrorView, Loading } from '../ui/components/state-views';
import { errorMessage, t } from '../ui/i18n';
import type { Result } from '../ui/messaging';
import { useResult } from '../ui/use-result';
import { CapsExplainer } from './caps-explainer';
import { CaptureStatus } from './capture-status';
import { PointsSummary } from './points-summary';
import { useLockWatch, usePopup } from './popup-context';
import { SiteList } from './site-list';

/**
 * The Points tab: status and controls first (what the user came to change),
 * then points, caps, categories and sites. Every change re-reads the status
 * from the worker instead of guessing, so the screen shows what is true.
 */
export function PointsTab() {
  const { announce } = usePopup();
  const load = useCallback(async (): Promise<Result<UiStatus>> => getStatus(await activeTabOrigin()), []);
  const [status, reload] = useResult(load);
  useLockWatch(status);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<Result<unknown>>, done: string) => {
    setBusy(true);
    const result = await run();
    announce(result.ok ? done : errorMessage(result.error.code));
    await reload();
    setBusy(false);
  };

  if (status.state === 'loading') return <Loading />;
  if (status.state === 'error') return <ErrorView error={status.error} onRetry={() => void reload()} />;
  const data = status.data;
  return (
    <PointsBody
      status={data}
      busy={busy}
      onTogglePause={() => {
        const next = !data.paused;
        void act(() => setPaused(next), next ? t('announce_paused') : t('announce_resumed'));
      }}
      onSetDeny={(deny) => {
        const domain = data.site?.domain;
        if (!domain) return;
        void act(() => setSiteRule(domain, deny ? 'deny' : 'none'), deny ? t('announce_site_denied', domain) : t('announce_site_undenied', domain));
      }}
    />
  );
}

function PointsBody(props: { status: UiStatus; busy: boolean; onTogglePause: () => void; onSetDeny: (deny: boolean) => void }) {
  const { status } = props;
  const empty = status.epoch.points === 0 && status.sites.length === 0;
  return (
    <>
      <CaptureStatus status={status} busy={props.busy} onTogglePause={props.onTogglePause} onSetDeny={props.onSetDeny} />
      <PointsSummary status={status} />
      <CapsExplainer caps={status.caps} />
      {empty ? (
        <section class="card stack" data-testid="empty-state">
          <h2>{t('popup_empty_title')}</h2>
          <p class="muted">{t('popup_empty_body')}</p>
        </section>
      ) : (
        <>
          <section class="card" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t('popup_categories_title')}</h2>
            <CategoryBars items={status.categories} />
          </section>
          <section class="card" aria-labelledby="sites-heading">
            <div class="row-between">
              <h2 id="sites-heading">{t('popup_sites_title')}</h2>
              <span class="tag">{t('popup_sites_local')}</span>
            </div>
            <SiteList sites={status.sites} />
          </section>
        </>
      )}
    </>
  );
}
