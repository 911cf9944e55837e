import { useEffect, useState } from 'preact/hooks';
import { getBalances, getNetwork, requestTestEth, type Balances } from '../ui/api';
import { formatTokenAmount, shortenHex } from '../ui/amounts';
import { BusyButton } from '../ui/components/busy-button';
import { CopyButton } from '../ui/components/copy-button';
import { ErrorView, Loading } from '../ui/components/state-views';
import { formatTime } from '../ui/format';
import { t, uiLanguage } from '../ui/i18n';
import { useAction } from '../ui/use-action';
import { networkName } from '../ui/network-name';
import { useResult } from '../ui/use-result';
import { ExitCard } from './exit-card';
import { NetworkWarning } from './network-warning';
import { openOptions } from './popup-header';
import { useLockWatch, usePopup } from './popup-context';

/**
 * The Wallet tab: the embedded account (address, balances, test ETH on the
 * devnet), where network and key settings live, and the exit flow.
 */
export function WalletTab() {
  const { wallet, announce, jobsSettled } = usePopup();
  const [loaded, reload] = useResult(getBalances);
  const [network, reloadNetwork] = useResult(getNetwork);
  const [fauceted, setFauceted] = useState<Balances | null>(null);
  const { busy, error: faucetError, run } = useAction();
  useLockWatch(loaded);
  useEffect(() => {
    if (jobsSettled === 0) return;
    setFauceted(null);
    void reload();
  }, [jobsSettled, reload]);
  const balances = fauceted ?? (loaded.state === 'ready' ? loaded.data : null);
  const lang = uiLanguage();
  const address = wallet.address ?? balances?.address;

  const faucet = () =>
    run(requestTestEth, (data) => {
      setFauceted(data);
      announce(t('announce_faucet_done'));
    });

  return (
    <div class="stack" data-testid="wallet-tab">
      <NetworkWarning variant="banner" />
      <section class="card stack" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('wallet_account_title')}</h2>
        {address ? (
          <div class="address-row">
            <code class="address" title={address} data-testid="wallet-address" data-address={address}>{shortenHex(address, 8, 6)}</code>
            <CopyButton text={address} label={t('wallet_copy_address')} testId="copy-address"
              onCopied={(ok) => announce(ok ? t('announce_address_copied') : t('copy_failed'))} />
          </div>
        ) : (
          <p class="muted">{t('wallet_no_address')}</p>
        )}
        <p class="small muted">{t('wallet_account_help')}</p>
        {wallet.lockAt !== undefined && (
          <p class="small muted" data-testid="wallet-lock-at">{t('wallet_locks_at', [formatTime(wallet.lockAt), wallet.autoLockMinutes])}</p>
        )}
      </section>

      <section class="card stack" aria-labelledby="balances-heading" data-testid="balances">
        <div class="row-between">
          <h2 id="balances-heading">{t('wallet_balances_title')}</h2>
          <button type="button" class="btn btn-small" onClick={() => { setFauceted(null); void reload(); }} data-testid="balances-refresh">
            {t('action_refresh')}
          </button>
        </div>
        {!balances && loaded.state === 'loading' && <Loading testId="balances-loading" />}
        {!balances && loaded.state === 'error' && <ErrorView error={loaded.error} onRetry={() => void reload()} testId="balances-error" />}
        {balances && (
          <ul class="balances">
            <li data-testid="balance-eth" data-balance={balances.eth}>
              <span>ETH</span>
              <strong class="num">{formatTokenAmount(balances.eth, 18, lang)}</strong>
            </li>
            {balances.tokens.map((token) => (
              <li key={token.address} data-testid="balance-token" data-symbol={token.symbol} data-balance={token.balance}>
                <span>{token.symbol}</span>
                <strong class="num">{formatTokenAmount(token.balance, token.decimals, lang)}</strong>
              </li>
            ))}
          </ul>
        )}
        {network.state === 'ready' && network.data.isDevnet && (
          <div class="stack">
            <BusyButton type="button" class="btn btn-block" busy={busy} onClick={() => void faucet()} data-testid="faucet">
              {t('action_faucet')}
            </BusyButton>
            <p class="small muted">{t('wallet_faucet_help')}</p>
          </div>
        )}
        {faucetError && <p class="field-error" role="alert" data-testid="faucet-error">{faucetError}</p>}
      </section>

      <section class="card stack" aria-labelledby="network-heading" data-testid="network-summary"
        data-chain-id={network.state === 'ready' ? network.data.chainId : undefined}>
        <h2 id="network-heading">{t('wallet_network_title')}</h2>
        {network.state === 'loading' && <Loading testId="network-loading" />}
        {network.state === 'error' && <ErrorView error={network.error} onRetry={() => void reloadNetwork()} testId="network-error" />}
        {network.state === 'ready' && (
          <p>
            {networkName(network.data)}{' '}
            <span class="muted">{t('network_chain_id', network.data.chainId)}</span>
          </p>
        )}
        <button type="button" class="btn btn-link" onClick={() => void openOptions()} data-testid="open-network-options">
          {t('wallet_open_settings')}
        </button>
      </section>

      <ExitCard />
    </div>
  );
}
