import { t } from '../ui/i18n';

/** Global pause: one real button whose label says what it will do. */
export function CaptureSection(props: { paused: boolean; onToggle: () => void }) {
  return (
    <section class="card" aria-labelledby="capture-heading" data-testid="capture-section" data-paused={props.paused}>
      <h2 id="capture-heading">{t('options_capture_title')}</h2>
      <div class="toggle-row">
        <span class="badge" data-tone={props.paused ? 'warn' : 'ok'} data-testid="options-capture-state">
          {props.paused ? t('status_paused') : t('status_on')}
        </span>
        <button
          type="button"
          class={props.paused ? 'btn btn-primary' : 'btn'}
          aria-pressed={props.paused}
          onClick={props.onToggle}
          data-testid="options-pause-toggle"
        >
          {props.paused ? t('action_resume') : t('action_pause')}
        </button>
      </div>
      <p class="small muted" style={{ marginTop: '8px' }}>{t('options_capture_help')}</p>
    </section>
  );
}
