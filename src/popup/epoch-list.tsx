import { useState } from 'preact/hooks';
import { proveNow, type EarnState } from '../ui/api';
import { mintableFrom, shortenHex } from '../ui/amounts';
import { mintCandidate, type EpochView } from '../ui/epochs';
import { BusyButton } from '../ui/components/busy-button';
import { JobProgress } from '../ui/components/job-progress';
import { formatDate, formatDayRange, formatNumber, shortTokenId } from '../ui/format';
import { t } from '../ui/i18n';
import { isOpenJob } from '../ui/jobs';
import { useAction } from '../ui/use-action';
import { NetworkWarning } from './network-warning';
import { usePopup } from './popup-context';

/** Epochs shown before "Show all". */
const EPOCHS_COLLAPSED = 3;

function EpochStatus({ epoch, candidate }: { epoch: EpochView; candidate: boolean }) {
  if (epoch.minted) return <span class="badge" data-tone="ok">{t('epoch_minted')}</span>;
  if (!epoch.finished) return <span class="badge" data-tone="info">{t('epoch_running')}</span>;
  if (epoch.points === 0) return <span class="badge">{t('epoch_no_points')}</span>;
  return <span class="badge" data-tone="warn">{candidate ? t('epoch_ready') : t('epoch_not_minted')}</span>;
}

/**
 * The user's weeks, newest first: points, whether the week's SBT is minted
 * (with its token id and root), and "Prove and mint" on the one week it
 * applies to. The running week says from when it can be minted.
 */
export function EpochList({ earn }: { earn: EarnState }) {
  const { jobs, track, announce } = usePopup();
  const [expanded, setExpanded] = useState(false);
  const { busy, error, run } = useAction();
  const sorted = [...earn.epochs].sort((a, b) => b.epoch - a.epoch);
  const shown = expanded ? sorted : sorted.slice(0, EPOCHS_COLLAPSED);
  const candidate = mintCandidate(earn.epochs);
  const mintJobs = jobs.filter((j) => j.kind === 'mint');
  const openMint = mintJobs.find(isOpenJob);

  const mint = (epoch: number) =>
    run(() => proveNow(epoch), (job) => {
      track(job);
      announce(t('announce_mint_started', epoch));
    });

  return (
    <section class="card" aria-labelledby="epochs-heading" data-testid="epochs" data-chain-epoch={earn.chainEpoch}>
      <h2 id="epochs-heading">{t('earn_epochs_title')}</h2>
      {sorted.length === 0 ? (
        <p class="muted" data-testid="epochs-empty">{t('earn_epochs_empty')}</p>
      ) : (
        <ul class="epochs" id="epoch-list">
          {shown.map((e) => {
            const isCandidate = candidate?.epoch === e.epoch;
            return (
              <li key={e.epoch} data-testid="epoch-row" data-epoch={e.epoch} data-points={e.points} data-minted={e.minted}
                data-finished={e.finished}>
                <div class="row-between">
                  <div class="epoch-when">
                    <strong>{formatDayRange(e.firstDay, e.lastDay)}</strong>
                    <span class="small muted">{t('popup_epoch_number', String(e.epoch))}</span>
                  </div>
                  <span class="epoch-points num">{t('points_count', formatNumber(e.points))}</span>
                </div>
                <div class="row wrap">
                  <EpochStatus epoch={e} candidate={isCandidate} />
                  {e.minted && e.tokenId && <span class="small muted" title={e.tokenId}>{t('epoch_token', shortTokenId(e.tokenId))}</span>}
                  {e.minted && e.provenPoints !== undefined && (
                    <span class="small muted">{t('epoch_proven', formatNumber(e.provenPoints))}</span>
                  )}
                </div>
                {e.minted && e.root && (
                  <p class="small muted">
                    {t('epoch_root')} <code title={e.root} data-testid="epoch-root">{shortenHex(e.root, 10, 6)}</code>
                  </p>
                )}
                {!e.finished && (
                  <p class="small muted" data-testid="epoch-mintable-from">{t('epoch_mintable_from', formatDate(mintableFrom(e.lastDay)))}</p>
                )}
                {isCandidate && !openMint && <NetworkWarning variant="line" />}
                {isCandidate && !openMint && (
                  <BusyButton type="button" class="btn btn-primary btn-block" busy={busy} onClick={() => void mint(e.epoch)}
                    data-testid="prove-now">
                    {t('action_prove_mint')}
                  </BusyButton>
                )}
                {isCandidate && !openMint && <p class="small muted">{t('earn_mint_explainer')}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {sorted.length > EPOCHS_COLLAPSED && (
        <button type="button" class="btn btn-link small" aria-expanded={expanded} aria-controls="epoch-list"
          onClick={() => setExpanded(!expanded)} data-testid="epochs-toggle">
          {expanded ? t('action_show_fewer') : t('action_show_all', formatNumber(sorted.length))}
        </button>
      )}
      {error && <p class="field-error" role="alert" data-testid="prove-error">{error}</p>}
      {mintJobs.length > 0 && (
        <div class="stack job-list">
          {mintJobs.map((job) => (
            <JobProgress key={job.id} job={job} onRetried={track} />
          ))}
        </div>
      )}
    </section>
  );
}
