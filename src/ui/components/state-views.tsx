import { useEffect } from 'preact/hooks';
import type { UiError } from '../messaging';
import { errorMessage, t } from '../i18n';

/** Shown while the first answer is on its way; announced politely to screen readers. */
export function Loading({ testId = 'loading' }: { testId?: string }) {
  return (
    <div class="row muted" role="status" aria-live="polite" data-testid={testId}>
      <span class="spinner" aria-hidden="true" />
      <span>{t('state_loading')}</span>
    </div>
  );
}

/**
 * A failed request: the localised message for its code, never the raw
 * worker text (that goes to the console for whoever debugs), and a retry.
 */
export function ErrorView({ error, onRetry, testId = 'error' }: { error: UiError; onRetry?: () => void; testId?: string }) {
  useEffect(() => console.warn(`[surf-to-earn] ${error.code}: ${error.message}`), [error]);
  return (
    <div class="notice" data-tone="danger" role="alert" data-testid={testId} data-error-code={error.code}>
      <strong>{t('error_title')}</strong>
      <p>{errorMessage(error.code)}</p>
      {onRetry && (
        <div>
          <button type="button" class="btn" onClick={onRetry} data-testid={`${testId}-retry`}>
            {t('action_retry')}
          </button>
        </div>
      )}
    </div>
  );
}
