import { useState } from 'preact/hooks';
import { Dialog } from '../ui/components/dialog';
import { t } from '../ui/i18n';

/**
 * Type-to-confirm: the delete button stays disabled until the user types
 * the localised confirmation word. Escape or Cancel closes without effect.
 */
export function DeleteDialog(props: { open: boolean; busy: boolean; error: string; onCancel: () => void; onConfirm: () => void }) {
  const [typed, setTyped] = useState('');
  const word = t('delete_confirm_word');
  const matches = typed.trim() === word;
  const close = () => {
    setTyped('');
    props.onCancel();
  };
  return (
    <Dialog open={props.open} onClose={close} labelledBy="delete-title" describedBy="delete-body" testId="delete-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !props.busy) props.onConfirm();
        }}
      >
        <h2 id="delete-title">{t('delete_title')}</h2>
        <p id="delete-body">{t('delete_body')}</p>
        <div class="stack" style={{ marginTop: '16px', gap: '4px' }}>
          <label for="delete-confirm">{t('delete_type_label', word)}</label>
          <input id="delete-confirm" type="text" autoComplete="off" spellcheck={false} data-autofocus data-confirm-word={word}
            value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} data-testid="delete-confirm-input" />
          {props.error && <p class="field-error" role="alert" data-testid="delete-error">{props.error}</p>}
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={close} data-testid="delete-cancel">{t('action_cancel')}</button>
          <button type="submit" class="btn btn-danger" disabled={!matches || props.busy} data-testid="delete-confirm">
            {t('action_delete_everything')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
