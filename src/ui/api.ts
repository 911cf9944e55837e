import type { SiteRule, UiMessage, UiReplyData } from '../shared/messages';
import { sendUiMessage } from '../shared/send';
import type { SettingsPatch } from '../shared/settings';
import { transport, type Result } from './messaging';

/**
 * Typed calls for every `ui/…` message the pages send, on the shared
 * contract (src/shared/messages.ts). Components import these, never
 * chrome.runtime. Only types come from the contract, so zod stays out of
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
