import { useEffect, useState } from 'preact/hooks';
import { AUTO_LOCK_MAX_MINUTES, AUTO_LOCK_MIN_MINUTES } from '../shared/settings';
import { parseAutoLockMinutes } from '../ui/form-checks';
import { t } from '../ui/i18n';
import type { SaveSettings } from './use-settings';

/** How long the vault stays unlocked without use (docs/earning.md "Lock state"). */
export function SecuritySection(props: { minutes: number; save: SaveSettings }) {
  const [value, setValue] = useState(String(props.minutes));
  const [error, setError] = useState('');
  useEffect(() => setValue(String(props.minutes)), [props.minutes]);
  const submit = (event: Event) => {
    event.preventDefault();
    const minutes = parseAutoLockMinutes(value);
    if (minutes === null) {
      setError(t('autolock_error_range', [AUTO_LOCK_MIN_MINUTES, AUTO_LOCK_MAX_MINUTES]));
      document.getElementById('autolock-minutes')?.focus();
      return;
    }
    setError('');
    void props.save({ autoLockMinutes: minutes });
  };
  return (
    <section class="card" aria-labelledby="security-heading" data-testid="security-section" data-minutes={props.minutes}>
      <h2 id="security-heading">{t('options_security_title')}</h2>
      <p class="section-intro">{t('options_security_intro')}</p>
      <form class="row wrap" onSubmit={submit} noValidate>
        <label for="autolock-minutes">{t('options_autolock_label')}</label>
        <input id="autolock-minutes" type="number" min={AUTO_LOCK_MIN_MINUTES} max={AUTO_LOCK_MAX_MINUTES} step={1} style={{ width: '90px' }}
          value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? 'autolock-error' : undefined} data-testid="autolock-input" />
        <span class="muted">{t('options_autolock_unit')}</span>
        <button type="submit" class="btn" data-testid="autolock-save">{t('action_save')}</button>
      </form>
      {error && <p id="autolock-error" class="field-error" role="alert" data-testid="autolock-error">{error}</p>}
    </section>
  );
}
