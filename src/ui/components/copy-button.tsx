import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

/** Copies `text` to the clipboard; the label says "Copied" for a moment and the outcome is announced. */
export function CopyButton(props: { text: string; label: string; testId: string; onCopied?: (ok: boolean) => void }) {
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied('ok');
      props.onCopied?.(true);
    } catch {
      setCopied('failed');
      props.onCopied?.(false);
    }
  };
  return (
    <button type="button" class="btn btn-small" onClick={() => void copy()} aria-label={copied === 'idle' ? props.label : undefined}
      data-testid={props.testId} data-copied={copied}>
      {copied === 'ok' ? t('copy_done') : copied === 'failed' ? t('copy_failed') : t('action_copy')}
    </button>
  );
}
