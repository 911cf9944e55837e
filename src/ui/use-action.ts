import { useState } from 'preact/hooks';
import { errorMessage } from './i18n';
import type { Result } from './messaging';

export interface Action {
  /** True while a call is in flight; a second run() meanwhile is ignored. */
  busy: boolean;
  /** The localised error of the last failed call; cleared when the next one starts. */
  error: string;
  run: <T>(call: () => Promise<Result<T>>, onOk: (data: T) => void) => Promise<void>;
}

/**
 * One button's worth of "call the worker": ignores clicks while busy, clears
 * the last error, and on the answer either hands the data to `onOk` or shows
 * the localised error.
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async <T,>(call: () => Promise<Result<T>>, onOk: (data: T) => void): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError('');
    const result = await call();
    setBusy(false);
    if (result.ok) onOk(result.data);
    else setError(errorMessage(result.error.code));
  };
  return { busy, error, run };
}
