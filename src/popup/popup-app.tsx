import { useCallback, useEffect, useState } from 'preact/hooks';
import { getWalletState, lock, type WalletState } from '../ui/api';
import { ErrorView, Loading } from '../ui/components/state-views';
import { errorMessage, t } from '../ui/i18n';
import { useResult } from '../ui/use-result';
import { AppShell } from './app-shell';
import { OnboardScreen } from './onboard-screen';
import { PopupHeader } from './popup-header';
import { UnlockScreen } from './unlock-screen';

/**
 * The popup's gate: ui/wallet-state decides what shows. Not set up →
 * onboarding; locked → unlock; unlocked → the tabs. Screens hand back the
 * wallet state the worker answered, so the gate never guesses; anything that
 * meets a `locked` error asks the gate to re-read.
 */
export function PopupApp() {
  const [loaded, reload] = useResult(getWalletState);
  const [answered, setAnswered] = useState<WalletState | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [locking, setLocking] = useState(false);
  const [cameThroughGate, setCameThroughGate] = useState(false);
  const wallet = answered ?? (loaded.state === 'ready' ? loaded.data : null);

  // Re-reads in place: the screen changes only when the new answer differs (no flash of an older state).
  const refreshGate = useCallback(() => {
    void getWalletState().then((r) => r.ok && setAnswered(r.data));
  }, []);

  // The worker locks by itself at lockAt (pushed forward by use): look again then, so an idle popup
  // does not keep showing unlocked screens over a locked vault.
  const lockAt = wallet && !wallet.locked ? wallet.lockAt : undefined;
  useEffect(() => {
    if (lockAt === undefined) return;
    const timer = setTimeout(refreshGate, Math.max(1000, lockAt - Date.now() + 1000));
    return () => clearTimeout(timer);
  }, [lockAt, refreshGate]);

  const onLock = async () => {
    if (locking) return;
    setLocking(true);
    const result = await lock();
    setLocking(false);
    if (result.ok) {
      setAnswered(result.data);
      setAnnouncement(t('announce_locked'));
    } else setAnnouncement(errorMessage(result.error.code));
  };

  const unlocked = !!wallet && wallet.setUp && !wallet.locked;
  const screen = !wallet ? 'gate' : !wallet.setUp ? 'onboard' : wallet.locked ? 'unlock' : 'app';
  return (
    <main class="popup" data-testid="popup" data-screen={screen}>
      <PopupHeader onLock={unlocked ? () => void onLock() : undefined} locking={locking} />
      <p class="visually-hidden" aria-live="polite" data-testid="announcement">{announcement}</p>
      {!wallet && loaded.state === 'loading' && <Loading />}
      {!wallet && loaded.state === 'error' && <ErrorView error={loaded.error} onRetry={() => void reload()} />}
      {wallet && !wallet.setUp && <OnboardScreen onDone={(w) => { setAnswered(w); setCameThroughGate(true); setAnnouncement(t('announce_onboarded')); }} />}
      {wallet && wallet.setUp && wallet.locked && <UnlockScreen onDone={(w) => { setAnswered(w); setCameThroughGate(true); setAnnouncement(t('announce_unlocked')); }} />}
      {unlocked && <AppShell wallet={wallet} refreshGate={refreshGate} announce={setAnnouncement} focusTabs={cameThroughGate} />}
    </main>
  );
}
