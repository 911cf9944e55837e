import { getNetwork, type NetworkInfo } from '../ui/api';
import { t } from '../ui/i18n';
import { networkName } from '../ui/network-name';
import { useResult } from '../ui/use-result';

/**
 * Before anything is signed off the devnet, the popup says which network it is
 * and that transactions there may cost real money: a banner on the Earn and
 * Wallet tabs, and a line in the stake, exit and mint confirmations. Reads the
 * network itself (one small message) so each place stays independent; shows
 * nothing on the devnet or while the answer is pending.
 */
export function NetworkWarning(props: { variant: 'banner' | 'line' }) {
  const [network] = useResult(getNetwork);
  if (network.state !== 'ready' || network.data.isDevnet) return null;
  return <NetworkWarningText info={network.data} variant={props.variant} />;
}

function NetworkWarningText({ info, variant }: { info: NetworkInfo; variant: 'banner' | 'line' }) {
  const text = t('network_real_money', [networkName(info), String(info.chainId)]);
  return (
    <p class={variant === 'banner' ? 'notice' : 'notice small'} data-tone="warn" role="note"
      data-testid={variant === 'banner' ? 'network-warning' : 'network-warning-line'} data-chain-id={info.chainId}>
      {text}
    </p>
  );
}
