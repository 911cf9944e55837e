import { useEffect, useState } from 'preact/hooks';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '../shared/settings';
import { t } from '../ui/i18n';
import type { SaveSettings } from './use-settings';

/** How long footprints are kept before the worker deletes them. */
export function RetentionSection(props: { days: number; save: SaveSettings }) {
  const [value, setValue] = useState(String(props.days));
  const [error, setError] = useState('');
  useEffect(() => setValue(String(props.days)), [props.days]);
  const submit = (event: Event) => {
    event.preventDefault();
    const days = Number(value);
    if (!Number.isInteger(days) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
      setError(t('retention_error_range', [RETENTION_MIN_DAYS, RETENTION_MAX_DAYS]));
      return;
    }
    setError('');
    void props.save({ retentionDays: days });
  };
  return (
    <section class="card" aria-labelledby="retention-heading" data-testid="retention-section" data-days={props.days}>
      <h2 id="retention-heading">{t('options_retention_title')}</h2>
      <p class="section-intro">{t('options_retention_intro')}</p>
      <form class="row wrap" onSubmit={submit} noValidate>
        <label for="retention-days">{t('options_retention_label')}</label>
        <input id="retention-days" type="number" min={RETENTION_MIN_DAYS} max={RETENTION_MAX_DAYS} step={1} style={{ width: '90px' }}
          value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? 'retention-error' : undefined} data-testid="retention-input" />
        <span class="muted">{t('options_retention_unit')}</span>
        <button type="submit" class="btn" data-testid="retention-save">{t('action_save')}</button>
      </form>
      {error && <p id="retention-error" class="field-error" role="alert" data-testid="retention-error">{error}</p>}
    </section>
  );
}
