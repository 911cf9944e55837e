import { ErrorView, Loading } from '../ui/components/state-views';
import { t } from '../ui/i18n';
import { AccountSection } from './account-section';
import { CaptureSection } from './capture-section';
import { CategoriesSection } from './categories-section';
import { DataSection } from './data-section';
import { NetworkSection } from './network-section';
import { PointsSection } from './points-section';
import { PrivacySection } from './privacy-section';
import { RetentionSection } from './retention-section';
import { SecuritySection } from './security-section';
import { SiteListsSection } from './site-lists-section';
import { useSettings } from './use-settings';

/** The options page: settings sections (see use-settings.ts for how saves work), the vault, privacy. */
export function OptionsApp() {
  const { current, loading, error, reload, save, message, pending } = useSettings();
  return (
    <main class="options" data-testid="options" data-saving={pending > 0}>
      <header class="options-header">
        <img class="brand-mark" src="/icons/icon-48.png" width={36} height={36} alt="" />
        <div>
          <h1>{t('options_heading')}</h1>
          <p class="muted">{t('options_subheading')}</p>
        </div>
      </header>
      <p class="toast" role="status" aria-live="polite" data-testid="save-status">{message}</p>
      {loading && !current && <Loading />}
      {error && !current && <ErrorView error={error} onRetry={() => void reload()} />}
      {current && (
        <>
          <CaptureSection paused={current.paused} onToggle={() => save((s) => ({ paused: !s.paused }))} />
          <SiteListsSection settings={current} save={save} />
          <CategoriesSection excluded={current.excludedCategories} save={save} />
          <RetentionSection days={current.retentionDays} save={save} />
          <SecuritySection minutes={current.autoLockMinutes} save={save} />
        </>
      )}
      <NetworkSection />
      <AccountSection />
      <DataSection />
      <PointsSection />
      <PrivacySection />
    </main>
  );
}
