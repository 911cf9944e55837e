import { useState } from 'preact/hooks';
import { onboard, type WalletState } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { PasswordField } from '../ui/components/password-field';
import { checkNewPassword, PASSWORD_MIN_LENGTH, type NewPasswordErrors } from '../ui/form-checks';
import { errorMessage, t } from '../ui/i18n';
import type { UiErrorCode } from '../ui/messaging';

/**
 * First run: says what Surf to Earn creates on this device and asks for the
 * password that encrypts it. Errors show inline after the first submit and
 * then follow the typing; creating takes about a second of key derivation,
 * so the button shows progress and the outcome is announced.
 */
export function OnboardScreen(props: { onDone: (wallet: WalletState) => void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: UiErrorCode } | null>(null);
  const errors: NewPasswordErrors = submitted ? checkNewPassword(password, confirm) : {};

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    const found = checkNewPassword(password, confirm);
    if (found.password || found.confirm) {
      document.getElementById(found.password ? 'onboard-password' : 'onboard-confirm')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await onboard(password);
    setBusy(false);
    if (result.ok) props.onDone(result.data);
    else setFailure(result.error);
  };

  return (
    <section class="card stack gate-card" aria-labelledby="onboard-title" data-testid="onboard-screen">
      <h2 id="onboard-title" class="gate-title">{t('onboard_title')}</h2>
      <p>{t('onboard_intro')}</p>
      <ul class="feature-list">
        <li>
          <strong>{t('onboard_account_title')}</strong>
          <span class="small muted">{t('onboard_account_body')}</span>
        </li>
        <li>
          <strong>{t('onboard_vault_title')}</strong>
          <span class="small muted">{t('onboard_vault_body')}</span>
        </li>
      </ul>
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
        <PasswordField id="onboard-password" label={t('onboard_password_label')} value={password} onInput={setPassword}
          autoComplete="new-password" hint={t('password_hint', PASSWORD_MIN_LENGTH)} autoFocus testId="onboard-password"
          error={errors.password ? t('password_error_short', PASSWORD_MIN_LENGTH) : undefined} />
        <PasswordField id="onboard-confirm" label={t('onboard_confirm_label')} value={confirm} onInput={setConfirm}
          autoComplete="new-password" testId="onboard-confirm"
          error={errors.confirm ? t('password_error_mismatch') : undefined} />
        {!busy && <p class="small muted">{t('onboard_no_recovery')}</p>}
        <p class="small muted" role="status" aria-live="polite" data-testid="onboard-progress">
          {busy ? t('onboard_creating_detail') : ''}
        </p>
        <BusyButton type="submit" class="btn btn-primary btn-block" busy={busy} data-testid="onboard-submit">
          {busy ? t('onboard_creating') : t('action_create')}
        </BusyButton>
        {failure && (
          <p class="field-error" role="alert" data-testid="onboard-error" data-error-code={failure.code}>
            {errorMessage(failure.code)}
          </p>
        )}
      </form>
    </section>
  );
}
