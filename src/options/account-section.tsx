import { useState } from 'preact/hooks';
import { exportAccountKey, importAccountKey } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { CopyButton } from '../ui/components/copy-button';
import { PasswordField } from '../ui/components/password-field';
import { normalisePrivateKey } from '../ui/form-checks';
import { errorMessage, t } from '../ui/i18n';

/**
 * The account key: export (password asked again, key shown hidden until
 * revealed, with a warning) and import (password and key). The worker
 * re-derives from the password for both; the unlocked session is not enough.
 */
export function AccountSection() {
  return (
    <section class="card stack" aria-labelledby="account-heading" data-testid="account-section">
      <h2 id="account-heading">{t('options_account_title')}</h2>
      <p class="section-intro">{t('options_account_intro')}</p>
      <div class="lists">
        <ExportKey />
        <ImportKey />
      </div>
    </section>
  );
}

function ExportKey() {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [shown, setShown] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setError(t('unlock_error_empty'));
      return;
    }
    setBusy(true);
    setError('');
    const result = await exportAccountKey(password);
    setBusy(false);
    setPassword('');
    if (result.ok) {
      setKey(result.data.privateKey);
      setShown(false);
    } else setError(errorMessage(result.error.code));
  };

  return (
    <div class="stack subsection" data-testid="export-key">
      <h3>{t('options_export_title')}</h3>
      {key === null ? (
        <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
          <PasswordField id="export-password" label={t('options_password_again')} value={password} onInput={setPassword}
            autoComplete="current-password" testId="export-password" error={error || undefined} />
          <div>
            <BusyButton type="submit" class="btn" busy={busy} data-testid="export-submit">
              {t('action_show_key')}
            </BusyButton>
          </div>
        </form>
      ) : (
        <div class="stack">
          <div class="notice" data-tone="danger" role="alert">
            <strong>{t('options_export_warning_title')}</strong>
            <p class="small">{t('options_export_warning')}</p>
          </div>
          <div class="key-box">
            <code class="break" data-testid="exported-key" data-revealed={shown} aria-label={shown ? undefined : t('options_key_hidden')}>
              {shown ? key : '•'.repeat(32)}
            </code>
          </div>
          <div class="row wrap">
            <button type="button" class="btn btn-small" aria-pressed={shown} onClick={() => setShown(!shown)} data-testid="exported-key-reveal">
              {shown ? t('action_hide') : t('action_reveal')}
            </button>
            <CopyButton text={key} label={t('options_copy_key')} testId="exported-key-copy" />
            <button type="button" class="btn btn-small" onClick={() => { setKey(null); setShown(false); }} data-testid="exported-key-done">
              {t('action_done')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function ImportKey() {
  const [password, setPassword] = useState('');
  const [privateKey, setPrivateKey] = useState('');
  const [errors, setErrors] = useState<{ password?: string; key?: string; result?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const key = normalisePrivateKey(privateKey);
    const found = { password: password ? undefined : t('unlock_error_empty'), key: key ? undefined : t('options_import_error_key') };
    if (found.password || found.key) {
      setErrors(found);
      document.getElementById(found.key ? 'import-key' : 'import-password')?.focus();
      return;
    }
    setErrors({});
    setDone(null);
    setBusy(true);
    const result = await importAccountKey(password, key!);
    setBusy(false);
    if (result.ok) {
      setPassword('');
      setPrivateKey('');
      setDone(result.data.address ?? '');
    } else setErrors({ result: errorMessage(result.error.code) });
  };

  return (
    <form class="stack subsection" onSubmit={(e) => void submit(e)} noValidate data-testid="import-key">
      <h3>{t('options_import_title')}</h3>
      <p class="small muted">{t('options_import_help')}</p>
      <PasswordField id="import-key" label={t('options_import_key_label')} value={privateKey} onInput={setPrivateKey}
        autoComplete="off" testId="import-key-input" error={errors.key} monospace />
      <PasswordField id="import-password" label={t('options_password_again')} value={password} onInput={setPassword}
        autoComplete="current-password" testId="import-password" error={errors.password} />
      <div>
        <BusyButton type="submit" class="btn" busy={busy} data-testid="import-submit">
          {t('action_import')}
        </BusyButton>
      </div>
      <p role="status" aria-live="polite" class={errors.result ? 'field-error' : 'small'} data-testid="import-status"
        data-done={done !== null}>
        {errors.result ?? (done !== null ? t('options_import_done', done) : '')}
      </p>
    </form>
  );
}
