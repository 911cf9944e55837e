import { useEffect, useRef, useState } from 'preact/hooks';
import { unlock, type WalletState } from '../ui/api';
import { PasswordField } from '../ui/components/password-field';
import { errorMessage, t } from '../ui/i18n';

/**
 * Locked: one password field, focused on open. Any failure shows one
 * message (the worker says only wrong_password, whatever was wrong), selects
 * the field so the user can type again at once, and is announced.
 */
export function UnlockScreen(props: { onDone: (wallet: WalletState) => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: string } | null>(null);
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
        <svg width="28" height="28" viewBox="0 0 16 16" focusable="false">
          <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
        </svg>
      </div>
      <h2 id="unlock-title" class="gate-title">{t('unlock_title')}</h2>
      <p class="muted">{t('unlock_intro')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
        <PasswordField id="unlock-password" label={t('unlock_password_label')} value={password} onInput={setPassword}
          autoComplete="current-password" testId="unlock-password" inputRef={field} error={message} />
        <button type="submit" class="btn btn-primary btn-block" aria-disabled={busy} data-testid="unlock-submit">
          {busy && <span class="spinner spinner-sm" aria-hidden="true" />}
          {busy ? t('unlock_busy') : t('action_unlock')}
        </button>
        <p class="visually-hidden" role="status" aria-live="assertive" data-testid="unlock-status">
          {busy ? t('unlock_busy') : message ?? ''}
        </p>
      </form>
    </section>
  );
}
