import type { ContentMessage, Reply, UiMessage } from '../../shared/messages';
import { ok, type ContentSender, type WorkerContext } from '../context';
import { handleFootprint } from './footprint';
import { handleSetPaused, handleSetSiteRule, handleSettingsGet, handleSettingsUpdate } from './settings';
import { handleStatus } from './status';
import { handleDeleteAll, handleExport, handleVaultList } from './vault';
import { handleAccountExport, handleAccountImport, handleLock, handleOnboard, handleUnlock, handleWalletState } from './wallet';
import { handleHiddenPools, handleHidePool } from './hidden-pools';
import { handleBalances, handleFaucet, handleNetworkGet, handleNetworkSet } from './network';
import {
  handleClaim,
  handleEarnState,
  handleExit,
  handleJob,
  handlePools,
  handleProveNow,
  handleStake,
  handleStakePreview,
  handleUnstake,
  startsJob,
} from './earn';

/**
 * The registry: one handler per message type. The `Record` types make a
 * missing handler a compile error; a unit test checks the same at run time.
 * Every registered handler answers a Reply: handlers that cannot refuse
 * return plain data and are wrapped by `data()`.
 */
type Result = Promise<Reply<unknown>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = <A extends any[], T>(fn: (...args: A) => Promise<T>) => async (...args: A): Promise<Reply<T>> => ok(await fn(...args));
type UiHandlers = { [T in UiMessage['type']]: (ctx: WorkerContext, msg: Extract<UiMessage, { type: T }>) => Result };
type ContentHandlers = {
  [T in ContentMessage['type']]: (ctx: WorkerContext, msg: Extract<ContentMessage, { type: T }>, sender: ContentSender) => Result;
};

export const UI_HANDLERS: UiHandlers = {
  'ui/status': data(handleStatus),
  'ui/set-paused': data(handleSetPaused),
  'ui/set-site-rule': handleSetSiteRule,
  'ui/settings-get': data(handleSettingsGet),
  'ui/settings-update': data(handleSettingsUpdate),
  'ui/vault-list': data(handleVaultList),
  'ui/export': data(handleExport),
  'ui/delete-all': data(handleDeleteAll),
  'ui/wallet-state': handleWalletState,
  'ui/onboard': handleOnboard,
  'ui/unlock': handleUnlock,
  'ui/lock': handleLock,
  'ui/account-export': handleAccountExport,
  'ui/account-import': handleAccountImport,
  'ui/network-get': handleNetworkGet,
  'ui/network-set': handleNetworkSet,
  'ui/balances': handleBalances,
  'ui/faucet': handleFaucet,
  'ui/earn-state': handleEarnState,
  'ui/prove-now': handleProveNow,
  'ui/pools': handlePools,
  'ui/hidden-pools': handleHiddenPools,
  'ui/hide-pool': handleHidePool,
  'ui/stake-preview': handleStakePreview,
  'ui/stake': handleStake,
  'ui/unstake': handleUnstake,
  'ui/claim': handleClaim,
  'ui/exit': handleExit,
  'ui/job': handleJob,
};

/**
 * The UI messages whose handler may open a job (built by jobStarter in
 * ./earn), derived from the registry: the worker then makes sure the job
 * resume alarm exists. Polls such as ui/job open nothing.
 */
export const JOB_STARTING_TYPES: ReadonlySet<UiMessage['type']> = new Set(
  (Object.keys(UI_HANDLERS) as UiMessage['type'][]).filter((type) => startsJob(UI_HANDLERS[type])),
);

export const CONTENT_HANDLERS: ContentHandlers = {
  'content/footprint': handleFootprint,
};
