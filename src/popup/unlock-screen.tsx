import { useEffect, useRef, useState } from 'preact/hooks';
import { unlock, type WalletState } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { PasswordField } from '../ui/components/password-field';
import { errorMessage, t } from '../ui/i18n';
import type { UiErrorCode } from '../ui/messaging';
import { LockIcon } from './icons';

/**
 * Locked: one password field, focused on open. Any failure shows one
 * message (the worker says only wrong_password, whatever was wrong), selects
 * the field so the user can type again at once, and is announced.
 */
export function UnlockScreen(props: { onDone: (wallet: WalletState) => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: UiErrorCode | 'empty' } | null>(null);
  // Counts refused attempts, so a test (or anyone watching) can tell a new refusal from the last one.
  const [refusals, setRefusals] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (password === '') {
      setFailure({ code: 'empty' });
      field.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await unlock(password);
    setBusy(false);
    if (result.ok) {
      props.onDone(result.data);
      return;
    }
    setFailure(result.error);
    setRefusals((n) => n + 1);
    field.current?.focus();
    field.current?.select();
  };

  const message = !failure ? undefined : failure.code === 'empty' ? t('unlock_error_empty') : errorMessage(failure.code);
  return (
    <section class="card stack gate-card" aria-labelledby="unlock-title" data-testid="unlock-screen" data-error-code={failure?.code} data-refusals={refusals}>
      <div class="gate-icon" aria-hidden="true">
        <LockIcon size={28} />
      </div>
      <h2 id="unlock-title" class="gate-title">{t('unlock_title')}</h2>
      <p class="muted">{t('unlock_intro')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
        <PasswordField id="unlock-password" label={t('unlock_password_label')} value={password} onInput={setPassword}
          autoComplete="current-password" testId="unlock-password" inputRef={field} error={message} />
        <BusyButton type="submit" class="btn btn-primary btn-block" busy={busy} data-testid="unlock-submit">
          {busy ? t('unlock_busy') : t('action_unlock')}
        </BusyButton>
        <p class="visually-hidden" role="status" aria-live="assertive" data-testid="unlock-status">
          {busy ? t('unlock_busy') : message ?? ''}
        </p>
      </form>
    </section>
  );
}
