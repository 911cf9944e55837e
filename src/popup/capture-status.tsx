import type { SiteState, UiStatus } from '../ui/api';
import { isListableHost } from '../ui/domain-input';
import { categoryLabel, t } from '../ui/i18n';

type Tone = 'ok' | 'warn' | 'danger' | 'neutral';

/** The one-line status of the current tab: what it says and how loud. Literal keys so the i18n test sees them. */
function describe(status: UiStatus): { text: string; tone: Tone; state: SiteState | 'on' } {
  const site = status.site;
  if (!site) return status.paused ? { text: t('status_paused'), tone: 'warn', state: 'paused' } : { text: t('status_on'), tone: 'ok', state: 'on' };
  switch (site.state) {
    case 'capturing':
      return { text: t('status_capturing'), tone: 'ok', state: site.state };
    case 'paused':
      return { text: t('status_paused'), tone: 'warn', state: site.state };
    case 'excluded_user':
      // The worker says excluded_user for a denied site and for a category the user unchecked.
      return site.rule === 'deny' || !site.category
        ? { text: t('status_excluded_user'), tone: 'neutral', state: site.state }
        : { text: t('status_excluded_category', categoryLabel(site.category)), tone: 'neutral', state: site.state };
    case 'sensitive_category':
      return {
        text: t('status_sensitive_category', site.category ? categoryLabel(site.category) : t('category_unknown')),
        tone: 'danger',
        state: site.state,
      };
    case 'sensitive_page':
      return { text: t('status_sensitive_page'), tone: 'danger', state: site.state };
    case 'unsupported':
      return { text: t('status_unsupported'), tone: 'neutral', state: site.state };
  }
}

/**
 * Capture status of the current site with the two one-click controls:
 * pause/resume (global) and never-capture-this-site / undo (this domain).
 * While a change is in flight both are aria-disabled and ignore clicks, so a
 * double click cannot send two opposite requests; they stay focusable, and
 * the site button is one element whose label flips, so keyboard focus stays put.
 */
export function CaptureStatus(props: {
  status: UiStatus;
  busy: boolean;
  onTogglePause: () => void;
  onSetDeny: (deny: boolean) => void;
}) {
  const { status, busy } = props;
  const { text, tone, state } = describe(status);
  const site = status.site;
  const canRule = site && site.state !== 'unsupported' && isListableHost(site.domain);
  const denied = site?.rule === 'deny';
  return (
    <section class="card status-card" aria-labelledby="status-heading" data-testid="capture-status" data-state={state}>
      <h2 id="status-heading" class="visually-hidden">{t('popup_status_title')}</h2>
      {site && (
        <p class="status-site" data-testid="status-domain">
          {site.domain}
        </p>
      )}
      <div class="row">
        <span class="badge" data-tone={tone} data-testid="status-text">
          {text}
        </span>
      </div>
      <div class="status-actions">
        <button
          type="button"
          class={status.paused ? 'btn btn-primary' : 'btn'}
          onClick={() => !busy && props.onTogglePause()}
          aria-disabled={busy}
          aria-pressed={status.paused}
          data-testid="pause-toggle"
        >
          {status.paused ? t('action_resume') : t('action_pause')}
        </button>
        {canRule && (
          <button
            type="button"
            class="btn"
            onClick={() => !busy && props.onSetDeny(!denied)}
            aria-disabled={busy}
            data-testid={denied ? 'undo-deny-site' : 'deny-site'}
          >
            {denied ? t('action_undo_never_capture') : t('action_never_capture_site')}
          </button>
        )}
      </div>
    </section>
  );
}
