import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getEarnState, type WalletState } from '../ui/api';
import { t } from '../ui/i18n';
import { isOpenJob } from '../ui/jobs';
import { EarnTab } from './earn-tab';
import { PointsTab } from './points-tab';
import { PopupContext, type PopupContextValue } from './popup-context';
import { useJobs } from './use-jobs';
import { WalletTab } from './wallet-tab';

const TABS = ['points', 'earn', 'wallet'] as const;
type TabName = (typeof TABS)[number];

/**
 * The unlocked popup: three tabs with the WAI-ARIA tabs pattern (one tab in
 * the Tab order, arrow keys / Home / End move and select). The job tracker
 * lives here, above the tabs, so a job keeps being followed whichever tab is
 * shown; on open it is seeded with the worker's open jobs.
 */
export function AppShell(props: {
  wallet: WalletState;
  refreshGate: () => void;
  announce: (text: string) => void;
  /** Focus the selected tab on mount (after unlock or onboarding, whose form just went away). */
  focusTabs?: boolean;
}) {
  const [tab, setTab] = useState<TabName>('points');
  const { jobs, track, settled } = useJobs(props.refreshGate);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    if (props.focusTabs) refs.current[tab]?.focus();
    // Only on mount: later tab changes move focus themselves.
  }, []);

  useEffect(() => {
    void getEarnState().then((r) => r.ok && r.data.jobs.filter((j) => j.state !== 'done').forEach(track));
  }, [track]);

  const context = useMemo<PopupContextValue>(
    () => ({ wallet: props.wallet, refreshGate: props.refreshGate, jobs, track, jobsSettled: settled, announce: props.announce }),
    [props.wallet, props.refreshGate, jobs, track, settled, props.announce],
  );

  const select = (name: TabName, focus: boolean) => {
    setTab(name);
    if (focus) refs.current[name]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length]
      : event.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
      : event.key === 'Home' ? TABS[0]
      : event.key === 'End' ? TABS[TABS.length - 1]
      : null;
    if (!next) return;
    event.preventDefault();
    select(next, true);
  };
  const label = (name: TabName) => (name === 'points' ? t('tab_points') : name === 'earn' ? t('tab_earn') : t('tab_wallet'));
  const openCount = jobs.filter(isOpenJob).length;

  return (
    <PopupContext.Provider value={context}>
      <div class="tabs" role="tablist" aria-label={t('tabs_label')} onKeyDown={onKeyDown} data-testid="tabs">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" id={`tab-${name}`} aria-controls={`panel-${name}`}
            aria-selected={tab === name} tabIndex={tab === name ? 0 : -1} ref={(el) => { refs.current[name] = el; }}
            onClick={() => select(name, false)} data-testid={`tab-${name}`}>
            {label(name)}
            {name === 'earn' && openCount > 0 && (
              <>
                <span class="tab-count" aria-hidden="true">{openCount}</span>
                <span class="visually-hidden">{t('tab_jobs_running', openCount)}</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} class="panel"
        data-testid={`panel-${tab}`}>
        {tab === 'points' && <PointsTab />}
        {tab === 'earn' && <EarnTab />}
        {tab === 'wallet' && <WalletTab />}
      </div>
    </PopupContext.Provider>
  );
}
