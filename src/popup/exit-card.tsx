import { useState } from 'preact/hooks';
import { exitAll, type JobView } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { Dialog } from '../ui/components/dialog';
import { JobProgress } from '../ui/components/job-progress';
import { EXIT_CONFIRM_WORD } from '../ui/form-checks';
import { formatTokenAmount, shortenHex } from '../ui/amounts';
import { t, uiLanguage } from '../ui/i18n';
import { isOpenJob } from '../ui/jobs';
import { useAction } from '../ui/use-action';
import { NetworkWarning } from './network-warning';
import { usePopup } from './popup-context';

/**
 * "Leave and delete everything": says what happens (unstake all, claim, burn
 * every SBT, delete the vault; the account key stays), asks for the typed
 * word EXIT, then follows the exit job.
 */
export function ExitCard() {
  const { jobs, track, announce } = usePopup();
  const [open, setOpen] = useState(false);
  const exitJobs = jobs.filter((j) => j.kind === 'exit');
  const running = exitJobs.some(isOpenJob);
  const finished = !running && exitJobs.some((j) => j.state === 'done');
  const forfeits = exitJobs.flatMap((j) => j.forfeits ?? []);
  return (
    <section class="card stack danger-zone" aria-labelledby="exit-heading" data-testid="exit-section">
      <h2 id="exit-heading">{t('exit_title')}</h2>
      <p class="small">{t('exit_intro')}</p>
      <ExitSteps />
      {finished && (
        <div class="notice" data-tone="ok" role="status" data-testid="exit-done">
          <strong>{t('exit_done_title')}</strong>
          <p class="small">{t('exit_done_body')}</p>
        </div>
      )}
      {forfeits.length > 0 && <ExitForfeits forfeits={forfeits} />}
      {!running && !finished && (
        <button type="button" class="btn btn-danger btn-block" onClick={() => setOpen(true)} data-testid="exit-open">
          {t('action_exit')}
        </button>
      )}
      {exitJobs.map((job) => <JobProgress key={job.id} job={job} onRetried={track} />)}
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy="exit-dialog-title" describedBy="exit-dialog-body" testId="exit-dialog">
        <ExitConfirm onCancel={() => setOpen(false)} onStarted={(job) => {
          setOpen(false);
          track(job);
          announce(t('announce_exit_started'));
        }} />
      </Dialog>
    </section>
  );
}

/** Pools whose reward token refused to pay: what the exit left behind, pool by pool. */
function ExitForfeits(props: { forfeits: NonNullable<JobView['forfeits']> }) {
  const lang = uiLanguage();
  const amount = (f: NonNullable<JobView['forfeits']>[number]) =>
    f.decimals !== undefined ? t('token_amount', [formatTokenAmount(f.amount, f.decimals, lang), f.symbol ?? '']) : f.amount;
  return (
    <div class="notice" data-tone="warn" role="status" data-testid="exit-forfeits">
      <strong>{t('exit_forfeit_title')}</strong>
      <ul class="small">
        {props.forfeits.map((f) => (
          <li key={`${f.pool}:${f.tokenId}`} data-testid="exit-forfeit" data-pool={f.pool} title={f.pool}>
            {t(f.left ? 'exit_forfeit_left' : 'exit_forfeit_stuck', [shortenHex(f.pool), amount(f)])}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExitSteps() {
  return (
    <ol class="exit-steps small">
      <li>{t('exit_step_unstake')}</li>
      <li>{t('exit_step_claim')}</li>
      <li>{t('exit_step_burn')}</li>
      <li>{t('exit_step_delete')}</li>
    </ol>
  );
}

function ExitConfirm(props: { onCancel: () => void; onStarted: (job: JobView) => void }) {
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useAction();
  const matches = typed.trim() === EXIT_CONFIRM_WORD;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!matches) return;
    await run(exitAll, props.onStarted);
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <h2 id="exit-dialog-title">{t('exit_dialog_title')}</h2>
      <div id="exit-dialog-body" class="stack">
        <p class="small">{t('exit_dialog_body')}</p>
        <ExitSteps />
        <p class="notice small" data-tone="info">{t('exit_key_stays')}</p>
        <NetworkWarning variant="line" />
      </div>
      <div class="stack field" style={{ marginTop: '12px' }}>
        <label for="exit-confirm">{t('exit_type_label', EXIT_CONFIRM_WORD)}</label>
        <input id="exit-confirm" type="text" autoComplete="off" spellcheck={false} autoCapitalize="characters" data-autofocus
          value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} data-confirm-word={EXIT_CONFIRM_WORD}
          data-testid="exit-confirm-input" />
        {error && <p class="field-error" role="alert" data-testid="exit-error">{error}</p>}
      </div>
      <div class="dialog-actions">
        <button type="button" class="btn" onClick={props.onCancel} data-testid="exit-cancel">{t('action_cancel')}</button>
        <BusyButton type="submit" class="btn btn-danger" disabled={!matches} busy={busy} data-testid="exit-confirm">
          {t('action_exit_confirm')}
        </BusyButton>
      </div>
    </form>
  );
}
