import { privateKeyToAccount } from 'viem/accounts';
import type { Reply, UiMessage, UiReplyData } from '../../shared/messages';
import { retryFailedVaultOpen } from '../../vault';
import { fail, ok, type WorkerContext } from '../context';

type Msg<T extends UiMessage['type']> = Extract<UiMessage, { type: T }>;

/**
 * The wallet and lock messages (docs/earning.md "Accounts and keys", "Lock
 * state"). Each answers the WalletState after the change; KeyringErrors
 * (wrong_password, not_set_up, already_set_up, locked) become their own
 * error codes in the router.
 */

/** ui/wallet-state: set up? locked? and when it locks by itself. */
export const handleWalletState = async (ctx: WorkerContext): Promise<Reply<UiReplyData<'ui/wallet-state'>>> => ok(await ctx.lock.state());

/**
 * ui/onboard: creates the account key and the vault key pair under the
 * password; leaves the vault unlocked. A vault whose v4 upgrade waited for a
 * key to seal to is opened (and so upgraded) again.
 */
export async function handleOnboard(ctx: WorkerContext, msg: Msg<'ui/onboard'>): Promise<Reply<UiReplyData<'ui/onboard'>>> {
  const state = await ctx.lock.onboard(msg.password);
  retryFailedVaultOpen(ctx.db);
  return ok(state);
}

/** ui/unlock: one generic error for any wrong password. */
export const handleUnlock = async (ctx: WorkerContext, msg: Msg<'ui/unlock'>): Promise<Reply<UiReplyData<'ui/unlock'>>> =>
  ok(await ctx.lock.unlock(msg.password));

/** ui/lock: forgets the session kek at once. */
export const handleLock = async (ctx: WorkerContext): Promise<Reply<UiReplyData<'ui/lock'>>> => ok(await ctx.lock.lock());

/** ui/account-export: the account private key, for the password given now (not the unlocked session). */
export const handleAccountExport = async (
  ctx: WorkerContext,
  msg: Msg<'ui/account-export'>,
): Promise<Reply<UiReplyData<'ui/account-export'>>> => ok({ privateKey: await ctx.lock.exportAccountKey(msg.password) });

/** ui/account-import: replaces the account key (the vault key pair stays); needs the password again. */
export async function handleAccountImport(
  ctx: WorkerContext,
  msg: Msg<'ui/account-import'>,
): Promise<Reply<UiReplyData<'ui/account-import'>>> {
  if (!isValidAccountKey(msg.privateKey)) return fail('invalid_message', 'not a valid secp256k1 private key');
  return ok(await ctx.lock.importAccountKey(msg.password, msg.privateKey as `0x${string}`));
}

/** 32 bytes of hex is not enough: the key must be in 1..n-1. */
function isValidAccountKey(key: string): boolean {
  try {
    privateKeyToAccount(key.toLowerCase() as `0x${string}`);
    return true;
  } catch {
    return false;
  }
}
