import { knownNetworkByChainId } from '../shared/network';
import type { NetworkInfo } from './api';
import { t } from './i18n';

/** What the UI calls a network: the devnet, a built-in testnet's name, or "Custom network". */
export function networkName(info: Pick<NetworkInfo, 'isDevnet' | 'chainId'>): string {
  if (info.isDevnet) return t('network_devnet');
  return knownNetworkByChainId(info.chainId)?.name ?? t('network_custom');
}
