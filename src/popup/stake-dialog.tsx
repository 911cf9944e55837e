import { useCallback, useState } from 'preact/hooks';
import { getStakePreview, stake, type JobView, type PoolView, type StakePreview } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { Dialog } from '../ui/components/dialog';
import { ErrorView, Loading } from '../ui/components/state-views';
import { formatNumber } from '../ui/format';
import { categoryLabel, t } from '../ui/i18n';
import { useAction } from '../ui/use-action';
import { useResult } from '../ui/use-result';
import { NetworkWarning } from './network-warning';

/**
 * Before staking: exactly what becomes public (from ui/stake-preview, the
 * same values the proof will bind) and what stays on this device. Nothing is
 * sent until Confirm; the stake then runs as a job the pool card follows.
 */
export function StakeDialog(props: StakeProps & { open: boolean }) {
  return (
    <Dialog open={props.open} onClose={props.onClose} labelledBy="stake-title" describedBy="stake-intro" testId="stake-dialog">
      <StakeBody {...props} />
    </Dialog>
  );
}

type StakeProps = { pool: PoolView; tokenId: string; onClose: () => void; onStarted: (job: JobView) => void };

/** Mounted only while the dialog is open, so the preview is read fresh each time. */
function StakeBody(props: StakeProps) {
  const { pool, tokenId } = props;
  const load = useCallback(() => getStakePreview(pool.address, tokenId), [pool.address, tokenId]);
  const [preview, reload] = useResult(load);
  const { busy, error, run } = useAction();
  const [understood, setUnderstood] = useState(false);
  const delivery = preview.state === 'ready' ? preview.data.delivery : undefined;

  const confirm = () => run(() => stake(pool.address, tokenId, delivery?.digest), props.onStarted);

  return (
    <>
      <h2 id="stake-title">{t('stake_title', pool.name)}</h2>
      <p id="stake-intro" class="small muted">{t('stake_intro')}</p>
      <NetworkWarning variant="line" />
      {preview.state === 'loading' && <Loading testId="stake-preview-loading" />}
      {preview.state === 'error' && <ErrorView error={preview.error} onRetry={() => void reload()} testId="stake-preview-error" />}
      {preview.state === 'ready' && <PreviewBody preview={preview.data} />}
      {delivery && <DeliveryBody delivery={delivery} />}
      {delivery && (
        <label class="check" data-testid="delivery-understood-label">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood((e.target as HTMLInputElement).checked)}
            data-testid="delivery-understood" />
          <span>{t('delivery_understood')}</span>
        </label>
      )}
      {error && <p class="field-error" role="alert" data-testid="stake-error">{error}</p>}
      <div class="dialog-actions">
        <button type="button" class="btn" onClick={props.onClose} data-testid="stake-cancel">{t('action_cancel')}</button>
        <BusyButton type="button" class="btn btn-primary" disabled={preview.state !== 'ready' || (!!delivery && !understood)} busy={busy}
          onClick={() => void confirm()} data-testid="stake-confirm">
          {delivery ? t('action_confirm_stake_deliver') : t('action_confirm_stake')}
        </BusyButton>
      </div>
    </>
  );
}

function PreviewBody({ preview }: { preview: StakePreview }) {
  const categories = preview.categories.map(categoryLabel).join(t('list_separator'));
  return (
    <div class="stack preview">
      <section class="preview-block" data-tone="public" aria-labelledby="preview-public" data-testid="stake-public"
        data-address={preview.address} data-token-id={preview.tokenId} data-epoch={preview.epoch} data-root={preview.root}
        data-points={preview.points}>
        <h3 id="preview-public">{t('stake_public_title')}</h3>
        <dl class="facts">
          <div>
            <dt>{t('stake_public_address')}</dt>
            <dd><code class="break">{preview.address}</code></dd>
          </div>
          <div>
            <dt>{t('stake_public_token')}</dt>
            <dd>{t('stake_public_token_value', [preview.tokenId, preview.epoch])}</dd>
          </div>
          <div>
            <dt>{t('stake_public_root')}</dt>
            <dd><code class="break">{preview.root}</code></dd>
          </div>
          <div>
            <dt>{t('stake_public_points', categories)}</dt>
            <dd class="num"><strong>{t('points_count', formatNumber(preview.points))}</strong></dd>
          </div>
        </dl>
        <p class="small muted">{t('stake_public_note')}</p>
      </section>
      <section class="preview-block" data-tone="private" aria-labelledby="preview-private" data-testid="stake-private">
        <h3 id="preview-private">{t('stake_private_title')}</h3>
        <ul>
          <li>{t('stake_private_sites')}</li>
          <li>{t('stake_private_times')}</li>
          <li>{t('stake_private_other_categories')}</li>
          <li>{t('stake_private_footprints')}</li>
        </ul>
      </section>
    </div>
  );
}

type Delivery = NonNullable<StakePreview['delivery']>;

/** A delivery pool: exactly what its sponsor receives, record by record (or the totals), its size and who receives it. */
function DeliveryBody({ delivery }: { delivery: Delivery }) {
  const days = Math.round(delivery.reviewSeconds / 86_400);
  return (
    <section class="preview-block" data-tone="public" aria-labelledby="delivery-title" data-testid="stake-delivery"
      data-tier={delivery.tier} data-rows={delivery.rows.length} data-bytes={delivery.envelopeBytes} data-digest={delivery.digest}>
      <h3 id="delivery-title">{t(delivery.tier === 'records' ? 'delivery_title_records' : 'delivery_title_totals')}</h3>
      <dl class="facts">
        <div>
          <dt>{t('delivery_recipient')}</dt>
          <dd><code class="break" data-testid="delivery-sponsor">{delivery.sponsor}</code></dd>
        </div>
        <div>
          <dt>{t('delivery_terms')}</dt>
          <dd data-testid="delivery-terms">{delivery.terms || t('delivery_terms_none')}</dd>
        </div>
        <div>
          <dt>{t('delivery_size')}</dt>
          <dd class="num">{t('delivery_size_value', [formatNumber(delivery.envelopeBytes)])}</dd>
        </div>
      </dl>
      {delivery.tier === 'records' ? (
        <div class="table-scroll" tabIndex={0} aria-label={t('delivery_title_records')}>
          <table class="records" data-testid="delivery-records">
            <thead>
              <tr>
                <th scope="col">{t('delivery_col_date')}</th>
                <th scope="col">{t('delivery_col_site')}</th>
                <th scope="col">{t('delivery_col_category')}</th>
                <th scope="col" class="num">{t('delivery_col_active')}</th>
                <th scope="col" class="num">{t('delivery_col_visits')}</th>
                <th scope="col" class="num">{t('delivery_col_interactions')}</th>
              </tr>
            </thead>
            <tbody>
              {delivery.rows.map((r) => (
                <tr key={`${r.date}:${r.domain}`} data-testid="delivery-record" data-domain={r.domain} data-date={r.date}>
                  <td>{r.date}</td>
                  <td>{r.domain}</td>
                  <td>{categoryLabel(r.category)}</td>
                  <td class="num">{formatNumber(r.activeSeconds)}</td>
                  <td class="num">{formatNumber(r.visits)}</td>
                  <td class="num">{formatNumber(r.interactions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        delivery.totals && (
          <dl class="facts" data-testid="delivery-totals">
            <div><dt>{t('delivery_col_active')}</dt><dd class="num">{formatNumber(delivery.totals.activeSeconds)}</dd></div>
            <div><dt>{t('delivery_col_visits')}</dt><dd class="num">{formatNumber(delivery.totals.visits)}</dd></div>
            <div><dt>{t('delivery_col_interactions')}</dt><dd class="num">{formatNumber(delivery.totals.interactions)}</dd></div>
            <div><dt>{t('delivery_domain_days')}</dt><dd class="num">{formatNumber(delivery.totals.activeDomainDays)}</dd></div>
          </dl>
        )
      )}
      <ul class="small">
        <li>{t('delivery_warning_linkable')}</li>
        <li>{t('delivery_warning_final')}</li>
        <li>{t('delivery_review', [String(days)])}</li>
      </ul>
    </section>
  );
}
