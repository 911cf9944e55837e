import { useEffect, useState } from 'preact/hooks';
import { getNetwork, setNetwork, type NetworkInfo, type NetworkSetting } from '../ui/api';
import { BusyButton } from '../ui/components/busy-button';
import { ErrorView, Loading } from '../ui/components/state-views';
import { errorMessage, t } from '../ui/i18n';
import { useResult } from '../ui/use-result';
import { parseCustomNetwork, type CustomNetworkParse } from './network-form';

type Failure = Extract<CustomNetworkParse, { ok: false }>;

/**
 * Which chain the extension uses: the bundled local devnet (default) or a
 * custom RPC URL with its deployments file, pasted or picked from disk.
 * The form is checked here first (inline errors), then by the worker, which
 * answers the network it resolved; that answer is what the page shows.
 */
export function NetworkSection() {
  const [loaded, reload] = useResult(getNetwork);
  const [saved, setSaved] = useState<NetworkInfo | null>(null);
  const info = saved ?? (loaded.state === 'ready' ? loaded.data : null);
  const [kind, setKind] = useState<NetworkSetting['kind']>('devnet');
  const [rpcUrl, setRpcUrl] = useState('');
  const [deployment, setDeployment] = useState('');
  const [invalid, setInvalid] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'danger'; text: string; code?: string } | null>(null);

  useEffect(() => {
    if (!info) return;
    setKind(info.setting.kind);
    if (info.setting.kind === 'custom') {
      setRpcUrl(info.setting.rpcUrl);
      setDeployment(JSON.stringify(info.setting.deployment, null, 2));
    }
  }, [info]);

  const pickFile = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setDeployment(await file.text());
    setInvalid((v) => (v ? { ...v, deploymentError: undefined } : v));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    let network: NetworkSetting;
    if (kind === 'devnet') network = { kind: 'devnet' };
    else {
      const parsed = parseCustomNetwork(rpcUrl, deployment);
      if (!parsed.ok) {
        setInvalid(parsed);
        document.getElementById(parsed.rpcError ? 'network-rpc' : 'network-deployment')?.focus();
        return;
      }
      network = parsed.network;
    }
    setInvalid(null);
    setBusy(true);
    const result = await setNetwork(network);
    setBusy(false);
    if (result.ok) {
      setSaved(result.data);
      setStatus({ tone: 'ok', text: t('network_saved', result.data.chainId) });
    } else setStatus({ tone: 'danger', text: errorMessage(result.error.code), code: result.error.code });
  };

  const deploymentError = invalid?.deploymentError;
  return (
    <section class="card" aria-labelledby="network-heading" data-testid="network-section" data-kind={info?.setting.kind}
      data-chain-id={info?.chainId}>
      <h2 id="network-heading">{t('options_network_title')}</h2>
      <p class="section-intro">{t('options_network_intro')}</p>
      {!info && loaded.state === 'loading' && <Loading testId="network-loading" />}
      {!info && loaded.state === 'error' && <ErrorView error={loaded.error} onRetry={() => void reload()} testId="network-load-error" />}
      {info && <CurrentNetwork info={info} />}
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate style={{ marginTop: '16px' }}>
        <fieldset class="choice-group">
          <legend>{t('options_network_choose')}</legend>
          <label class="choice">
            <input type="radio" name="network-kind" value="devnet" checked={kind === 'devnet'} onChange={() => setKind('devnet')}
              data-testid="network-devnet" />
            <span>
              <strong>{t('network_devnet')}</strong>
              <span class="small muted">{t('options_network_devnet_help')}</span>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="network-kind" value="custom" checked={kind === 'custom'} onChange={() => setKind('custom')}
              data-testid="network-custom" />
            <span>
              <strong>{t('network_custom')}</strong>
              <span class="small muted">{t('options_network_custom_help')}</span>
            </span>
          </label>
        </fieldset>
        {kind === 'custom' && (
          <div class="stack custom-network">
            <div class="field">
              <label for="network-rpc">{t('options_network_rpc')}</label>
              <input id="network-rpc" type="url" inputMode="url" placeholder="https://" value={rpcUrl} spellcheck={false}
                onInput={(e) => setRpcUrl((e.target as HTMLInputElement).value)} aria-invalid={invalid?.rpcError ? 'true' : 'false'}
                aria-describedby={invalid?.rpcError ? 'network-rpc-error' : undefined} data-testid="network-rpc" />
              {invalid?.rpcError && <p id="network-rpc-error" class="field-error" data-testid="network-rpc-error">{t('network_error_rpc')}</p>}
            </div>
            <div class="field">
              <label for="network-deployment">{t('options_network_deployment')}</label>
              <p id="network-deployment-help" class="small muted">{t('options_network_deployment_help')}</p>
              <textarea id="network-deployment" value={deployment} spellcheck={false} rows={8}
                onInput={(e) => setDeployment((e.target as HTMLTextAreaElement).value)}
                aria-invalid={deploymentError ? 'true' : 'false'}
                aria-describedby={deploymentError ? 'network-deployment-error' : 'network-deployment-help'} data-testid="network-deployment" />
              {deploymentError && (
                <p id="network-deployment-error" class="field-error" data-testid="network-deployment-error">
                  {deploymentError.key === 'network_error_json' ? t('network_error_json')
                    : deploymentError.key === 'network_error_empty' ? t('network_error_empty')
                    : t('network_error_deployment', deploymentError.field ?? '')}
                </p>
              )}
              <div class="row">
                <label class="btn btn-small file-button">
                  {t('options_network_pick_file')}
                  <input type="file" accept=".json,application/json" class="visually-hidden" onChange={(e) => void pickFile(e)}
                    data-testid="network-file" />
                </label>
              </div>
            </div>
          </div>
        )}
        <div>
          <BusyButton type="submit" class="btn btn-primary" busy={busy} data-testid="network-save">
            {t('action_save')}
          </BusyButton>
        </div>
        <p role="status" aria-live="polite" class={status?.tone === 'danger' ? 'field-error' : 'small muted'} data-testid="network-status"
          data-tone={status?.tone} data-error-code={status?.code}>
          {status?.text ?? ''}
        </p>
      </form>
    </section>
  );
}

function CurrentNetwork({ info }: { info: NetworkInfo }) {
  const rows: [string, string, string][] = [
    [t('options_network_dataSbt'), info.contracts.dataSbt, 'network-contract-dataSbt'],
    [t('options_network_poolFactory'), info.contracts.poolFactory, 'network-contract-poolFactory'],
  ];
  if (info.contracts.testToken) rows.push([t('options_network_testToken'), info.contracts.testToken, 'network-contract-testToken']);
  return (
    <div class="network-current" data-testid="network-current" data-chain-id={info.chainId}>
      <dl class="facts facts-grid">
        <div>
          <dt>{t('options_network_current')}</dt>
          <dd>{info.isDevnet ? t('network_devnet') : t('network_custom')}</dd>
        </div>
        <div>
          <dt>{t('options_network_chain_id')}</dt>
          <dd class="num" data-testid="network-chain-id">{info.chainId}</dd>
        </div>
        <div class="span-2">
          <dt>{t('options_network_rpc')}</dt>
          <dd><code class="break">{info.rpcUrl}</code></dd>
        </div>
        {rows.map(([label, address, testId]) => (
          <div class="span-2" key={testId}>
            <dt>{label}</dt>
            <dd><code class="break" data-testid={testId}>{address}</code></dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
