/**
 * Message type names without any schema code, so the content script can name
 * its messages without pulling zod into its bundle. src/shared/messages.ts
 * holds the schemas and checks (by type) that these lists match them.
 */
export const CONTENT_MESSAGE_TYPES = ['content/footprint'] as const;
export type ContentMessageType = (typeof CONTENT_MESSAGE_TYPES)[number];

export const UI_MESSAGE_TYPES = [
  'ui/status',
  'ui/set-paused',
  'ui/set-site-rule',
  'ui/settings-get',
  'ui/settings-update',
  'ui/vault-list',
  'ui/export',
  'ui/delete-all',
  // wallet and lock (docs/earning.md)
  'ui/wallet-state',
  'ui/onboard',
  'ui/unlock',
  'ui/lock',
  'ui/account-export',
  'ui/account-import',
  // network and balances
  'ui/network-get',
  'ui/network-set',
  'ui/balances',
  'ui/faucet',
  // earning: epochs, jobs, pools
  'ui/earn-state',
  'ui/prove-now',
  'ui/pools',
  'ui/hidden-pools',
  'ui/hide-pool',
  'ui/stake-preview',
  'ui/stake',
  'ui/unstake',
  'ui/claim',
  'ui/exit',
  'ui/job',
] as const;
export type UiMessageType = (typeof UI_MESSAGE_TYPES)[number];
