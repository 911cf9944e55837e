import { browser } from '../platform/browser';
import { t } from '../ui/i18n';
import { LockIcon } from './icons';

/** Opens the options page; a real popup then closes itself (opened as a tab, it stays). */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
  if (!(await browser.tabs.getCurrent())) window.close();
}

/** Brand, Settings, and Lock while unlocked. */
export function PopupHeader(props: { onLock?: () => void; locking: boolean }) {
  return (
    <header class="popup-header">
      <div class="brand">
        <img class="brand-mark" src="/icons/icon-48.png" width={24} height={24} alt="" />
        <h1>{t('extName')}</h1>
      </div>
      <div class="row">
        <button type="button" class="btn btn-small btn-icon" onClick={() => void openOptions()} aria-label={t('popup_open_options')}
          title={t('popup_open_options')} data-testid="open-options">
          <GearIcon />
        </button>
        {props.onLock && (
          <button type="button" class="btn btn-small" onClick={props.onLock} aria-disabled={props.locking} data-testid="lock-button">
            <LockIcon size={12} decorative />
            {t('action_lock')}
          </button>
        )}
      </div>
    </header>
  );
}

function GearIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" fill-rule="evenodd" d="M6.6 1h2.8l.4 1.9 1.1.6 1.8-.7 1.4 2.4-1.4 1.3v1.2l1.4 1.3-1.4 2.4-1.8-.7-1.1.6-.4 1.9H6.6l-.4-1.9-1.1-.6-1.8.7-1.4-2.4 1.4-1.3V7.1L1.9 5.8l1.4-2.4 1.8.7 1.1-.6L6.6 1ZM8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4Z" />
    </svg>
  );
}
