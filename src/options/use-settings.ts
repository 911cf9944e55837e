import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getSettings, updateSettings, type SettingsPatch, type UiSettings } from '../ui/api';
import { errorMessage, t } from '../ui/i18n';
import type { UiError } from '../ui/messaging';
import { useResult } from '../ui/use-result';

/** A change: a patch, or a function of the latest saved settings (for edits of lists). */
export type SettingsChange = SettingsPatch | ((latest: UiSettings) => SettingsPatch);
export type SaveSettings = (change: SettingsChange) => Promise<boolean>;

/**
 * The options page's settings. Saves run one at a time in click order, and a
 * function change is applied to the settings the previous save returned, so
 * two quick edits never overwrite each other. Controls therefore stay enabled
 * (and keep keyboard focus) while a save is in flight. The page shows what
 * the worker answered; a rejected change re-reads and is announced.
 */
export function useSettings(): {
  current: UiSettings | null;
  loading: boolean;
  error: UiError | null;
  reload: () => Promise<void>;
  save: SaveSettings;
  message: string;
  /** Saves queued or in flight (exposed as data-saving for tests). */
  pending: number;
} {
  const [loaded, reload] = useResult(getSettings);
  const [saved, setSaved] = useState<UiSettings | null>(null);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(0);
  const latest = useRef<UiSettings | null>(null);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  const current = saved ?? (loaded.state === 'ready' ? loaded.data : null);
  latest.current = current;

  const save = useCallback<SaveSettings>(
    (change) => {
      const run = async (): Promise<boolean> => {
        const base = latest.current;
        if (!base) return false;
        const result = await updateSettings(typeof change === 'function' ? change(base) : change);
        if (result.ok) {
          latest.current = result.data;
          setSaved(result.data);
          setMessage(t('options_saved'));
          return true;
        }
        setMessage(errorMessage(result.error.code));
        await reload();
        setSaved(null);
        return false;
      };
      setPending((n) => n + 1);
      const settle = (ok: boolean) => {
        setPending((n) => n - 1);
        return ok;
      };
      queue.current = queue.current.then(run, run).then(settle);
      return queue.current;
    },
    [reload],
  );

  // The popup may have paused capture or denied a site while this tab sat in
  // the background: re-read when the tab is shown again.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload().then(() => setSaved(null));
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  // The message clears itself, so the same message saved twice is announced twice.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  return {
    current,
    loading: loaded.state === 'loading',
    error: loaded.state === 'error' ? loaded.error : null,
    reload,
    save,
    message,
    pending,
  };
}
