/**
 * The worker's services beyond the vault and settings, as interfaces, so
 * handlers and jobs are written (and tested) against them while the browser
 * implementations live in their own modules (docs/earning.md):
 * - LockService: src/background/lock/ (keyring in chrome.storage.local, unlock in chrome.storage.session);
 * - Prover: src/background/prover/ (offscreen document with workers, or single-threaded in the worker);
 * - NetworkService: src/background/network/ (bundled devnet deployment or a custom network).
 */
import type { LocalAccount } from 'viem';
import type { WalletState } from '../shared/earning-messages';
import type { NetworkSetting, ResolvedNetwork } from '../shared/network';
import type { CircuitInput, EpochProofResult } from '../zk';
import type { Opener, Sealer } from '../keyring';

export interface LockService {
  state(): Promise<WalletState>;
  /** Creates the keyring; throws KeyringError('already_set_up'). Leaves the vault unlocked. */
  onboard(password: string): Promise<WalletState>;
  /** Throws KeyringError('wrong_password' | 'not_set_up'). */
  unlock(password: string): Promise<WalletState>;
  lock(): Promise<WalletState>;
  /** Pushes the auto-lock deadline forward (UI activity). No-op when locked. */
  touch(): Promise<void>;
  /** Works while locked once set up (capture never needs the password); throws KeyringError('not_set_up'). */
  sealer(): Promise<Sealer>;
  /** Unlocked only; throws KeyringError('locked' | 'not_set_up'). */
  opener(): Promise<Opener>;
  /** The vault public key, or undefined before onboarding (the v3→v4 upgrade seals to it; capture asks it). */
  vaultPublicKey(): Promise<string | undefined>;
  /** The embedded account, unlocked only; the key is decrypted for this call and not kept. */
  account(): Promise<LocalAccount>;
  /** Re-derives from the password (not the session); throws KeyringError('wrong_password'). */
  exportAccountKey(password: string): Promise<`0x${string}`>;
  importAccountKey(password: string, privateKey: `0x${string}`): Promise<WalletState>;
}

export interface ProveProgress {
  stage: 'loading' | 'witness' | 'proving';
  /** 0–100 estimated within the stage. */
  percent: number;
}

export interface Prover {
  prove(input: CircuitInput, batchSize: number, onProgress?: (p: ProveProgress) => void): Promise<EpochProofResult>;
}

export interface NetworkService {
  /** Throws ChainError-like Error with code 'network_unavailable' when no network is configured. */
  current(): Promise<ResolvedNetwork>;
  /** The stored setting, validated (nothing stored or invalid → devnet). */
  setting(): Promise<NetworkSetting>;
  /** setting() and current() from one read of the stored setting; throws like current(). */
  settingAndCurrent(): Promise<{ setting: NetworkSetting; network: ResolvedNetwork }>;
  /**
   * Validates and resolves the setting, awaits `check` on the result (which
   * throws to refuse, e.g. when the RPC is another chain), then stores it.
   */
  save(setting: NetworkSetting, check?: (network: ResolvedNetwork) => Promise<void>): Promise<ResolvedNetwork>;
}
