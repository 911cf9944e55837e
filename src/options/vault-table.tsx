import { useCallback, useEffect, useState } from 'preact/hooks';
import { listVault } from '../ui/api';
import { ErrorView, Loading } from '../ui/components/state-views';
import { formatDate, formatDuration, formatNumber } from '../ui/format';
import { categoryLabel, t } from '../ui/i18n';
import { useResult } from '../ui/use-result';

export const VAULT_PAGE_SIZE = 20;

/**
 * The vault, one page of footprints at a time, newest first (the worker's
 * order). `version` is bumped by the parent after a delete to re-read.
 */
export function VaultTable({ version }: { version: number }) {
  const [page, setPage] = useState(0);
  // After a delete (version bump) the old page number may no longer exist.
  useEffect(() => setPage(0), [version]);
  const load = useCallback(() => listVault(page * VAULT_PAGE_SIZE, VAULT_PAGE_SIZE), [page, version]);
  const [rows, reload] = useResult(load);
  if (rows.state === 'loading') return <Loading testId="vault-loading" />;
  if (rows.state === 'error') return <ErrorView error={rows.error} onRetry={() => void reload()} testId="vault-error" />;
  const { items, total } = rows.data;
  if (total === 0) {
    return <p class="muted" data-testid="vault-empty">{t('vault_empty')}</p>;
  }
  const pages = Math.max(1, Math.ceil(total / VAULT_PAGE_SIZE));
  const first = page * VAULT_PAGE_SIZE + 1;
  const last = Math.min(total, first + items.length - 1);
  return (
    <div data-testid="vault" data-total={total}>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('vault_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('vault_col_date')}</th>
              <th scope="col">{t('vault_col_site')}</th>
              <th scope="col">{t('vault_col_category')}</th>
              <th scope="col" class="num">{t('vault_col_active')}</th>
              <th scope="col" class="num">{t('vault_col_scroll')}</th>
              <th scope="col" class="num">{t('vault_col_interactions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id} data-testid="vault-row" data-domain={row.domain}>
                <td>{formatDate(row.startedAt)}</td>
                <td>{row.domain}</td>
                <td>{categoryLabel(row.category)}</td>
                <td class="num">{formatDuration(Math.round(row.activeMs / 1000))}</td>
                <td class="num">{t('percent', row.scrollDepth)}</td>
                <td class="num">{formatNumber(row.interactions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label={t('vault_pager_label')}>
        <button type="button" class="btn" aria-disabled={page === 0} onClick={() => page > 0 && setPage(page - 1)} data-testid="vault-prev">
          {t('action_previous')}
        </button>
        <span class="small muted" aria-live="polite" data-testid="vault-range">
          {t('vault_range', [formatNumber(first), formatNumber(last), formatNumber(total)])}
        </span>
        <button type="button" class="btn" aria-disabled={page >= pages - 1} onClick={() => page < pages - 1 && setPage(page + 1)} data-testid="vault-next">
          {t('action_next')}
        </button>
      </nav>
    </div>
  );
}
