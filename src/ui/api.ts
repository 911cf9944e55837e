import type { SiteRule, UiMessage, UiReplyData } from '../shared/messages';
import { sendUiMessage } from '../shared/send';
import type { NetworkSetting } from '../shared/network';
import type { SettingsPatch } from '../shared/settings';
import { EXIT_CONFIRM_WORD } from './form-checks';
import { transport, type Result } from './messaging';

/**
 * Typed calls for every `ui/…` message the pages send, on the shared
 * contract (src/shared/messages.ts). Components import these, never
 * browser.runtime. Only types come from the contract, so zod stays out of
 * the popup bundle; the worker validates every message anyway.
 */
export type {
  CapHit,
  FootprintRow,
  SiteEarnings,
  SiteRule,
  SiteState,
  UiStatus,
  VaultPage,
} from '../shared/messages';
export type { Settings as UiSettings, SettingsPatch } from '../shared/settings';
export type {
  Balances,
  EarnState,
  EligibilityReason,
  JobView,
  NetworkInfo,
  PoolView,
  StakePreview,
  WalletState,
} from '../shared/earning-messages';
export type { NetworkSetting } from '../shared/network';
export type { ErrorCode } from '../shared/error-codes';

function call<M extends UiMessage>(message: M): Promise<Result<UiReplyData<M['type']>>> {
  return sendUiMessage(transport, message) as Promise<Result<UiReplyData<M['type']>>>;
}

export const getStatus = (tabOrigin?: string) =>
  call(tabOrigin ? { type: 'ui/status', tabOrigin } : { type: 'ui/status' });

export const setPaused = (paused: boolean) => call({ type: 'ui/set-paused', paused });

export const setSiteRule = (domain: string, rule: SiteRule) => call({ type: 'ui/set-site-rule', domain, rule });

export const getSettings = () => call({ type: 'ui/settings-get' });

export const updateSettings = (patch: SettingsPatch) => call({ type: 'ui/settings-update', patch });

export const listVault = (offset: number, limit: number) => call({ type: 'ui/vault-list', offset, limit });

export const exportVault = () => call({ type: 'ui/export' });

/** The worker deletes only on the literal 'DELETE'; the dialog gets the user's confirmation first. */
export const deleteAll = () => call({ type: 'ui/delete-all', confirm: 'DELETE' });

// ---- wallet and lock (docs/earning.md "Accounts and keys", "Lock state")

export const getWalletState = () => call({ type: 'ui/wallet-state' });

/** Creates the account key and vault key under `password` (key derivation takes about a second). */
export const onboard = (password: string) => call({ type: 'ui/onboard', password });

export const unlock = (password: string) => call({ type: 'ui/unlock', password });

export const lock = () => call({ type: 'ui/lock' });

/** The account key in hex; the worker re-derives from `password`, the unlocked session is not enough. */
export const exportAccountKey = (password: string) => call({ type: 'ui/account-export', password });

export const importAccountKey = (password: string, privateKey: string) =>
  call({ type: 'ui/account-import', password, privateKey });

// ---- network and balances

export const getNetwork = () => call({ type: 'ui/network-get' });

export const setNetwork = (network: NetworkSetting) => call({ type: 'ui/network-set', network });

export const getBalances = () => call({ type: 'ui/balances' });

/** Devnet only: 10 test ETH for the account; answers the new balances. */
export const requestTestEth = () => call({ type: 'ui/faucet' });

// ---- epochs, pools and jobs (every action answers the job that carries it out)

export const getEarnState = () => call({ type: 'ui/earn-state' });

/** Without `epoch`: the latest finished, unminted epoch that has points. */
export const proveNow = (epoch?: number) =>
  call(epoch === undefined ? { type: 'ui/prove-now' } : { type: 'ui/prove-now', epoch });

export const getPools = () => call({ type: 'ui/pools' });

/** The pools hidden on the current network; `hidePool` hides one or shows it again (a setting). */
export const getHiddenPools = () => call({ type: 'ui/hidden-pools' });

export const hidePool = (pool: string, hidden: boolean) => call({ type: 'ui/hide-pool', pool, hidden });

export const getStakePreview = (pool: string, tokenId: string) => call({ type: 'ui/stake-preview', pool, tokenId });

/** `consent`: for a delivery pool, the digest of the delivery the consent screen showed. */
export const stake = (pool: string, tokenId: string, consent?: string) =>
  call({ type: 'ui/stake', pool, tokenId, ...(consent ? { consent } : {}) });

export const unstake = (pool: string, tokenId: string) => call({ type: 'ui/unstake', pool, tokenId });

export const claim = (pool: string, tokenId: string) => call({ type: 'ui/claim', pool, tokenId });

/** Unstake all, claim, burn every SBT, delete the vault; only after the user typed EXIT. */
export const exitAll = () => call({ type: 'ui/exit', confirm: EXIT_CONFIRM_WORD });

export const getJob = (id: string) => call({ type: 'ui/job', id });
