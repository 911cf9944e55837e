import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { JobView, WalletState } from '../ui/api';
import type { UiError } from '../ui/messaging';
import type { Loadable } from '../ui/use-result';

/** What every unlocked screen can reach: the wallet, the job tracker and a way back to the gate. */
export interface PopupContextValue {
  wallet: WalletState;
  /** Re-reads the wallet state (after lock, exit, or a `locked` error from any call). */
  refreshGate: () => void;
  /** Jobs known to this popup, newest first. */
  jobs: readonly JobView[];
  /** Starts following a job the worker answered (polled until done or failed). */
  track: (job: JobView) => void;
  /** Bumped whenever a tracked job finishes, so screens re-read what it changed. */
  jobsSettled: number;
  /** A message for the popup's live region. */
  announce: (text: string) => void;
}

export const PopupContext = createContext<PopupContextValue | null>(null);

export function usePopup(): PopupContextValue {
  const value = useContext(PopupContext);
  if (!value) throw new Error('usePopup outside PopupContext');
  return value;
}

/** True for an error that means "the vault locked meanwhile": the gate then shows the unlock screen. */
export function isLockedError(error: UiError): boolean {
  return error.code === 'locked' || error.code === 'not_set_up';
}

/** Sends the gate back to the unlock screen when a read says the vault locked meanwhile. */
export function useLockWatch(value: Loadable<unknown>): void {
  const { refreshGate } = usePopup();
  const locked = value.state === 'error' && isLockedError(value.error);
  useEffect(() => {
    if (locked) refreshGate();
  }, [locked, refreshGate]);
}
