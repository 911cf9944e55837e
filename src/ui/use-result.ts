import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result, UiError } from './messaging';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: UiError };

/**
 * Runs `load` on mount and on `reload()`, exposing loading / ready / error.
 * A reload keeps showing the previous data until the new answer arrives
 * (no flicker after every click); a stale answer never overwrites a newer one.
 */
export function useResult<T>(load: () => Promise<Result<T>>): [Loadable<T>, () => Promise<void>] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    const result = await load();
    if (mine !== seq.current) return;
    setValue(result.ok ? { state: 'ready', data: result.data } : { state: 'error', error: result.error });
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [value, reload];
}
