import { useState } from 'preact/hooks';
import { deleteAll, exportVault } from '../ui/api';
import { errorMessage, t } from '../ui/i18n';
import { DeleteDialog } from './delete-dialog';
import { VaultTable } from './vault-table';

/** Hands a JSON string to the browser as a download; nothing is uploaded. */
function downloadJson(json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `surf-to-earn-export-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The vault view plus export and delete-all, with their outcomes announced.
 * Busy buttons are aria-disabled rather than disabled so they keep focus.
 */
export function DataSection() {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const [dialogOpen, setDialogOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState('');

  const onExport = async () => {
    setBusy(true);
    const result = await exportVault();
    setBusy(false);
    if (result.ok) {
      downloadJson(result.data);
      setMessage(t('export_done'));
    } else setMessage(errorMessage(result.error.code));
  };
  const onDelete = async () => {
    setBusy(true);
    const result = await deleteAll();
    setBusy(false);
    if (!result.ok) {
      setDeleteError(errorMessage(result.error.code));
      return;
    }
    setDialogOpen(false);
    setDeleteError('');
    setMessage(t('delete_done'));
    setVersion((v) => v + 1);
  };

  return (
    <section class="card" aria-labelledby="data-heading" data-testid="data-section">
      <h2 id="data-heading">{t('options_data_title')}</h2>
      <p class="section-intro">{t('options_data_intro')}</p>
      <VaultTable version={version} />
      <div class="actions" style={{ marginTop: '16px' }}>
        <button type="button" class="btn" aria-disabled={busy} onClick={() => !busy && void onExport()} data-testid="export">
          {t('action_export')}
        </button>
        <button type="button" class="btn btn-danger" aria-disabled={busy} onClick={() => !busy && setDialogOpen(true)} data-testid="delete-all">
          {t('action_delete_all')}
        </button>
      </div>
      <p class="small muted" role="status" aria-live="polite" data-testid="data-status" style={{ marginTop: message ? '8px' : '0' }}>{message}</p>
      <DeleteDialog open={dialogOpen} busy={busy} error={deleteError}
        onCancel={() => { setDialogOpen(false); setDeleteError(''); }} onConfirm={() => void onDelete()} />
    </section>
  );
}
