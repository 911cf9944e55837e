import { useCallback, useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, type UiSettings } from '../ui/api';
import { ErrorView, Loading } from '../ui/components/state-views';
import { errorMessage, t } from '../ui/i18n';
import { useResult } from '../ui/use-result';
import { CaptureSection } from './capture-section';
import { CategoriesSection } from './categories-section';
import { DataSection } from './data-section';
import { PrivacySection } from './privacy-section';
import { RetentionSection } from './retention-section';
import { SiteListsSection } from './site-lists-section';

/**
 * The options page. Settings are loaded once; each change sends only its
 * patch and the page then shows the settings the worker answers with, so a
 * rejected change never looks saved. The result of every save is announced.
 */
export function OptionsApp() {
  const [settings, reload] = useResult(getSettings);
  const [override, setOverride] = useState<UiSettings | null>(null);
  const [saveMessage, setSaveMessage] = useState('');
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (patch: Partial<UiSettings>): Promise<boolean> => {
      setSaving(true);
      const result = await updateSettings(patch);
      setSaving(false);
      if (result.ok) {
        setOverride(result.data);
        setSaveMessage(t('options_saved'));
        return true;
      }
      setSaveMessage(errorMessage(result.error.code));
      await reload();
      setOverride(null);
      return false;
    },
    [reload],
  );

  // The popup may have paused capture or denied a site while this tab sat in
  // the background: re-read when the tab is shown again.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      void reload().then(() => setOverride(null));
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  // The toast clears itself, so the same message saved twice is announced twice.
  useEffect(() => {
    if (!saveMessage) return;
    const timer = setTimeout(() => setSaveMessage(''), 4000);
    return () => clearTimeout(timer);
  }, [saveMessage]);

  const current = override ?? (settings.state === 'ready' ? settings.data : null);
  return (
    <main class="options" data-testid="options">
      <header class="options-header">
        <span class="brand-mark" aria-hidden="true" />
        <div>
          <h1>{t('options_heading')}</h1>
          <p class="muted">{t('options_subheading')}</p>
        </div>
      </header>
      <p class="toast" role="status" aria-live="polite" data-testid="save-status">{saveMessage}</p>
      {settings.state === 'loading' && !current && <Loading />}
      {settings.state === 'error' && !current && <ErrorView error={settings.error} onRetry={() => void reload()} />}
      {current && (
        <>
          <CaptureSection paused={current.paused} disabled={saving} onChange={(paused) => save({ paused })} />
          <SiteListsSection settings={current} disabled={saving} save={save} />
          <CategoriesSection excluded={current.excludedCategories} disabled={saving} save={save} />
          <RetentionSection days={current.retentionDays} disabled={saving} save={save} />
        </>
      )}
      <DataSection />
      <PrivacySection />
    </main>
  );
}
