import { privateKeyToAccount } from 'viem/accounts';
import type { LocalAccount } from 'viem';
import {
  createKeyring,
  createOpener,
  createSealer,
  fromBase64,
  KeyringError,
  openKeyring,
  parseKeyringRecord,
  replaceAccountKey,
  toBase64,
  unlockKeyring,
  type KeyringRecord,
  type KeyringSecrets,
  type Opener,
  type Sealer,
} from '../../keyring';
import type { WalletState } from '../../shared/earning-messages';
import type { LockService } from '../services';
import { createSettingsStore, type SettingsStore } from '../settings-store';
import {
  AUTO_LOCK_ALARM,
  KEYRING_KEY,
  UNLOCK_KEY,
  unlockSessionSchema,
  type LockAlarms,
  type RemovableStorageArea,
  type UnlockSession,
} from './storage';

/** UI activity moves the deadline at most this often (each move is a storage write and an alarm). */
export const TOUCH_INTERVAL_MS = 30_000;

export interface LockServiceOptions {
  /** chrome.storage.local: the keyring record (and the settings). */
  local: RemovableStorageArea;
  /** chrome.storage.session: `unlock` while unlocked. */
  session: RemovableStorageArea;
  alarms: LockAlarms;
  now(): number;
  /** PBKDF2 rounds for new keyrings (tests only); unlock uses the record's own count. */
  iterations?: number;
  /** Where autoLockMinutes is read; defaults to the settings in `local`. */
  settings?: SettingsStore;
}

/** The lock service the worker builds (vaultPublicKey, which opening the vault database needs, is part of LockService). */
export type WorkerLockService = LockService;

/**
 * The keyring and lock (docs/earning.md "Lock state"). Nothing is
 * remembered between calls: every call reads the record and the session
 * again and treats a past `expiresAt` as locked (clearing it), so a restarted
 * worker or a missed alarm can never keep the vault open. The account key
 * and the vault private key exist in plaintext only inside one call.
 */
export function createLockService(opts: LockServiceOptions): WorkerLockService {
  const { local, session, alarms, now } = opts;
  const settings = opts.settings ?? createSettingsStore(local);
  // Per worker lifetime: one sealer (one ephemeral key, docs/earning.md), and the opener of the
  // current session so its per-epk key cache survives between messages. Both are re-checked
  // against storage on every call, so neither can outlive a lock or a new keyring.
  let sealer: { publicKey: string; sealer: Promise<Sealer> } | undefined;
  let opener: { kek: string; publicKey: string; opener: Promise<Opener> } | undefined;
  // Writes of the keyring run one at a time: two quick onboard clicks must not leave two keyrings
  // (rows sealed to the first would never open again).
  let writes: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = writes.then(fn);
    writes = run.catch(() => undefined);
    return run;
  }

  async function readRecord(): Promise<KeyringRecord | undefined> {
    const raw = (await local.get(KEYRING_KEY))[KEYRING_KEY];
    return raw === undefined ? undefined : parseKeyringRecord(raw);
  }

  async function requireRecord(): Promise<KeyringRecord> {
    const record = await readRecord();
    if (!record) throw new KeyringError('not_set_up');
    return record;
  }

  /** The live session, or undefined (an expired or malformed one is removed on the way). */
  async function readSession(): Promise<UnlockSession | undefined> {
    const raw = (await session.get(UNLOCK_KEY))[UNLOCK_KEY];
    if (raw === undefined) return undefined;
    const parsed = unlockSessionSchema.safeParse(raw);
    if (parsed.success && parsed.data.expiresAt > now()) return parsed.data;
    await endSession();
    return undefined;
  }

  async function endSession(): Promise<void> {
    await session.remove(UNLOCK_KEY);
    await alarms.clear(AUTO_LOCK_ALARM);
  }

  /** The auto-lock deadline counted from now. */
  async function deadline(): Promise<number> {
    return now() + (await settings.get()).autoLockMinutes * 60_000;
  }

  /** Stores the session and arms the auto-lock alarm for its deadline. */
  async function writeSession(kek: string, expiresAt: number): Promise<void> {
    await session.set({ [UNLOCK_KEY]: { kek, expiresAt } satisfies UnlockSession });
    await alarms.create(AUTO_LOCK_ALARM, { when: expiresAt });
  }

  async function startSession(kek: Uint8Array<ArrayBuffer>): Promise<void> {
    await writeSession(toBase64(kek), await deadline());
  }

  /** The record and the live session; throws not_set_up / locked. */
  async function unlocked(): Promise<{ record: KeyringRecord; live: UnlockSession }> {
    const record = await requireRecord();
    const live = await readSession();
    if (!live) throw new KeyringError('locked');
    return { record, live };
  }

  /** The opened secrets for an unlocked vault. */
  async function secrets(): Promise<KeyringSecrets> {
    const { record, live } = await unlocked();
    return openKeyring(record, fromBase64(live.kek));
  }

  /** Drops a cached promise that rejected, so the next call tries again. */
  function forgetOnFailure<T>(p: Promise<T>, forget: () => void): Promise<T> {
    p.catch(forget);
    return p;
  }

  async function state(): Promise<WalletState> {
    const { autoLockMinutes } = await settings.get();
    const record = await readRecord();
    if (!record) return { setUp: false, locked: true, autoLockMinutes };
    const live = await readSession();
    return live
      ? { setUp: true, locked: false, address: record.address, autoLockMinutes, lockAt: live.expiresAt }
      : { setUp: true, locked: true, address: record.address, autoLockMinutes };
  }

  return {
    state,

    onboard: (password) =>
      serial(async () => {
        // Any stored value counts, even a damaged one: onboarding never overwrites a keyring.
        if ((await local.get(KEYRING_KEY))[KEYRING_KEY] !== undefined) throw new KeyringError('already_set_up');
        const { record, kek } = await createKeyring(password, { now: now(), iterations: opts.iterations });
        await local.set({ [KEYRING_KEY]: record });
        await startSession(kek);
        return state();
      }),

    async unlock(password) {
      const { kek } = await unlockKeyring(await requireRecord(), password);
      await startSession(kek);
      return state();
    },

    async lock() {
      opener = undefined;
      await endSession();
      return state();
    },

    async touch() {
      const live = await readSession();
      if (!live) return;
      const expiresAt = await deadline();
      const moved = expiresAt - live.expiresAt;
      if (moved >= 0 && moved < TOUCH_INTERVAL_MS) return;
      await writeSession(live.kek, expiresAt);
    },

    async sealer() {
      const { vaultPublicKey } = await requireRecord();
      if (sealer?.publicKey !== vaultPublicKey) {
        const made = forgetOnFailure(createSealer(vaultPublicKey), () => (sealer = undefined));
        sealer = { publicKey: vaultPublicKey, sealer: made };
      }
      return sealer.sealer;
    },

    async opener(): Promise<Opener> {
      const { record, live } = await unlocked();
      if (opener?.kek !== live.kek || opener.publicKey !== record.vaultPublicKey) {
        const made = (async () => createOpener((await openKeyring(record, fromBase64(live.kek))).vaultPrivateKey))();
        opener = { kek: live.kek, publicKey: record.vaultPublicKey, opener: forgetOnFailure(made, () => (opener = undefined)) };
      }
      return opener.opener;
    },

    async account(): Promise<LocalAccount> {
      return privateKeyToAccount((await secrets()).accountKey);
    },

    async exportAccountKey(password) {
      const { secrets: opened } = await unlockKeyring(await requireRecord(), password);
      return opened.accountKey;
    },

    importAccountKey: (password, privateKey) =>
      serial(async () => {
        const opened = await unlockKeyring(await requireRecord(), password);
        await local.set({ [KEYRING_KEY]: await replaceAccountKey(opened, privateKey) });
        return state();
      }),

    async vaultPublicKey() {
      return (await readRecord())?.vaultPublicKey;
    },
  };
}
