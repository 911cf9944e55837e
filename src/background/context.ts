import type { VaultDb } from '../vault';
import type { ErrorCode, ErrorReply, OkReply } from '../shared/messages';
import { toReplyError } from '../shared/reply-error';
import type { LockService, NetworkService, Prover } from './services';
import type { SettingsStore } from './settings-store';

/**
 * What a handler may use. Built once per worker start in index.ts from the
 * real browser, and in tests from fake-indexeddb and an in-memory storage.
 * Holds no state that matters: the worker can die between any two events.
 */
export interface WorkerContext {
  db: VaultDb;
  settings: SettingsStore;
  /** Keyring and lock: sealing for capture, opening for reads, the account for signing. */
  lock: LockService;
  /** Wall clock, ms. */
  now(): number;
  /** The user's current UTC offset, minutes, as Date#getTimezoneOffset. */
  tzOffset(): number;
  /** Groth16 proving (offscreen document or in the worker). */
  prover: Prover;
  /** The network chain calls go to. */
  network: NetworkService;
  /**
   * Whether the user granted the optional host permission for an origin pattern
   * (browser.permissions.contains in the worker); without it nothing is granted.
   */
  hostAccess?: (originPattern: string) => Promise<boolean>;
}

/** A content script's verified identity, passed to content handlers. */
export interface ContentSender {
  origin: string;
  tabId: number;
}

export const ok = <T>(data: T): OkReply<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string): ErrorReply => ({ ok: false, error: { code, message } });

/**
 * The ErrorReply for anything a handler threw, through the one mapping
 * (toReplyError). What is not the user's to fix (`internal`, `storage_full`)
 * is logged with its cause; the reply carries only the short message.
 */
export function failWith(err: unknown, what: string): ErrorReply {
  const { code, message } = toReplyError(err, what);
  if (code === 'internal' || code === 'storage_full') console.error(`[surf-to-earn] ${what}: ${code}`, message, err);
  return fail(code, message);
}
