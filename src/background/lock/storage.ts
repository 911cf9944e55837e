import { z } from 'zod';
import type { StorageAreaLike } from '../settings-store';

/** chrome.storage.session (and .local) as the lock uses them: get, set and remove. */
export interface RemovableStorageArea extends StorageAreaLike {
  remove(key: string): Promise<void>;
}

/** The part of chrome.alarms the lock uses. */
export interface LockAlarms {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | boolean | void;
}

export const KEYRING_KEY = 'keyring';
export const UNLOCK_KEY = 'unlock';
export const AUTO_LOCK_ALARM = 'auto-lock';

/** The unlocked session: the kek (never the keys) and when it stops being valid. */
export const unlockSessionSchema = z
  .object({ kek: z.string().regex(/^[A-Za-z0-9+/]{43}=$/), expiresAt: z.number().int().min(0) })
  .strict();
export type UnlockSession = z.infer<typeof unlockSessionSchema>;
